import { hasHan, normalise, stem, type Token, tokenise } from './text.ts';
import { type GappedIndex, gappedIndex, gappedMatches } from './zh-gapped.ts';
import { generatedWordings } from './zh-wordings.ts';
import { labelVariants, lightVerbAdjective } from './variants.ts';

export interface ExtractedSkill {
  uri: string;
  label: string;
  span: { start: number; end: number; text: string };
  confidence: number;
}

/** Where a phrase comes from, most trusted first; an alternative label's variant is the least. */
const SOURCE = { preferred: 0, lexicon: 1, preferredVariant: 2, alternative: 3, alternativeVariant: 4 } as const;
type Source = (typeof SOURCE)[keyof typeof SOURCE];
const CONFIDENCE_PENALTY: Record<Source, number> = { 0: 0, 1: 0.05, 2: 0.1, 3: 0.1, 4: 0.15 };

interface Phrase {
  stems: string[];
  /** For acronym labels ("LED", "PLC"): the exact tokens the text must show, so "I led a team" is not a diode. */
  acronym?: string[];
  /** Words the text must show as written where they have capitals ("R", "C#", "Excel"), so "excel at" is no tool. */
  exact?: string[];
  /** A one-word label in an inflected form ("securities"): only that form matches, not its stem ("security"). */
  form?: string;
  /** The adjective of a light-verb label ("show commitment" → "committed"): only an adjective form matches, not the
   * verb that shares its stem ("commit code", "determine the cause"). */
  adjective?: true;
  /** The object-first wording of a verb label ("forklift driving"): only with the verb's -ing form, not a finite
   * verb after its subject ("our staff develop") nor a participle ("equipment well maintained"). */
  gerund?: true;
  uri: string;
  label: string;
  source: Source;
  /**
   * Between alternative labels of two skills, how strongly the phrase's words point at the skill's own preferred
   * label (rare words count more): "forklift driving" is "operate forklift" more than "drive agricultural machines".
   */
  anchor: number;
  /** How many of the skill's labels give this phrase: the next tie-break. */
  support: number;
}

interface ChineseTrie {
  /** By UTF-16 code unit, as a number: no one-character string is cut out of the text at each step. */
  next: Map<number, ChineseTrie>;
  phrase?: ChinesePhrase;
}

interface ChinesePhrase {
  text: string;
  uri: string;
  label: string;
  preferred: boolean;
  /** A knowledge concept: its verb-initial labels are noun compounds (操作系统), never split (zh-gapped.ts). */
  knowledge: boolean;
}

export interface PhraseIndex {
  /**
   * By first word, then by second word (phrases of two or more words) or alone (one-word phrases), each list in
   * preference order: a token looks only at phrases that can start there, not at every phrase of its first word.
   */
  english: Map<string, { byNext: Map<string, Phrase[]>; single: Phrase[] }>;
  /** Chinese entries as a character trie (the preferred label where two share a text): a position costs a walk
   * as long as the longest entry starting there, not a scan of every entry of its first character. */
  chinese: ChineseTrie;
  /** The same entries that are a verb and its object, by verb, for the two written apart (zh-gapped.ts). */
  gapped: GappedIndex;
}

export interface IndexedSkill {
  uri: string;
  type?: string;
  preferredLabel: string;
  altLabels: string[];
  zh?: { label: string; aliases: string[] };
  /** Curated names of the skill (data/lexicon.json). */
  terms?: readonly string[];
}

/**
 * One-word labels that are too general to mean a skill on their own in running text
 * ("design", "management"); a longer phrase containing them still matches. Language names do count
 * (an ad that says "English" means the language), except "Chinese", which in ads is mostly "Chinese customers".
 */
const GENERIC_SINGLE_WORDS = new Set(
  [
    'management',
    'communication',
    'design',
    'chinese',
    'sales',
    'marketing',
    'teamwork',
    'leadership',
    'planning',
    'research',
    'analysis',
    'support',
    'service',
    'services',
    'training',
    'teaching',
    'writing',
    'reading',
    'speaking',
    'listening',
    'learning',
    'work',
    'working',
    'engineering',
    'science',
    'technology',
    'production',
    'maintenance',
    'operation',
    'operations',
    'quality',
    'safety',
    'development',
    'administration',
    'law',
    'art',
    'music',
    'health',
    'care',
    'business',
    'finance',
    'logistics',
    'report',
    'reports',
    'data',
    'product',
    'products',
    'system',
    'systems',
    'process',
    'processes',
    'tools',
    'software',
    'hardware',
    'network',
    'networks',
    'control',
    'testing',
    'test',
    'inspection',
    'assembly',
    'repair',
    'cleaning',
    'cooking',
    'driving',
    'nursing',
    'accounting',
    'budget',
    'customer',
    'customers',
    'team',
    'project',
    'projects',
    'experience',
    'knowledge',
    'skills',
    'ability',
    'tasks',
    'people',
    'time',
    'language',
    'languages',
    'documents',
    'documentation',
    'equipment',
    'machines',
    'materials',
    'standards',
  ].map(stem),
);
const MAX_PHRASE_WORDS = 6;
/**
 * A word in the labels of this many skills is an ordinary English word ("security" 122, "lead" 67, "term" 32,
 * "current" 21), not a name: alone, as an alternative label, it does not fire. Names sit far below
 * ("Python" 1, "SQL" 4, "German" 5, "lean" 9).
 */
const COMMON_WORD_SKILLS = 15;

/** How often each stem is used across all labels: what tells a name from an ordinary or ambiguous word. */
interface WordStats {
  /** Skills any of whose labels contain the stem. */
  inLabels: Map<string, number>;
  /** Skills whose preferred label contains the stem. */
  inPreferred: Map<string, number>;
  /** Skills with a one-word label of this stem. */
  alone: Map<string, number>;
}

interface TokenisedLabel {
  raw: string[];
  tokens: Token[];
  source: Source;
}

export function buildPhraseIndex(skills: readonly IndexedSkill[]): PhraseIndex {
  const stats = wordStats(skills);
  const known = (word: string) => stats.inLabels.has(word);
  const phrases = new Map<string, Phrase>();
  // Labels are tokenised again here rather than kept from the statistics pass: holding 400k tokens costs more in GC.
  for (const skill of skills) {
    const labels = tokenisedLabels(skill);
    const preferred = labels.find((l) => l.source === SOURCE.preferred)?.tokens ?? [];
    const genericConcept = preferred.length === 1 && GENERIC_SINGLE_WORDS.has(preferred[0]!.stem);
    // ESCO qualifies a name that is also a word ("Chef (tools for software configuration management)", "Unity
    // (digital game creation systems)"): the bare name then means the tool only as written, capitalised.
    const qualifiedName = /\(.+\)$/.test(skill.preferredLabel);
    const ownPreferred = new Set(preferred.map((t) => t.stem));
    const anchor = (stems: readonly string[]) =>
      [...new Set(stems)].reduce(
        (sum, word) => sum + (ownPreferred.has(word) ? 1 / (stats.inLabels.get(word) ?? 1) : 0),
        0,
      );
    const add = (phrase: Omit<Phrase, 'uri' | 'label' | 'support' | 'anchor'>) => {
      const key = `${skill.uri} ${wordingOf(phrase)}`;
      const current = phrases.get(key);
      if (current) {
        current.support++;
        if (phrase.source < current.source) Object.assign(current, phrase);
      } else
        phrases.set(key, {
          ...phrase,
          uri: skill.uri,
          label: skill.preferredLabel,
          anchor: anchor(phrase.stems),
          support: 1,
        });
    };
    for (const { raw, tokens, source } of labels) {
      if (tokens.length > MAX_PHRASE_WORDS) continue;
      const stems = tokens.map((t) => t.stem);
      if (source === SOURCE.lexicon) {
        add({ stems, exact: raw, source });
        continue;
      }
      if (raw.every(isAcronym)) {
        // Two-letter acronyms ("IT", "RE", "ST") stand for many things; only a skill's own name counts.
        if (stems.length > 1 || stems[0]!.length >= 3 || source === SOURCE.preferred)
          add({ stems, acronym: raw.map(singularAcronym), source });
        continue;
      }
      if (stems.length === 1) {
        const single = singleWordPhrase(
          tokens[0]!,
          raw[0]!,
          source,
          stats,
          genericConcept,
          ownPreferred.has(stems[0]!),
          qualifiedName,
        );
        if (single) add({ stems, ...single, source });
        continue;
      }
      add({ stems, source });
      if (skill.type === 'skill/competence') {
        const preferredLabel = source === SOURCE.preferred;
        const variantSource = preferredLabel ? SOURCE.preferredVariant : SOURCE.alternativeVariant;
        const words = tokens.map((t) => t.text);
        const verb = stem(words[0]!);
        for (const variant of labelVariants(words, known, preferredLabel))
          add({
            stems: variant,
            source: variantSource,
            ...(variant.length === 2 && variant[1] === verb ? { gerund: true as const } : {}),
          });
        const adjective = lightVerbAdjective(words);
        if (adjective) add({ stems: [adjective], adjective: true, source: variantSource });
      }
    }
  }
  const english = new Map<string, Phrase[]>();
  for (const phrase of withoutTiedAlternatives(phrases.values())) {
    const bucket = english.get(phrase.stems[0]!) ?? [];
    bucket.push(phrase);
    english.set(phrase.stems[0]!, bucket);
  }
  // Longest phrase first, so the first hit at a position is the longest match; then the most trusted source, and
  // between alternative labels of two skills, the one anchored in its skill's name, then the better supported.
  const rank = (p: Phrase) => Math.min(p.source, SOURCE.alternative);
  for (const bucket of english.values()) {
    bucket.sort(
      (a, b) =>
        b.stems.length - a.stems.length ||
        rank(a) - rank(b) ||
        b.anchor - a.anchor ||
        b.support - a.support ||
        a.source - b.source,
    );
  }
  const indexed = new Map<string, { byNext: Map<string, Phrase[]>; single: Phrase[] }>();
  for (const [first, bucket] of english) {
    const entry = { byNext: new Map<string, Phrase[]>(), single: [] as Phrase[] };
    for (const phrase of bucket) {
      if (phrase.stems.length === 1) entry.single.push(phrase);
      else entry.byNext.set(phrase.stems[1]!, [...(entry.byNext.get(phrase.stems[1]!) ?? []), phrase]);
    }
    indexed.set(first, entry);
  }
  const entries = chineseEntries(skills);
  const gapped = gappedIndex(entries.filter((entry) => !entry.knowledge));
  return { english: indexed, chinese: chineseTrie(entries), gapped };
}

/** What the text must show for a phrase to match: two phrases with the same wording match the same words. */
const wordingOf = (phrase: Omit<Phrase, 'uri' | 'label' | 'support' | 'anchor' | 'source'>): string =>
  `${phrase.stems.join(' ')} ${phrase.form ?? ''} ${phrase.exact?.join(' ') ?? ''} ${phrase.acronym ? 'A' : ''}${phrase.adjective ? 'J' : ''}${phrase.gerund ? 'G' : ''}`;

/**
 * An alternative label that two skills share, neither anchored in its own name more than the other, names neither:
 * ESCO gives "advise customers" to *advise others* and to *advise on customs regulations*, and picking the first
 * would be chance. Such a wording is left to retrieval and phrasings; a preferred label or a better-anchored
 * alternative still wins as before.
 */
function withoutTiedAlternatives(phrases: Iterable<Phrase>): Phrase[] {
  const all = [...phrases];
  const byWording = new Map<string, Phrase[]>();
  for (const phrase of all) {
    const key = wordingOf(phrase);
    byWording.set(key, [...(byWording.get(key) ?? []), phrase]);
  }
  const tied = new Set<Phrase>();
  for (const group of byWording.values()) {
    if (group.length < 2 || group.some((p) => p.source < SOURCE.alternative)) continue;
    const best = Math.max(...group.map((p) => p.anchor));
    if (group.filter((p) => p.anchor === best).length > 1) for (const p of group) tied.add(p);
  }
  return all.filter((phrase) => !tied.has(phrase));
}

function chineseEntries(skills: readonly IndexedSkill[]): ChinesePhrase[] {
  const labelled = skills.filter((skill) => skill.zh);
  const entries = labelled.flatMap((skill) =>
    [{ text: skill.zh!.label, preferred: true }, ...skill.zh!.aliases.map((text) => ({ text, preferred: false }))]
      .filter(({ text }) => text.length >= 2)
      .map((entry) => ({ ...entry, uri: skill.uri, label: skill.zh!.label, knowledge: skill.type === 'knowledge' })),
  );
  // Rule-made wordings (维修设备 for 设备维修 …, see zh-wordings.ts) count as aliases.
  for (const { text, concept } of generatedWordings(labelled.map((s) => [s.zh!.label, ...s.zh!.aliases]))) {
    const skill = labelled[concept]!;
    if (text.length >= 2)
      entries.push({
        text,
        preferred: false,
        uri: skill.uri,
        label: skill.zh!.label,
        knowledge: skill.type === 'knowledge',
      });
  }
  return entries;
}

function chineseTrie(entries: readonly ChinesePhrase[]): ChineseTrie {
  const root: ChineseTrie = { next: new Map() };
  for (const entry of entries) {
    let node = root;
    // By UTF-16 unit, as the text is walked.
    for (let k = 0; k < entry.text.length; k++) {
      const unit = entry.text.charCodeAt(k);
      const child = node.next.get(unit) ?? { next: new Map<number, ChineseTrie>() };
      node.next.set(unit, child);
      node = child;
    }
    if (!node.phrase || (entry.preferred && !node.phrase.preferred)) node.phrase = entry;
  }
  return root;
}

const CONJUNCTION = /^(and|or|but)\s/i;

function tokenisedLabels(skill: IndexedSkill): TokenisedLabel[] {
  const labels = [
    { label: skill.preferredLabel, source: SOURCE.preferred },
    ...skill.altLabels.map((label) => ({ label, source: SOURCE.alternative })),
    ...(skill.terms ?? []).map((label) => ({ label, source: SOURCE.lexicon })),
  ];
  return labels.flatMap(({ label, source }) => {
    const tokens = tokenise(label);
    // A label that opens with a conjunction is a fragment of another ("and procedures"), naming nothing alone.
    if (tokens.length === 0 || CONJUNCTION.test(label)) return [];
    return [{ raw: tokens.map((t) => label.slice(t.start, t.end)), tokens, source }];
  });
}

function wordStats(skills: readonly IndexedSkill[]): WordStats {
  const stats: WordStats = { inLabels: new Map(), inPreferred: new Map(), alone: new Map() };
  const count = (map: Map<string, number>, words: Iterable<string>) => {
    for (const word of new Set(words)) map.set(word, (map.get(word) ?? 0) + 1);
  };
  // Splitting the normalised label gives the same words as tokenise(), several times faster.
  const stemsOf = (label: string) => normalise(label).split(' ').filter(Boolean).map(stem);
  for (const skill of skills) {
    const preferred = stemsOf(skill.preferredLabel);
    const alternatives = skill.altLabels.map(stemsOf);
    count(stats.inLabels, [preferred, ...alternatives].flat());
    count(stats.inPreferred, preferred);
    // A curated term makes its word ambiguous too: "Scrum" in the lexicon outranks ESCO's lone "scrum" elsewhere.
    const terms = (skill.terms ?? []).map(stemsOf);
    count(
      stats.alone,
      [preferred, ...alternatives, ...terms].filter((words) => words.length === 1).map((words) => words[0]!),
    );
  }
  return stats;
}

/**
 * Whether a one-word label may fire alone, and how strictly. Alone, a word has no context to say which sense is
 * meant, so an alternative label fires only when it is a name: not an ordinary word, not another skill's one-word
 * label, not a word of another skill's preferred label ("agile" is in "Agile project management").
 */
function singleWordPhrase(
  token: Token,
  raw: string,
  source: Source,
  stats: WordStats,
  genericConcept: boolean,
  inOwnPreferred: boolean,
  qualifiedName: boolean,
): Pick<Phrase, 'exact' | 'form'> | undefined {
  const word = token.stem;
  // Genericness belongs to the concept: "communicating" must not fire what "communication" may not.
  if (GENERIC_SINGLE_WORDS.has(word) || genericConcept) return undefined;
  const written = raw !== raw.toLowerCase();
  // Short names ("R", "C#") only as a skill's own name, and as written.
  if (token.text.length < 3) return source === SOURCE.preferred && written ? { exact: [raw] } : undefined;
  const common = (stats.inLabels.get(word) ?? 0) >= COMMON_WORD_SKILLS;
  if (source !== SOURCE.preferred) {
    const sharedPreferred = (stats.inPreferred.get(word) ?? 0) - (inOwnPreferred ? 1 : 0) > 0;
    if (common || sharedPreferred || (stats.alone.get(word) ?? 0) > 1) return undefined;
  }
  const inflected = token.stem !== token.text && !(token.text.endsWith('e') && token.stem === token.text.slice(0, -1));
  return {
    ...(written && (common || qualifiedName) ? { exact: [raw] } : {}),
    // An inflected label is often a word of its own (securities, goods, customs): its stem means something else.
    ...(inflected ? { form: token.text } : {}),
  };
}

/** Dictionary extraction: longest match of ESCO labels (English, in any text) and curated labels (Chinese); one
 * mention a skill, its most confident. */
export function extractSkillMentions(text: string, index: PhraseIndex, lang?: 'en' | 'zh'): ExtractedSkill[] {
  return oneMentionPerSkill(findSkillMentions(text, index, lang));
}

/** The mention of each skill with the highest confidence (the first of equals), in text order. */
export function oneMentionPerSkill(mentions: readonly Mention[]): ExtractedSkill[] {
  const byUri = new Map<string, ExtractedSkill>();
  for (const { alternative: _, ...hit } of mentions) {
    const current = byUri.get(hit.uri);
    if (!current || hit.confidence > current.confidence) byUri.set(hit.uri, hit);
  }
  return [...byUri.values()].sort((a, b) => a.span.start - b.span.start);
}

/** A mention as found, with whether it was read from an ESCO alternative label (or its variant), the least trusted. */
export interface Mention extends ExtractedSkill {
  alternative: boolean;
}

/** Every mention the dictionary finds, a skill named twice (in two sentences of a CV) twice, in text order. */
export function findSkillMentions(text: string, index: PhraseIndex, lang?: 'en' | 'zh'): Mention[] {
  const found: Mention[] = [];
  // Chinese ads name tools and languages in Latin script (SQL, Java, PLC), so the English matcher runs over them too.
  {
    const tokens = tokenise(text);
    const longerAt = (at: number): Phrase | undefined => {
      const next = tokens[at + 1]?.stem;
      const phrases = next === undefined ? undefined : index.english.get(tokens[at]!.stem)?.byNext.get(next);
      return phrases?.find((phrase) => matchesAt(phrase, tokens, at, text));
    };
    for (let i = 0; i < tokens.length; ) {
      const match =
        longerAt(i) ?? index.english.get(tokens[i]!.stem)?.single.find((p) => matchesAt(p, tokens, i, text));
      // English compounds put the head last: a label whose last word opens a longer one ("building machine" in
      // "building machine learning models") ends on a modifier, and the longer label is read instead.
      if (!match || (match.stems.length > 1 && longerAt(i + match.stems.length - 1))) {
        i++;
        continue;
      }
      const last = tokens[i + match.stems.length - 1]!;
      const multiWord = match.stems.length > 1;
      found.push({
        uri: match.uri,
        label: match.label,
        span: { start: tokens[i]!.start, end: last.end, text: text.slice(tokens[i]!.start, last.end) },
        confidence: (multiWord ? 0.9 : 0.65) - CONFIDENCE_PENALTY[match.source],
        alternative: match.source >= SOURCE.alternative,
      });
      i += match.stems.length;
    }
  }
  const firstChinese = found.length;
  if (lang !== 'en' && hasHan(text)) {
    for (let i = 0; i < text.length; ) {
      const match = longestChineseAt(text, i, index.chinese);
      if (
        !match ||
        isChineseFragment(text, i, match.text.length) ||
        cutsLatinWord(text, i, match.text.length) ||
        namesOrganisation(text, i + match.text.length)
      ) {
        i++;
        continue;
      }
      found.push({
        uri: match.uri,
        label: match.label,
        span: { start: i, end: i + match.text.length, text: match.text },
        confidence: (match.text.length >= 3 ? 0.85 : 0.7) - (match.preferred ? 0 : 0.05),
        alternative: false,
      });
      i += match.text.length;
    }
  }
  // Where an English and a Chinese match overlap ("PCB" inside "PCB设计"), the longer span wins, then the curated one.
  const byPreference = found
    .map((hit, index) => ({ hit, curated: index >= firstChinese }))
    .sort(
      (a, b) =>
        spanLength(b.hit) - spanLength(a.hit) ||
        Number(b.curated) - Number(a.curated) ||
        a.hit.span.start - b.hit.span.start,
    );
  const kept: Mention[] = [];
  for (const { hit } of byPreference) if (!kept.some((k) => overlaps(k, hit))) kept.push(hit);
  if (lang !== 'en' && hasHan(text)) addGapped(text, index.gapped, kept);
  return kept
    .sort((a, b) => a.span.start - b.span.start)
    .map((hit) => ({ ...hit, confidence: Math.round(hit.confidence * 100) / 100 }));
}

/**
 * Verb and object written apart (看懂零件图纸 for 看懂图纸, zh-gapped.ts): the pair replaces what the dictionary
 * found inside the object (图纸 → *blueprints*) or cutting into it from between (零件图 in 零件图纸), but not a longer
 * word holding the object or the verb (施工图纸,
 * 焊接机器人), and leaves the words between them alone (游标卡尺 in 使用游标卡尺等量具 stays).
 */
function addGapped(text: string, index: GappedIndex, kept: Mention[]): void {
  const taken: Array<{ start: number; end: number }> = [];
  for (const hit of gappedMatches(text, index)) {
    const object = { start: hit.objectStart, end: hit.end };
    if (isChineseFragment(text, object.start, object.end - object.start)) continue;
    if (taken.some((t) => t.start < object.end && object.start < t.end)) continue;
    const within = (k: ExtractedSkill) => k.span.start >= object.start && k.span.end <= object.end;
    // A word from the gap that ends inside the object cuts it (零件图|纸 in 看得懂零件图纸): a wrong reading, replaced.
    const cutsObject = (k: ExtractedSkill) =>
      k.span.start >= hit.start + 2 &&
      k.span.start < object.start &&
      k.span.end > object.start &&
      k.span.end < object.end;
    const crossesObject = (k: ExtractedSkill) =>
      k.span.start < object.end && object.start < k.span.end && !within(k) && !cutsObject(k);
    const holdsVerb = (k: ExtractedSkill) =>
      k.span.start < hit.start + 2 && hit.start < k.span.end && spanLength(k) > 2;
    if (kept.some((k) => crossesObject(k) || holdsVerb(k))) continue;
    for (let k = kept.length - 1; k >= 0; k--) if (within(kept[k]!) || cutsObject(kept[k]!)) kept.splice(k, 1);
    taken.push(object);
    kept.push({
      uri: hit.entry.uri,
      label: hit.entry.label,
      span: { start: hit.start, end: hit.end, text: text.slice(hit.start, hit.end) },
      confidence: 0.75 - (hit.entry.preferred ? 0 : 0.05),
      alternative: false,
    });
  }
}

const LATIN_LETTER = /[A-Za-z]/;

/**
 * A word that is part of an organisation's name (昆山某精密机械有限公司, 某电子厂, 工业职业技术学院) names what the
 * organisation does, not a skill asked for: a company, factory or school suffix follows it, a name's suffix (有限公司,
 * 集团, 学院) within two characters, a bare 公司 or 厂 at once (维护公司形象 keeps 维护).
 */
function namesOrganisation(text: string, end: number): boolean {
  return ORGANISATION_SUFFIX.test(text.slice(end, end + 12));
}

const ORGANISATION_SUFFIX =
  /^(?:\p{Script=Han}{0,2}(?:有限公司|有限责任公司|股份公司|集团|研究院|研究所|学院|大学)|公司|厂(?![房区内外长家商]))/u;

/**
 * A curated entry in Latin letters met inside a longer Latin word: NAS in CNAS, IC in PICC, CV in PECVD. The
 * Chinese trie walks characters, not words, so it checks the letters either side (digits may follow: Excel2016).
 */
function cutsLatinWord(text: string, at: number, length: number): boolean {
  const first = text[at]!;
  const last = text[at + length - 1]!;
  return (
    (LATIN_LETTER.test(first) && LATIN_LETTER.test(text[at - 1] ?? '')) ||
    (LATIN_LETTER.test(last) && LATIN_LETTER.test(text[at + length] ?? ''))
  );
}

function longestChineseAt(text: string, at: number, root: ChineseTrie): ChinesePhrase | undefined {
  let longest: ChinesePhrase | undefined;
  let node: ChineseTrie | undefined = root;
  for (let i = at; i < text.length; i++) {
    node = node.next.get(text.charCodeAt(i));
    if (!node) break;
    if (node.phrase) longest = node.phrase;
  }
  return longest;
}

/** What may stand between two words of one label in the text: a list's comma or a clause break may not
 * ("Design, build and maintain" is no *building design*; "personal care, washing" no *car washing*). */
const BREAK = /[,;:()[\]{}!?，；：（）、。！？]/;

function matchesAt(phrase: Phrase, tokens: readonly Token[], at: number, text: string): boolean {
  const raw = (k: number) => text.slice(tokens[at + k]!.start, tokens[at + k]!.end);
  if (at + phrase.stems.length > tokens.length || !phrase.stems.every((s, k) => tokens[at + k]!.stem === s))
    return false;
  for (let k = 1; k < phrase.stems.length; k++)
    if (BREAK.test(text.slice(tokens[at + k - 1]!.end, tokens[at + k]!.start))) return false;
  if (phrase.acronym) return phrase.acronym.every((word, k) => singularAcronym(raw(k)) === word);
  if (phrase.form !== undefined && tokens[at]!.text !== phrase.form) return false;
  if (phrase.adjective && !isTraitAdjective(tokens[at]!, text)) return false;
  if (phrase.gerund && !tokens[at + phrase.stems.length - 1]!.text.endsWith('ing')) return false;
  if (!phrase.exact) return true;
  const written = phrase.exact.every((word, k) =>
    word === word.toLowerCase() ? tokens[at + k]!.text === word : raw(k) === word,
  );
  // "R" in "R&D" or "R's" is a letter, not the language.
  const token = tokens[at]!;
  return (
    written &&
    (phrase.stems.length > 1 ||
      token.text.length > 2 ||
      !/[&'’]/.test(`${text[token.start - 1] ?? ''}${text[token.end] ?? ''}`))
  );
}

/**
 * A light-verb label's adjective ("committed", "confident") names the trait only in an adjective form (not "commit
 * code"), said of the person sought: "We are committed to…" is the employer, and "confident using Excel" or
 * "confident with figures" speaks of a task, which the rest of the sentence names.
 */
function isTraitAdjective(token: Token, text: string): boolean {
  if (!/(ed|ent)$/.test(token.text)) return false;
  const before = text.slice(Math.max(0, token.start - 40), token.start);
  const after = text.slice(token.end, token.end + 12);
  return !EMPLOYER_SUBJECT.test(before) && !TASK_COMPLEMENT.test(after);
}

const EMPLOYER_SUBJECT = /\bwe(?:\s+are|['’]re|\s+remain)(?:\s+\w+ly)?\s+$/i;
const TASK_COMPLEMENT = /^\s+(?:using|with|in|at|on)\b/i;

/**
 * Chinese compounds put the head last, so a two-character entry directly followed by more Han text is usually the
 * modifier of a longer word the dictionary lacks (放电 in 放电加工, 机械 in 机械加工): it fires only before a
 * boundary, a function character or a head that adds no skill of its own (焊接经验, 气动系统, 英语流利).
 */
function isChineseFragment(text: string, start: number, length: number): boolean {
  if (length > 2 || !/^\p{Script=Han}+$/u.test(text.slice(start, start + length))) return false;
  const rest = text.slice(start + length);
  return /^\p{Script=Han}/u.test(rest) && !CHINESE_FREE_HEADS.some((head) => rest.startsWith(head));
}

/** Function characters, and heads that name no skill themselves: experience, ability, system, process, level, fluency. */
const CHINESE_FREE_HEADS = [
  '和',
  '与',
  '及',
  '或',
  '的',
  '等',
  '者',
  '经验',
  '经历',
  '能力',
  '技能',
  '知识',
  '技术',
  '工作',
  '相关',
  '基础',
  '证',
  '优先',
  '方面',
  '领域',
  '岗位',
  '专业',
  '背景',
  '水平',
  '系统',
  '工艺',
  '原理',
  '流利',
  '熟练',
  '口语',
  '四级',
  '六级',
];

const spanLength = (hit: ExtractedSkill): number => hit.span.end - hit.span.start;
const overlaps = (a: ExtractedSkill, b: ExtractedSkill): boolean =>
  a.span.start < b.span.end && b.span.start < a.span.end;

/** "LED", "LEDs", "PLC": at least two capitals and nothing lower-case but a plural s. */
const isAcronym = (word: string): boolean =>
  /^[\p{Lu}\p{N}]+s?$/u.test(word) && (word.match(/\p{Lu}/gu)?.length ?? 0) >= 2;
const singularAcronym = (word: string): string => word.replace(/(\p{Lu})s$/u, '$1');
