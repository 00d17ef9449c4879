export const ESCO_ATTRIBUTION = 'This service uses the ESCO classification of the European Commission.';
export const SKILL_PREFIX = 'http://data.europa.eu/esco/skill/';
export const OCCUPATION_PREFIX = 'http://data.europa.eu/esco/occupation/';

/** The committed artifact: indexes into `skills`/`occupations` stand for their URIs. */
export interface CompactTaxonomy {
  source: string;
  attribution: string;
  /** [uuid, skillType, reuseLevel, preferredLabel, altLabels] */
  skills: Array<[string, string, string, string, string[]]>;
  /** [uuid, iscoGroup, escoCode, preferredLabel, altLabels] */
  occupations: Array<[string, string, string, string, string[]]>;
  /** Per occupation index: [essential skill indexes, optional skill indexes] */
  occupationSkills: Array<[number[], number[]]>;
  /** [narrower skill, broader skill] */
  broader: Array<[number, number]>;
  /** [skill, related skill, 1 = essential | 0 = optional] */
  related: Array<[number, number, 0 | 1]>;
}
