import { connectTable } from '@skillpass/store';
import { getTaxonomy } from '@skillpass/taxonomy';
import { describe, expect, it } from 'vitest';
import { createApp } from './app.ts';
import { composeApiDeps } from './compose.ts';
import { createRoute, DocumentedHono, pathPatternCovers } from './routing.ts';

const unused = async (): Promise<never> => {
  throw new Error('not called by these tests');
};
const app = createApp(
  composeApiDeps({
    table: connectTable({ tableName: 'lazy-modules', region: 'eu-central-1' }),
    cursorSecret: unused,
    taxonomy: getTaxonomy(),
    publicOrigin: 'https://api.example.com',
    auth: { issuer: 'https://issuer.example.com', audience: 'lazy-modules', keys: unused },
    signer: { alg: 'ES256', kid: 'https://api.example.com/keys/unused', sign: unused },
    publishedKeys: unused,
    batchQueue: () => ({ enqueue: unused }),
    openApiDocument: unused,
  }),
);

describe('lazy route modules in the app', () => {
  it("declare paths that cover every route of their module, and no path that serves none of the module's routes", async () => {
    expect(app.lazyModules.length).toBeGreaterThan(20);
    for (const { paths, load } of app.lazyModules) {
      const routes = (await load()).documentedRoutes;
      for (const route of routes) {
        expect(
          paths.some((pattern) => pathPatternCovers(pattern, route.path)),
          `${route.method.toUpperCase()} ${route.path} (${route.operationId}) is not in its module's lazy paths ${paths.join(', ')}`,
        ).toBe(true);
      }
      for (const pattern of paths) {
        expect(
          routes.some((route) => pathPatternCovers(pattern, route.path)),
          `lazy path ${pattern} serves none of its module's routes`,
        ).toBe(true);
      }
    }
  });

  it('lists every route for the OpenAPI document, lazy modules included, each operation once', async () => {
    const routes = await app.allDocumentedRoutes();
    const operations = routes.map((route) => route.operationId);
    expect(new Set(operations).size).toBe(operations.length);
    expect(operations).toEqual(expect.arrayContaining(['getHealth', 'searchJobs', 'verifyCredential', 'listFairs']));
  });
});

describe('lazyRouteModule', () => {
  const route = (method: 'get' | 'post', path: string, operationId: string) =>
    createRoute({ method, path, operationId, summary: operationId, security: [], responses: () => ({}) });

  function appWith(built: string[]) {
    const main = new DocumentedHono();
    main.onError((error, c) => c.json({ caught: error.message }, 500));
    main.lazyRouteModule(['/things/*'], async () => {
      built.push('things');
      const module = new DocumentedHono();
      module.openapi(route('get', '/things/broken', 'brokenThing'), () => {
        throw new Error('broken');
      });
      module.openapi(route('get', '/things/{id}', 'getThing'), (c) => c.json({ thing: c.req.param('id') }, 200));
      return module;
    });
    main.lazyRouteModule(['/things/special/more'], async () => {
      built.push('special');
      const module = new DocumentedHono();
      module.openapi(route('post', '/things/special/more', 'moreThings'), (c) => c.json({ more: true }, 201));
      return module;
    });
    return main;
  }

  it('builds a module on its first request only, once, and hands its errors to the app', async () => {
    const built: string[] = [];
    const main = appWith(built);
    expect(built).toEqual([]);
    expect(await (await main.request('/things/7')).json()).toEqual({ thing: '7' });
    expect(await (await main.request('/things/8')).json()).toEqual({ thing: '8' });
    expect(built).toEqual(['things']);
    const broken = await main.request('/things/broken');
    expect(broken.status).toBe(500);
    expect(await broken.json()).toEqual({ caught: 'broken' });
  });

  it('goes on to the next module when the first has no such route, and answers 404 when none has', async () => {
    const built: string[] = [];
    const main = appWith(built);
    const more = await main.request('/things/special/more', { method: 'POST' });
    expect(more.status).toBe(201);
    expect(built).toEqual(['things', 'special']);
    const none = await main.request('/things/a/b/c');
    expect(none.status).toBe(404);
    expect(none.headers.get('x-skillpass-lazy-module-not-served')).toBeNull();
  });

  it('documents the lazy routes in mounting order', async () => {
    const main = appWith([]);
    main.openapi(route('get', '/after', 'after'), (c) => c.json({}, 200));
    expect((await main.allDocumentedRoutes()).map((r) => r.operationId)).toEqual([
      'brokenThing',
      'getThing',
      'moreThings',
      'after',
    ]);
  });
});
