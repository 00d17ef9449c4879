import * as z from 'zod/mini';
import { createRoute } from '../routing.ts';
import { HTTPException } from 'hono/http-exception';
import { ESCO_ATTRIBUTION } from '@skillpass/taxonomy';
import type { ApiApp, ApiDeps } from '../app.ts';
import { jsonContent, problemResponses } from '../http.ts';
import { buildOpenApiDocument } from '../openapi-document.ts';
import { DOCS_PAGE } from './docs-page.ts';

export const API_INFO = {
  title: 'skillpass API',
  version: '0.1.0',
  description:
    'Talent–job matching and signed skills credentials for the Yangtze River Delta and EU regions. ' +
    `Errors are RFC 9457 application/problem+json. ${ESCO_ATTRIBUTION}`,
};

const health = createRoute({
  method: 'get',
  path: '/health',
  summary: 'Liveness and table reachability',
  tags: ['Operations'],
  responses: {
    200: jsonContent(z.object({ status: z.literal('ok') }), 'The table answers'),
    ...problemResponses(503),
  },
});

export function registerDocsRoutes(app: ApiApp, deps: ApiDeps): void {
  app.openapi(health, async (c) => {
    try {
      await deps.store.ping();
    } catch {
      throw new HTTPException(503, { message: 'The database does not answer.' });
    }
    return c.json({ status: 'ok' as const }, 200);
  });

  let document: ReturnType<typeof buildOpenApiDocument> | undefined;
  app.openapi(
    createRoute({
      method: 'get',
      path: '/openapi.json',
      summary: 'This API as an OpenAPI 3.1 document, generated from its zod schemas',
      tags: ['Operations'],
      responses: { 200: jsonContent(z.record(z.string(), z.unknown()), 'The OpenAPI document') },
    }),
    (c) => {
      // Built on first request, not at start-up: it is the largest piece of work the API does once.
      document ??= buildOpenApiDocument(app.documentedRoutes, {
        info: API_INFO,
        servers: [{ url: deps.publicOrigin }],
        securitySchemes: {
          bearer: {
            type: 'http',
            scheme: 'bearer',
            bearerFormat: 'JWT',
            description: 'A JWT from the identity provider (Cognito in AWS, `npm run token` locally).',
          },
        },
      });
      return c.json(document, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/docs',
      summary: 'This document, rendered for people',
      tags: ['Operations'],
      responses: { 200: { description: 'HTML page', content: { 'text/html': { schema: z.string() } } } },
    }),
    (c) => c.html(DOCS_PAGE, 200),
  );
}
