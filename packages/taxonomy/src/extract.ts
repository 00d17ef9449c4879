import { hasHan, stem, tokenise } from './text.ts';

export interface ExtractedSkill {
  uri: string;
  label: string;
  span: { start: number; end: number; text: string };
  confidence: number;
}

interface Phrase {
  stems: string[];
  /** For acronym labels ("LED", "PLC"): the exact tokens the text must show, so "I led a team" is not a diode. */
  acronym?: string[];
  uri: string;
  label: string;
  preferred: boolean;
}

interface ChinesePhrase {
  text: string;
  uri: string;
  label: string;
  preferred: boolean;
}

export interface PhraseIndex {
  english: Map<string, Phrase[]>;
  chinese: Map<string, ChinesePhrase[]>;
}

/**
 * One-word labels that are too general to mean a skill on their own in running text
 * ("design", "management"); a longer phrase containing them still matches. Language names do count
 * (an ad that says "English" means the language), except "Chinese", which in ads is mostly "Chinese customers".
 */
const GENERIC_SINGLE_WORDS = new Set(
  [
    'management', 'communication', 'design', 'chinese', 'sales', 'marketing', 'teamwork', 'leadership',
    'planning', 'research', 'analysis', 'support', 'service', 'services', 'training', 'teaching', 'writing',
    'reading', 'speaking', 'listening', 'learning', 'work', 'working', 'engineering', 'science', 'technology',
    'production', 'maintenance', 'operation', 'operations', 'quality', 'safety', 'development',
    'administration', 'law', 'art', 'music', 'health', 'care', 'business', 'finance', 'logistics', 'report',
    'reports', 'data', 'product', 'products', 'system', 'systems', 'process', 'processes', 'tools', 'software',
    'hardware', 'network', 'networks', 'control', 'testing', 'test', 'inspection', 'assembly', 'repair',
    'cleaning', 'cooking', 'driving', 'nursing', 'accounting', 'budget', 'customer', 'customers', 'team',
    'project', 'projects', 'experience', 'knowledge', 'skills', 'ability', 'tasks', 'people', 'time',
    'language', 'languages', 'documents', 'documentation', 'equipment', 'machines', 'materials', 'standards',
  ].map(stem),
);
const MAX_PHRASE_WORDS = 6;

export function buildPhraseIndex(
  skills: ReadonlyArray<{ uri: string; preferredLabel: string; altLabels: string[]; zh?: { label: string; aliases: string[] } }>,
): PhraseIndex {
  const english = new Map<string, Phrase[]>();
  const chinese = new Map<string, ChinesePhrase[]>();
  for (const skill of skills) {
    const labels = [
      { label: skill.preferredLabel, preferred: true },
      ...skill.altLabels.map((label) => ({ label, preferred: false })),
    ];
    for (const { label, preferred } of labels) {
      const tokens = tokenise(label);
      const stems = tokens.map((t) => t.stem);
      if (stems.length === 0 || stems.length > MAX_PHRASE_WORDS) continue;
      if (stems.length === 1 && (stems[0]!.length < 3 || GENERIC_SINGLE_WORDS.has(stems[0]!))) continue;
      const raw = tokens.map((t) => label.slice(t.start, t.end));
      const acronym = raw.every(isAcronym) ? raw.map(singularAcronym) : undefined;
      const bucket = english.get(stems[0]!) ?? [];
      bucket.push({ stems, ...(acronym ? { acronym } : {}), uri: skill.uri, label: skill.preferredLabel, preferred });
      english.set(stems[0]!, bucket);
    }
    if (skill.zh) {
      for (const [text, preferred] of [[skill.zh.label, true], ...skill.zh.aliases.map((a) => [a, false])] as Array<[string, boolean]>) {
        if (text.length < 2) continue;
        const bucket = chinese.get(text[0]!) ?? [];
        bucket.push({ text, uri: skill.uri, label: skill.zh.label, preferred });
        chinese.set(text[0]!, bucket);
      }
    }
  }
  // Longest phrase first, so the first hit at a position is the longest match.
  for (const bucket of english.values()) bucket.sort((a, b) => b.stems.length - a.stems.length || Number(b.preferred) - Number(a.preferred));
  for (const bucket of chinese.values()) bucket.sort((a, b) => b.text.length - a.text.length || Number(b.preferred) - Number(a.preferred));
  return { english, chinese };
}

/** Dictionary extraction: longest match of ESCO labels (English, in any text) and curated labels (Chinese). */
export function extractSkillMentions(text: string, index: PhraseIndex, lang?: 'en' | 'zh'): ExtractedSkill[] {
  const found: ExtractedSkill[] = [];
  // Chinese ads name tools and languages in Latin script (SQL, Java, PLC), so the English matcher runs over them too.
  {
    const tokens = tokenise(text);
    for (let i = 0; i < tokens.length; ) {
      const match = (index.english.get(tokens[i]!.stem) ?? []).find((phrase) =>
        phrase.acronym
          ? phrase.acronym.every((raw, k) => tokens[i + k] !== undefined && singularAcronym(text.slice(tokens[i + k]!.start, tokens[i + k]!.end)) === raw)
          : phrase.stems.every((s, k) => tokens[i + k]?.stem === s),
      );
      if (!match) {
        i++;
        continue;
      }
      const last = tokens[i + match.stems.length - 1]!;
      const multiWord = match.stems.length > 1;
      found.push({
        uri: match.uri,
        label: match.label,
        span: { start: tokens[i]!.start, end: last.end, text: text.slice(tokens[i]!.start, last.end) },
        confidence: (multiWord ? 0.9 : 0.65) - (match.preferred ? 0 : 0.1),
      });
      i += match.stems.length;
    }
  }
  const firstChinese = found.length;
  if (lang !== 'en' && hasHan(text)) {
    for (let i = 0; i < text.length; ) {
      const match = (index.chinese.get(text[i]!) ?? []).find((phrase) => text.startsWith(phrase.text, i));
      if (!match) {
        i++;
        continue;
      }
      found.push({
        uri: match.uri,
        label: match.label,
        span: { start: i, end: i + match.text.length, text: match.text },
        confidence: (match.text.length >= 3 ? 0.85 : 0.7) - (match.preferred ? 0 : 0.05),
      });
      i += match.text.length;
    }
  }
  // Where an English and a Chinese match overlap ("PCB" inside "PCB设计"), the longer span wins, then the curated one.
  const byPreference = found
    .map((hit, index) => ({ hit, curated: index >= firstChinese }))
    .sort((a, b) => spanLength(b.hit) - spanLength(a.hit) || Number(b.curated) - Number(a.curated) || a.hit.span.start - b.hit.span.start);
  const kept: ExtractedSkill[] = [];
  for (const { hit } of byPreference) if (!kept.some((k) => overlaps(k, hit))) kept.push(hit);
  const byUri = new Map<string, ExtractedSkill>();
  for (const hit of kept) {
    const current = byUri.get(hit.uri);
    if (!current || hit.confidence > current.confidence) byUri.set(hit.uri, hit);
  }
  return [...byUri.values()]
    .sort((a, b) => a.span.start - b.span.start)
    .map((hit) => ({ ...hit, confidence: Math.round(hit.confidence * 100) / 100 }));
}

const spanLength = (hit: ExtractedSkill): number => hit.span.end - hit.span.start;
const overlaps = (a: ExtractedSkill, b: ExtractedSkill): boolean => a.span.start < b.span.end && b.span.start < a.span.end;

/** "LED", "LEDs", "PLC": at least two capitals and nothing lower-case but a plural s. */
const isAcronym = (word: string): boolean => /^[\p{Lu}\p{N}]+s?$/u.test(word) && (word.match(/\p{Lu}/gu)?.length ?? 0) >= 2;
const singularAcronym = (word: string): string => word.replace(/(\p{Lu})s$/u, '$1');
