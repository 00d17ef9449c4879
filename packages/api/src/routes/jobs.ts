import * as z from 'zod/mini';
import { createRoute, DocumentedHono } from '../routing.ts';
import {
  builtOnFirstUse,
  deltaCityCodeSchema,
  DomainError,
  escoSkillUriSchema,
  type JobPosting,
  type JobPostingInput,
  jobPostingInputSchema,
  jobPostingSchema,
  notFound,
  provinceOfCity,
  type RegionPartition,
  regionPartitionSchema,
} from '@skillpass/domain';
import { deterministicId } from '@skillpass/store';
import { assertPublishedStandardLevel } from '@skillpass/services';
import type { ApiApp, CoreApiDeps } from '../deps.ts';
import { isAdmin, type Principal, requireRole } from '../auth.ts';
import {
  etagOf,
  idempotent,
  jsonContent,
  langQuerySchema,
  languageOf,
  pageQuerySchema,
  pageOf,
  problemResponses,
  requireIfMatch,
} from '../http.ts';
import { jobViewSchema, jobViews } from '../views.ts';
import { applyMergePatch } from '../merge-patch.ts';
import { assertKnownConcepts, parseOrThrow } from '../validation.ts';

/** How long a public job search page may be served from a cache: a new job shows up in search at most this late. */
const JOB_SEARCH_MAX_AGE_SECONDS = 30;

const security = [{ bearer: [] }];
const jobResponseSchema = builtOnFirstUse(() => jobPostingSchema().register(z.globalRegistry, { id: 'JobPosting' }));
export const jobIdParamSchema = builtOnFirstUse(() =>
  z.object({ id: z.string().check(z.minLength(1), z.maxLength(64)) }),
);

async function validatedJobInput(deps: CoreApiDeps, body: unknown): Promise<JobPostingInput> {
  const input = parseOrThrow(jobPostingInputSchema(), body);
  assertKnownConcepts(
    deps.taxonomy,
    input.requiredSkills.map((skill, i) => ({ path: `requiredSkills.${i}.uri`, uri: skill.uri })),
    input.occupation?.escoUri ? [{ path: 'occupation.escoUri', uri: input.occupation.escoUri }] : [],
  );
  if (input.requiredStandardLevel) {
    await assertPublishedStandardLevel(deps, input.requiredStandardLevel, 'requiredStandardLevel');
  }
  return input;
}

/** A job split into what its poster gives (patched) and what only the platform sets (kept). */
function partsOf(job: JobPosting): { input: JobPostingInput; platform: Omit<JobPosting, keyof JobPostingInput> } {
  const { jobId, employerId, status, postedAt, closedAt, version, createdAt, updatedAt, ...input } = job;
  const platform = { jobId, employerId, status, postedAt, version, createdAt, updatedAt };
  return { input, platform: closedAt === undefined ? platform : { ...platform, closedAt } };
}

/** An employer acts only on its own jobs; the job's existence is public, so refusal is a 403. */
export function assertOwnsJob(principal: Principal, job: JobPosting): void {
  if (job.employerId !== principal.sub && !isAdmin(principal)) {
    throw new DomainError('forbidden', 'This job belongs to another employer.');
  }
}

const searchQuerySchema = builtOnFirstUse(() =>
  z.extend(pageQuerySchema(), {
    province: z.optional(regionPartitionSchema()),
    city: z.optional(deltaCityCodeSchema()),
    skill: z.optional(escoSkillUriSchema()),
    occupation: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
    q: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(100))),
    ...langQuerySchema().shape,
  }),
);

export function jobRoutes(deps: CoreApiDeps): ApiApp {
  const app: ApiApp = new DocumentedHono();
  const employer = requireRole(deps.auth, 'employer');
  const loadJob = async (id: string) => {
    const job = await deps.jobs.get(id);
    if (!job) throw notFound('job');
    return job;
  };

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/jobs',
      operationId: 'createJob',
      summary: 'Post a job',
      description:
        'Honours Idempotency-Key. Required skills are ESCO skill URIs; unknown ones are a 400 naming the field.',
      tags: ['Jobs'],
      security,
      middleware: [employer, idempotent(deps.idempotency)] as const,
      request: () => ({
        body: { content: { 'application/json': { schema: jobPostingInputSchema() } }, required: true },
      }),
      responses: () => ({
        201: jsonContent(jobResponseSchema(), 'Posted; Location and ETag headers are set'),
        ...problemResponses(400, 401, 403, 409, 422),
      }),
    }),
    async (c) => {
      const principal = c.get('principal');
      const input = await validatedJobInput(deps, c.req.valid('json'));
      const key = c.get('idempotencyKey');
      // With a key, the id is derived from it: a retry after a crash finds the job it already made.
      const jobId = key ? deterministicId('job', principal.sub, key) : undefined;
      let job: JobPosting;
      try {
        job = await deps.jobs.create(principal.sub, input, { jobId });
      } catch (error) {
        const existing =
          jobId && error instanceof DomainError && error.kind === 'conflict' ? await deps.jobs.get(jobId) : undefined;
        if (!existing) throw error;
        job = existing;
      }
      c.header('ETag', etagOf(job.version));
      c.header('Location', `/v1/jobs/${job.jobId}`);
      return c.json({ ...job, id: job.jobId }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/jobs',
      operationId: 'searchJobs',
      security: [],
      summary: 'Search open jobs (public)',
      description:
        'Open jobs only, newest first, served by indexes. `province` is a Delta province code, `outside` or `remote`; ' +
        '`skill` is an ESCO skill URI; `occupation` an ESCO URI or 大典 code; `q` matches the title and description. ' +
        'Each job names its employer and has its place and skills labelled in `lang` (or Accept-Language; en or zh).',
      tags: ['Jobs'],
      request: () => ({ query: searchQuerySchema() }),
      responses: () => ({
        200: jsonContent(pageOf(jobViewSchema()), 'A page of open jobs'),
        ...problemResponses(400),
      }),
    }),
    async (c) => {
      const query = c.req.valid('query');
      const partition: RegionPartition | undefined =
        query.province ?? (query.city ? provinceOfCity(query.city) : undefined);
      const search = {
        partition,
        cityCode: query.city,
        occupation: query.occupation,
        text: query.q,
        limit: query.limit,
        cursor: query.cursor,
      };
      const page = await (query.skill
        ? deps.jobs.searchOpenBySkill(query.skill, search)
        : deps.jobs.searchOpen(search));
      const items = await jobViews(deps, page.items, languageOf(c, query.lang));
      // Public and the same for every reader: a CDN (or browser) may serve it for a while, which keeps the
      // single OPENJOBS index partition under its read limit at a region's size (docs/scale.md).
      c.header('Cache-Control', `public, max-age=${JOB_SEARCH_MAX_AGE_SECONDS}`);
      return c.json({ ...page, items }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/jobs/{id}',
      operationId: 'getJob',
      security: [],
      summary: 'Read a job (public)',
      description: 'With its employer named and its place and skills labelled in `lang` (or Accept-Language).',
      tags: ['Jobs'],
      request: () => ({ params: jobIdParamSchema(), query: langQuerySchema() }),
      responses: () => ({
        200: jsonContent(jobViewSchema(), 'The job, with its ETag'),
        ...problemResponses(400, 404),
      }),
    }),
    async (c) => {
      const job = await loadJob(c.req.valid('param').id);
      c.header('ETag', etagOf(job.version));
      const [view] = await jobViews(deps, [job], languageOf(c, c.req.valid('query').lang));
      return c.json(view!, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/v1/jobs/{id}',
      operationId: 'updateJob',
      summary: 'Change a job (JSON Merge Patch; If-Match required)',
      tags: ['Jobs'],
      security,
      middleware: [employer] as const,
      request: () => ({
        params: jobIdParamSchema(),
        headers: z.object({ 'if-match': z.optional(z.string()) }),
        body: {
          content: { 'application/merge-patch+json': { schema: z.record(z.string(), z.unknown()) } },
          required: true,
        },
      }),
      responses: () => ({
        200: jsonContent(jobResponseSchema(), 'Updated'),
        ...problemResponses(400, 401, 403, 404, 409, 412, 428),
      }),
    }),
    async (c) => {
      const job = await loadJob(c.req.valid('param').id);
      assertOwnsJob(c.get('principal'), job);
      const expectedVersion = requireIfMatch(c, job.version);
      if (job.status === 'closed') throw new DomainError('conflict', 'A closed job cannot be changed.');
      const { input: current, platform } = partsOf(job);
      const input = await validatedJobInput(deps, applyMergePatch(current, c.req.valid('json')));
      // Built from the platform's fields and the patched input only: a member the patch removed (null) stays removed.
      const updated = await deps.jobs.replace({ ...platform, ...input }, expectedVersion);
      c.header('ETag', etagOf(updated.version));
      return c.json(updated, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/jobs/{id}/close',
      operationId: 'closeJob',
      summary: 'Close a job (idempotent)',
      tags: ['Jobs'],
      security,
      middleware: [employer] as const,
      request: () => ({ params: jobIdParamSchema() }),
      responses: () => ({ 200: jsonContent(jobResponseSchema(), 'Closed'), ...problemResponses(401, 403, 404) }),
    }),
    async (c) => {
      const job = await loadJob(c.req.valid('param').id);
      assertOwnsJob(c.get('principal'), job);
      const closed = await deps.jobs.close(job.jobId);
      c.header('ETag', etagOf(closed.version));
      return c.json(closed, 200);
    },
  );

  return app;
}
