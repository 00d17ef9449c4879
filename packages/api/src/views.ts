import * as z from 'zod/mini';
import { builtOnFirstUse, type Employer, type JobPosting, jobPostingSchema, placeNameOf } from '@skillpass/domain';
import type { CoreApiDeps } from './deps.ts';

/**
 * What people read about a job besides the posting itself: its employer's display name, its place's name and its
 * skills' and occupation's labels, in the language asked for. Employers are read with one BatchGet per page.
 */
export type Lang = 'en' | 'zh';

export const localized = (text: { en: string; zh?: string | undefined }, lang: Lang): string =>
  (lang === 'zh' ? text.zh : undefined) ?? text.en;

export const employerRefSchema = builtOnFirstUse(() =>
  z.object({
    id: z.string(),
    name: z.optional(
      z.string().register(z.globalRegistry, { description: 'absent until the employer registers its organisation' }),
    ),
  }),
);

/** The fields a job gains for display, next to the posting's own. */
export const jobDisplaySchemas = builtOnFirstUse(() => ({
  employer: employerRefSchema(),
  placeName: z.string(),
  labels: z
    .record(z.string(), z.string())
    .register(z.globalRegistry, { description: 'ESCO URI → label, for the required skills and the occupation' }),
}));

export const jobViewSchema = builtOnFirstUse(() =>
  z.extend(jobPostingSchema(), jobDisplaySchemas()).register(z.globalRegistry, { id: 'JobView' }),
);

const employerRef = (employerId: string, employers: Map<string, Employer>, lang: Lang) => {
  const employer = employers.get(employerId);
  return { id: employerId, ...(employer ? { name: localized(employer.name, lang) } : {}) };
};

/** The display fields of each job, its employer read in the same batch as the others'. */
export async function jobDisplays(deps: CoreApiDeps, jobs: readonly JobPosting[], lang: Lang) {
  const employers = jobs.length ? await deps.employers.getMany(jobs.map((job) => job.employerId)) : new Map();
  return jobs.map((job) => {
    const uris = [
      ...job.requiredSkills.map((skill) => skill.uri),
      ...(job.occupation?.escoUri ? [job.occupation.escoUri] : []),
    ];
    return {
      employer: employerRef(job.employerId, employers, lang),
      placeName: placeNameOf(job.place, lang),
      labels: Object.fromEntries(uris.map((uri) => [uri, deps.taxonomy.labelOf(uri, lang) ?? uri])),
    };
  });
}

export async function jobViews(deps: CoreApiDeps, jobs: readonly JobPosting[], lang: Lang) {
  const displays = await jobDisplays(deps, jobs, lang);
  return jobs.map((job, i) => ({ ...job, ...displays[i]! }));
}
