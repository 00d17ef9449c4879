import type * as z from 'zod/mini';
import { type FieldIssue, invalid } from '@skillpass/domain';
import type { SkillCatalog } from './deps.ts';
import { issuesFromZod } from './problem.ts';

export function parseOrThrow<T extends z.ZodMiniType>(schema: T, value: unknown): z.output<T> {
  const result = schema.safeParse(value);
  if (!result.success) throw invalid('The request has invalid fields.', issuesFromZod(result.error));
  return result.data;
}

/** ESCO URIs must name real concepts: an unknown one is a 400 naming the field that holds it. */
export function assertKnownConcepts(
  catalog: SkillCatalog,
  skills: ReadonlyArray<{ path: string; uri: string }>,
  occupations: ReadonlyArray<{ path: string; uri: string }> = [],
): void {
  const issues: FieldIssue[] = [
    ...skills
      .filter((s) => !catalog.isKnownSkill(s.uri))
      .map((s) => ({ path: s.path, message: `unknown ESCO skill: ${s.uri}` })),
    ...occupations
      .filter((o) => !catalog.isKnownOccupation(o.uri))
      .map((o) => ({ path: o.path, message: `unknown ESCO occupation: ${o.uri}` })),
  ];
  if (issues.length > 0) throw invalid('The request names ESCO concepts that do not exist.', issues);
}
