import * as z from 'zod/mini';
import { createRoute } from '../routing.ts';
import {
  builtOnFirstUse,
  DomainError,
  escoOccupationUriSchema,
  isJobOpen,
  type JobPosting,
  notFound,
} from '@skillpass/domain';
import { partitionsOfInterest, scoreJobForProfile, summariseExplanation } from '@skillpass/matching';
import {
  type Explanation,
  recomputeCandidatesForJob,
  recomputeMatchesForGraduate,
  toMatchJob,
  toMatchProfile,
} from '@skillpass/pipeline';
import type { ApiApp, ApiDeps } from '../app.ts';
import { isAdmin, requireRole } from '../auth.ts';
import { labelsOf } from '../explain.ts';
import { jsonContent, pageQuerySchema, problemResponses } from '../http.ts';

const security = [{ bearer: [] }];
const langQuerySchema = builtOnFirstUse(() => z.object({ lang: z._default(z.enum(['en', 'zh']), 'en') }));
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
      place: z.record(z.string(), z.unknown()),
      closingDate: z.string(),
    }),
    ...rankingSchemas(),
  }),
);
const matchesResponseSchema = builtOnFirstUse(() =>
  z.object({
    mode: z.enum(['personalised', 'non-personalised']),
    notice: z.optional(z.string()),
    computedAt: z.optional(z.string()),
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
  }),
);

async function paged<T>(deps: ApiDeps, items: T[], page: { limit: number; cursor?: string }, fingerprint: string) {
  const offset = page.cursor ? (await deps.cursors.decode<{ offset: number }>(page.cursor, fingerprint)).offset : 0;
  const end = offset + page.limit;
  return {
    items: items.slice(offset, end),
    ...(end < items.length ? { nextCursor: await deps.cursors.encode({ offset: end }, fingerprint) } : {}),
  };
}

const jobSummary = (job: JobPosting) => ({
  jobId: job.jobId,
  title: job.title,
  employerId: job.employerId,
  place: job.place,
  closingDate: job.closingDate,
});

export function registerMatchingRoutes(app: ApiApp, deps: ApiDeps): void {
  const graduate = requireRole(deps.auth, 'graduate');
  const employer = requireRole(deps.auth, 'employer');
  const { store, matches, graph } = deps.matching;
  /** What every ranked item carries: the score, a sentence, the structure, and the skills' names. */
  const explained = (score: number, explanation: Explanation, lang: 'en' | 'zh') => ({
    score,
    summary: summariseExplanation(explanation, { lang, label: (uri) => deps.skills.labelOf(uri, lang) ?? uri }),
    explanation,
    labels: labelsOf(explanation, deps.skills, lang),
  });

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/profiles/me/matches',
      summary: 'My ranked jobs, each with a plain explanation',
      description:
        'Stored results are served only while they were computed from the current profile and job versions; otherwise they are recomputed first. ' +
        'With personalisedMatching=false the list is the newest open jobs in the preferred places, not ranked by the profile, and says so.',
      tags: ['Matching'],
      security,
      middleware: [graduate] as const,
      request: () => ({ query: z.extend(pageQuerySchema(), langQuerySchema().shape) }),
      responses: () => ({ 200: jsonContent(matchesResponseSchema(), 'Ranked matches'), ...problemResponses(400, 401, 403, 404) }),
    }),
    async (c) => {
      const { limit, cursor, lang } = c.req.valid('query');
      const sub = c.get('principal').sub;
      const profile = await store.getProfile(sub);
      if (!profile) throw notFound('profile');
      const now = new Date();
      if (!profile.consents.personalisedMatching) {
        const partitions = partitionsOfInterest(toMatchProfile(profile));
        const pages = await Promise.all(partitions.map((partition) => store.searchOpenJobs({ partition, limit: 100 })));
        const newest = pages
          .flatMap((p) => p.items)
          .sort((a, b) => (a.postedAt < b.postedAt ? 1 : a.postedAt > b.postedAt ? -1 : 0));
        const page = await paged(deps, newest, { limit, cursor }, `feed:${sub}:${profile.version}`);
        return c.json(
          {
            mode: 'non-personalised' as const,
            notice:
              'Personalised matching is off: these are the newest open jobs in your preferred places, not ranked by your profile.',
            items: page.items.map((job) => ({
              job: jobSummary(job),
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
      let set = await matches.getMatchSet<Explanation>(sub);
      if (!set || set.profileVersion !== profile.version || set.mode !== 'personalised') {
        set = await recomputeMatchesForGraduate(deps.matching, sub);
      }
      const jobs = new Map((await matches.getJobs(set!.matches.map((m) => m.jobId))).map((job) => [job.jobId, job]));
      const matchProfile = toMatchProfile(profile);
      const current = set!.matches
        .flatMap((m) => {
          const job = jobs.get(m.jobId);
          if (!job || !isJobOpen(job, now)) return [];
          // A job edited since the list was computed is scored again before it is shown.
          if (job.version === m.jobVersion) return [{ job, score: m.score, explanation: m.explanation }];
          const fresh = scoreJobForProfile(matchProfile, toMatchJob(job), graph);
          return fresh.eligible ? [{ job, score: fresh.score, explanation: fresh.explanation }] : [];
        })
        .sort((a, b) => b.score - a.score || (a.job.postedAt < b.job.postedAt ? 1 : -1));
      const page = await paged(deps, current, { limit, cursor }, `matches:${sub}:${profile.version}:${set!.computedAt}`);
      return c.json(
        {
          mode: 'personalised' as const,
          computedAt: set!.computedAt,
          items: page.items.map(({ job, score, explanation }) => ({
            job: jobSummary(job),
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
          z.object({ items: z.array(candidateItemSchema()), nextCursor: z.optional(z.string()) }),
          'Ranked candidates',
        ),
        ...problemResponses(400, 401, 403, 404),
      }),
    }),
    async (c) => {
      const { limit, cursor, lang } = c.req.valid('query');
      const principal = c.get('principal');
      const job = await store.getJob(c.req.valid('param').id);
      if (!job) throw notFound('job');
      if (job.employerId !== principal.sub && !isAdmin(principal)) {
        throw new DomainError('forbidden', 'Only the employer who posted this job sees its candidates.');
      }
      let stored = await matches.listCandidates<Explanation>(job.jobId);
      if (stored.length === 0 || stored.some((s) => s.jobVersion !== job.version)) {
        stored = await recomputeCandidatesForJob(deps.matching, job.jobId);
      }
      const profiles = new Map((await matches.getProfiles(stored.map((s) => s.graduateId))).map((p) => [p.graduateId, p]));
      const matchJob = toMatchJob(job);
      const current = stored
        .flatMap((s) => {
          const profile = profiles.get(s.graduateId);
          // Consent is checked at read time too: a graduate who withdrew it disappears at once.
          if (!profile?.consents.discoverable || !profile.consents.personalisedMatching) return [];
          if (profile.version === s.profileVersion) return [{ profile, score: s.score, explanation: s.explanation }];
          const fresh = scoreJobForProfile(toMatchProfile(profile), matchJob, graph);
          return fresh.eligible ? [{ profile, score: fresh.score, explanation: fresh.explanation }] : [];
        })
        .sort((a, b) => b.score - a.score || (a.profile.graduateId < b.profile.graduateId ? -1 : 1));
      const page = await paged(deps, current, { limit, cursor }, `candidates:${job.jobId}:${job.version}`);
      return c.json(
        {
          items: page.items.map(({ profile, score, explanation }) => ({
            graduateId: profile.graduateId,
            displayName: profile.displayName,
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
      const profile = await store.getProfile(c.get('principal').sub);
      if (!profile) throw notFound('profile');
      const matchProfile = toMatchProfile(profile);
      const held = new Set(matchProfile.skills.map((s) => s.uri));
      let gaps: Array<{ uri: string; importance: 'essential' | 'optional' }>;
      if (query.job) {
        const job = await store.getJob(query.job);
        if (!job) throw notFound('job');
        const { explanation } = scoreJobForProfile(matchProfile, toMatchJob(job), graph);
        gaps = [
          ...explanation.missingEssential.map((uri) => ({ uri, importance: 'essential' as const })),
          ...explanation.partial.map((p) => ({ uri: p.required.uri, importance: p.required.importance })),
          ...explanation.missingOptional.map((uri) => ({ uri, importance: 'optional' as const })),
        ];
      } else {
        if (!deps.catalog.isKnownOccupation(query.occupation!)) throw notFound('occupation');
        const required = deps.skills.occupationSkills(query.occupation!);
        gaps = [
          ...required.essential.filter((uri) => !held.has(uri)).map((uri) => ({ uri, importance: 'essential' as const })),
          ...required.optional.filter((uri) => !held.has(uri)).map((uri) => ({ uri, importance: 'optional' as const })),
        ];
      }
      const partitions = partitionsOfInterest(matchProfile);
      const items = await Promise.all(
        gaps.map(async (gap) => {
          const templates = await Promise.all(
            (await deps.credentials.templateIdsTeaching(gap.uri)).map((id) => deps.credentials.getTemplate(id)),
          );
          return {
            ...gap,
            label: deps.skills.labelOf(gap.uri, query.lang) ?? gap.uri,
            openJobsRequiring: await matches.countOpenJobsRequiring(gap.uri, partitions),
            credentials: templates.flatMap((t) =>
              t ? [{ templateId: t.templateId, issuerId: t.issuerId, title: t.title, eqfLevel: t.eqfLevel }] : [],
            ),
          };
        }),
      );
      items.sort(
        (a, b) =>
          b.openJobsRequiring - a.openJobsRequiring ||
          (a.importance === b.importance ? 0 : a.importance === 'essential' ? -1 : 1) ||
          a.label.localeCompare(b.label),
      );
      return c.json({ items }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/v1/profiles/me/notifications/{id}',
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
      await store.markNotificationRead(c.get('principal').sub, c.req.valid('param').id, c.req.valid('json').read);
      return c.body(null, 204);
    },
  );
}
