import * as z from 'zod/mini';
import { createRoute, DocumentedHono } from '../routing.ts';
import { builtOnFirstUse, DomainError, escoOccupationUriSchema, type JobPosting, notFound } from '@skillpass/domain';
import { summariseExplanation } from '@skillpass/matching';
import {
  type Explanation,
  type Freshness,
  newestJobsInPlacesOf,
  rankedCandidatesFor,
  rankedJobsFor,
  skillGapsFor,
} from '@skillpass/services';
import type { ApiApp, CoreApiDeps } from '../deps.ts';
import { isAdmin, requireRole } from '../auth.ts';
import { labelsOf } from '../explain.ts';
import { jsonContent, langQuerySchema, languageOf, pageQuerySchema, problemResponses } from '../http.ts';
import { employerRefSchema, jobDisplays, type Lang } from '../views.ts';

const security = [{ bearer: [] }];
const explanationSchema = builtOnFirstUse(() =>
  z.record(z.string(), z.unknown()).register(z.globalRegistry, {
    description: 'Structured explanation: matched, partial and missing skills, location tier, level fit',
  }),
);

/** What a ranked job and a ranked candidate both carry. */
const rankingSchemas = builtOnFirstUse(() => ({
  score: z.number(),
  summary: z.string(),
  explanation: explanationSchema(),
  labels: z.record(z.string(), z.string()),
  computedFrom: z.object({ profileVersion: z.number(), jobVersion: z.number() }),
}));

const matchItemSchema = builtOnFirstUse(() =>
  z.object({
    job: z.object({
      jobId: z.string(),
      title: z.object({ en: z.string(), zh: z.optional(z.string()) }),
      employerId: z.string(),
      employer: employerRefSchema(),
      place: z.record(z.string(), z.unknown()),
      placeName: z.string(),
      closingDate: z.string(),
    }),
    ...rankingSchemas(),
  }),
);
/** How current a ranked list is: served during a backlog, it says so instead of passing for final. */
const freshnessSchemas = builtOnFirstUse(() => ({
  computedAt: z.string().register(z.globalRegistry, { description: 'When the list was computed' }),
  upToDate: z.boolean().register(z.globalRegistry, {
    description:
      'Whether the list reflects the current profile and job versions and every change written to the indexes it reads; false while the pipeline still has changes to apply',
  }),
  lag: z.object({
    pendingChanges: z.int().register(z.globalRegistry, {
      description:
        'Changes written but not yet applied to the index the list reads (job changes in my places for matches, profile changes for candidates), counted up to 1,000 per shard',
    }),
    pendingSince: z.optional(z.string().register(z.globalRegistry, { description: 'When the oldest was written' })),
  }),
}));
const matchesResponseSchema = builtOnFirstUse(() =>
  z.object({
    mode: z.enum(['personalised', 'non-personalised']),
    notice: z.optional(z.string()),
    ...freshnessSchemas(),
    items: z.array(matchItemSchema()),
    nextCursor: z.optional(z.string()),
  }),
);
const candidateItemSchema = builtOnFirstUse(() =>
  z.object({
    graduateId: z.string(),
    displayName: z.string(),
    education: z.array(z.record(z.string(), z.unknown())),
    languages: z.array(z.record(z.string(), z.unknown())),
    availableFrom: z.optional(z.string()),
    invited: z.boolean().register(z.globalRegistry, {
      description: 'Whether this job’s employer already invited the candidate to apply (inviteCandidate)',
    }),
    ...rankingSchemas(),
  }),
);
const skillGapSchema = builtOnFirstUse(() =>
  z.object({
    uri: z.string(),
    label: z.string(),
    importance: z.enum(['essential', 'optional']),
    openJobsRequiring: z.int(),
    credentials: z.array(
      z.object({
        templateId: z.string(),
        issuerId: z.string(),
        title: z.object({ en: z.string(), zh: z.optional(z.string()) }),
        eqfLevel: z.number(),
      }),
    ),
    courses: z.array(
      z.object({
        courseId: z.string(),
        templateId: z.string(),
        title: z.object({ en: z.string(), zh: z.string() }),
        startsOn: z.string(),
        endsOn: z.string(),
        format: z.enum(['on-site', 'online']),
        cityCode: z.optional(z.string()),
        seatsLeft: z.int(),
      }),
    ),
  }),
);

async function paged<T>(deps: CoreApiDeps, items: T[], page: { limit: number; cursor?: string }, fingerprint: string) {
  const offset = page.cursor ? (await deps.cursors.decode<{ offset: number }>(page.cursor, fingerprint)).offset : 0;
  const end = offset + page.limit;
  return {
    items: items.slice(offset, end),
    ...(end < items.length ? { nextCursor: await deps.cursors.encode({ offset: end }, fingerprint) } : {}),
  };
}

const freshnessOf = ({ upToDate, pendingChanges, pendingSince }: Freshness) => ({
  upToDate,
  lag: { pendingChanges, ...(pendingSince ? { pendingSince } : {}) },
});

/** The jobs of a page as a match lists them: title, employer and place named for people. */
async function jobSummaries(deps: CoreApiDeps, jobs: readonly JobPosting[], lang: Lang) {
  const displays = await jobDisplays(deps, jobs, lang);
  return jobs.map((job, i) => ({
    jobId: job.jobId,
    title: job.title,
    employerId: job.employerId,
    employer: displays[i]!.employer,
    place: job.place,
    placeName: displays[i]!.placeName,
    closingDate: job.closingDate,
  }));
}

export function matchingRoutes(deps: CoreApiDeps): ApiApp {
  const app: ApiApp = new DocumentedHono();
  const graduate = requireRole(deps.auth, 'graduate');
  const employer = requireRole(deps.auth, 'employer');
  /** What every ranked item carries: the score, a sentence, the structure, and the skills' names. */
  const explained = (score: number, explanation: Explanation, lang: 'en' | 'zh') => ({
    score,
    summary: summariseExplanation(explanation, { lang, label: (uri) => deps.taxonomy.labelOf(uri, lang) ?? uri }),
    explanation,
    labels: labelsOf(explanation, deps.taxonomy, lang),
  });

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/profiles/me/matches',
      operationId: 'listMyJobMatches',
      summary: 'My ranked jobs, each with a plain explanation',
      description:
        'Stored results are served only while they were computed from the current profile and job versions; otherwise they are recomputed first. ' +
        'With personalisedMatching=false the list is the newest open jobs in the preferred places, not ranked by the profile, and says so.',
      tags: ['Matching'],
      security,
      middleware: [graduate] as const,
      request: () => ({ query: z.extend(pageQuerySchema(), langQuerySchema().shape) }),
      responses: () => ({
        200: jsonContent(matchesResponseSchema(), 'Ranked matches'),
        ...problemResponses(400, 401, 403, 404),
      }),
    }),
    async (c) => {
      const { limit, cursor } = c.req.valid('query');
      const lang = languageOf(c, c.req.valid('query').lang);
      const sub = c.get('principal').sub;
      const profile = await deps.profiles.get(sub);
      if (!profile) throw notFound('profile');
      if (!profile.consents.personalisedMatching) {
        const newest = await newestJobsInPlacesOf(deps, profile);
        const page = await paged(deps, newest, { limit, cursor }, `feed:${sub}:${profile.version}`);
        const summaries = await jobSummaries(deps, page.items, lang);
        return c.json(
          {
            mode: 'non-personalised' as const,
            // Read from the open-jobs index the job writes themselves maintain: nothing to wait for.
            computedAt: deps.clock().toISOString(),
            upToDate: true,
            lag: { pendingChanges: 0 },
            notice:
              'Personalised matching is off: these are the newest open jobs in your preferred places, not ranked by your profile.',
            items: page.items.map((job, i) => ({
              job: summaries[i]!,
              score: 0,
              summary: 'Listed by date, not by fit.',
              explanation: {},
              labels: {},
              computedFrom: { profileVersion: profile.version, jobVersion: job.version },
            })),
            ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
          },
          200,
        );
      }
      const { computedAt, ranked, freshness } = await rankedJobsFor(deps, profile);
      const page = await paged(deps, ranked, { limit, cursor }, `matches:${sub}:${profile.version}:${computedAt}`);
      const summaries = await jobSummaries(
        deps,
        page.items.map((item) => item.job),
        lang,
      );
      return c.json(
        {
          mode: 'personalised' as const,
          computedAt,
          ...freshnessOf(freshness),
          items: page.items.map(({ job, score, explanation }, i) => ({
            job: summaries[i]!,
            ...explained(score, explanation, lang),
            computedFrom: { profileVersion: profile.version, jobVersion: job.version },
          })),
          ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/jobs/{id}/candidates',
      operationId: 'listJobCandidates',
      summary: 'Ranked candidates for my job: discoverable graduates only, with explanations',
      tags: ['Matching'],
      security,
      middleware: [employer] as const,
      request: () => ({
        params: z.object({ id: z.string().check(z.minLength(1), z.maxLength(64)) }),
        query: z.extend(pageQuerySchema(), langQuerySchema().shape),
      }),
      responses: () => ({
        200: jsonContent(
          z.object({
            ...freshnessSchemas(),
            items: z.array(candidateItemSchema()),
            nextCursor: z.optional(z.string()),
          }),
          'Ranked candidates',
        ),
        ...problemResponses(400, 401, 403, 404),
      }),
    }),
    async (c) => {
      const { limit, cursor } = c.req.valid('query');
      const lang = languageOf(c, c.req.valid('query').lang);
      const principal = c.get('principal');
      const job = await deps.jobs.get(c.req.valid('param').id);
      if (!job) throw notFound('job');
      if (job.employerId !== principal.sub && !isAdmin(principal)) {
        throw new DomainError('forbidden', 'Only the employer who posted this job sees its candidates.');
      }
      const { computedAt, ranked, freshness } = await rankedCandidatesFor(deps, job);
      const page = await paged(deps, ranked, { limit, cursor }, `candidates:${job.jobId}:${job.version}`);
      // Only the page's candidates: one read each, in the graduate's partition where the invitation lives.
      const invitations = await Promise.all(
        page.items.map(({ profile }) => deps.invitations.get(profile.graduateId, job.jobId)),
      );
      return c.json(
        {
          computedAt,
          ...freshnessOf(freshness),
          items: page.items.map(({ profile, score, explanation }, i) => ({
            graduateId: profile.graduateId,
            displayName: profile.displayName,
            invited: invitations[i] !== undefined,
            education: profile.education,
            languages: profile.languages,
            ...(profile.availableFrom ? { availableFrom: profile.availableFrom } : {}),
            ...explained(score, explanation, lang),
            computedFrom: { profileVersion: profile.version, jobVersion: job.version },
          })),
          ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/profiles/me/skill-gaps',
      operationId: 'getMySkillGaps',
      summary: 'Skills I lack for a job or an occupation, by demand, with credentials that teach them',
      description:
        'Give `job` (a job id) or `occupation` (an ESCO occupation URI). Demand counts open jobs in my preferred places that require the skill.',
      tags: ['Matching'],
      security,
      middleware: [graduate] as const,
      request: () => ({
        query: z
          .object({
            job: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
            occupation: z.optional(escoOccupationUriSchema()),
            lang: z._default(z.enum(['en', 'zh']), 'en'),
          })
          .check(
            z.refine((q) => (q.job === undefined) !== (q.occupation === undefined), {
              message: 'give exactly one of job or occupation',
              path: ['job'],
            }),
          ),
      }),
      responses: () => ({
        200: jsonContent(z.object({ items: z.array(skillGapSchema()) }), 'Missing skills, most in demand first'),
        ...problemResponses(400, 401, 403, 404),
      }),
    }),
    async (c) => {
      const query = c.req.valid('query');
      const profile = await deps.profiles.get(c.get('principal').sub);
      if (!profile) throw notFound('profile');
      let target: { job: JobPosting } | { occupation: string };
      if (query.job) {
        const job = await deps.jobs.get(query.job);
        if (!job) throw notFound('job');
        target = { job };
      } else {
        target = { occupation: query.occupation! };
      }
      const items = await skillGapsFor(deps, profile, target, query.lang);
      return c.json({ items }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/v1/profiles/me/notifications/{id}',
      operationId: 'updateMyNotification',
      summary: 'Mark a notification read or unread',
      tags: ['Graduate profile'],
      security,
      middleware: [graduate] as const,
      request: () => ({
        params: z.object({ id: z.string().check(z.minLength(1), z.maxLength(100)) }),
        body: { content: { 'application/json': { schema: z.strictObject({ read: z.boolean() }) } }, required: true },
      }),
      responses: () => ({ 204: { description: 'Updated' }, ...problemResponses(400, 401, 403, 404) }),
    }),
    async (c) => {
      await deps.notifications.markRead(c.get('principal').sub, c.req.valid('param').id, c.req.valid('json').read);
      return c.body(null, 204);
    },
  );
  return app;
}
