export const ESCO_ATTRIBUTION = 'This service uses the ESCO classification of the European Commission.';
export const SKILL_PREFIX = 'http://data.europa.eu/esco/skill/';
export const OCCUPATION_PREFIX = 'http://data.europa.eu/esco/occupation/';

/**
 * The committed artifact (esco.json.gz): indexes into `skills`/`occupations` stand for their URIs.
 * Alternative labels, most of the bytes, live in esco-labels.json.gz so that validating URIs,
 * labelling and matching never read them.
 */
export interface CompactTaxonomy {
  source: string;
  attribution: string;
  /** [uuid, skillType, reuseLevel, preferredLabel] */
  skills: Array<[string, string, string, string]>;
  /** [uuid, iscoGroup, escoCode, preferredLabel] */
  occupations: Array<[string, string, string, string]>;
  /** Per occupation index: [essential skill indexes, optional skill indexes] */
  occupationSkills: Array<[number[], number[]]>;
  /** [narrower skill, broader skill] */
  broader: Array<[number, number]>;
  /** [skill, related skill, 1 = essential | 0 = optional] */
  related: Array<[number, number, 0 | 1]>;
}

/** esco-labels.json.gz: alternative labels per skill and occupation index, for search and extraction. */
export interface AlternativeLabels {
  skills: string[][];
  occupations: string[][];
}
