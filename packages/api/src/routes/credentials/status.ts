import * as z from 'zod/mini';
import { STATUS_PURPOSES } from '@skillpass/credentials';
import { issuedCredentialSchema, notFound } from '@skillpass/domain';
import { STATUS_LIST_TTL_SECONDS } from '@skillpass/services';
import { createRoute, DocumentedHono } from '../../routing.ts';
import type { ApiApp, ApiDeps } from '../../deps.ts';
import { requireRole } from '../../auth.ts';
import { jsonContent, problemResponses } from '../../http.ts';
import { DATA_INTEGRITY_MEDIA_TYPE, securingAsked } from './securing.ts';

const security = [{ bearer: [] }];
const tags = ['Credentials'];

/** A credential's status: its issuer changes it, anyone reads it from the signed status lists. */
export function statusRoutes(deps: ApiDeps): ApiApp {
  const app: ApiApp = new DocumentedHono();
  const service = deps.credentialService;

  for (const action of ['revoke', 'suspend', 'reinstate'] as const) {
    app.openapi(
      createRoute({
        method: 'post',
        path: `/v1/credentials/{id}/${action}`,
        operationId: `${action}Credential`,
        summary: `${action[0]!.toUpperCase()}${action.slice(1)} a credential (its issuer only)`,
        description:
          'Revocation is final: reinstating a revoked credential is a 409. Only a suspended credential can be reinstated. ' +
          'An optional `reason` is kept in `statusChanges`: shown to the issuer, and to others only with ' +
          '`reasonPublic: true`.',
        tags,
        security,
        middleware: [requireRole(deps.auth, 'issuer')] as const,
        request: () => ({
          params: z.object({ id: z.string().check(z.minLength(1), z.maxLength(64)) }),
          body: {
            content: {
              'application/json': {
                schema: z.strictObject({
                  reason: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(1_000))),
                  reasonPublic: z.optional(z.boolean()),
                }),
              },
            },
            required: false,
          },
        }),
        responses: () => ({
          200: jsonContent(issuedCredentialSchema(), 'The credential in its new state'),
          ...problemResponses(400, 401, 403, 404, 409),
        }),
      }),
      async (c) =>
        c.json(
          await service.changeStatus(
            c.get('principal').sub,
            c.req.valid('param').id,
            action,
            c.req.valid('json') ?? {},
          ),
          200,
        ),
    );
  }

  app.openapi(
    createRoute({
      method: 'get',
      path: '/status-lists/{listId}/{purpose}',
      operationId: 'getStatusList',
      security: [],
      summary: 'A signed BitstringStatusListCredential (vc+jwt, or Data Integrity by Accept)',
      tags,
      request: () => ({
        params: z.object({ listId: z.string().check(z.regex(/^[\w-]{1,32}$/)), purpose: z.enum(STATUS_PURPOSES) }),
      }),
      responses: () => ({
        200: {
          description: 'The status list in the securing asked for',
          content: {
            'application/vc+jwt': { schema: z.string() },
            [DATA_INTEGRITY_MEDIA_TYPE]: { schema: z.record(z.string(), z.unknown()) },
          },
        },
        ...problemResponses(400, 404),
      }),
    }),
    async (c) => {
      const { listId, purpose } = c.req.valid('param');
      const securing = securingAsked(c.req.header('Accept')) ?? 'vc+jwt';
      const body = await service.publishedStatusList(listId, purpose, securing);
      if (!body) throw notFound('status list');
      return c.body(body, 200, {
        'Content-Type': securing === 'vc+jwt' ? 'application/vc+jwt' : DATA_INTEGRITY_MEDIA_TYPE,
        'Cache-Control': `public, max-age=${STATUS_LIST_TTL_SECONDS}`,
        Vary: 'Accept',
      });
    },
  );
  return app;
}
