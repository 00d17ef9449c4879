import { expect } from 'vitest';
import { getTaxonomy } from './index.ts';

/** Shared by the extraction regression tests: the taxonomy, an ESCO skill URI by id, and what the API suggests. */
export const taxonomy = getTaxonomy();
export const skill = (id: string) => `http://data.europa.eu/esco/skill/${id}`;
/** What POST /v1/skills/extract returns as items: the ranked suggestions, label hits plus retrieval and phrasings. */
export const suggested = (text: string, lang: 'en' | 'zh' = 'en') =>
  taxonomy.suggestSkills(text, { lang }).items.map((f) => f.uri);

type Cases = ReadonlyArray<readonly [text: string, id: string]>;

/** Each sentence is suggested its skill (an ESCO skill id): a duty wording reaches the skill it names. */
export function expectSuggested(cases: Cases, lang: 'en' | 'zh' = 'en'): void {
  for (const [text, id] of cases) expect(suggested(text, lang), text).toContain(skill(id));
}

/** Each sentence is not suggested the skill (an id): a wording that fired in another sense no longer does. */
export function expectNotSuggested(cases: Cases, lang: 'en' | 'zh' = 'en'): void {
  for (const [text, id] of cases) expect(suggested(text, lang), text).not.toContain(skill(id));
}

/** None of the sentences is suggested any of the skills (ids): ordinary sentences with the same nouns stay quiet. */
export function expectNoneSuggested(texts: readonly string[], ids: readonly string[]): void {
  for (const text of texts) for (const id of ids) expect(suggested(text), text).not.toContain(skill(id));
}

/** Each sentence is not suggested the skill of that English label: a misreading it used to get. */
export function expectNotMisread(cases: ReadonlyArray<readonly [text: string, label: string]>): void {
  for (const [text, label] of cases)
    expect(
      suggested(text).map((uri) => taxonomy.labelOf(uri)),
      text,
    ).not.toContain(label);
}
