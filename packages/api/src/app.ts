import { bodyLimit } from 'hono/body-limit';
import type { Context, Env, MiddlewareHandler } from 'hono';
import type { ApiApp, ApiDeps } from './deps.ts';
import { problemFromError, problemResponse } from './problem.ts';
import { DocumentedHono } from './routing.ts';
import { securityHeaderKindOf, securityHeaders } from './security-headers.ts';
import { adminRoutes } from './routes/admin.ts';
import { applicationRoutes } from './routes/applications.ts';
import { authConfigRoutes } from './routes/auth-config.ts';
import { batchRoutes } from './routes/credentials/batches.ts';
import { careerRoutes } from './routes/careers.ts';
import { holderRoutes } from './routes/credentials/holder.ts';
import { issuanceRoutes, vcApiIssuanceRoutes } from './routes/credentials/issuance.ts';
import { issuerListRoutes } from './routes/credentials/issuer-lists.ts';
import { issuerRoutes } from './routes/credentials/issuers.ts';
import { statusRoutes } from './routes/credentials/status.ts';
import { templateRoutes } from './routes/credentials/templates.ts';
import { vcApiVerificationRoutes } from './routes/credentials/vc-api-verification.ts';
import { verificationRoutes } from './routes/credentials/verification.ts';
import { wellKnownRoutes } from './routes/credentials/well-known.ts';
import { docsRoutes } from './routes/docs.ts';
import { employerRoutes } from './routes/employers.ts';
import { courseRoutes } from './routes/courses.ts';
import { fairRoutes } from './routes/fairs.ts';
import { issuerDidRoutes } from './routes/issuer-did.ts';
import { jobRoutes } from './routes/jobs.ts';
import { matchingRoutes } from './routes/matching.ts';
import { profileRoutes } from './routes/profiles.ts';
import { labelRoutes } from './routes/labels.ts';
import { skillRoutes } from './routes/skills.ts';
import { standardRoutes } from './routes/standards.ts';
import { insightRoutes } from './routes/insights.ts';
import { walletPickupRoutes } from './routes/wallet-pickup.ts';

export const DEFAULT_MAX_BODY_BYTES = 256 * 1024;
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);
const JSON_TYPES = /^application\/(json|merge-patch\+json)$/i;

export interface AppOptions {
  /** Runs before everything else, around every request (the Lambda's request log). */
  middleware?: MiddlewareHandler[];
}

export function createApp(deps: ApiDeps, options: AppOptions = {}): ApiApp {
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
      if (hasBody && !JSON_TYPES.test(type) && !app.acceptsBody(c.req.method, c.req.path, type)) {
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

  // Route modules, mounted in the order the OpenAPI document lists them.
  app.routeModule(docsRoutes(deps, () => app.documentedRoutes));
  app.routeModule(authConfigRoutes(deps));
  app.routeModule(profileRoutes(deps));
  app.routeModule(employerRoutes(deps));
  app.routeModule(jobRoutes(deps));
  app.routeModule(applicationRoutes(deps));
  app.routeModule(skillRoutes(deps));
  app.routeModule(insightRoutes(deps));
  app.routeModule(careerRoutes(deps));
  app.routeModule(labelRoutes(deps));
  app.routeModule(matchingRoutes(deps));
  app.routeModule(fairRoutes(deps));
  app.routeModule(courseRoutes(deps));
  app.routeModule(issuerRoutes(deps));
  app.routeModule(templateRoutes(deps));
  app.routeModule(issuanceRoutes(deps));
  app.routeModule(statusRoutes(deps));
  app.routeModule(verificationRoutes(deps));
  app.routeModule(wellKnownRoutes(deps));
  app.routeModule(batchRoutes(deps));
  app.routeModule(issuerListRoutes(deps));
  app.routeModule(holderRoutes(deps));
  app.routeModule(vcApiIssuanceRoutes(deps));
  app.routeModule(walletPickupRoutes(deps));
  app.routeModule(issuerDidRoutes(deps));
  app.routeModule(vcApiVerificationRoutes(deps));
  app.routeModule(adminRoutes(deps));
  app.routeModule(standardRoutes(deps));
  return app;
}
