import fc from 'fast-check';
import { decodeJwt, exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';
import { multikeyOfJwk } from '@skillpass/credentials';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerSchoolWithTemplate, scanTable, skillUri, startTestRuntime, type TestRuntime } from './harness.ts';

// OID4VCI 1.0 pre-authorized code flow, driven end to end by a small wallet written here (jose keys), against
// the API over DynamoDB Local.
const ORIGIN = 'http://localhost:3000';
const GRANT = 'urn:ietf:params:oauth:grant-type:pre-authorized_code';
const JWT_CONFIG = 'OpenBadgeCredential_jwt_vc_json';
const LDP_CONFIG = 'OpenBadgeCredential_ldp_vc';

let rt: TestRuntime;
let now = new Date();
let school: string;
let graduate: string;
let templateId: string;

/** A wallet: one key pair, naming its key by `jwk` or as a did:key `kid`. */
async function wallet(alg: 'EdDSA' | 'ES256', keyBy: 'jwk' | 'kid' = 'jwk') {
  const { publicKey, privateKey } = await generateKeyPair(alg, { extractable: true });
  const jwk = await exportJWK(publicKey);
  const did = `did:key:${multikeyOfJwk(jwk)}`;
  const keyHeader = keyBy === 'jwk' ? { jwk } : { kid: `${did}#${multikeyOfJwk(jwk)}` };
  return {
    did,
    jwk,
    /** An openid4vci-proof+jwt; `changes` spoil one part of it. */
    proof(nonce: string | undefined, changes: { typ?: string; aud?: string; iat?: number; jwk?: JWK } = {}) {
      const claims = nonce === undefined ? {} : { nonce };
      return new SignJWT(claims)
        .setProtectedHeader({
          alg,
          typ: changes.typ ?? 'openid4vci-proof+jwt',
          ...(changes.jwk ? { jwk: changes.jwk } : keyHeader),
        })
        .setAudience(changes.aud ?? ORIGIN)
        .setIssuedAt(changes.iat ?? Math.floor(now.getTime() / 1000))
        .sign(privateKey);
    },
  };
}

const form = (fields: Record<string, string>) => ({
  rawBody: new URLSearchParams(fields).toString(),
  headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
});

async function issueTo(graduateId: string): Promise<string> {
  const issued = await rt.call('POST', '/v1/credentials', {
    token: school,
    body: { templateId, holder: { graduateId } },
  });
  expect(issued.status).toBe(201);
  return issued.body.id;
}

async function offer(credentialId: string, token = graduate, query = '') {
  return rt.call('POST', `/v1/profiles/me/credentials/${credentialId}/offer${query}`, { token });
}

const codeOf = (res: { body: { credentialOffer: { grants: Record<string, { 'pre-authorized_code': string }> } } }) =>
  res.body.credentialOffer.grants[GRANT]!['pre-authorized_code'];

async function accessToken(code: string, extra: Record<string, string> = {}) {
  return rt.call('POST', '/oid4vci/token', form({ grant_type: GRANT, 'pre-authorized_code': code, ...extra }));
}

async function nonce(): Promise<string> {
  const res = await rt.call('POST', '/oid4vci/nonce');
  expect(res.status).toBe(200);
  expect(res.headers.get('cache-control')).toBe('no-store');
  return res.body.c_nonce;
}

const requestCredential = (token: string | undefined, body: unknown) =>
  rt.call('POST', '/oid4vci/credential', { ...(token ? { token } : {}), body });

/** An offer for a fresh credential, its code traded for an access token. */
async function grantedWallet(): Promise<{ credentialId: string; token: string }> {
  const credentialId = await issueTo('grad-w');
  const token = await accessToken(codeOf(await offer(credentialId)));
  expect(token.status).toBe(200);
  return { credentialId, token: token.body.access_token };
}

beforeAll(async () => {
  rt = await startTestRuntime({ clock: () => now });
  templateId = (await registerSchoolWithTemplate(rt.deps.issuers, rt.deps.signingKid, skillUri(3))).templateId;
  school = await rt.token('school', 'issuer');
  graduate = await rt.token('grad-w', 'graduate');
  await rt.call('PUT', '/v1/profiles/me', {
    token: graduate,
    body: { displayName: 'Wang Li', contactEmail: 'w@example.com' },
  });
});
afterAll(async () => rt.close());

describe('what a wallet reads first', () => {
  it('finds the credential issuer metadata and the token endpoint in the authorization server metadata', async () => {
    const issuer = await rt.call('GET', '/.well-known/openid-credential-issuer');
    expect(issuer.status).toBe(200);
    expect(issuer.body).toMatchObject({
      credential_issuer: ORIGIN,
      credential_endpoint: `${ORIGIN}/oid4vci/credential`,
      nonce_endpoint: `${ORIGIN}/oid4vci/nonce`,
    });
    expect(issuer.body.credential_configurations_supported[JWT_CONFIG]).toMatchObject({
      format: 'jwt_vc_json',
      credential_signing_alg_values_supported: ['ES256'],
      proof_types_supported: {
        jwt: { proof_signing_alg_values_supported: expect.arrayContaining(['EdDSA', 'ES256']) },
      },
    });
    expect(issuer.body.credential_configurations_supported[LDP_CONFIG]).toMatchObject({
      format: 'ldp_vc',
      credential_signing_alg_values_supported: ['eddsa-rdfc-2022', 'ecdsa-rdfc-2019'],
    });
    const server = await rt.call('GET', '/.well-known/oauth-authorization-server');
    expect(server.body).toMatchObject({
      issuer: ORIGIN,
      token_endpoint: `${ORIGIN}/oid4vci/token`,
      grant_types_supported: [GRANT],
      'pre-authorized_grant_anonymous_access_supported': true,
    });
  });
});

describe('a graduate offers a credential to their wallet', () => {
  it('gets an openid-credential-offer link with both securings and its QR code', async () => {
    const credentialId = await issueTo('grad-w');
    const res = await offer(credentialId);
    expect(res.status).toBe(201);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const { credentialOffer, offerUri, qrSvg, expiresAt } = res.body;
    expect(credentialOffer).toEqual({
      credential_issuer: ORIGIN,
      credential_configuration_ids: [JWT_CONFIG, LDP_CONFIG],
      grants: { [GRANT]: { 'pre-authorized_code': expect.stringMatching(/^[\w-]{43}$/) } },
    });
    const url = new URL(offerUri);
    expect(url.protocol).toBe('openid-credential-offer:');
    expect(JSON.parse(url.searchParams.get('credential_offer')!)).toEqual(credentialOffer);
    expect(qrSvg).toMatch(/<svg[\s\S]*<\/svg>/);
    expect(Date.parse(expiresAt) - now.getTime()).toBeGreaterThan(14 * 60_000);
    // The table keeps only the code's hash.
    const stored = (await scanTable(rt.table)).filter((item) => item.entity === 'CredentialOffer');
    expect(JSON.stringify(stored)).not.toContain(codeOf(res));
  });

  it('cannot offer someone else’s credential, without a token or as another role; nor a revoked one', async () => {
    const credentialId = await issueTo('grad-w');
    expect((await offer(credentialId, await rt.token('grad-other', 'graduate'))).status).toBe(404);
    expect((await offer(credentialId, await rt.token('school', 'issuer'))).status).toBe(403);
    expect((await offer(credentialId, await rt.token('emp', 'employer'))).status).toBe(403);
    expect((await rt.call('POST', `/v1/profiles/me/credentials/${credentialId}/offer`)).status).toBe(401);
    expect((await offer('cred_nope')).status).toBe(404);
    const bad = await offer('bad id!');
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ path: 'param.id' })]);
    await rt.call('POST', `/v1/credentials/${credentialId}/revoke`, { token: school });
    expect((await offer(credentialId)).status).toBe(409);
  });
});

describe('the wallet picks the credential up', () => {
  it('receives a jwt_vc_json credential bound to its key that verifies here, sharing the issued one’s status', async () => {
    const { credentialId, token } = await grantedWallet();
    const holder = await wallet('EdDSA');
    const res = await requestCredential(token, {
      credential_configuration_id: JWT_CONFIG,
      proofs: { jwt: [await holder.proof(await nonce())] },
    });
    expect(res.status).toBe(200);
    const jwt: string = res.body.credentials[0].credential;
    const payload = decodeJwt(jwt) as Record<string, never>;
    expect(payload.sub).toBe(holder.did);
    expect(payload).toMatchObject({ credentialSubject: { id: holder.did } });
    const issued = await rt.call('GET', `/v1/credentials/${credentialId}`, { token: graduate });
    const original = decodeJwt(issued.body.jwt) as Record<string, unknown>;
    expect(payload.id).toBe(original.id);
    expect(payload.credentialStatus).toEqual(original.credentialStatus);
    expect((await rt.call('POST', '/v1/verify', { body: { jwt } })).body.verified).toBe(true);
    // Revoking the issued credential revokes the wallet's copy.
    await rt.call('POST', `/v1/credentials/${credentialId}/revoke`, { token: school });
    const after = await rt.call('POST', '/v1/verify', { body: { jwt } });
    expect(after.body.verified).toBe(false);
    expect(after.body.checks.status).toMatchObject({ result: 'failed', message: expect.stringContaining('revoked') });
  });

  it('receives an ldp_vc credential with Data Integrity proofs for a did:key kid, which verifies here', async () => {
    const { token } = await grantedWallet();
    const holder = await wallet('ES256', 'kid');
    const res = await requestCredential(token, {
      credential_configuration_id: LDP_CONFIG,
      proofs: { jwt: [await holder.proof(await nonce())] },
    });
    expect(res.status).toBe(200);
    const credential = res.body.credentials[0].credential;
    expect(credential.credentialSubject.id).toBe(holder.did);
    expect(credential.proof.map((p: { cryptosuite: string }) => p.cryptosuite).sort()).toEqual([
      'ecdsa-rdfc-2019',
      'eddsa-rdfc-2022',
    ]);
    const report = await rt.call('POST', '/v1/verify', { body: credential });
    expect(report.body.verified, JSON.stringify(report.body.checks)).toBe(true);
  });

  it('also reads the draft form proof: { proof_type: "jwt", jwt }', async () => {
    const { token } = await grantedWallet();
    const holder = await wallet('EdDSA');
    const res = await requestCredential(token, {
      credential_configuration_id: JWT_CONFIG,
      proof: { proof_type: 'jwt', jwt: await holder.proof(await nonce()) },
    });
    expect(res.status).toBe(200);
  });
});

describe('what the flow refuses, with the spec’s error codes', () => {
  it('a used pre-authorized code, an unknown one, and an expired one: invalid_grant', async () => {
    const credentialId = await issueTo('grad-w');
    const code = codeOf(await offer(credentialId));
    expect((await accessToken(code)).status).toBe(200);
    const replay = await accessToken(code);
    expect(replay.status).toBe(400);
    expect(replay.body.error).toBe('invalid_grant');
    expect((await accessToken('x'.repeat(43))).body.error).toBe('invalid_grant');
    const late = codeOf(await offer(credentialId));
    const issuedAt = now;
    now = new Date(issuedAt.getTime() + 16 * 60_000);
    try {
      const expired = await accessToken(late);
      expect(expired.status).toBe(400);
      expect(expired.body.error).toBe('invalid_grant');
    } finally {
      now = issuedAt;
    }
  });

  it('gives only one of two wallets racing with one code a token', async () => {
    const code = codeOf(await offer(await issueTo('grad-w')));
    const answers = await Promise.all([accessToken(code), accessToken(code), accessToken(code)]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 400, 400]);
  });

  it('a wrong grant type, a missing code, and a JSON body: the OAuth errors', async () => {
    const other = await rt.call('POST', '/oid4vci/token', form({ grant_type: 'authorization_code', code: 'x' }));
    expect(other.body.error).toBe('unsupported_grant_type');
    expect((await rt.call('POST', '/oid4vci/token', form({ grant_type: GRANT }))).body.error).toBe('invalid_request');
    const json = await rt.call('POST', '/oid4vci/token', { body: { grant_type: GRANT, 'pre-authorized_code': 'x' } });
    expect(json.status).toBe(400);
    expect(json.body.error).toBe('invalid_request');
  });

  it('a transaction code: missing leaves the offer usable; wrong uses it up; right gets the token', async () => {
    const credentialId = await issueTo('grad-w');
    const first = await offer(credentialId, graduate, '?txCode=true');
    expect(first.body.txCode).toMatch(/^\d{6}$/);
    expect(first.body.credentialOffer.grants[GRANT].tx_code).toEqual({ input_mode: 'numeric', length: 6 });
    expect((await accessToken(codeOf(first))).body.error).toBe('invalid_request');
    expect((await accessToken(codeOf(first), { tx_code: first.body.txCode })).status).toBe(200);
    const second = await offer(credentialId, graduate, '?txCode=true');
    const wrong = second.body.txCode === '000000' ? '000001' : '000000';
    expect((await accessToken(codeOf(second), { tx_code: wrong })).body.error).toBe('invalid_grant');
    expect((await accessToken(codeOf(second), { tx_code: second.body.txCode })).body.error).toBe('invalid_grant');
  });

  it('no access token or a made-up one: 401 invalid_token with a Bearer challenge', async () => {
    const holder = await wallet('EdDSA');
    const body = { credential_configuration_id: JWT_CONFIG, proofs: { jwt: [await holder.proof(await nonce())] } };
    for (const token of [undefined, 'made-up-token']) {
      const res = await requestCredential(token, body);
      expect(res.status).toBe(401);
      expect(res.body.error).toBe('invalid_token');
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer error="invalid_token"/);
    }
  });

  it('an unknown configuration, a missing proof, two proofs', async () => {
    const { token } = await grantedWallet();
    const holder = await wallet('EdDSA');
    const unknown = await requestCredential(token, {
      credential_configuration_id: 'Diploma_mso_mdoc',
      proofs: { jwt: [await holder.proof(await nonce())] },
    });
    expect(unknown.body.error).toBe('unknown_credential_configuration');
    expect((await requestCredential(token, { credential_configuration_id: JWT_CONFIG })).body.error).toBe(
      'invalid_proof',
    );
    const two = await requestCredential(token, {
      credential_configuration_id: JWT_CONFIG,
      proofs: { jwt: [await holder.proof(await nonce()), await holder.proof(await nonce())] },
    });
    expect(two.body.error).toBe('invalid_credential_request');
  });

  it('proofs with the wrong typ, audience, age, key or no nonce: invalid_proof / invalid_nonce', async () => {
    const { token } = await grantedWallet();
    const holder = await wallet('EdDSA');
    const other = await wallet('EdDSA');
    const ask = async (jwt: string) =>
      (await requestCredential(token, { credential_configuration_id: JWT_CONFIG, proofs: { jwt: [jwt] } })).body.error;
    const seconds = Math.floor(now.getTime() / 1000);
    expect(await ask(await holder.proof(await nonce(), { typ: 'JWT' }))).toBe('invalid_proof');
    expect(await ask(await holder.proof(await nonce(), { aud: 'https://another-issuer.example' }))).toBe(
      'invalid_proof',
    );
    expect(await ask(await holder.proof(await nonce(), { iat: seconds - 3600 }))).toBe('invalid_proof');
    expect(await ask(await holder.proof(await nonce(), { iat: seconds + 3600 }))).toBe('invalid_proof');
    // Signed by one key, naming another.
    expect(await ask(await holder.proof(await nonce(), { jwk: other.jwk }))).toBe('invalid_proof');
    expect(await ask('not-a-jwt')).toBe('invalid_proof');
    expect(await ask(await holder.proof(undefined))).toBe('invalid_nonce');
    expect(await ask(await holder.proof('never-issued'))).toBe('invalid_nonce');
  });

  it('a nonce used twice: invalid_nonce the second time', async () => {
    const { token } = await grantedWallet();
    const holder = await wallet('EdDSA');
    const proof = await holder.proof(await nonce());
    const body = { credential_configuration_id: JWT_CONFIG, proofs: { jwt: [proof] } };
    expect((await requestCredential(token, body)).status).toBe(200);
    const replay = await requestCredential(token, body);
    expect(replay.status).toBe(400);
    expect(replay.body.error).toBe('invalid_nonce');
  });

  it('a credential revoked after the token was given: credential_request_denied', async () => {
    const { credentialId, token } = await grantedWallet();
    await rt.call('POST', `/v1/credentials/${credentialId}/revoke`, { token: school });
    const holder = await wallet('EdDSA');
    const res = await requestCredential(token, {
      credential_configuration_id: JWT_CONFIG,
      proofs: { jwt: [await holder.proof(await nonce())] },
    });
    expect(res.body.error).toBe('credential_request_denied');
  });
});

describe('garbage at the wallet endpoints', () => {
  it('never answers 5xx: every refusal is an OAuth error or a problem', async () => {
    const { token } = await grantedWallet();
    const jsonish = fc.oneof(
      fc.json({ maxDepth: 3 }),
      fc
        .record({
          credential_configuration_id: fc.oneof(fc.constantFrom(JWT_CONFIG, LDP_CONFIG), fc.string()),
          proofs: fc.oneof(
            fc.jsonValue(),
            fc.record({ jwt: fc.array(fc.oneof(fc.string(), fc.jsonValue()), { maxLength: 2 }) }),
          ),
        })
        .map((value) => JSON.stringify(value)),
      fc.string(),
    );
    await fc.assert(
      fc.asyncProperty(jsonish, fc.string({ maxLength: 60 }), async (body, formField) => {
        const credential = await rt.app.request('/oid4vci/credential', {
          method: 'POST',
          body,
          headers: {
            'Content-Type': 'application/json',
            'Content-Length': String(Buffer.byteLength(body)),
            Authorization: `Bearer ${token}`,
          },
        });
        expect(credential.status, body).toBeLessThan(500);
        const tokenBody = `grant_type=${encodeURIComponent(GRANT)}&pre-authorized_code=${encodeURIComponent(formField)}&${formField}`;
        const exchanged = await rt.app.request('/oid4vci/token', {
          method: 'POST',
          body: tokenBody,
          headers: {
            'Content-Type': 'application/x-www-form-urlencoded',
            'Content-Length': String(Buffer.byteLength(tokenBody)),
          },
        });
        expect(exchanged.status, tokenBody).toBe(400);
      }),
      { numRuns: 150 },
    );
  });
});

describe('erasure', () => {
  it('takes a graduate’s offers and wallet access tokens with their data', async () => {
    const leaving = await rt.token('grad-leaving', 'graduate');
    await rt.call('PUT', '/v1/profiles/me', {
      token: leaving,
      body: { displayName: 'Zhao', contactEmail: 'z@example.com' },
    });
    const credentialId = await issueTo('grad-leaving');
    const code = codeOf(await offer(credentialId, leaving));
    expect((await accessToken(codeOf(await offer(credentialId, leaving)))).status).toBe(200);
    const walletItems = async () =>
      (await scanTable(rt.table)).filter(
        (item) =>
          (item.entity === 'CredentialOffer' || item.entity === 'WalletAccessToken') &&
          item.graduateId === 'grad-leaving',
      );
    expect((await walletItems()).map((item) => item.entity).sort()).toEqual(['CredentialOffer', 'WalletAccessToken']);
    expect((await rt.call('DELETE', '/v1/profiles/me', { token: leaving })).status).toBeLessThan(300);
    expect(await walletItems()).toEqual([]);
    expect((await accessToken(code)).body.error).toBe('invalid_grant');
  });
});
