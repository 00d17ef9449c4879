import * as z from 'zod/mini';
import { builtOnFirstUse, notFound } from '@skillpass/domain';
import { issuerDidDocument } from '@skillpass/services';
import { createRoute, DocumentedHono } from '../routing.ts';
import type { ApiApp, CoreApiDeps } from '../deps.ts';
import { problemResponses } from '../http.ts';

const issuerIdParamSchema = builtOnFirstUse(() => z.string().check(z.minLength(1), z.maxLength(128)));

/** Per-issuer did:web DID documents: `did:web:<host>:issuers:<id>` resolves to `/issuers/<id>/did.json`. */
export function issuerDidRoutes(deps: CoreApiDeps): ApiApp {
  const app: ApiApp = new DocumentedHono();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/issuers/{issuerId}/did.json',
      operationId: 'getIssuerDidDocument',
      security: [],
      summary: "A hosted issuer's did:web DID document (did:web:<host>:issuers:<id>), its keys as Multikey methods",
      tags: ['Verification'],
      request: () => ({ params: z.object({ issuerId: issuerIdParamSchema() }) }),
      responses: () => ({
        200: {
          description: 'DID document',
          content: { 'application/did+json': { schema: z.record(z.string(), z.unknown()) } },
        },
        ...problemResponses(400, 404),
      }),
    }),
    async (c) => {
      const document = await issuerDidDocument(
        { issuers: deps.issuers, origin: deps.publicOrigin, publishedKeys: deps.publishedKeys },
        c.req.valid('param').issuerId,
      );
      if (!document) throw notFound('issuer');
      return c.json(document, 200, { 'Content-Type': 'application/did+json', 'Cache-Control': 'public, max-age=300' });
    },
  );
  return app;
}
