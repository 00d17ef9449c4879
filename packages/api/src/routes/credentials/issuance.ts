import * as z from 'zod/mini';
import { envelopedCredential } from '@skillpass/credentials';
import { builtOnFirstUse, DomainError, issuedCredentialSchema, notFound } from '@skillpass/domain';
import { credentialIdFor, credentialVisibleTo } from '@skillpass/services';
import { createRoute, DocumentedHono } from '../../routing.ts';
import type { ApiApp, ApiDeps } from '../../deps.ts';
import { requireRole, viewerOf } from '../../auth.ts';
import { idempotent, jsonContent, problemResponses } from '../../http.ts';
import { issueRequestSchema } from './schemas.ts';
import { DATA_INTEGRITY_MEDIA_TYPE, securingAsked } from './securing.ts';

const security = [{ bearer: [] }];
const tags = ['Credentials'];

const issuedResponseSchema = builtOnFirstUse(() =>
  z.object({
    id: z.string(),
    jwt: z.string(),
    verifyUrl: z.string(),
    qrSvg: z.string(),
    credential: issuedCredentialSchema(),
  }),
);

const credentialIdParamSchema = builtOnFirstUse(() =>
  z.object({ id: z.string().check(z.minLength(1), z.maxLength(64)) }),
);

/** A credential as its issuer or holder reads it: the record, and how to share it. */
export const sharedCredentialSchema = builtOnFirstUse(() =>
  z
    .extend(issuedCredentialSchema(), {
      verifyUrl: z.string().register(z.globalRegistry, {
        description: 'The verify page, the credential in the URL fragment (never sent to a server)',
      }),
      qrUrl: z.string().register(z.globalRegistry, {
        description: 'GET it (with the same token) for the QR code of verifyUrl, an SVG image',
      }),
    })
    .register(z.globalRegistry, { id: 'SharedCredential' }),
);

/** Issue one credential, and read it back as its issuer or its holder. */
export function issuanceRoutes(deps: ApiDeps): ApiApp {
  const app: ApiApp = new DocumentedHono();
  const service = deps.credentialService;

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/credentials',
      operationId: 'issueCredential',
      summary: 'Issue one signed micro-credential',
      description:
        'Signed as a compact JWS (vc+jwt, ES256). `verifyUrl` carries the credential in the URL fragment, which browsers never send to servers. Honours Idempotency-Key.',
      tags,
      security,
      middleware: [requireRole(deps.auth, 'issuer'), idempotent(deps.idempotency)] as const,
      request: () => ({ body: { content: { 'application/json': { schema: issueRequestSchema() } }, required: true } }),
      responses: () => ({
        201: jsonContent(issuedResponseSchema(), 'Issued'),
        ...problemResponses(400, 401, 403, 409, 422),
      }),
    }),
    async (c) => {
      const sub = c.get('principal').sub;
      const credentialId = credentialIdFor(sub, c.get('idempotencyKey'), deps.clock());
      const result = await service.issue(sub, c.req.valid('json'), credentialId);
      c.header('Location', `/v1/credentials/${credentialId}`);
      // The QR code is drawn only here, for the one credential a person is looking at: it is the costly part.
      const qrSvg = service.qrSvg(credentialId, result.verifyUrl);
      return c.json(
        {
          id: credentialId,
          jwt: result.credential.jwt,
          verifyUrl: result.verifyUrl,
          qrSvg,
          credential: result.credential,
        },
        201,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/credentials/{id}',
      operationId: 'getCredential',
      summary: 'A credential: its issuer or its graduate holder',
      description:
        'With its verify link and its QR code (`qrSvg`; also at `qrUrl`); by Accept, the vc+jwt or the credential with ' +
        'its Data Integrity proofs.',
      tags,
      security,
      middleware: [requireRole(deps.auth, 'issuer', 'graduate')] as const,
      request: () => ({ params: credentialIdParamSchema() }),
      responses: () => ({
        200: {
          description: 'The credential, as asked for',
          content: {
            'application/json': { schema: z.extend(sharedCredentialSchema(), { qrSvg: z.string() }) },
            'application/vc+jwt': { schema: z.string() },
            [DATA_INTEGRITY_MEDIA_TYPE]: { schema: z.record(z.string(), z.unknown()) },
          },
        },
        ...problemResponses(400, 401, 403, 404),
      }),
    }),
    async (c) => {
      const credential = await credentialVisibleTo(deps, c.req.valid('param').id, viewerOf(c.get('principal')));
      if (!credential) throw notFound('credential');
      const securing = securingAsked(c.req.header('Accept'));
      c.header('Vary', 'Accept');
      if (securing === 'vc+jwt') return c.body(credential.jwt, 200, { 'Content-Type': 'application/vc+jwt' });
      if (securing === 'data-integrity') {
        const secured = await service.dataIntegrityCredential(credential);
        // No proof signers configured: only the JWS exists.
        if (!secured) throw notFound('Data Integrity securing of this credential');
        return c.body(JSON.stringify(secured), 200, { 'Content-Type': DATA_INTEGRITY_MEDIA_TYPE });
      }
      const links = service.linksOf(credential);
      return c.json({ ...credential, ...links, qrSvg: service.qrSvg(credential.credentialId, links.verifyUrl) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/credentials/{id}/qr.svg',
      operationId: 'getCredentialQrCode',
      summary: "A credential's QR code (SVG): its verify link, for its issuer or its graduate holder",
      description:
        'The code holds the verify URL with the credential in its fragment, or, when that is too long for a QR code, ' +
        'the short link naming the credential by id.',
      tags,
      security,
      middleware: [requireRole(deps.auth, 'issuer', 'graduate')] as const,
      request: () => ({ params: credentialIdParamSchema() }),
      responses: () => ({
        200: { description: 'The QR code', content: { 'image/svg+xml': { schema: z.string() } } },
        ...problemResponses(400, 401, 403, 404),
      }),
    }),
    async (c) => {
      const credential = await credentialVisibleTo(deps, c.req.valid('param').id, viewerOf(c.get('principal')));
      if (!credential) throw notFound('credential');
      const svg = service.qrSvg(credential.credentialId, service.linksOf(credential).verifyUrl);
      // Private to the caller; the credential's status may change, its QR code never does.
      return c.body(svg, 200, { 'Content-Type': 'image/svg+xml', 'Cache-Control': 'private, max-age=86400' });
    },
  );
  return app;
}

/** The VC API's issue body: a full W3C credential, or (skillpass extension) a template and a holder. */
const vcApiIssueBodySchema = builtOnFirstUse(() =>
  z.strictObject({
    credential: z.union([
      issueRequestSchema(),
      z.looseObject({ '@context': z.array(z.unknown()) }).register(z.globalRegistry, {
        description:
          'A full, unsecured W3C VC 2.0 credential (OpenBadgeCredential or AchievementCredential) whose issuer is your own ' +
          'issuer id; checked against VC DM 2.0, given its credentialStatus here.',
      }),
    ]),
    options: z.optional(
      z.strictObject({
        format: z.optional(
          z.enum(['data-integrity', 'vc+jwt']).register(z.globalRegistry, {
            description:
              'How to secure it: Data Integrity proofs (eddsa-rdfc-2022, ecdsa-rdfc-2019; the default) or an enveloped vc+jwt',
          }),
        ),
      }),
    ),
  }),
);

/**
 * The W3C VC API's issue endpoint. Its own module only because the OpenAPI document lists it
 * last, after the holder routes: modules are mounted in document order.
 */
export function vcApiIssuanceRoutes(deps: ApiDeps): ApiApp {
  const app: ApiApp = new DocumentedHono();
  const service = deps.credentialService;
  app.openapi(
    createRoute({
      method: 'post',
      path: '/credentials/issue',
      operationId: 'issueCredentialVcApi',
      summary: 'Issue a credential (W3C VC API)',
      description:
        'Body: {"credential": <a full W3C credential>, "options"?: {"format"?}}; as a skillpass extension, `credential` ' +
        'may instead be {"templateId", "holder", "grade"?, "validUntil"?}. The credential is checked against VC DM 2.0 ' +
        '(400 naming each broken rule), must name your own issuer id (403 otherwise), gets a revocable credentialStatus, ' +
        'and is stored once per Idempotency-Key. Answers with it secured with Data Integrity proofs, or with ' +
        '`options.format: "vc+jwt"` as an EnvelopedVerifiableCredential.',
      tags,
      security,
      middleware: [requireRole(deps.auth, 'issuer'), idempotent(deps.idempotency)] as const,
      request: () => ({
        body: { content: { 'application/json': { schema: vcApiIssueBodySchema() } }, required: true },
      }),
      responses: () => ({
        201: jsonContent(
          z.object({
            verifiableCredential: z.union([
              z.object({
                '@context': z.array(z.string()),
                type: z.literal('EnvelopedVerifiableCredential'),
                id: z.string(),
              }),
              z.record(z.string(), z.unknown()),
            ]),
          }),
          'Issued',
        ),
        ...problemResponses(400, 401, 403, 409, 422),
      }),
    }),
    async (c) => {
      const sub = c.get('principal').sub;
      const { credential, options } = c.req.valid('json');
      // Refused before anything is written: no proof signer configured (the deployed stack until its Ed25519 key is wired).
      if (options?.format !== 'vc+jwt' && !service.securesWithDataIntegrity)
        throw new DomainError('conflict', 'Data Integrity is not configured here: ask for options.format "vc+jwt".');
      const credentialId = credentialIdFor(sub, c.get('idempotencyKey'), deps.clock());
      const result =
        '@context' in credential
          ? await service.issueW3c(sub, credential, credentialId)
          : await service.issue(sub, credential, credentialId);
      c.header('Location', `/v1/credentials/${credentialId}`);
      if (options?.format === 'vc+jwt')
        return c.json({ verifiableCredential: envelopedCredential(result.credential.jwt) }, 201);
      const secured = await service.dataIntegrityCredential(result.credential);
      // A replay of a credential issued before Data Integrity existed: only its JWS exists.
      if (!secured) throw notFound('Data Integrity securing of this credential');
      return c.json({ verifiableCredential: secured }, 201);
    },
  );
  return app;
}
