/**
 * The part of the career assessment that does not care which instrument asked the questions: a preference over
 * some dimensions (ESCO work-activity groups today; RIASEC letters once O*NET's data can be used, see
 * docs/careers.md) against each occupation's profile over the same dimensions.
 */

/** An occupation's profile: dimension → share, the shares summing to 1. */
export type Profile = ReadonlyMap<string, number>;

export interface OccupationProfiles {
  uris(): readonly string[];
  profileOf(uri: string): Profile | undefined;
}

export interface RankedOccupation {
  uri: string;
  /** 1 when the occupation relies only on the most preferred dimensions; 0 or less when on none liked. */
  fit: number;
  /** The dimensions that raise the fit, most first: what the occupation relies on that the person likes. */
  reasons: Array<{ dimension: string; share: number }>;
}

const REASONS = 3;

/**
 * Ranks occupations by Σ share × preference, scaled by the best preference so the fit reads 0…1. Ties go to the
 * URI order, so the same answers always give the same list.
 */
export function rankOccupations(
  preference: ReadonlyMap<string, number>,
  profiles: OccupationProfiles,
  limit: number,
): RankedOccupation[] {
  const best = Math.max(0, ...preference.values());
  if (best === 0) return [];
  const ranked: RankedOccupation[] = [];
  for (const uri of profiles.uris()) {
    const profile = profiles.profileOf(uri);
    if (!profile) continue;
    let score = 0;
    const reasons: Array<{ dimension: string; share: number; contribution: number }> = [];
    for (const [dimension, share] of profile) {
      const contribution = share * (preference.get(dimension) ?? 0);
      score += contribution;
      if (contribution > 0) reasons.push({ dimension, share, contribution });
    }
    if (score <= 0) continue;
    reasons.sort((a, b) => b.contribution - a.contribution || (a.dimension < b.dimension ? -1 : 1));
    ranked.push({
      uri,
      fit: Math.round((score / best) * 1000) / 1000,
      reasons: reasons.slice(0, REASONS).map(({ dimension, share }) => ({ dimension, share })),
    });
  }
  return ranked.sort((a, b) => b.fit - a.fit || (a.uri < b.uri ? -1 : 1)).slice(0, limit);
}
