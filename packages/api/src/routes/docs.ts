import * as z from 'zod/mini';
import { createRoute, DocumentedHono, type RouteSpec } from '../routing.ts';
import { HTTPException } from 'hono/http-exception';
import type { ApiApp, ShellApiDeps } from '../deps.ts';
import { jsonContent, pageAssetsRoute, problemResponses } from '../http.ts';
import { DOCS_ASSETS, DOCS_PAGE } from './docs-page.ts';

const health = createRoute({
  method: 'get',
  path: '/health',
  operationId: 'getHealth',
  security: [],
  summary: 'Liveness and table reachability',
  tags: ['Operations'],
  responses: () => ({
    200: jsonContent(z.object({ status: z.literal('ok') }), 'The table answers'),
    ...problemResponses(503),
  }),
});

export function docsRoutes(deps: ShellApiDeps, documentedRoutes: () => Promise<readonly RouteSpec[]>): ApiApp {
  const app: ApiApp = new DocumentedHono();
  app.openapi(health, async (c) => {
    try {
      await deps.health.ping();
    } catch {
      throw new HTTPException(503, { message: 'The database does not answer.' });
    }
    return c.json({ status: 'ok' as const }, 200);
  });

  app.openapi(
    createRoute({
      method: 'get',
      path: '/openapi.json',
      operationId: 'getOpenApiDocument',
      security: [],
      summary: 'This API as an OpenAPI 3.1 document, generated from its zod schemas',
      tags: ['Operations'],
      responses: () => ({ 200: jsonContent(z.record(z.string(), z.unknown()), 'The OpenAPI document') }),
    }),
    async (c) =>
      c.json({ ...(await deps.openApiDocument(await documentedRoutes())), servers: [{ url: deps.publicOrigin }] }, 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/docs',
      operationId: 'getApiDocsPage',
      security: [],
      summary: 'This document, rendered for people',
      tags: ['Operations'],
      responses: () => ({ 200: { description: 'HTML page', content: { 'text/html': { schema: z.string() } } } }),
    }),
    (c) => c.html(DOCS_PAGE, 200),
  );
  app.openapi(createRoute(pageAssetsRoute('/docs/assets', 'getApiDocsAsset', ['Operations'], DOCS_ASSETS)), (c) => {
    const asset = DOCS_ASSETS[c.req.valid('param').file];
    return c.body(asset.body, 200, { 'Content-Type': asset.type, 'Cache-Control': 'public, max-age=300' });
  });
  return app;
}
