import { bodyLimit } from 'hono/body-limit';
import type { Context, Env, MiddlewareHandler } from 'hono';
import type { ApiApp, ApiDeps, CoreApiDeps, LazyApiDeps } from './deps.ts';
import { problemFromError, problemResponse } from './problem.ts';
import { DocumentedHono } from './routing.ts';
import { securityHeaderKindOf, securityHeaders } from './security-headers.ts';
import { docsRoutes } from './routes/docs.ts';

export const DEFAULT_MAX_BODY_BYTES = 256 * 1024;
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);
const JSON_TYPES = /^application\/(json|merge-patch\+json)$/i;

export interface AppOptions {
  /** Runs before everything else, around every request (the Lambda's request log). */
  middleware?: MiddlewareHandler[];
}

/**
 * The API app. Given the full dependencies (local runtime, tests) or the core with the services loaded on
 * first need (the Lambda). Every route module but the operations one (`/health`, the document) is mounted
 * lazily: imported and built by its first request (docs/architecture.md, "Lazy route modules").
 */
export function createApp(deps: ApiDeps | LazyApiDeps, options: AppOptions = {}): ApiApp {
  const app = new DocumentedHono<Env>();
  // Outermost, so every answer gets them: handlers', problems', replays', the request log's.
  app.use('*', async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(
      securityHeaders(securityHeaderKindOf(c.res.headers.get('Content-Type'))),
    )) {
      c.res.headers.set(name, value);
    }
  });
  for (const middleware of options.middleware ?? []) app.use('*', middleware);
  app.onError((error, c) => problemFromError(c, error));
  app.notFound((c) => problemResponse(c, 'not-found', `There is no ${c.req.method} ${c.req.path}.`));

  app.use('*', async (c, next) => {
    if (BODY_METHODS.has(c.req.method) && c.req.header('Content-Length') !== '0') {
      const type = (c.req.header('Content-Type') ?? '').split(';')[0]!.trim();
      const hasBody = c.req.header('Content-Length') !== undefined || c.req.header('Transfer-Encoding') !== undefined;
      // JSON everywhere; another media type only where the route itself declares it (CSV batches).
      if (hasBody && !JSON_TYPES.test(type) && !(await app.acceptsBody(c.req.method, c.req.path, type))) {
        return problemResponse(c, 'unsupported-media-type', 'Send the body as application/json.', [
          { path: 'header.Content-Type', message: `expected application/json, got ${type || 'nothing'}` },
        ]);
      }
    }
    await next();
  });
  const maxSize = deps.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const tooLarge = (c: Context) => problemResponse(c, 'payload-too-large', `The body is larger than ${maxSize} bytes.`);
  // A declared size is refused before anything touches the body: hono's bodyLimit opens the body stream, which
  // on Node then holds the unread rest and stalls the keep-alive connection. Untouched, Node drains it.
  app.use('*', async (c, next) => (Number(c.req.header('Content-Length')) > maxSize ? tooLarge(c) : next()));
  // Bodies without a declared size are counted as they stream.
  app.use('*', bodyLimit({ maxSize, onError: tooLarge }));

  // The core (repositories, taxonomy, auth) and the services (with the credential libraries) for the modules that use
  // them: given, or loaded by the first such route. `/health` and the document need neither.
  const withCore = coreOf(deps);
  const withServices = servicesOf(deps);
  // Route modules, mounted in the order the OpenAPI document lists them. Lazy ones: the paths they serve (a final
  // `/*` covers everything below; routing.test.ts checks they cover the module's routes), then how to build them.
  app.routeModule(docsRoutes(deps, () => app.allDocumentedRoutes()));
  app.lazyRouteModule(['/auth/config'], async () =>
    (await import('./routes/auth-config.ts')).authConfigRoutes(await withCore()),
  );
  app.lazyRouteModule(
    ['/v1/profiles/me', '/v1/profiles/me/export', '/v1/profiles/me/applications', '/v1/profiles/me/notifications'],
    async () => (await import('./routes/profiles.ts')).profileRoutes(await withCore()),
  );
  app.lazyRouteModule(['/v1/employers/*'], async () =>
    (await import('./routes/employers.ts')).employerRoutes(await withCore()),
  );
  app.lazyRouteModule(['/v1/jobs', '/v1/jobs/{id}', '/v1/jobs/{id}/close'], async () =>
    (await import('./routes/jobs.ts')).jobRoutes(await withCore()),
  );
  app.lazyRouteModule(
    [
      '/v1/jobs/{id}/applications',
      '/v1/applications/*',
      '/v1/jobs/{id}/candidates/{graduateId}/invitation',
      '/v1/profiles/me/invitations',
    ],
    async () => (await import('./routes/applications.ts')).applicationRoutes(await withCore()),
  );
  app.lazyRouteModule(['/v1/skills', '/v1/skills/extract', '/v1/occupations'], async () =>
    (await import('./routes/skills.ts')).skillRoutes(await withCore()),
  );
  app.lazyRouteModule(['/v1/insights/*'], async () =>
    (await import('./routes/insights.ts')).insightRoutes(await withCore()),
  );
  app.lazyRouteModule(['/v1/careers', '/v1/careers/*', '/v1/profiles/me/career-assessment'], async () =>
    (await import('./routes/careers.ts')).careerRoutes(await withCore()),
  );
  app.lazyRouteModule(['/v1/labels'], async () => (await import('./routes/labels.ts')).labelRoutes(await withCore()));
  app.lazyRouteModule(
    [
      '/v1/profiles/me/matches',
      '/v1/jobs/{id}/candidates',
      '/v1/profiles/me/skill-gaps',
      '/v1/profiles/me/notifications/{id}',
    ],
    async () => (await import('./routes/matching.ts')).matchingRoutes(await withCore()),
  );
  app.lazyRouteModule(
    ['/v1/fairs/*', '/v1/organisers/me/fairs', '/v1/employers/me/booths', '/v1/profiles/me/fairs'],
    async () => (await import('./routes/fairs.ts')).fairRoutes(await withCore()),
  );
  app.lazyRouteModule(['/v1/courses', '/v1/courses/*', '/v1/issuers/me/courses', '/v1/profiles/me/courses'], async () =>
    (await import('./routes/courses.ts')).courseRoutes(await withServices()),
  );
  app.lazyRouteModule(['/v1/issuers/me'], async () =>
    (await import('./routes/credentials/issuers.ts')).issuerRoutes(await withCore()),
  );
  app.lazyRouteModule(['/v1/credential-templates'], async () =>
    (await import('./routes/credentials/templates.ts')).templateRoutes(await withCore()),
  );
  app.lazyRouteModule(['/v1/credentials', '/v1/credentials/{id}', '/v1/credentials/{id}/qr.svg'], async () =>
    (await import('./routes/credentials/issuance.ts')).issuanceRoutes(await withServices()),
  );
  app.lazyRouteModule(['/v1/credentials/{id}/*', '/status-lists/*'], async () =>
    (await import('./routes/credentials/status.ts')).statusRoutes(await withServices()),
  );
  app.lazyRouteModule(['/v1/verify/*', '/verify/*'], async () =>
    (await import('./routes/credentials/verification.ts')).verificationRoutes(await withServices()),
  );
  app.lazyRouteModule(
    [
      '/.well-known/jwks.json',
      '/.well-known/did.json',
      '/keys/{keyId}',
      '/issuers/{issuerId}',
      '/credential-templates/{templateId}',
    ],
    async () => (await import('./routes/credentials/well-known.ts')).wellKnownRoutes(await withServices()),
  );
  app.lazyRouteModule(['/v1/credential-batches/*'], async () =>
    (await import('./routes/credentials/batches.ts')).batchRoutes(await withServices()),
  );
  app.lazyRouteModule(['/v1/credentials', '/v1/credential-batches'], async () =>
    (await import('./routes/credentials/issuer-lists.ts')).issuerListRoutes(await withCore()),
  );
  app.lazyRouteModule(['/v1/profiles/me/credentials'], async () =>
    (await import('./routes/credentials/holder.ts')).holderRoutes(await withServices()),
  );
  app.lazyRouteModule(['/credentials/issue'], async () =>
    (await import('./routes/credentials/issuance.ts')).vcApiIssuanceRoutes(await withServices()),
  );
  app.lazyRouteModule(
    [
      '/v1/profiles/me/credentials/{id}/offer',
      '/.well-known/openid-credential-issuer',
      '/.well-known/oauth-authorization-server',
      '/oid4vci/*',
    ],
    async () => (await import('./routes/wallet-pickup.ts')).walletPickupRoutes(await withServices()),
  );
  app.lazyRouteModule(['/issuers/{issuerId}/did.json'], async () =>
    (await import('./routes/issuer-did.ts')).issuerDidRoutes(await withCore()),
  );
  app.lazyRouteModule(['/credentials/verify', '/presentations/verify'], async () =>
    (await import('./routes/credentials/vc-api-verification.ts')).vcApiVerificationRoutes(await withServices()),
  );
  app.lazyRouteModule(['/v1/admin/*'], async () => (await import('./routes/admin.ts')).adminRoutes(await withCore()));
  app.lazyRouteModule(['/v1/standards', '/v1/standards/*'], async () =>
    (await import('./routes/standards.ts')).standardRoutes(await withCore()),
  );
  return app;
}

/** The core dependencies, loading them on the first call when they were not given. */
function coreOf(deps: ApiDeps | LazyApiDeps): () => Promise<CoreApiDeps> {
  return 'loadCore' in deps ? deps.loadCore : async () => deps;
}

/** The full dependencies, loading the core and the services on the first call when they were not given. */
function servicesOf(deps: ApiDeps | LazyApiDeps): () => Promise<ApiDeps> {
  if (!('loadServices' in deps)) return async () => deps;
  return async () => {
    const [core, services] = await Promise.all([deps.loadCore(), deps.loadServices()]);
    return { ...core, ...services };
  };
}
