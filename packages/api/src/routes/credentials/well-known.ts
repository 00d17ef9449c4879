import * as z from 'zod/mini';
import { builtOnFirstUse, notFound } from '@skillpass/domain';
import { createRoute, DocumentedHono } from '../../routing.ts';
import type { ApiApp, ApiDeps } from '../../deps.ts';
import { jsonContent, problemResponses } from '../../http.ts';

const tags = ['Credentials'];

// A credential's issuer and achievement ids are URLs a verifier can follow.
const documentIdParamSchema = builtOnFirstUse(() => z.string().check(z.minLength(1), z.maxLength(128)));

/**
 * What the ids inside a credential resolve to, public and cacheable: the platform's keys (JWKS,
 * did:web document, one key per `kid`), issuer profiles and achievements.
 */
export function wellKnownRoutes(deps: ApiDeps): ApiApp {
  const app: ApiApp = new DocumentedHono();
  const service = deps.credentialService;

  app.openapi(
    createRoute({
      method: 'get',
      path: '/.well-known/jwks.json',
      operationId: 'getJwks',
      security: [],
      summary: "The platform's public signing keys (current and retired)",
      tags,
      responses: () => ({ 200: jsonContent(z.object({ keys: z.array(z.record(z.string(), z.unknown())) }), 'JWKS') }),
    }),
    async (c) =>
      c.json({ keys: (await deps.publishedKeys()) as Array<Record<string, unknown>> }, 200, {
        'Cache-Control': 'public, max-age=3600',
      }),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/.well-known/did.json',
      operationId: 'getDidDocument',
      security: [],
      summary: 'The did:web document naming the signing keys',
      tags,
      responses: () => ({ 200: jsonContent(z.record(z.string(), z.unknown()), 'DID document') }),
    }),
    async (c) => c.json(await service.didDocument(), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/keys/{keyId}',
      operationId: 'getPublicKey',
      security: [],
      summary: 'One public key as a bare JWK: what every credential `kid` resolves to',
      tags,
      request: () => ({ params: z.object({ keyId: z.string().check(z.regex(/^[\w-]{1,64}$/)) }) }),
      responses: () => ({ 200: jsonContent(z.record(z.string(), z.unknown()), 'JWK'), ...problemResponses(400, 404) }),
    }),
    async (c) => {
      const jwk = await service.publishedKey(c.req.valid('param').keyId);
      if (!jwk) throw notFound('key');
      return c.json(jwk as Record<string, unknown>, 200, { 'Content-Type': 'application/jwk+json' });
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/issuers/{issuerId}',
      operationId: 'getIssuerProfile',
      security: [],
      summary: "An issuer's Open Badges Profile: what a credential's issuer id resolves to",
      tags: ['Verification'],
      request: () => ({ params: z.object({ issuerId: documentIdParamSchema() }) }),
      responses: () => ({
        200: jsonContent(z.record(z.string(), z.unknown()), 'Profile'),
        ...problemResponses(400, 404),
      }),
    }),
    async (c) => {
      const profile = await service.issuerDocument(c.req.valid('param').issuerId);
      if (!profile) throw notFound('issuer');
      return c.json(profile, 200, { 'Cache-Control': 'public, max-age=300' });
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/credential-templates/{templateId}',
      operationId: 'getAchievement',
      security: [],
      summary: "A credential template as an Open Badges Achievement: what a credential's achievement id resolves to",
      tags: ['Verification'],
      request: () => ({ params: z.object({ templateId: documentIdParamSchema() }) }),
      responses: () => ({
        200: jsonContent(z.record(z.string(), z.unknown()), 'Achievement'),
        ...problemResponses(400, 404),
      }),
    }),
    async (c) => {
      const achievement = await service.achievementDocument(c.req.valid('param').templateId);
      if (!achievement) throw notFound('credential template');
      return c.json(achievement, 200, { 'Cache-Control': 'public, max-age=300' });
    },
  );
  return app;
}
