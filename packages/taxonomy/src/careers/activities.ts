/**
 * The work-activity questionnaire built on ESCO's skills pillar: one question per activity area S1–S8 (rated
 * 1 = not at all … 5 = very much), with the area's level-2 groups as examples a person may tick as "especially".
 * Not a psychometric instrument: a structured way to say which kinds of work one wants, matched against what
 * ESCO's occupations require (docs/careers.md says what it can and cannot claim).
 */
export const ACTIVITY_INSTRUMENT = 'esco-work-activities-v1';
export const ACTIVITY_AREAS = ['S1', 'S2', 'S3', 'S4', 'S5', 'S6', 'S7', 'S8'] as const;
export type ActivityArea = (typeof ACTIVITY_AREAS)[number];

export interface ActivityAnswers {
  /** Per area, 1 (not at all) … 5 (very much). */
  ratings: Record<ActivityArea, number>;
  /** Level-2 group codes (e.g. S5.1) the person especially wants; each must lie in an area. */
  especially: readonly string[];
}

/** What an "especially" tick adds to its area's preference. */
const ESPECIALLY_BONUS = 0.5;

export const areaOf = (code: string): ActivityArea | undefined =>
  ACTIVITY_AREAS.find((area) => code === area || code.startsWith(`${area}.`));

/**
 * Preference per activity group: the area's rating centred on "neither" (3 → 0, 5 → 1, 1 → −1), plus a bonus for
 * a ticked group. `groups` lists every dimension an occupation profile may use (areas and level-2 groups).
 */
export function activityPreference(answers: ActivityAnswers, groups: readonly string[]): Map<string, number> {
  const ticked = new Set(answers.especially);
  const preference = new Map<string, number>();
  for (const code of groups) {
    const area = areaOf(code);
    if (!area) continue;
    preference.set(code, (answers.ratings[area] - 3) / 2 + (ticked.has(code) ? ESPECIALLY_BONUS : 0));
  }
  return preference;
}
