import * as z from 'zod/mini';
import { builtOnFirstUse, invalid, notFound } from '@skillpass/domain';
import { publishedStandardsOf, templatesForSkills } from '@skillpass/services';
import { ESCO_ATTRIBUTION, OCCUPATION_PREFIX } from '@skillpass/taxonomy';
import type { CareerGuide } from '@skillpass/taxonomy/careers';
import { createRoute, DocumentedHono } from '../routing.ts';
import type { ApiApp, CoreApiDeps } from '../deps.ts';
import { requireRole } from '../auth.ts';
import { jsonContent, langQuerySchema, languageOf, problemResponses } from '../http.ts';

/** The careers data (150 kB) and its code load on the first careers request, never on the API's cold start. */
const careerGuide = async (): Promise<CareerGuide> => (await import('@skillpass/taxonomy/careers')).getCareerGuide();
const INSTRUMENT = 'esco-work-activities-v1';
const AREAS = ['S1', 'S2', 'S3', 'S4', 'S5', 'S6', 'S7', 'S8'] as const;
const SUGGESTIONS = 10;
const TEMPLATES = 10;

const bilingualSchema = builtOnFirstUse(() => z.object({ en: z.string(), zh: z.string() }));
const conceptSchema = builtOnFirstUse(() => z.object({ uri: z.string(), label: z.string() }));
const ratingSchema = builtOnFirstUse(() => z.int().check(z.gte(1), z.lte(5)));
const answersSchema = builtOnFirstUse(() =>
  z.strictObject({
    ratings: z.strictObject(
      Object.fromEntries(AREAS.map((area) => [area, ratingSchema()])) as Record<
        (typeof AREAS)[number],
        ReturnType<typeof ratingSchema>
      >,
    ),
    especially: z._default(z.array(z.string().check(z.maxLength(10))).check(z.maxLength(80)), []),
  }),
);
const scoreRequestSchema = builtOnFirstUse(() =>
  z.strictObject({ ...answersSchema().shape, lang: z.optional(z.enum(['en', 'zh'])) }),
);
const resultSchema = builtOnFirstUse(() =>
  z.object({
    instrument: z.string(),
    preferences: z.array(z.object({ code: z.string(), label: z.string(), rating: z.int() })),
    occupations: z.array(
      z.object({
        uri: z.string(),
        label: z.string(),
        fit: z.number().register(z.globalRegistry, {
          description: '1 when the occupation relies only on the most liked activities; 0 when on none liked',
        }),
        reasons: z.array(z.object({ code: z.string(), label: z.string(), share: z.number() })),
      }),
    ),
    attribution: z.string(),
  }),
);
const savedSchema = builtOnFirstUse(() =>
  z.object({
    ratings: z.record(z.string(), z.int()),
    especially: z.array(z.string()),
    savedAt: z.string(),
    result: resultSchema(),
  }),
);
const questionnaireSchema = builtOnFirstUse(() =>
  z.object({
    instrument: z.string(),
    scale: z.object({ min: z.int(), max: z.int() }),
    areas: z.array(
      z.object({
        code: z.string(),
        label: bilingualSchema(),
        activities: z.array(z.object({ code: z.string(), label: bilingualSchema() })),
      }),
    ),
    attribution: z.string(),
  }),
);
const occupationIdSchema = builtOnFirstUse(() =>
  z.object({ id: z.string().check(z.regex(/^[0-9a-f-]{36}$/, 'an ESCO occupation id (uuid)')) }),
);
const browseQuerySchema = builtOnFirstUse(() =>
  z.object({
    q: z.optional(z.string().check(z.trim(), z.maxLength(100))),
    lang: z.optional(z.enum(['en', 'zh'])),
    limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 20),
    offset: z._default(z.coerce.number().check(z.int(), z.gte(0), z.lte(5000)), 0),
  }),
);
const careerSchema = builtOnFirstUse(() =>
  z.object({
    uri: z.string(),
    label: z.string(),
    labels: z.object({ en: z.string(), zh: z.optional(z.string()) }),
    escoCode: z.string(),
    description: z.optional(z.object({ text: z.string(), lang: z.literal('en') })),
    isco: z.object({ code: z.string(), label: z.string(), major: z.object({ code: z.string(), label: z.string() }) }),
    essentialSkills: z.array(conceptSchema()),
    optionalSkills: z.array(conceptSchema()),
    activities: z.array(z.object({ code: z.string(), label: z.string(), share: z.number() })),
    related: z.array(
      z.object({
        uri: z.string(),
        label: z.string(),
        why: z.enum(['same-isco-group', 'shared-skills']),
        sharedEssentialSkills: z.int(),
      }),
    ),
    templates: z.array(
      z.object({
        templateId: z.string(),
        issuerId: z.string(),
        title: z.object({ en: z.string(), zh: z.optional(z.string()) }),
        eqfLevel: z.number(),
        teaches: z.array(z.string()),
      }),
    ),
    levelStandards: z
      .array(z.object({ standardId: z.string(), title: bilingualSchema(), levels: z.array(z.int()) }))
      .register(z.globalRegistry, {
        description:
          'Published skill-level standards for this occupation (the standards registry); empty until one is published',
      }),
    attribution: z.string(),
  }),
);

type Answers = z.infer<ReturnType<typeof answersSchema>>;

/** Unknown activity codes are a 400 naming the entry: the schema knows the shape, the data knows the codes. */
function checkedAnswers(guide: CareerGuide, answers: Answers): Answers {
  const issues = answers.especially.flatMap((code, i) =>
    guide.isActivityGroup(code) ? [] : [{ path: `especially.${i}`, message: `unknown activity group ${code}` }],
  );
  if (issues.length > 0) throw invalid('Some activity groups are not in the questionnaire.', issues);
  return { ...answers, especially: [...new Set(answers.especially)] };
}

const scored = (guide: CareerGuide, answers: Answers, lang: 'en' | 'zh') => ({
  instrument: INSTRUMENT,
  ...guide.score(answers, { lang, limit: SUGGESTIONS }),
  attribution: ESCO_ATTRIBUTION,
});

/**
 * Career guidance and the career assessment: public reading of ESCO occupations as career pages, a stateless
 * scoring of the questionnaire, and the graduate's own saved answers (never visible to anyone else).
 */
export function careerRoutes(deps: CoreApiDeps): ApiApp {
  const app: ApiApp = new DocumentedHono();
  const graduate = requireRole(deps.auth, 'graduate');
  const security = [{ bearer: [] }];

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/careers/assessment',
      operationId: 'getCareerAssessment',
      security: [],
      summary: 'The career assessment questionnaire: ESCO work-activity areas to rate 1–5, with example activities',
      tags: ['Careers'],
      responses: () => ({ 200: jsonContent(questionnaireSchema(), 'The questionnaire, en and zh') }),
    }),
    async (c) =>
      c.json(
        {
          instrument: INSTRUMENT,
          scale: { min: 1, max: 5 },
          areas: (await careerGuide()).questionnaire(),
          attribution: ESCO_ATTRIBUTION,
        },
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/careers/assessment/score',
      operationId: 'scoreCareerAssessment',
      security: [],
      summary:
        'Score answers to the career assessment: suggested ESCO occupations with the reasons (nothing is stored)',
      tags: ['Careers'],
      request: () => ({ body: { content: { 'application/json': { schema: scoreRequestSchema() } }, required: true } }),
      responses: () => ({ 200: jsonContent(resultSchema(), 'Suggested occupations'), ...problemResponses(400) }),
    }),
    async (c) => {
      const { lang, ...answers } = c.req.valid('json');
      const guide = await careerGuide();
      return c.json(scored(guide, checkedAnswers(guide, answers), lang ?? 'en'), 200);
    },
  );

  const savedPath = '/v1/profiles/me/career-assessment';
  app.openapi(
    createRoute({
      method: 'put',
      path: savedPath,
      operationId: 'saveMyCareerAssessment',
      summary: 'Save my career assessment answers (replaces the last ones); only I can read them',
      tags: ['Careers'],
      security,
      middleware: [graduate] as const,
      request: () => ({
        query: langQuerySchema(),
        body: { content: { 'application/json': { schema: answersSchema() } }, required: true },
      }),
      responses: () => ({
        200: jsonContent(savedSchema(), 'Saved, with the suggestions'),
        ...problemResponses(400, 401, 403),
      }),
    }),
    async (c) => {
      const guide = await careerGuide();
      const answers = checkedAnswers(guide, c.req.valid('json'));
      const saved = {
        graduateId: c.get('principal').sub,
        instrument: INSTRUMENT,
        ratings: answers.ratings,
        especially: answers.especially,
        savedAt: deps.clock().toISOString(),
      };
      await deps.careerAssessments.save(saved);
      const lang = languageOf(c, c.req.valid('query').lang);
      return c.json(
        {
          ratings: saved.ratings,
          especially: saved.especially,
          savedAt: saved.savedAt,
          result: scored(guide, answers, lang),
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: savedPath,
      operationId: 'getMyCareerAssessment',
      summary: 'My saved career assessment, with suggestions computed afresh from the answers',
      tags: ['Careers'],
      security,
      middleware: [graduate] as const,
      request: () => ({ query: langQuerySchema() }),
      responses: () => ({
        200: jsonContent(savedSchema(), 'Saved answers and suggestions'),
        ...problemResponses(401, 403, 404),
      }),
    }),
    async (c) => {
      const saved = await deps.careerAssessments.get(c.get('principal').sub);
      if (!saved) throw notFound('saved career assessment');
      const answers = { ratings: saved.ratings as Answers['ratings'], especially: saved.especially };
      const lang = languageOf(c, c.req.valid('query').lang);
      return c.json({ ...answers, savedAt: saved.savedAt, result: scored(await careerGuide(), answers, lang) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: savedPath,
      operationId: 'deleteMyCareerAssessment',
      summary: 'Delete my saved career assessment',
      tags: ['Careers'],
      security,
      middleware: [graduate] as const,
      responses: () => ({
        204: { description: 'Deleted (also when nothing was saved)' },
        ...problemResponses(401, 403),
      }),
    }),
    async (c) => {
      await deps.careerAssessments.delete(c.get('principal').sub);
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/careers',
      operationId: 'browseCareers',
      security: [],
      summary: 'Browse or search ESCO occupations as career pages, in English or Chinese',
      tags: ['Careers'],
      request: () => ({ query: browseQuerySchema() }),
      responses: () => ({
        200: jsonContent(
          z.object({ items: z.array(conceptSchema()), total: z.int(), attribution: z.string() }),
          'Occupations, `offset` onwards',
        ),
        ...problemResponses(400),
      }),
    }),
    async (c) => {
      const { q, lang, limit, offset } = c.req.valid('query');
      const page = (await careerGuide()).browse({
        ...(q ? { q } : {}),
        lang: languageOf(c, lang),
        limit,
        offset,
      });
      return c.json({ ...page, attribution: ESCO_ATTRIBUTION }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/careers/{id}',
      operationId: 'getCareer',
      security: [],
      summary:
        'One occupation as a career page: what it is, its skills, ISCO group, related occupations, where to learn',
      description:
        'ESCO describes occupations in English only: `description.lang` says so. The ISCO-08 unit and major groups ' +
        '(`isco.label`, `isco.major.label`) are named in the requested language. `templates` are this platform’s ' +
        'credential templates teaching the essential skills.',
      tags: ['Careers'],
      request: () => ({ params: occupationIdSchema(), query: langQuerySchema() }),
      responses: () => ({ 200: jsonContent(careerSchema(), 'The career page'), ...problemResponses(400, 404) }),
    }),
    async (c) => {
      const lang = languageOf(c, c.req.valid('query').lang);
      const guide = (await careerGuide()).occupation(OCCUPATION_PREFIX + c.req.valid('param').id, lang);
      if (!guide) throw notFound('occupation');
      const templates = await templatesForSkills(
        deps,
        guide.essentialSkills.map((s) => s.uri),
        TEMPLATES,
      );
      const levelStandards = await publishedStandardsOf(deps, guide.uri);
      return c.json({ ...guide, templates, levelStandards, attribution: ESCO_ATTRIBUTION }, 200);
    },
  );
  return app;
}
