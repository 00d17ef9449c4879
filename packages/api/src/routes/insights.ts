import { builtOnFirstUse, deltaCityCodeSchema, deltaProvinceCodeSchema } from '@skillpass/domain';
import {
  addWeeks,
  type Concept,
  type InsightFigures,
  type InsightPlace,
  ISO_WEEK_PATTERN,
  insightPlaceName,
  K_ANONYMITY,
} from '@skillpass/insights';
import {
  conceptSeries,
  currentWeek,
  employerSupply,
  issuerDemand,
  type OrganisationRow,
  placesOverview,
  shortagesAt,
} from '@skillpass/services';
import type { Context } from 'hono';
import * as z from 'zod/mini';
import { requireRole } from '../auth.ts';
import type { ApiApp, CoreApiDeps } from '../deps.ts';
import { problemResponses } from '../http.ts';
import { problemResponse } from '../problem.ts';
import { createRoute, DocumentedHono } from '../routing.ts';

const tags = ['Skills intelligence'];
const security = [{ bearer: [] }] as const;
/** How far back a week may be asked for: two years of weekly counters. */
const MAX_WEEKS_BACK = 104;

const placeQueryShape = () => ({
  province: z.optional(deltaProvinceCodeSchema()),
  city: z.optional(deltaCityCodeSchema()),
  format: z.optional(z.enum(['json', 'csv'])),
});
const optionalPlaceQuerySchema = builtOnFirstUse(() => z.object(placeQueryShape()));
const shortagesQuerySchema = builtOnFirstUse(() =>
  z.object({
    ...placeQueryShape(),
    week: z.optional(z.string().check(z.regex(ISO_WEEK_PATTERN, 'an ISO week such as 2026-W49'))),
    kind: z._default(z.enum(['skill', 'occupation']), 'skill'),
    limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(200)), 20),
  }),
);
const seriesQuerySchema = builtOnFirstUse(() =>
  z.object({
    ...placeQueryShape(),
    weeks: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(MAX_WEEKS_BACK)), 12),
  }),
);
const skillParamsSchema = builtOnFirstUse(() =>
  z.object({ skillId: z.string().check(z.regex(/^[0-9a-f-]{36}$/, 'the ESCO skill id (the UUID ending its URI)')) }),
);

const bilingualSchema = builtOnFirstUse(() => z.object({ en: z.string(), zh: z.optional(z.string()) }));
const figuresSchema = builtOnFirstUse(() =>
  z.object({
    demand: z.int(),
    newDemand: z.int(),
    supply: z.object({
      total: z.nullable(z.int()),
      declared: z.nullable(z.int()),
      verified: z.nullable(z.int()),
      suppressed: z.boolean(),
      splitSuppressed: z.boolean(),
    }),
    shortageIndex: z.number(),
  }),
);
const placeViewSchema = builtOnFirstUse(() => z.object({ id: z.string(), name: bilingualSchema() }));
const conceptViewSchema = builtOnFirstUse(() =>
  z.object({ uri: z.string(), kind: z.enum(['skill', 'occupation']), label: bilingualSchema() }),
);
const offerSchema = builtOnFirstUse(() =>
  z.object({
    templateId: z.string(),
    title: bilingualSchema(),
    participationForm: z.enum(['online', 'onsite', 'blended']),
    issuerId: z.string(),
    issuerName: bilingualSchema(),
    country: z.string(),
    region: z.string(),
  }),
);
const shortagesSchema = builtOnFirstUse(() =>
  z.object({
    place: placeViewSchema(),
    week: z.string(),
    kAnonymity: z.int(),
    total: figuresSchema(),
    items: z.array(
      z.object({
        concept: conceptViewSchema(),
        figures: figuresSchema(),
        trend: z.object({
          previousIndex: z.number(),
          direction: z.enum(['rising', 'falling', 'steady']),
          newDemandPreviousFourWeeks: z.number(),
        }),
        teachingTemplates: z.array(offerSchema()),
      }),
    ),
  }),
);
const seriesSchema = builtOnFirstUse(() =>
  z.object({
    place: placeViewSchema(),
    concept: conceptViewSchema(),
    kAnonymity: z.int(),
    points: z.array(z.object({ week: z.string(), figures: figuresSchema() })),
  }),
);
const placesSchema = builtOnFirstUse(() =>
  z.object({ kAnonymity: z.int(), items: z.array(z.object({ place: placeViewSchema(), figures: figuresSchema() })) }),
);
const organisationSchema = builtOnFirstUse(() =>
  z.object({
    kAnonymity: z.int(),
    items: z.array(z.object({ concept: conceptViewSchema(), place: placeViewSchema(), figures: figuresSchema() })),
  }),
);

/** JSON, and CSV when asked by `?format=csv` or `Accept: text/csv`: the same figures, one row per line. */
const dataContent = (schema: z.ZodMiniType, description: string) => ({
  description,
  content: { 'application/json': { schema }, 'text/csv': { schema: z.string() } },
});

const placeOf = (query: { province?: string; city?: string }): InsightPlace | undefined =>
  query.city ? `city:${query.city}` : query.province ? `province:${query.province}` : undefined;
const placeView = (place: InsightPlace) => ({
  id: place,
  name: { en: insightPlaceName(place, 'en'), zh: insightPlaceName(place, 'zh') },
});

const wantsCsv = (c: Context, format: 'json' | 'csv' | undefined) =>
  format === 'csv' || (format === undefined && (c.req.header('Accept') ?? '').includes('text/csv'));

const FIGURE_COLUMNS = [
  'demand',
  'new_demand',
  'supply_total',
  'supply_declared',
  'supply_verified',
  'supply_suppressed',
  'shortage_index',
];
const figureCells = (f: InsightFigures) => [
  f.demand,
  f.newDemand,
  f.supply.total ?? '',
  f.supply.declared ?? '',
  f.supply.verified ?? '',
  f.supply.suppressed ? 'suppressed' : f.supply.splitSuppressed ? 'split-suppressed' : '',
  f.shortageIndex,
];
const csvCell = (value: string | number) => {
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};
function csv(c: Context, header: string[], rows: Array<Array<string | number>>): Response {
  const body = [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n');
  return c.body(`${body}\r\n`, 200, { 'Content-Type': 'text/csv; charset=utf-8' });
}

export function insightRoutes(deps: CoreApiDeps): ApiApp {
  const app: ApiApp = new DocumentedHono();
  const conceptView = (concept: Exclude<Concept, 'total'>) => {
    const [kind, ...rest] = concept.split(':') as ['skill' | 'occupation', ...string[]];
    const uri = rest.join(':');
    const en = deps.taxonomy.labelOf(uri, 'en') ?? uri;
    return { uri, kind, label: { en, zh: deps.taxonomy.labelOf(uri, 'zh') ?? en } };
  };
  const placeMissing = (c: Context) =>
    problemResponse(c, 'validation', 'The request has invalid fields.', [
      { path: 'query.city', message: 'give a city or a province (GB/T 2260 code)' },
    ]);
  const organisationResponse = (c: Context, rows: OrganisationRow[], format: 'json' | 'csv' | undefined) => {
    const items = rows.map((r) => ({
      concept: conceptView(r.concept as Exclude<Concept, 'total'>),
      place: placeView(r.place),
      figures: r.figures,
    }));
    if (wantsCsv(c, format)) {
      return csv(
        c,
        ['skill_uri', 'skill_en', 'skill_zh', 'place', ...FIGURE_COLUMNS],
        items.map((i) => [
          i.concept.uri,
          i.concept.label.en,
          i.concept.label.zh,
          i.place.id,
          ...figureCells(i.figures),
        ]),
      );
    }
    return c.json({ kAnonymity: K_ANONYMITY, items }, 200);
  };

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/insights/places',
      operationId: 'listInsightPlaces',
      security: [],
      summary: 'Every Delta province and city with its open jobs and graduates (open data)',
      description: `Graduate counts under ${K_ANONYMITY} are suppressed (null). See docs/insights.md.`,
      tags,
      request: () => ({ query: optionalPlaceQuerySchema() }),
      responses: () => ({ 200: dataContent(placesSchema(), 'Places'), ...problemResponses(400) }),
    }),
    async (c) => {
      const items = (await placesOverview(deps)).map((p) => ({ place: placeView(p.place), figures: p.figures }));
      if (wantsCsv(c, c.req.valid('query').format)) {
        return csv(
          c,
          ['place', 'name_en', 'name_zh', ...FIGURE_COLUMNS],
          items.map((i) => [i.place.id, i.place.name.en, i.place.name.zh, ...figureCells(i.figures)]),
        );
      }
      return c.json({ kAnonymity: K_ANONYMITY, items }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/insights/shortages',
      operationId: 'listSkillShortages',
      security: [],
      summary:
        'Skills (or occupations) in short supply in a province or city, ranked, with trend and where they are taught',
      description:
        'Shortage index = (open jobs asking for it + 1) / (graduates offering it + 1), at the end of `week` (default: ' +
        `this week). Supply under ${K_ANONYMITY} graduates is suppressed and the index then uses ${K_ANONYMITY - 1}, a ` +
        'lower bound. JSON, or CSV with `?format=csv` or `Accept: text/csv`.',
      tags,
      request: () => ({ query: shortagesQuerySchema() }),
      responses: () => ({ 200: dataContent(shortagesSchema(), 'Ranked shortages'), ...problemResponses(400) }),
    }),
    async (c) => {
      const query = c.req.valid('query');
      const place = placeOf(query);
      if (!place) return placeMissing(c);
      const now = currentWeek(deps);
      const week = query.week ?? now;
      if (week > now || week < addWeeks(now, -MAX_WEEKS_BACK)) {
        return problemResponse(c, 'validation', 'The request has invalid fields.', [
          { path: 'query.week', message: `a week from ${addWeeks(now, -MAX_WEEKS_BACK)} to ${now}` },
        ]);
      }
      const view = await shortagesAt(deps, { place, week, kind: query.kind, limit: query.limit });
      const items = view.items.map((row) => ({
        ...row,
        concept: conceptView(row.concept as Exclude<Concept, 'total'>),
      }));
      if (wantsCsv(c, query.format)) {
        return csv(
          c,
          [
            'rank',
            'uri',
            'label_en',
            'label_zh',
            'place',
            'week',
            ...FIGURE_COLUMNS,
            'previous_index',
            'trend',
            'templates',
          ],
          items.map((i, n) => [
            n + 1,
            i.concept.uri,
            i.concept.label.en,
            i.concept.label.zh,
            place,
            week,
            ...figureCells(i.figures),
            i.trend.previousIndex,
            i.trend.direction,
            i.teachingTemplates.map((t) => `${t.title.en} (${t.issuerName.en}, ${t.region} ${t.country})`).join('; '),
          ]),
        );
      }
      return c.json({ place: placeView(place), week, kAnonymity: K_ANONYMITY, total: view.total, items }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/insights/skills/{skillId}',
      operationId: 'getSkillInsightSeries',
      security: [],
      summary: 'One skill in a province or city, week by week: open jobs asking for it against graduates offering it',
      tags,
      request: () => ({ params: skillParamsSchema(), query: seriesQuerySchema() }),
      responses: () => ({ 200: dataContent(seriesSchema(), 'Weekly series'), ...problemResponses(400) }),
    }),
    async (c) => {
      const query = c.req.valid('query');
      const place = placeOf(query);
      if (!place) return placeMissing(c);
      const concept = `skill:http://data.europa.eu/esco/skill/${c.req.valid('param').skillId}` as const;
      const points = await conceptSeries(deps, { place, concept, weeks: query.weeks });
      if (wantsCsv(c, query.format)) {
        return csv(
          c,
          ['week', 'place', 'skill_uri', ...FIGURE_COLUMNS],
          points.map((p) => [p.week, place, concept.slice(6), ...figureCells(p.figures)]),
        );
      }
      return c.json({ place: placeView(place), concept: conceptView(concept), kAnonymity: K_ANONYMITY, points }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/insights/me/demand',
      operationId: 'getMyTemplatesDemand',
      security,
      summary: 'For a school: demand for the skills its templates teach, in a place or in each Delta province',
      tags,
      middleware: [requireRole(deps.auth, 'issuer')] as const,
      request: () => ({ query: optionalPlaceQuerySchema() }),
      responses: () => ({
        200: dataContent(organisationSchema(), 'Aggregates only'),
        ...problemResponses(400, 401, 403),
      }),
    }),
    async (c) => {
      const query = c.req.valid('query');
      return organisationResponse(c, await issuerDemand(deps, c.get('principal').sub, placeOf(query)), query.format);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/insights/me/supply',
      operationId: 'getMyJobsSupply',
      security,
      summary: 'For an employer: graduates offering the skills its open jobs require, in a place or where its jobs are',
      tags,
      middleware: [requireRole(deps.auth, 'employer')] as const,
      request: () => ({ query: optionalPlaceQuerySchema() }),
      responses: () => ({
        200: dataContent(organisationSchema(), 'Aggregates only'),
        ...problemResponses(400, 401, 403),
      }),
    }),
    async (c) => {
      const query = c.req.valid('query');
      return organisationResponse(c, await employerSupply(deps, c.get('principal').sub, placeOf(query)), query.format);
    },
  );
  return app;
}
