export { ESCO_ATTRIBUTION, OCCUPATION_PREFIX, SKILL_PREFIX } from './artifact.ts';
export type { ExtractedSkill } from './extract.ts';
export type { ConceptHit } from './search.ts';
export type { Evidence, SentenceSuggestions, SkillCandidate, SkillSuggestions } from './suggest.ts';
export * from './taxonomy.ts';
