import type { JobPlace, Place } from '@skillpass/domain';

export type Proficiency = 1 | 2 | 3 | 4;
export type ChinaSkillLevel = 1 | 2 | 3 | 4 | 5;

export interface MatchProfile {
  id: string;
  version: number;
  skills: ReadonlyArray<{ uri: string; proficiency: Proficiency; verified: boolean }>;
  preferredPlaces: readonly Place[];
  openToRemote: boolean;
  eqfLevel?: number;
  /** 5 = 初级工 (entry) … 1 = 高级技师 (highest): lower is more qualified. */
  chinaSkillLevel?: ChinaSkillLevel;
  /** Levels of shared skill-level standards the graduate's verified credentials attest, from any province. */
  standardLevels?: ReadonlyArray<{ standardId: string; level: ChinaSkillLevel }>;
}

export interface RequiredSkill {
  uri: string;
  importance: 'essential' | 'optional';
  minProficiency: Proficiency;
}

export interface MatchJob {
  id: string;
  version: number;
  requiredSkills: readonly RequiredSkill[];
  place: JobPlace;
  minEqfLevel?: number;
  minChinaSkillLevel?: ChinaSkillLevel;
  /** A level of a shared skill-level standard; a credential at that level or a higher one (smaller number) meets it. */
  requiredStandardLevel?: { standardId: string; level: ChinaSkillLevel };
  postedAt: string;
}

/**
 * Skill-to-skill links, stated from `uri`: `narrower` means the linked skill is more specific.
 * Must be symmetric (a broader link has its narrower inverse, a related link its related one):
 * the index path walks links from the graduate's skills, the score walks them from the job's.
 * `@skillpass/taxonomy` builds its ESCO graph that way.
 */
export interface SkillGraph {
  relatedSkills(uri: string): ReadonlyArray<{ uri: string; kind: 'broader' | 'narrower' | 'related' }>;
}

/** How well a job's place suits the graduate's places; LOCATION_SCORE (score.ts) gives each a weight. */
export type LocationTier =
  | 'same-city'
  | 'remote'
  | 'same-province'
  | 'delta'
  | 'no-preference'
  | 'remote-not-wanted'
  | 'outside';
/**
 * One level requirement of the job and how the graduate fits it. A requirement the job does not
 * state has no entry: no entries means "no level required". `belowBy` is the number of levels
 * short (China levels count down: 5 = 初级工 … 1 = 高级技师).
 */
export type LevelFit = {
  requirement: 'eqf' | 'china-skill-level' | 'skill-level-standard';
  /** The standard a `skill-level-standard` requirement names. */
  standardId?: string;
  required: number;
  held?: number;
  fit: 'meets' | 'below' | 'unknown';
  belowBy?: number;
};

export interface SkillCredit {
  required: RequiredSkill;
  credit: number;
  /** How the graduate covers the skill: directly, through a related skill, or not at all. */
  via?: {
    uri: string;
    relation: 'same' | 'broader' | 'narrower' | 'related';
    proficiency: Proficiency;
    verified: boolean;
  };
}

export interface JobMatch {
  jobId: string;
  profileId: string;
  jobVersion: number;
  profileVersion: number;
  score: number;
  /** One plain English sentence a graduate or employer reads first (summariseExplanation gives it in Chinese, with names). */
  summary: string;
  /** A job matches only when at least one required skill is covered, directly or through a relation. */
  eligible: boolean;
  explanation: {
    matchedEssential: SkillCredit[];
    matchedOptional: SkillCredit[];
    partial: SkillCredit[];
    missingEssential: string[];
    missingOptional: string[];
    location: { tier: LocationTier; score: number };
    level: { fits: LevelFit[]; score: number };
    verifiedSkills: string[];
    parts: { skills: number; location: number; level: number };
  };
}
