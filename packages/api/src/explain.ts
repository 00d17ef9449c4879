import type { Explanation } from '@skillpass/pipeline';
import type { SkillDirectory } from './app.ts';

const TIER_WORDS = {
  'same-city': 'in a city you prefer',
  'same-province': 'in a province you prefer',
  delta: 'elsewhere in the Yangtze River Delta',
  outside: 'outside your preferred places',
  remote: 'remote, as you prefer',
  'remote-not-wanted': 'remote (you did not ask for remote work)',
  'no-preference': 'anywhere (you gave no preferred place)',
} as const;

/** A plain-language sentence from a match explanation, with skill names instead of URIs. */
export function summariseMatch(explanation: Explanation, skills: SkillDirectory, lang: 'en' | 'zh'): string {
  const label = (uri: string) => skills.labelOf(uri, lang) ?? uri;
  const essentialTotal =
    explanation.matchedEssential.length +
    explanation.missingEssential.length +
    explanation.partial.filter((p) => p.required.importance === 'essential').length;
  const parts = [
    `Matches ${explanation.matchedEssential.length} of ${essentialTotal} essential skills` +
      (explanation.matchedOptional.length > 0 ? ` and ${explanation.matchedOptional.length} optional` : '') +
      (explanation.verifiedSkills.length > 0 ? ` (${explanation.verifiedSkills.length} backed by a verified credential)` : ''),
  ];
  for (const partial of explanation.partial) {
    parts.push(`partly covers ${label(partial.required.uri)} through ${label(partial.via!.uri)} (${partial.via!.relation} skill)`);
  }
  if (explanation.missingEssential.length > 0) parts.push(`missing: ${explanation.missingEssential.map(label).join(', ')}`);
  parts.push(`located ${TIER_WORDS[explanation.location.tier]}`);
  const below = explanation.level.fits.filter((f) => f.fit !== 'meets');
  if (explanation.level.fits.length > 0) {
    parts.push(below.length === 0 ? 'meets the required level' : `level: ${below.map((f) => `${f.requirement} ${f.fit}`).join(', ')}`);
  }
  return `${parts.join('; ')}.`;
}

/** Every skill URI an explanation names, with its label, so clients need no second look-up. */
export function labelsOf(explanation: Explanation, skills: SkillDirectory, lang: 'en' | 'zh'): Record<string, string> {
  const uris = new Set<string>([
    ...explanation.matchedEssential.map((c) => c.required.uri),
    ...explanation.matchedOptional.map((c) => c.required.uri),
    ...explanation.partial.flatMap((c) => [c.required.uri, c.via!.uri]),
    ...explanation.missingEssential,
    ...explanation.missingOptional,
  ]);
  return Object.fromEntries([...uris].map((uri) => [uri, skills.labelOf(uri, lang) ?? uri]));
}
