import { getTaxonomy } from './index.ts';

/** Shared by the extraction regression tests: the taxonomy, an ESCO skill URI by id, and what the API suggests. */
export const taxonomy = getTaxonomy();
export const skill = (id: string) => `http://data.europa.eu/esco/skill/${id}`;
/** What POST /v1/skills/extract returns as items: the ranked suggestions, label hits plus retrieval and phrasings. */
export const suggested = (text: string, lang: 'en' | 'zh' = 'en') =>
  taxonomy.suggestSkills(text, { lang }).items.map((f) => f.uri);
