import { type AsideKind, asidesOf, headingWordsOf, isAside, meetsAny } from './ad-sections.ts';
import type { RunIndex } from './pattern-guard.ts';
import { type ExtractedSkill, findSkillMentions, oneMentionPerSkill, type PhraseIndex } from './extract.ts';
import { contentStemsOf, fuzzyKey, type RetrievalTuning, type SkillRetriever } from './retrieval.ts';
import type { ChineseRetriever } from './retrieval-zh.ts';
import { hasHan, tokenise } from './text.ts';

/** What put a candidate on the list: an ESCO or lexicon label in the text, a soft-skill phrase, or retrieval. */
export type Evidence = 'label' | 'pattern' | 'retrieval';

export interface SkillCandidate {
  uri: string;
  label: string;
  /** In [0, 1]; comparable within one text, not a probability. */
  score: number;
  evidence: Evidence;
  /** True when the occupation the text resembles lists the skill: the context raised its score. */
  inContext: boolean;
  /** The words it was read from (absent when retrieval matched no single stretch of the sentence), so that a
   * candidate can be shown as another reading of the same words as a suggestion. */
  span?: { start: number; end: number; text: string };
}

export interface SentenceSuggestions {
  span: { start: number; end: number; text: string };
  candidates: SkillCandidate[];
}

export interface SkillSuggestions {
  /** Skills to suggest, with the span that names them (label hits as extractSkills gives them, plus the rest). */
  items: ExtractedSkill[];
  /** Per sentence, the best candidates first, for a person to confirm from the top few. */
  sentences: SentenceSuggestions[];
  /** The ESCO occupations whose skill profiles the text's skills resemble most. */
  occupations: Array<{ uri: string; label: string; score: number }>;
  /** Parts of an ad not read for skills, by their heading: benefits, company, place/hours/pay, contact. */
  asides: Array<{ span: { start: number; end: number; text: string }; kind: AsideKind }>;
}

export interface SuggesterData {
  phrases: PhraseIndex;
  english: SkillRetriever;
  chinese: ChineseRetriever;
  /** Job-ad phrasings of skills, soft and duty wordings (data/soft-skills.json), as one expression per skill and
   * script: its Chinese phrasings (`han`) apart from the rest, so that a sentence is scanned only by the phrasings
   * its script can hold. */
  patterns: ReadonlyArray<{ skill: number; pattern: RegExp; han: boolean }>;
  /** The literal runs each of `patterns` cannot match without, by position in `patterns`. */
  patternRuns: RunIndex;
  skillUris: readonly string[];
  skillIndex: ReadonlyMap<string, number>;
  skillLabel: (skill: number, lang: 'en' | 'zh') => string;
  /** Per occupation: its essential and optional skill indexes. */
  occupationSkills: ReadonlyArray<readonly [readonly number[], readonly number[]]>;
  occupationUri: (occupation: number) => string;
  occupationLabel: (occupation: number, lang: 'en' | 'zh') => string;
}

/** Tuned on the dev split of eval/extraction.jsonl (never on test). */
export const TUNING = {
  retrieval: { descriptionWeight: 0.15, coveragePower: 2, fullInformation: 8, minCoverage: 0.5 } as RetrievalTuning,
  /** How much the resembled occupation raises a candidate it lists (score × (1 + context × weight)). */
  contextWeight: 0.35,
  /** Occupations taken as the text's context. */
  contextOccupations: 3,
  /**
   * A retrieval candidate becomes an item at this score, if it is among the first `itemRank` of its sentence. Each
   * retriever scores on its own scale: English 0.75 since session 12 (on dev, retrieval-only items at 0.55–0.75 were
   * right one time in four, below the F1/2 a guess must beat to pay), Chinese unchanged (dev showed no difference).
   */
  itemScore: { latin: 0.75, han: 0.55 },
  itemRank: 1,
  patternScore: 0.8,
  candidatesPerSentence: 5,
  minCandidateScore: 0.1,
} as const;

const LIST_MARKER = /^\s*(?:\d{1,2}|[a-zA-Z])$/;

/** Sentence ends: Chinese and Latin stops, semicolons, line breaks; a full stop only before space (Node.js, 3.5). */
export function splitSentences(text: string): Array<{ start: number; end: number }> {
  const spans: Array<{ start: number; end: number }> = [];
  let start = 0;
  const push = (end: number) => {
    const piece = text.slice(start, end);
    const lead = piece.length - piece.trimStart().length;
    const trimmed = piece.trim();
    if (trimmed) spans.push({ start: start + lead, end: start + lead + trimmed.length });
  };
  for (const match of text.matchAll(/[。！？；;!?\n]|\.(?=\s|$)/gu)) {
    // A list number ("1. ", "b. ") ends no sentence: it belongs to the item it numbers.
    if (match[0] === '.' && LIST_MARKER.test(text.slice(start, match.index))) continue;
    const end = match.index + match[0].length;
    push(end);
    start = end;
  }
  push(text.length);
  return spans;
}

/**
 * Skill → occupations listing it and the relation's weight (1 essential, 0.6 optional), flat: skill s owns entries
 * offsets[s] to offsets[s + 1]; per occupation the square root of its profile's size.
 */
interface SkillOccupations {
  offsets: Int32Array;
  occupations: Int32Array;
  weights: Float64Array;
  profileRoot: Float64Array;
}

interface Working {
  skill: number;
  score: number;
  evidence: Evidence;
  /** Which retriever found it (its own score scale); label hits and phrasings need none. */
  retriever?: 'latin' | 'han';
  span?: { start: number; end: number };
  context: number;
}

export class SkillSuggester {
  readonly #data: SuggesterData;
  #occupationsOfSkill?: SkillOccupations;
  /** Scratch per occupation for #resembledOccupations, zero between calls. */
  readonly #occupationSums: Float64Array;
  /** Skill labels as read, per language: the Chinese one is behind a getter and a look-up each time. */
  readonly #labels: Record<'en' | 'zh', Array<string | undefined>>;

  constructor(data: SuggesterData) {
    this.#data = data;
    this.#occupationSums = new Float64Array(data.occupationSkills.length);
    this.#labels = { en: new Array(data.skillUris.length), zh: new Array(data.skillUris.length) };
  }

  #label(skill: number, lang: 'en' | 'zh'): string {
    this.#labels[lang][skill] ??= this.#data.skillLabel(skill, lang);
    return this.#labels[lang][skill]!;
  }

  /** Built on first use; generic skills have hundreds of occupations. */
  get #skillOccupations(): SkillOccupations {
    if (!this.#occupationsOfSkill) {
      const bySkill: Array<Array<[number, number]>> = this.#data.skillUris.map(() => []);
      this.#data.occupationSkills.forEach(([essential, optional], occupation) => {
        for (const skill of essential) bySkill[skill]!.push([occupation, 1]);
        for (const skill of optional) bySkill[skill]!.push([occupation, 0.6]);
      });
      const offsets = new Int32Array(bySkill.length + 1);
      bySkill.forEach((list, skill) => {
        offsets[skill + 1] = offsets[skill]! + list.length;
      });
      const occupations = new Int32Array(offsets[bySkill.length]!);
      const weights = new Float64Array(occupations.length);
      bySkill.forEach((list, skill) => {
        list.forEach(([occupation, weight], k) => {
          occupations[offsets[skill]! + k] = occupation;
          weights[offsets[skill]! + k] = weight;
        });
      });
      const profileRoot = Float64Array.from(this.#data.occupationSkills, ([essential, optional]) =>
        Math.sqrt(essential.length + optional.length),
      );
      this.#occupationsOfSkill = { offsets, occupations, weights, profileRoot };
    }
    return this.#occupationsOfSkill;
  }

  suggest(text: string, lang?: 'en' | 'zh'): SkillSuggestions {
    const data = this.#data;
    const labelLang: 'en' | 'zh' = lang === 'zh' || (lang === undefined && hasHan(text)) ? 'zh' : 'en';
    const asides = asidesOf(text);
    const headingWords = headingWordsOf(text);
    // Every mention is a candidate of its sentence (a skill a CV names twice, twice); items keep one a skill.
    const spans = splitSentences(text).filter((span) => !isAside(asides, span.start));
    const phrasingsBySentence = spans.map((span) => phrasingsIn(text, span, data));
    const phrasings = phrasingsBySentence.flat();
    // An ESCO alternative label read inside a curated phrasing of another skill gives way to it: the phrasing was
    // written with the words that tell the sense ("conduct interviews" with candidates is *interview people*, not
    // *give interviews to media*, whose alternative label it also is).
    const mentions = findSkillMentions(text, data.phrases, lang).filter(
      (hit) =>
        !isAside(asides, hit.span.start) &&
        !meetsAny(headingWords, hit.span.start, hit.span.end) &&
        !(
          hit.alternative &&
          phrasings.some(
            (p) => p.skill !== data.skillIndex.get(hit.uri) && p.start <= hit.span.start && hit.span.end <= p.end,
          )
        ),
    );
    const hits = oneMentionPerSkill(mentions);
    const labelHits = mentions.flatMap((hit) => {
      const skill = data.skillIndex.get(hit.uri);
      return skill === undefined ? [] : [{ skill, hit }];
    });
    const sentences = spans.map((span, at) => {
      const sentence = text.slice(span.start, span.end);
      const found = new Map<number, Working>();
      const offer = (candidate: Working) => {
        // Retrieval that leans on a heading's name (自我评 of 自我评价 for 自我评估) reads no skill.
        if (candidate.span && meetsAny(headingWords, candidate.span.start, candidate.span.end)) return;
        const current = found.get(candidate.skill);
        if (current && candidate.score <= current.score) return;
        // A higher retrieval score raises a label's or a phrasing's candidate, but keeps its evidence and span: a
        // phrasing is an item whatever its rank, a retrieval candidate only first in its sentence.
        const keeps = current && current.evidence !== 'retrieval' && candidate.evidence === 'retrieval';
        found.set(candidate.skill, keeps ? { ...current, score: candidate.score } : candidate);
      };
      for (const { skill, hit } of labelHits)
        if (hit.span.start >= span.start && hit.span.start < span.end)
          offer({ skill, score: hit.confidence, evidence: 'label', span: hit.span, context: 0 });
      const han = hasHan(sentence);
      for (const { skill, start, end } of phrasingsBySentence[at]!)
        offer({ skill, score: TUNING.patternScore, evidence: 'pattern', span: { start, end }, context: 0 });
      const tokens = tokenise(sentence);
      const stems = contentStemsOf(tokens);
      if (stems.length > 0) {
        const fuzzy = tokens.map((t) => fuzzyKey(t.stem) ?? t.stem);
        for (const hit of data.english.retrieve(stems, 20, TUNING.retrieval)) {
          // The span runs from the first to the last token whose stem or prefix key is a matched word's.
          const keys: string[] = [];
          for (const s of hit.matched) keys.push(s, fuzzyKey(s) ?? s);
          const shows = (k: number) => keys.includes(tokens[k]!.stem) || keys.includes(fuzzy[k]!);
          let first = 0;
          while (first < tokens.length && !shows(first)) first++;
          let last = tokens.length - 1;
          while (last > first && !shows(last)) last--;
          offer({
            skill: hit.skill,
            score: hit.score,
            evidence: 'retrieval',
            retriever: 'latin',
            ...(first < tokens.length
              ? { span: { start: span.start + tokens[first]!.start, end: span.start + tokens[last]!.end } }
              : {}),
            context: 0,
          });
        }
      }
      if (han)
        for (const hit of data.chinese.retrieve(sentence, 20))
          offer({
            skill: hit.skill,
            score: hit.score,
            evidence: 'retrieval',
            retriever: 'han',
            span: { start: span.start + hit.start, end: span.start + hit.end },
            context: 0,
          });
      return { span, found };
    });

    const occupations = this.#resembledOccupations(sentences.map((s) => s.found));
    const contextOf = new Map<number, number>();
    const top = occupations[0]?.score ?? 0;
    for (const { occupation, score } of occupations) {
      const [essential, optional] = data.occupationSkills[occupation]!;
      const weight = top > 0 ? score / top : 0;
      for (const skill of essential) contextOf.set(skill, Math.max(contextOf.get(skill) ?? 0, weight));
      for (const skill of optional) contextOf.set(skill, Math.max(contextOf.get(skill) ?? 0, 0.6 * weight));
    }

    const items = new Map<string, ExtractedSkill>();
    for (const hit of hits) items.set(hit.uri, hit);
    const result: SentenceSuggestions[] = sentences.map(({ span, found }) => {
      const ranked = [...found.values()]
        .map((c) => {
          const context = contextOf.get(c.skill) ?? 0;
          return { ...c, context, score: Math.min(1, c.score * (1 + TUNING.contextWeight * context)) };
        })
        .filter((c) => c.score >= TUNING.minCandidateScore)
        .sort((a, b) => b.score - a.score || a.skill - b.skill);
      // Words a label hit or a phrasing already reads, with the skill it reads them as: gathered only for a retrieval
      // candidate about to become an item (at most `itemRank` a sentence).
      const claimed = () => [
        ...mentions,
        ...ranked
          .filter((c) => c.evidence === 'pattern' && c.span)
          .map((c) => ({
            uri: data.skillUris[c.skill]!,
            span: { ...c.span!, text: text.slice(c.span!.start, c.span!.end) },
          })),
      ];
      ranked.forEach((c, rank) => {
        const accepted =
          c.evidence === 'pattern' ||
          (c.evidence === 'retrieval' &&
            rank < TUNING.itemRank &&
            c.score >= TUNING.itemScore[c.retriever!] &&
            !readsAnotherLabel(c, claimed(), data.skillUris[c.skill]!));
        if (!accepted) return;
        const uri = data.skillUris[c.skill]!;
        const where = c.span ?? span;
        const item: ExtractedSkill = {
          uri,
          label: this.#label(c.skill, labelLang),
          span: { start: where.start, end: where.end, text: text.slice(where.start, where.end) },
          confidence: Math.round(c.score * 100) / 100,
        };
        // A label hit keeps its span (it names the skill most exactly); the confidence is the higher one.
        const current = items.get(uri);
        if (!current) items.set(uri, item);
        else if (current.confidence < item.confidence) items.set(uri, { ...current, confidence: item.confidence });
      });
      return {
        span: { ...span, text: text.slice(span.start, span.end) },
        candidates: ranked.slice(0, TUNING.candidatesPerSentence).map((c) => ({
          uri: data.skillUris[c.skill]!,
          label: this.#label(c.skill, labelLang),
          score: Math.round(c.score * 1000) / 1000,
          evidence: c.evidence,
          inContext: c.context > 0,
          ...(c.span ? { span: { ...c.span, text: text.slice(c.span.start, c.span.end) } } : {}),
        })),
      };
    });
    return {
      items: [...items.values()].sort((a, b) => a.span.start - b.span.start || b.confidence - a.confidence),
      sentences: result,
      occupations: occupations.map(({ occupation, score }) => ({
        uri: data.occupationUri(occupation),
        label: data.occupationLabel(occupation, labelLang),
        score: Math.round(score * 1000) / 1000,
      })),
      asides: asides.map(({ start, end, kind }) => ({ span: { start, end, text: text.slice(start, end) }, kind })),
    };
  }

  /**
   * The occupations whose ESCO profiles hold most of the text's likelier skills (weighted by score, essential
   * above optional), normalised by the square root of the profile's size so that big profiles do not win by size.
   */
  #resembledOccupations(
    found: ReadonlyArray<ReadonlyMap<number, Working>>,
  ): Array<{ occupation: number; score: number }> {
    const evidence = new Map<number, number>();
    for (const sentence of found)
      for (const c of sentence.values())
        if (c.score >= 0.4) evidence.set(c.skill, Math.max(evidence.get(c.skill) ?? 0, c.score));
    // A typed accumulator: generic skills are listed by hundreds of occupations.
    const sums = this.#occupationSums;
    const touched: number[] = [];
    const { offsets, occupations, weights, profileRoot } = this.#skillOccupations;
    for (const [skill, weight] of evidence)
      for (let k = offsets[skill]!; k < offsets[skill + 1]!; k++) {
        const occupation = occupations[k]!;
        if (sums[occupation] === 0) touched.push(occupation);
        sums[occupation] = sums[occupation]! + weight * weights[k]!;
      }
    // The best few, kept in order while the touched occupations (often thousands) are read once: no sort of all.
    const best: Array<{ occupation: number; score: number }> = [];
    const before = (a: { occupation: number; score: number }, b: { occupation: number; score: number }) =>
      a.score > b.score || (a.score === b.score && a.occupation < b.occupation);
    for (const occupation of touched) {
      const candidate = { occupation, score: sums[occupation]! / profileRoot[occupation]! };
      sums[occupation] = 0;
      if (!(candidate.score > 0)) continue;
      if (best.length === TUNING.contextOccupations && !before(candidate, best[best.length - 1]!)) continue;
      let at = best.length;
      while (at > 0 && before(candidate, best[at - 1]!)) at--;
      best.splice(at, 0, candidate);
      if (best.length > TUNING.contextOccupations) best.pop();
    }
    return best;
  }
}

/** Where the curated phrasings (data/soft-skills.json) match in one sentence, with their skill. */
function phrasingsIn(
  text: string,
  span: { start: number; end: number },
  data: SuggesterData,
): Array<{ skill: number; start: number; end: number }> {
  const sentence = text.slice(span.start, span.end);
  const han = hasHan(sentence);
  const latin = /[A-Za-z0-9]/.test(sentence);
  const may = data.patternRuns.candidates(sentence.toLowerCase());
  const found: Array<{ skill: number; start: number; end: number }> = [];
  for (let k = 0; k < data.patterns.length; k++) {
    const { skill, pattern, han: chinese } = data.patterns[k]!;
    if ((chinese ? !han : !latin) || !may[k]) continue;
    const match = pattern.exec(sentence);
    if (match) found.push({ skill, start: span.start + match.index, end: span.start + match.index + match[0].length });
  }
  return found;
}

/**
 * A retrieval reading that takes in words a longer label or a phrasing already reads as another skill ("knowledge of
 * supply chain management" is no *knowledge management*; "customer feedback and share insights" no *customer
 * insight*): its span crosses such a reading of two or more words, or holds it and ends on its last word.
 */
function readsAnotherLabel(
  candidate: { span?: { start: number; end: number } },
  claimed: ReadonlyArray<{ uri: string; span: { start: number; end: number; text: string } }>,
  uri: string,
): boolean {
  const span = candidate.span;
  if (!span) return false;
  return claimed.some(
    (hit) =>
      hit.uri !== uri &&
      /\s/.test(hit.span.text.trim()) &&
      hit.span.start < span.end &&
      span.start < hit.span.end &&
      !(span.start >= hit.span.start && span.end <= hit.span.end) &&
      // It crosses the other reading, or ends on the same word, that reading's head; holding it whole and going on
      // is a coordination sharing a verb ("Install and maintain firewalls and VPNs": both are read).
      (span.start > hit.span.start || span.end < hit.span.end || span.end === hit.span.end),
  );
}
