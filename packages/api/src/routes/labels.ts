import * as z from 'zod/mini';
import { builtOnFirstUse } from '@skillpass/domain';
import { templateUrl } from '@skillpass/services';
import { ESCO_ATTRIBUTION } from '@skillpass/taxonomy';
import { createRoute, DocumentedHono } from '../routing.ts';
import type { ApiApp, ApiDeps } from '../deps.ts';
import { jsonContent, problemResponses } from '../http.ts';

const MAX_URIS = 100;
/** Template ids are generated (`tpl_…`): anything else after the prefix names no template, and is not looked up. */
const TEMPLATE_ID = /^[A-Za-z0-9_-]{1,128}$/;
const uriSchema = builtOnFirstUse(() => z.string().check(z.minLength(1), z.maxLength(300)));
const labelsQuerySchema = builtOnFirstUse(() =>
  z.object({
    // One `uri=` or several (`uri=a&uri=b`): a single one arrives as a string.
    uri: z.union([uriSchema(), z.array(uriSchema()).check(z.minLength(1), z.maxLength(MAX_URIS))]),
  }),
);
const labelsResponseSchema = builtOnFirstUse(() =>
  z.object({
    labels: z.record(z.string(), z.object({ en: z.string(), zh: z.string() })),
    attribution: z.string(),
  }),
);

/**
 * Names, in English and Chinese, of what a profile or a credential refers to by URI: ESCO skills and occupations,
 * and this platform's credential templates (the achievement a credential names). Both languages in one answer, so
 * a page can switch language without asking again; where a concept has no Chinese label, `zh` repeats English.
 */
export function labelRoutes(deps: ApiDeps): ApiApp {
  const app: ApiApp = new DocumentedHono();
  const templatePrefix = templateUrl(deps.publicOrigin, '');
  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/labels',
      operationId: 'getLabels',
      security: [],
      summary: 'Names of ESCO skills and occupations, and of credential templates, by URI, in English and Chinese',
      description:
        `Public. Up to ${MAX_URIS} \`uri\` parameters (repeat it). URIs that name nothing known are left out of ` +
        '`labels`; `zh` repeats `en` where there is no Chinese name.',
      tags: ['Skills taxonomy'],
      request: () => ({ query: labelsQuerySchema() }),
      responses: () => ({
        200: jsonContent(labelsResponseSchema(), 'Labels by URI'),
        ...problemResponses(400),
      }),
    }),
    async (c) => {
      const { uri } = c.req.valid('query');
      const uris = [...new Set(typeof uri === 'string' ? [uri] : uri)];
      const labels: Record<string, { en: string; zh: string }> = {};
      for (const one of uris) {
        const en = deps.taxonomy.labelOf(one, 'en');
        if (en !== undefined) labels[one] = { en, zh: deps.taxonomy.labelOf(one, 'zh') ?? en };
      }
      await Promise.all(
        uris.map(async (one) => {
          const templateId = one.startsWith(templatePrefix) ? one.slice(templatePrefix.length) : '';
          if (!TEMPLATE_ID.test(templateId)) return;
          const template = await deps.issuers.getTemplate(templateId);
          if (template) labels[one] = { en: template.title.en, zh: template.title.zh ?? template.title.en };
        }),
      );
      return c.json({ labels, attribution: ESCO_ATTRIBUTION }, 200);
    },
  );
  return app;
}
