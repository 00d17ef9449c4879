import { expect } from 'vitest';
import { getTaxonomy } from './index.ts';

/** Shared by the extraction regression tests: the taxonomy, an ESCO skill URI by id, and what the API suggests. */
export const taxonomy = getTaxonomy();
export const skill = (id: string) => `http://data.europa.eu/esco/skill/${id}`;
/** What POST /v1/skills/extract returns as items: the ranked suggestions, label hits plus retrieval and phrasings. */
export const suggested = (text: string, lang: 'en' | 'zh' = 'en') =>
  taxonomy.suggestSkills(text, { lang }).items.map((f) => f.uri);

/** Each sentence is suggested its skill (an ESCO skill id): a duty wording reaches the skill it names. */
export function expectSuggested(cases: ReadonlyArray<readonly [text: string, id: string]>): void {
  for (const [text, id] of cases) expect(suggested(text), text).toContain(skill(id));
}

/** Each sentence is not suggested the skill (an id): the same nouns in another sense stay quiet. */
export function expectNotSuggested(cases: ReadonlyArray<readonly [text: string, id: string]>): void {
  for (const [text, id] of cases) expect(suggested(text), text).not.toContain(skill(id));
}

/** Each sentence is not suggested the skill of that English label: a misreading it used to get. */
export function expectNotMisread(cases: ReadonlyArray<readonly [text: string, label: string]>): void {
  for (const [text, label] of cases)
    expect(
      suggested(text).map((uri) => taxonomy.labelOf(uri)),
      text,
    ).not.toContain(label);
}
