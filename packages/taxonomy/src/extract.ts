import { hasHan, tokenise } from './text.ts';

export interface ExtractedSkill {
  uri: string;
  label: string;
  span: { start: number; end: number; text: string };
  confidence: number;
}

interface Phrase {
  stems: string[];
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
 * ("design", "management"); a longer phrase containing them still matches.
 */
const GENERIC_SINGLE_WORDS = new Set([
  'management', 'communication', 'design', 'english', 'chinese', 'german', 'french', 'sales', 'marketing',
  'teamwork', 'leadership', 'planning', 'research', 'analysis', 'support', 'service', 'services', 'training',
  'teaching', 'writing', 'reading', 'speaking', 'listening', 'learning', 'work', 'working', 'engineering',
  'science', 'technology', 'production', 'maintenance', 'operation', 'operations', 'quality', 'safety',
  'development', 'administration', 'law', 'art', 'music', 'health', 'care', 'business', 'finance',
  'logistics', 'mathematics', 'physics', 'chemistry', 'biology', 'electricity', 'electronics', 'mechanics',
  'report', 'reports', 'data', 'product', 'products', 'system', 'systems', 'process', 'processes', 'tools',
  'software', 'hardware', 'network', 'networks', 'control', 'testing', 'test', 'inspection', 'assembly',
  'repair', 'cleaning', 'cooking', 'driving', 'nursing', 'accounting', 'budget', 'customer', 'customers',
  'team', 'project', 'projects', 'experience', 'knowledge', 'skills', 'ability', 'tasks', 'people', 'time',
  'language', 'languages', 'documents', 'documentation', 'equipment', 'machines', 'materials', 'standards',
]);
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
      const stems = tokenise(label).map((t) => t.stem);
      if (stems.length === 0 || stems.length > MAX_PHRASE_WORDS) continue;
      if (stems.length === 1 && (stems[0]!.length < 3 || GENERIC_SINGLE_WORDS.has(stems[0]!))) continue;
      const bucket = english.get(stems[0]!) ?? [];
      bucket.push({ stems, uri: skill.uri, label: skill.preferredLabel, preferred });
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

/** Dictionary extraction: longest match of ESCO labels (English) and curated labels (Chinese). */
export function extractSkillMentions(text: string, index: PhraseIndex, lang?: 'en' | 'zh'): ExtractedSkill[] {
  const found: ExtractedSkill[] = [];
  if (lang !== 'zh') {
    const tokens = tokenise(text);
    for (let i = 0; i < tokens.length; ) {
      const match = (index.english.get(tokens[i]!.stem) ?? []).find((phrase) =>
        phrase.stems.every((s, k) => tokens[i + k]?.stem === s),
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
  const byUri = new Map<string, ExtractedSkill>();
  for (const hit of found) {
    const current = byUri.get(hit.uri);
    if (!current || hit.confidence > current.confidence) byUri.set(hit.uri, hit);
  }
  return [...byUri.values()]
    .sort((a, b) => a.span.start - b.span.start)
    .map((hit) => ({ ...hit, confidence: Math.round(hit.confidence * 100) / 100 }));
}
