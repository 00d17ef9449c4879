import * as z from 'zod/mini';
import { createRoute, DocumentedHono } from '../routing.ts';
import { ESCO_ATTRIBUTION } from '@skillpass/taxonomy';
import type { ApiApp, CoreApiDeps } from '../deps.ts';
import { jsonContent, problemResponses } from '../http.ts';
import { builtOnFirstUse } from '@skillpass/domain';

const langSchema = builtOnFirstUse(() => z._default(z.enum(['en', 'zh']), 'en'));
const lookupQuerySchema = builtOnFirstUse(() =>
  z.object({
    q: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
    lang: langSchema(),
    limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(50)), 10),
  }),
);

const conceptHitSchema = builtOnFirstUse(() =>
  z.object({
    uri: z.string(),
    preferredLabel: z.string(),
    label: z.string(),
    matchedLabel: z.string(),
    type: z.optional(z.string()),
  }),
);
const lookupResponseSchema = builtOnFirstUse(() =>
  z.object({ items: z.array(conceptHitSchema()), attribution: z.string() }),
);

const extractRequestSchema = builtOnFirstUse(() =>
  z.strictObject({
    text: z.string().check(z.minLength(1), z.maxLength(20_000)),
    lang: z.optional(z.enum(['en', 'zh'])),
  }),
);
const spanSchema = builtOnFirstUse(() => z.object({ start: z.int(), end: z.int(), text: z.string() }));
const extractResponseSchema = builtOnFirstUse(() =>
  z.object({
    items: z.array(
      z.object({
        uri: z.string(),
        label: z.string(),
        span: spanSchema(),
        confidence: z.number().check(z.gte(0), z.lte(1)),
      }),
    ),
    /** Per sentence, ranked candidates (best first) for a person to confirm from the top few. */
    sentences: z.array(
      z.object({
        span: spanSchema(),
        candidates: z.array(
          z.object({
            uri: z.string(),
            label: z.string(),
            score: z.number().check(z.gte(0), z.lte(1)),
            evidence: z.enum(['label', 'pattern', 'retrieval']),
            inContext: z.boolean(),
            /** The words it was read from; absent when retrieval matched no single stretch of the sentence. */
            span: z.optional(spanSchema()),
          }),
        ),
      }),
    ),
    /** The ESCO occupations whose skill profiles the text resembles most (the context of the ranking). */
    occupations: z.array(z.object({ uri: z.string(), label: z.string(), score: z.number() })),
    /** Parts of an ad not read for skills, found by their headings (benefits, company, place/hours/pay, contact). */
    asides: z.array(z.object({ span: spanSchema(), kind: z.enum(['benefits', 'company', 'terms', 'contact']) })),
    attribution: z.string(),
  }),
);

export function skillRoutes(deps: CoreApiDeps): ApiApp {
  const app: ApiApp = new DocumentedHono();
  const skills = deps.taxonomy;
  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/skills',
      operationId: 'searchSkills',
      security: [],
      summary: 'Look up ESCO skills by prefix or alias, in English or Chinese',
      tags: ['Skills taxonomy'],
      request: () => ({ query: lookupQuerySchema() }),
      responses: () => ({ 200: jsonContent(lookupResponseSchema(), 'Ranked matches'), ...problemResponses(400) }),
    }),
    (c) => {
      const { q, lang, limit } = c.req.valid('query');
      return c.json({ items: skills.searchSkills({ q, lang, limit }), attribution: ESCO_ATTRIBUTION }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/occupations',
      operationId: 'searchOccupations',
      security: [],
      summary: 'Look up ESCO occupations by prefix or alias, in English or Chinese',
      tags: ['Skills taxonomy'],
      request: () => ({ query: lookupQuerySchema() }),
      responses: () => ({ 200: jsonContent(lookupResponseSchema(), 'Ranked matches'), ...problemResponses(400) }),
    }),
    (c) => {
      const { q, lang, limit } = c.req.valid('query');
      return c.json({ items: skills.searchOccupations({ q, lang, limit }), attribution: ESCO_ATTRIBUTION }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/skills/extract',
      operationId: 'extractSkills',
      security: [],
      summary: 'Suggest ESCO skills found in free text (a job ad or CV paragraph, en or zh)',
      tags: ['Skills taxonomy'],
      request: () => ({
        body: { content: { 'application/json': { schema: extractRequestSchema() } }, required: true },
      }),
      responses: () => ({
        200: jsonContent(
          extractResponseSchema(),
          'Skills with the matched span and a confidence, and ranked candidates per sentence',
        ),
        ...problemResponses(400),
      }),
    }),
    (c) => {
      const { text, lang } = c.req.valid('json');
      return c.json({ ...skills.suggestSkills(text, { lang }), attribution: ESCO_ATTRIBUTION }, 200);
    },
  );
  return app;
}
