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
