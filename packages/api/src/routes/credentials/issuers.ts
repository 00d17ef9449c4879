import * as z from 'zod/mini';
import { DomainError, issuerInputSchema, issuerSchema, notFound } from '@skillpass/domain';
import { RESERVED_ISSUER_IDS } from '@skillpass/services';
import { createRoute, DocumentedHono } from '../../routing.ts';
import type { ApiApp, CoreApiDeps } from '../../deps.ts';
import { requireRole } from '../../auth.ts';
import { etagOf, jsonContent, problemResponses } from '../../http.ts';

const security = [{ bearer: [] }];
const tags = ['Credentials'];

/** An issuing organisation registers itself; its public profile is in well-known.ts. */
export function issuerRoutes(deps: CoreApiDeps): ApiApp {
  const app: ApiApp = new DocumentedHono();
  const issuer = requireRole(deps.auth, 'issuer');

  app.openapi(
    createRoute({
      method: 'put',
      path: '/v1/issuers/me',
      operationId: 'replaceMyIssuer',
      summary: 'Register or update my issuing organisation',
      tags,
      security,
      middleware: [issuer] as const,
      request: () => ({ body: { content: { 'application/json': { schema: issuerInputSchema() } }, required: true } }),
      responses: () => ({
        200: jsonContent(issuerSchema().register(z.globalRegistry, { id: 'Issuer' }), 'Saved'),
        ...problemResponses(400, 401, 403),
      }),
    }),
    async (c) => {
      const sub = c.get('principal').sub;
      if (RESERVED_ISSUER_IDS.includes(sub)) {
        throw new DomainError(
          'forbidden',
          `The issuer id is your token's sub, and "${sub}" is reserved for the platform: register with another account.`,
          [{ path: 'sub', message: `reserved (${RESERVED_ISSUER_IDS.join(', ')})` }],
        );
      }
      // Hosted issuers sign with the platform's key.
      const saved = await deps.issuers.put(sub, c.req.valid('json'), [deps.signingKid]);
      c.header('ETag', etagOf(saved.version));
      return c.json(saved, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/issuers/me',
      operationId: 'getMyIssuer',
      summary: 'Read my issuing organisation',
      tags,
      security,
      middleware: [issuer] as const,
      responses: () => ({ 200: jsonContent(issuerSchema(), 'My issuer record'), ...problemResponses(401, 403, 404) }),
    }),
    async (c) => {
      const found = await deps.issuers.get(c.get('principal').sub);
      if (!found) throw notFound('issuer');
      return c.json(found, 200);
    },
  );
  return app;
}
