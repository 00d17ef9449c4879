import type { Explanation } from '@skillpass/services';
import type { SkillDirectory } from './deps.ts';

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
