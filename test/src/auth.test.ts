import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '@skillpass/api';
import { LOCAL_AUDIENCE, LOCAL_ISSUER, loadOrCreateDevIdentity } from '@skillpass/local';
import { createLocalJWKSet, exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiDepsFor, freshTable } from './harness.ts';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const now = () => Math.floor(Date.now() / 1000);

let app: ReturnType<typeof createApp>;
let trustedJwk: JWK;
let signTrusted: (claims: Record<string, unknown>) => Promise<string>;
let signUntrusted: (claims: Record<string, unknown>) => Promise<string>;

beforeAll(async () => {
  const trusted = await generateKeyPair('ES256', { extractable: true });
  const untrusted = await generateKeyPair('ES256');
  trustedJwk = { ...(await exportJWK(trusted.publicKey)), kid: 'trusted', alg: 'ES256' };
  signTrusted = (claims) =>
    new SignJWT(claims).setProtectedHeader({ alg: 'ES256', kid: 'trusted' }).sign(trusted.privateKey);
  // Same kid as the trusted key: only the signature can tell them apart.
  signUntrusted = (claims) =>
    new SignJWT(claims).setProtectedHeader({ alg: 'ES256', kid: 'trusted' }).sign(untrusted.privateKey);
  const table = await freshTable();
  app = createApp(
    apiDepsFor(table, {
      issuer: LOCAL_ISSUER,
      audience: LOCAL_AUDIENCE,
      keys: createLocalJWKSet({ keys: [trustedJwk] }),
    }),
  );
});

// A graduate's own applications: 200 (an empty list) once the token is accepted, whoever the caller is.
const get = (token?: string) =>
  app.request('/v1/profiles/me/applications', { headers: token ? { Authorization: `Bearer ${token}` } : {} });

const expectAccepted = async (res: Response) => {
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({ items: [] });
};

const claims = (overrides: Record<string, unknown> = {}) => ({
  iss: LOCAL_ISSUER,
  client_id: LOCAL_AUDIENCE,
  sub: 'someone',
  'cognito:groups': ['graduate'],
  iat: now(),
  exp: now() + 600,
  ...overrides,
});

describe('bearer authentication', () => {
  it('401 without a token, with a Bearer challenge and problem+json', async () => {
    const res = await get();
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toContain('Bearer');
    expect(res.headers.get('content-type')).toBe('application/problem+json');
  });

  it('accepts a good token (reaches the handler: 200)', async () => {
    await expectAccepted(await get(await signTrusted(claims())));
  });

  it('accepts `aud` (ID tokens) as well as `client_id` (access tokens)', async () => {
    await expectAccepted(await get(await signTrusted(claims({ client_id: undefined, aud: LOCAL_AUDIENCE }))));
  });

  it('tolerates a small clock skew', async () => {
    await expectAccepted(await get(await signTrusted(claims({ exp: now() - 10 }))));
  });

  it('401 for a token issued 5 minutes in the future, saying so; 10 s ahead is within the clock skew', async () => {
    const res = await get(await signTrusted(claims({ iat: now() + 300 })));
    expect(res.status).toBe(401);
    expect(((await res.json()) as { detail: string }).detail).toMatch(/issued in the future/);
    expect((await get(await signTrusted(claims({ iat: now() + 10 })))).status).toBe(200);
  });

  it('401 naming the kid when the token was signed with a key the server does not know', async () => {
    const stranger = await generateKeyPair('ES256');
    const token = await new SignJWT(claims())
      .setProtectedHeader({ alg: 'ES256', kid: 'dev-elsewhere' })
      .sign(stranger.privateKey);
    const res = await get(token);
    expect(res.status).toBe(401);
    expect(((await res.json()) as { detail: string }).detail).toContain('"dev-elsewhere"');
  });

  it('401 for a token signed by a key outside the JWKS', async () => {
    expect((await get(await signUntrusted(claims()))).status).toBe(401);
  });

  it('401 for alg none', async () => {
    expect((await get(`${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims())}.`)).status).toBe(401);
  });

  it('401 for an HS256 token keyed with the public key (algorithm confusion)', async () => {
    const secret = new TextEncoder().encode(JSON.stringify(trustedJwk));
    const token = await new SignJWT(claims()).setProtectedHeader({ alg: 'HS256', kid: 'trusted' }).sign(secret);
    expect((await get(token)).status).toBe(401);
  });

  it.each([
    ['wrong issuer', { iss: 'https://evil.example' }],
    ['wrong audience', { client_id: 'another-app' }],
    ['expired', { exp: now() - 3600 }],
    ['not yet valid', { nbf: now() + 3600 }],
    ['no expiry', { exp: undefined }],
  ])('401 for %s', async (_name, overrides) => {
    expect((await get(await signTrusted(claims(overrides)))).status).toBe(401);
  });

  it('403 for a valid token without the needed role', async () => {
    const res = await get(await signTrusted(claims({ 'cognito:groups': ['employer'] })));
    expect(res.status).toBe(403);
    expect(((await res.json()) as { detail: string }).detail).toContain('graduate');
  });

  it('the dev identity provider mints tokens the local configuration accepts', async () => {
    const identity = await loadOrCreateDevIdentity(join(mkdtempSync(join(tmpdir(), 'idp-')), 'k.json'));
    const devApp = createApp(
      apiDepsFor(await freshTable(), {
        issuer: LOCAL_ISSUER,
        audience: LOCAL_AUDIENCE,
        keys: createLocalJWKSet(identity.publicJwks),
      }),
    );
    const token = await identity.mintToken({ sub: 'dev', roles: ['graduate'] });
    await expectAccepted(
      await devApp.request('/v1/profiles/me/applications', { headers: { Authorization: `Bearer ${token}` } }),
    );
  });
});
