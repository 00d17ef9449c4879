import type { ChinaSkillLevel } from './refs.ts';

/**
 * What the web app, the credentials and matching share about a standard level, without zod (the web app imports this
 * file alone): the alignment that carries a level in a credential, the evidence rule and the assumed EQF levels.
 */

/** A reference to one level of one published version of a standard (`standardLevelRefSchema` validates it). */
export interface StandardLevelReference {
  standardId: string;
  version: number;
  level: ChinaSkillLevel;
}

/** The framework name an alignment to a level of a shared skill-level standard carries (docs/standards.md); the web's verify page reads it back. */
export const STANDARD_LEVEL_FRAMEWORK = 'skillpass skill-level standards';
export const STANDARD_LEVEL_TARGET_TYPE = 'ext:SkillLevelStandard';

/** `<standardId>@<version>#<level>`: the alignment's targetCode, read back by `standardLevelOfCode`. */
export const standardLevelCode = (ref: StandardLevelReference) => `${ref.standardId}@${ref.version}#${ref.level}`;

export function standardLevelOfCode(code: string): StandardLevelReference | undefined {
  const match = /^([^@#\s]+)@([1-9]\d*)#([1-5])$/.exec(code);
  if (!match) return undefined;
  return { standardId: match[1]!, version: Number(match[2]), level: Number(match[3]) as ChinaSkillLevel };
}

/**
 * Whether a credential at `held` of a standard is evidence for a requirement at `required` of the same standard:
 * level 1 (高级技师) is the highest, so holding a level numerically at or below the required one meets it. Any
 * version and any issuing province count: the standard is shared.
 */
export function standardLevelMeets(
  held: { standardId: string; level: ChinaSkillLevel },
  required: { standardId: string; level: ChinaSkillLevel },
): boolean {
  return held.standardId === required.standardId && held.level <= required.level;
}

/**
 * The platform's assumed correspondence between the national skill levels and EQF levels (docs/standards.md):
 * no official China–EQF referencing exists, so this is an assumption, not a recognised equivalence.
 */
export const ASSUMED_EQF_OF_CHINA_LEVEL: Record<ChinaSkillLevel, number> = { 5: 2, 4: 3, 3: 4, 2: 5, 1: 6 };
