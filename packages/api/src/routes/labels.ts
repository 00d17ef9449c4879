import * as z from 'zod/mini';
import { builtOnFirstUse } from '@skillpass/domain';
import { issuerUrl, templateUrl } from '@skillpass/services';
import { ESCO_ATTRIBUTION } from '@skillpass/taxonomy';
import { createRoute, DocumentedHono } from '../routing.ts';
import type { ApiApp, CoreApiDeps } from '../deps.ts';
import { jsonContent, problemResponses } from '../http.ts';

const MAX_URIS = 100;
/** Template and issuer ids are plain tokens: anything else after the prefix names nothing, and is not looked up. */
const PLAIN_ID = /^[A-Za-z0-9_.-]{1,128}$/;
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
 * and this platform's credential templates and issuers (the achievement and the issuer a credential names). Both languages in one answer, so
 * a page can switch language without asking again; where a concept has no Chinese label, `zh` repeats English.
 */
export function labelRoutes(deps: CoreApiDeps): ApiApp {
  const app: ApiApp = new DocumentedHono();
  const templatePrefix = templateUrl(deps.publicOrigin, '');
  const issuerPrefix = issuerUrl(deps.publicOrigin, '');
  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/labels',
      operationId: 'getLabels',
      security: [],
      summary: 'Names of ESCO skills and occupations, credential templates and issuers, by URI, in English and Chinese',
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
          const found = one.startsWith(templatePrefix)
            ? await named(
                one.slice(templatePrefix.length),
                (id) => deps.issuers.getTemplate(id),
                (t) => t.title,
              )
            : one.startsWith(issuerPrefix)
              ? await named(
                  one.slice(issuerPrefix.length),
                  (id) => deps.issuers.get(id),
                  (i) => i.legalName,
                )
              : undefined;
          if (found) labels[one] = { en: found.en, zh: found.zh ?? found.en };
        }),
      );
      return c.json({ labels, attribution: ESCO_ATTRIBUTION }, 200);
    },
  );
  return app;
}

/** The bilingual name of what `read` finds under a plain id; undefined for anything else. */
async function named<T>(
  id: string,
  read: (id: string) => Promise<T | undefined>,
  nameOf: (found: T) => { en: string; zh?: string },
): Promise<{ en: string; zh?: string } | undefined> {
  if (!PLAIN_ID.test(id)) return undefined;
  const found = await read(id);
  return found === undefined ? undefined : nameOf(found);
}
