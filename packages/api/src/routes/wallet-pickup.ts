import * as z from 'zod/mini';
import type { Context } from 'hono';
import { builtOnFirstUse } from '@skillpass/domain';
import { WalletPickupError } from '@skillpass/services';
import { createRoute, DocumentedHono } from '../routing.ts';
import type { ApiApp, ApiDeps } from '../deps.ts';
import { requireRole } from '../auth.ts';
import { jsonContent, problemResponses } from '../http.ts';

const tags = ['Wallet pickup (OID4VCI)'];
// Secrets (codes, tokens, nonces) must not be kept by any cache on the way (RFC 6749 §5.1).
const NO_STORE = { 'Cache-Control': 'no-store' };

const oauthErrorSchema = builtOnFirstUse(() =>
  z.object({ error: z.string(), error_description: z.optional(z.string()) }).register(z.globalRegistry, {
    id: 'OAuthError',
  }),
);
const oauthErrors = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((status) => [status, jsonContent(oauthErrorSchema(), `OAuth error (${status})`)]));
const documentSchema = builtOnFirstUse(() => z.record(z.string(), z.unknown()));

/** Runs an OAuth endpoint: a WalletPickupError becomes the `{ error, error_description }` answer wallets read. */
async function answeringOAuthErrors(c: Context, run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof WalletPickupError)) throw error;
    const headers: Record<string, string> = { ...NO_STORE };
    if (error.status === 401) headers['WWW-Authenticate'] = `Bearer error="invalid_token"`;
    return c.json(error.body, error.status, headers);
  }
}

/**
 * OpenID for Verifiable Credential Issuance 1.0, pre-authorized code flow: the graduate's offer, the metadata a
 * wallet reads, and the token, nonce and credential endpoints it calls (docs/credentials.md#wallet-pickup).
 */
export function walletPickupRoutes(deps: ApiDeps): ApiApp {
  const app: ApiApp = new DocumentedHono();
  const service = deps.walletPickupService;

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/profiles/me/credentials/{id}/offer',
      operationId: 'createMyCredentialOffer',
      summary: 'Offer one of my credentials to my wallet app (OID4VCI credential offer and its QR code)',
      description:
        'A one-time pre-authorized code, valid 15 minutes, in an `openid-credential-offer://` link and its QR code. ' +
        'With `txCode=true` the wallet must also send the six digits answered in `txCode`. Only the graduate the ' +
        'credential was issued to may offer it (anyone else: 404); a revoked or suspended one is a 409.',
      tags,
      security: [{ bearer: [] }],
      middleware: [requireRole(deps.auth, 'graduate')] as const,
      request: () => ({
        params: z.object({ id: z.string().check(z.regex(/^[\w-]{1,64}$/)) }),
        query: z.object({ txCode: z.optional(z.enum(['true', 'false'])) }),
      }),
      responses: () => ({
        201: jsonContent(
          z.object({
            credentialOffer: documentSchema(),
            offerUri: z.string(),
            qrSvg: z.string(),
            expiresAt: z.string(),
            txCode: z.optional(z.string()),
          }),
          'The offer',
        ),
        ...problemResponses(400, 401, 403, 404, 409),
      }),
    }),
    async (c) => {
      const offer = await service.createOffer(c.get('principal').sub, c.req.valid('param').id, {
        txCode: c.req.valid('query').txCode === 'true',
      });
      return c.json(offer, 201, NO_STORE);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/.well-known/openid-credential-issuer',
      operationId: 'getCredentialIssuerMetadata',
      security: [],
      summary: 'OID4VCI credential issuer metadata: endpoints and credential configurations',
      tags,
      responses: () => ({ 200: jsonContent(documentSchema(), 'Credential issuer metadata') }),
    }),
    (c) => c.json(service.issuerMetadata(), 200, { 'Cache-Control': 'public, max-age=300' }),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/.well-known/oauth-authorization-server',
      operationId: 'getAuthorizationServerMetadata',
      security: [],
      summary: 'RFC 8414 metadata of the authorization server that exchanges pre-authorized codes',
      tags,
      responses: () => ({ 200: jsonContent(documentSchema(), 'Authorization server metadata') }),
    }),
    (c) => c.json(service.authorizationServerMetadata(), 200, { 'Cache-Control': 'public, max-age=300' }),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/oid4vci/token',
      operationId: 'exchangePreAuthorizedCode',
      security: [],
      summary: 'Token endpoint: a pre-authorized code (and tx_code) for an access token, once',
      tags,
      request: () => ({
        body: {
          required: true,
          content: {
            'application/x-www-form-urlencoded': {
              schema: z.object({
                grant_type: z.literal('urn:ietf:params:oauth:grant-type:pre-authorized_code'),
                'pre-authorized_code': z.string(),
                tx_code: z.optional(z.string()),
              }),
            },
          },
        },
      }),
      responses: () => ({
        200: jsonContent(
          z.object({ access_token: z.string(), token_type: z.literal('Bearer'), expires_in: z.int() }),
          'Access token',
        ),
        ...oauthErrors(400),
      }),
    }),
    (c) =>
      answeringOAuthErrors(c, async () => {
        if (!/^application\/x-www-form-urlencoded$/i.test((c.req.header('Content-Type') ?? '').split(';')[0]!.trim())) {
          throw new WalletPickupError(
            'invalid_request',
            'Send the token request as application/x-www-form-urlencoded.',
          );
        }
        return c.json(await service.token(await c.req.parseBody()), 200, NO_STORE);
      }),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/oid4vci/nonce',
      operationId: 'createKeyProofNonce',
      security: [],
      summary: 'Nonce endpoint: a fresh c_nonce for one key proof',
      tags,
      responses: () => ({ 200: jsonContent(z.object({ c_nonce: z.string() }), 'Nonce') }),
    }),
    async (c) => c.json(await service.nonce(), 200, NO_STORE),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/oid4vci/credential',
      operationId: 'requestWalletCredential',
      security: [{ walletAccessToken: [] }],
      summary: 'Credential endpoint: the offered credential, bound to the key the proof shows',
      description:
        '`{ credential_configuration_id, proofs: { jwt: [<openid4vci-proof+jwt>] } }` with the access token from ' +
        '`/oid4vci/token` → `{ credentials: [{ credential }] }`: a vc+jwt string (`jwt_vc_json`) or the credential ' +
        'with its Data Integrity proofs (`ldp_vc`), its subject id the did:key of the proof key.',
      tags,
      request: () => ({ body: { required: true, content: { 'application/json': { schema: documentSchema() } } } }),
      responses: () => ({
        200: jsonContent(z.object({ credentials: z.array(z.object({ credential: z.unknown() })) }), 'Credential'),
        ...oauthErrors(400, 401),
      }),
    }),
    (c) =>
      answeringOAuthErrors(c, async () =>
        c.json(await service.credential(c.req.header('Authorization'), c.req.valid('json')), 200, NO_STORE),
      ),
  );
  return app;
}
