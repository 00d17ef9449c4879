import { summariseExplanation } from './summary.ts';
import {
  type Place,
  provinceOfCity,
  REGION_PARTITIONS,
  type RegionPartition,
  regionPartitionOf,
  standardLevelMeets,
} from '@skillpass/domain';
import type {
  ChinaSkillLevel,
  JobMatch,
  LevelFit,
  LocationTier,
  MatchJob,
  MatchProfile,
  RequiredSkill,
  SkillCredit,
  SkillGraph,
} from './types.ts';

/**
 * Weights of the score's parts (out of 100). Skills dominate: the platform's promise is that
 * proven skills decide. An essential skill weighs three optional ones, so missing it costs more.
 */
export const WEIGHTS = { skills: 70, location: 15, level: 15, essential: 3, optional: 1 } as const;
/**
 * The skill part is robust to how many skills a job lists. Coverage of the job is shrunk by a prior
 * of SKILL_PRIOR_WEIGHT (two essential skills the graduate has not shown), so covering 2 of 3 is
 * weaker evidence than 11 of 18; and GRADUATE_SHARE of the part is the share of the graduate's
 * skills the job uses, so a job that uses little of what they know ranks below one that uses most.
 * Both tuned on the dev split of eval:matching only.
 */
export const SKILL_PRIOR_WEIGHT = 6;
export const GRADUATE_SHARE = 0.3;
/** Self-declared skills count slightly less than credential-verified ones. */
export const SELF_DECLARED_FACTOR = 0.9;
/**
 * Credit for a required skill the graduate lacks but has a neighbour of, by how the graduate's
 * skill relates to the required one: a narrower (more specific) skill is strong evidence, a
 * broader or merely related one weaker.
 */
export const RELATION_CREDIT = { narrower: 0.7, broader: 0.5, related: 0.5 } as const;
export const LOCATION_SCORE: Record<LocationTier, number> = {
  'same-city': 1,
  remote: 1,
  'same-province': 0.8,
  delta: 0.6,
  'no-preference': 0.6,
  'remote-not-wanted': 0.3,
  outside: 0.2,
};

type ProfileSkill = MatchProfile['skills'][number];

const round1 = (value: number) => Math.round(value * 10) / 10;

/** The best way the profile covers one required skill, and the credit (0–1) it earns. */
export function creditForRequiredSkill(
  profileSkills: ReadonlyMap<string, ProfileSkill>,
  required: RequiredSkill,
  graph: SkillGraph,
): SkillCredit {
  const verification = (skill: ProfileSkill) => (skill.verified ? 1 : SELF_DECLARED_FACTOR);
  let best: SkillCredit = { required, credit: 0 };
  const direct = profileSkills.get(required.uri);
  if (direct) {
    const proficiencyFit =
      direct.proficiency >= required.minProficiency ? 1 : 0.6 + (0.4 * direct.proficiency) / required.minProficiency;
    best = {
      required,
      credit: proficiencyFit * verification(direct),
      via: { uri: direct.uri, relation: 'same', proficiency: direct.proficiency, verified: direct.verified },
    };
  }
  // The best cover wins, so holding one more skill can never lower a credit.
  for (const neighbour of graph.relatedSkills(required.uri)) {
    const held = profileSkills.get(neighbour.uri);
    if (!held) continue;
    // The relation is stated from the required skill: a `narrower` neighbour means the graduate
    // holds a more specific skill than the one asked for.
    const credit = RELATION_CREDIT[neighbour.kind] * verification(held);
    const tieBreak = best.via && best.via.relation !== 'same' && neighbour.uri < best.via.uri;
    if (credit > best.credit || (credit === best.credit && tieBreak)) {
      best = {
        required,
        credit,
        via: { uri: held.uri, relation: neighbour.kind, proficiency: held.proficiency, verified: held.verified },
      };
    }
  }
  return best;
}

export function profileSkillMap(profile: MatchProfile): Map<string, ProfileSkill> {
  return new Map(profile.skills.map((skill) => [skill.uri, skill]));
}

export function locationTier(profile: MatchProfile, job: Pick<MatchJob, 'place'>): LocationTier {
  if (job.place.kind === 'remote') return profile.openToRemote ? 'remote' : 'remote-not-wanted';
  if (profile.preferredPlaces.length === 0) return 'no-preference';
  const place = job.place;
  if (place.kind === 'elsewhere') {
    const sameCity = profile.preferredPlaces.some(
      (p) => p.kind === 'elsewhere' && p.country === place.country && p.city.toLowerCase() === place.city.toLowerCase(),
    );
    return sameCity ? 'same-city' : 'outside';
  }
  const deltaPlaces = profile.preferredPlaces.filter((p): p is Extract<Place, { kind: 'delta' }> => p.kind === 'delta');
  if (deltaPlaces.some((p) => p.cityCode === place.cityCode)) return 'same-city';
  if (deltaPlaces.some((p) => provinceOfCity(p.cityCode) === provinceOfCity(place.cityCode))) return 'same-province';
  return deltaPlaces.length > 0 ? 'delta' : 'outside';
}

export function levelFits(
  profile: MatchProfile,
  job: Pick<MatchJob, 'minEqfLevel' | 'minChinaSkillLevel' | 'requiredStandardLevel'>,
): { fits: LevelFit[]; score: number } {
  const fits: LevelFit[] = [];
  const fitOf = (
    requirement: LevelFit['requirement'],
    required: number,
    held: number | undefined,
    shortfall: number,
  ): LevelFit => {
    if (held === undefined) return { requirement, required, fit: 'unknown' };
    return shortfall > 0
      ? { requirement, required, held, fit: 'below', belowBy: shortfall }
      : { requirement, required, held, fit: 'meets' };
  };
  if (job.minEqfLevel !== undefined) {
    const held = profile.eqfLevel;
    fits.push(fitOf('eqf', job.minEqfLevel, held, held === undefined ? 0 : job.minEqfLevel - held));
  }
  if (job.minChinaSkillLevel !== undefined) {
    const held = profile.chinaSkillLevel;
    // Level 1 is the highest, so holding a larger number than required falls short.
    fits.push(
      fitOf('china-skill-level', job.minChinaSkillLevel, held, held === undefined ? 0 : held - job.minChinaSkillLevel),
    );
  }
  if (job.requiredStandardLevel !== undefined) fits.push(standardLevelFit(profile, job.requiredStandardLevel));
  if (fits.length === 0) return { fits, score: 1 };
  const partScore = (fit: LevelFit) => {
    if (fit.fit === 'meets') return 1;
    if (fit.fit === 'unknown') return 0.5;
    return Math.max(0, 1 - 0.35 * (fit.belowBy ?? 0));
  };
  return { fits, score: fits.reduce((sum, fit) => sum + partScore(fit), 0) / fits.length };
}

/**
 * A job's standard-level requirement against the graduate's verified credentials of that standard (any issuing
 * province, any version): the highest level held (smallest number) decides; no such credential is `unknown`.
 */
export function standardLevelFit(
  profile: Pick<MatchProfile, 'standardLevels'>,
  required: NonNullable<MatchJob['requiredStandardLevel']>,
): LevelFit {
  const base = {
    requirement: 'skill-level-standard' as const,
    required: required.level,
    standardId: required.standardId,
  };
  const held = (profile.standardLevels ?? [])
    .filter((s) => s.standardId === required.standardId)
    .reduce<ChinaSkillLevel | undefined>(
      (best, s) => (best === undefined || s.level < best ? s.level : best),
      undefined,
    );
  if (held === undefined) return { ...base, fit: 'unknown' };
  return standardLevelMeets({ standardId: required.standardId, level: held }, required)
    ? { ...base, held, fit: 'meets' }
    : { ...base, held, fit: 'below', belowBy: held - required.level };
}

const importanceWeight = (skill: RequiredSkill) =>
  skill.importance === 'essential' ? WEIGHTS.essential : WEIGHTS.optional;

export function totalSkillWeight(job: MatchJob): number {
  return job.requiredSkills.reduce((sum, skill) => sum + importanceWeight(skill), 0);
}

/**
 * How much of the graduate's skill set the job uses: a held skill the job requires counts 1, one that is only an
 * ESCO neighbour of a required skill counts its relation credit (a neighbour is weaker evidence than the skill).
 */
export function relevantSkillWeight(
  skills: ReadonlyMap<string, ProfileSkill>,
  job: MatchJob,
  graph: SkillGraph,
): number {
  const reach = new Map<string, number>();
  for (const required of job.requiredSkills) {
    reach.set(required.uri, 1);
    for (const neighbour of graph.relatedSkills(required.uri))
      reach.set(neighbour.uri, Math.max(reach.get(neighbour.uri) ?? 0, RELATION_CREDIT[neighbour.kind]));
  }
  let weight = 0;
  for (const uri of skills.keys()) weight += reach.get(uri) ?? 0;
  return weight;
}

/** Skill points (0–70) from the weighted credit earned, the job's total weight and the graduate's relevant skills. */
export function skillPoints(earned: number, totalWeight: number, relevant: number, held: number): number {
  const jobCoverage = totalWeight === 0 ? 0 : earned / (totalWeight + SKILL_PRIOR_WEIGHT);
  const graduateCoverage = held === 0 ? 0 : relevant / held;
  return WEIGHTS.skills * ((1 - GRADUATE_SHARE) * jobCoverage + GRADUATE_SHARE * graduateCoverage);
}

/** Score in [0, 100] with the explanation a graduate or employer reads. Deterministic. */
export function scoreJobForProfile(
  profile: MatchProfile,
  job: MatchJob,
  graph: SkillGraph,
  skills = profileSkillMap(profile),
): JobMatch {
  const credits = job.requiredSkills.map((required) => creditForRequiredSkill(skills, required, graph));
  const totalWeight = totalSkillWeight(job);
  const earned = credits.reduce((sum, c) => sum + c.credit * importanceWeight(c.required), 0);
  const skillPart = skillPoints(earned, totalWeight, relevantSkillWeight(skills, job, graph), skills.size);
  const tier = locationTier(profile, job);
  const level = levelFits(profile, job);
  const locationPart = WEIGHTS.location * LOCATION_SCORE[tier];
  const levelPart = WEIGHTS.level * level.score;
  const direct = credits.filter((c) => c.via?.relation === 'same');
  const explanation: JobMatch['explanation'] = {
    matchedEssential: direct.filter((c) => c.required.importance === 'essential'),
    matchedOptional: direct.filter((c) => c.required.importance === 'optional'),
    partial: credits.filter((c) => c.via && c.via.relation !== 'same'),
    missingEssential: credits.filter((c) => !c.via && c.required.importance === 'essential').map((c) => c.required.uri),
    missingOptional: credits.filter((c) => !c.via && c.required.importance === 'optional').map((c) => c.required.uri),
    location: { tier, score: LOCATION_SCORE[tier] },
    level,
    verifiedSkills: credits.filter((c) => c.via?.verified).map((c) => c.via!.uri),
    parts: { skills: round1(skillPart), location: round1(locationPart), level: round1(levelPart) },
  };
  const eligible = credits.some((c) => c.credit > 0);
  return {
    jobId: job.id,
    profileId: profile.id,
    jobVersion: job.version,
    profileVersion: profile.version,
    score: round1(skillPart + locationPart + levelPart),
    summary: summariseExplanation(explanation, { eligible }),
    eligible,
    explanation,
  };
}

/** Where a job sits in the regional indexes. */
export function partitionOfJob(job: Pick<MatchJob, 'place'>): RegionPartition {
  return regionPartitionOf(job.place);
}

/**
 * The partitions whose jobs a graduate is matched with: their preferred provinces (and `outside`
 * for a preferred place beyond the Delta), plus `remote` when open to it. No preference means all.
 */
export function partitionsOfInterest(
  profile: Pick<MatchProfile, 'preferredPlaces' | 'openToRemote'>,
): RegionPartition[] {
  if (profile.preferredPlaces.length === 0) return [...REGION_PARTITIONS];
  const wanted = new Set<RegionPartition>(profile.preferredPlaces.map(regionPartitionOf));
  if (profile.openToRemote) wanted.add('remote');
  return REGION_PARTITIONS.filter((p) => wanted.has(p));
}

/** The order of every ranked list: score, then newer first, then id, so ties never flap. */
export function compareMatches(
  a: { score: number; postedAt: string; id: string },
  b: { score: number; postedAt: string; id: string },
): number {
  return (
    b.score - a.score ||
    (a.postedAt < b.postedAt ? 1 : a.postedAt > b.postedAt ? -1 : 0) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}
