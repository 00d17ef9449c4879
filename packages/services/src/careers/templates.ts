import type { CredentialTemplate } from '@skillpass/domain';
import type { Repositories } from '@skillpass/store';

export interface TemplateTeaching extends Pick<CredentialTemplate, 'templateId' | 'issuerId' | 'title' | 'eqfLevel'> {
  /** Which of the asked skills the template teaches. */
  teaches: string[];
}

/**
 * The credential templates that teach any of the skills, those teaching the most of them first (then by id), for
 * a career page's "where to learn it".
 */
export async function templatesForSkills(
  deps: Pick<Repositories, 'issuers'>,
  skills: readonly string[],
  limit: number,
): Promise<TemplateTeaching[]> {
  const teaches = new Map<string, string[]>();
  const found = await Promise.all(
    skills.map(async (skill) => [skill, await deps.issuers.templateIdsTeaching(skill)] as const),
  );
  for (const [skill, ids] of found) for (const id of ids) teaches.set(id, [...(teaches.get(id) ?? []), skill]);
  const best = [...teaches].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1)).slice(0, limit);
  const templates = await Promise.all(best.map(([id]) => deps.issuers.getTemplate(id)));
  return templates.flatMap((t, i) =>
    t
      ? [{ templateId: t.templateId, issuerId: t.issuerId, title: t.title, eqfLevel: t.eqfLevel, teaches: best[i]![1] }]
      : [],
  );
}
