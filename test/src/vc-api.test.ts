/**
 * The W3C VC API surface: issuing a full W3C credential, verifying credentials (200 only when they
 * verify, 400 problem details otherwise) and presentations signed by a holder's did:key, both as
 * vp+jwt and with a Data Integrity authentication proof.
 */
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import * as vc from '@digitalbazaar/vc';
import { EU_ELEMENTS_CONTEXT, envelopedCredential, OB_CONTEXT, VC_CONTEXT } from '@skillpass/credentials';
import { contextsFromPackages } from '@skillpass/credentials/testing/contexts';
import { importJWK, type JWK, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanTable, skillUri, startTestRuntime, type TestRuntime } from './harness.ts';

const ORIGIN = 'http://localhost:3000';
const SKILL = skillUri(7);
const CHALLENGE = 'c-7f3a9e21';
const DOMAIN = 'https://employer.example';

let rt: TestRuntime;
let school: string;
let otherSchool: string;
let graduate: string;

beforeAll(async () => {
  rt = await startTestRuntime();
  school = await rt.token('vc-school', 'issuer');
  otherSchool = await rt.token('vc-school-2', 'issuer');
  graduate = await rt.token('vc-grad', 'graduate');
  const issuer = {
    legalName: { en: 'Ningbo Polytechnic' },
    kind: 'school',
    country: 'CN',
    region: 'Zhejiang',
    accreditation: [{ by: 'Zhejiang HRSS', scope: 'vocational training', validUntil: '2030-12-31' }],
  };
  for (const token of [school, otherSchool])
    expect((await rt.call('PUT', '/v1/issuers/me', { token, body: issuer })).status).toBe(200);
  const profile = { displayName: 'Chen Jing', contactEmail: 'chen@example.com', skills: [] };
  expect((await rt.call('PUT', '/v1/profiles/me', { token: graduate, body: profile })).status).toBe(201);
});
afterAll(async () => rt.close());

/** A full Open Badges 3.0 credential as an issuer writes it, unsecured, with the EU micro-credential elements. */
const w3cCredential = (
  issuerId = 'vc-school',
  subject = 'urn:skillpass:graduate:vc-grad',
): Record<string, unknown> => ({
  '@context': [VC_CONTEXT, OB_CONTEXT, EU_ELEMENTS_CONTEXT],
  type: ['VerifiableCredential', 'OpenBadgeCredential'],
  name: 'Industrial robot maintenance',
  issuer: {
    id: `${ORIGIN}/issuers/${issuerId}`,
    type: ['Profile'],
    name: 'Ningbo Polytechnic',
    address: { type: ['Address'], addressCountry: 'CN', addressRegion: 'Zhejiang' },
  },
  validFrom: '2026-01-05T08:00:00+08:00',
  credentialSubject: {
    id: subject,
    type: ['AchievementSubject'],
    achievement: {
      id: 'https://ningbo.example/achievements/robot-maintenance',
      type: ['Achievement'],
      name: 'Industrial robot maintenance',
      description: 'Maintain six-axis industrial robots.',
      criteria: { narrative: 'Practical exam on a live cell.' },
      alignment: [
        {
          type: ['Alignment'],
          targetName: 'maintain robots',
          targetUrl: SKILL,
          targetFramework: 'ESCO',
          targetType: 'ext:ESCOSkill',
        },
      ],
      euMicroCredential: {
        eqfLevel: 4,
        workloadHours: 60,
        assessmentType: 'practical exam',
        participationForm: 'onsite',
        qualityAssurance: 'provincial audit',
      },
    },
  },
});

const issueW3c = (body: Record<string, unknown>, token = school, headers: Record<string, string> = {}) =>
  rt.call('POST', '/credentials/issue', { token, body, headers });
const verifyVc = (verifiableCredential: unknown) =>
  rt.call('POST', '/credentials/verify', { body: { verifiableCredential } });
const idOf = (credential: { id: string }) => credential.id.slice(`${ORIGIN}/credentials/`.length);

describe('POST /credentials/issue with a full W3C credential', () => {
  it('secures it with Data Integrity by default, gives it a revocable status, and stores it once per Idempotency-Key', async () => {
    const issued = await issueW3c({ credential: w3cCredential() }, school, { 'Idempotency-Key': 'w3c-1' });
    expect(issued.status, JSON.stringify(issued.body)).toBe(201);
    const credential = issued.body.verifiableCredential;
    expect(credential.proof.map((p: { cryptosuite: string }) => p.cryptosuite).sort()).toEqual([
      'ecdsa-rdfc-2019',
      'eddsa-rdfc-2022',
    ]);
    expect(credential.credentialStatus.map((s: { statusPurpose: string }) => s.statusPurpose)).toEqual([
      'revocation',
      'suspension',
    ]);
    expect(credential.name).toBe('Industrial robot maintenance');
    const replay = await issueW3c({ credential: w3cCredential() }, school, { 'Idempotency-Key': 'w3c-1' });
    expect(replay.body.verifiableCredential.id).toBe(credential.id);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    // The credential record (the other item naming it is its claimed status-list index).
    const stored = (await scanTable(rt.table)).filter((item) => item.credentialId === idOf(credential) && item.jwt);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ holder: { kind: 'graduate', graduateId: 'vc-grad' }, skills: [SKILL] });

    const verified = await verifyVc(credential);
    expect(verified.status, JSON.stringify(verified.body)).toBe(200);
    expect(verified.body.verified).toBe(true);

    expect((await rt.call('POST', `/v1/credentials/${idOf(credential)}/revoke`, { token: otherSchool })).status).toBe(
      404,
    );
    expect((await rt.call('POST', `/v1/credentials/${idOf(credential)}/revoke`, { token: school })).status).toBe(200);
    const revoked = await verifyVc(credential);
    expect(revoked.status).toBe(400);
    expect(revoked.headers.get('content-type')).toBe('application/problem+json');
    expect(revoked.body).toMatchObject({ status: 400, verified: false, checks: { status: { result: 'failed' } } });
    expect(revoked.body.errors).toContainEqual({ path: 'checks.status', message: 'The credential is revoked.' });
  });

  it('answers an enveloped vc+jwt when options.format asks for it', async () => {
    const issued = await issueW3c({ credential: w3cCredential(), options: { format: 'vc+jwt' } });
    expect(issued.status).toBe(201);
    expect(issued.body.verifiableCredential.type).toBe('EnvelopedVerifiableCredential');
    expect((await verifyVc(issued.body.verifiableCredential)).status).toBe(200);
  });

  it('keeps the skillpass template extension', async () => {
    const template = await rt.call('POST', '/v1/credential-templates', {
      token: school,
      body: {
        title: { en: 'Robot cell safety' },
        description: 'Work safely in a robot cell.',
        learningOutcomes: [SKILL],
        workload: { hours: 8 },
        eqfLevel: 3,
        assessmentType: 'written test',
        participationForm: 'onsite',
        qualityAssurance: 'provincial audit',
      },
    });
    const credential = { templateId: template.body.templateId, holder: { graduateId: 'vc-grad' } };
    const ld = await issueW3c({ credential });
    expect(ld.status).toBe(201);
    expect((await verifyVc(ld.body.verifiableCredential)).status).toBe(200);
    const jwt = await issueW3c({ credential, options: { format: 'vc+jwt' } });
    expect(jwt.body.verifiableCredential.type).toBe('EnvelopedVerifiableCredential');
  });

  it('refuses a credential naming another issuer (403), without a token (401), and for another role (403)', async () => {
    const other = await issueW3c({ credential: w3cCredential('vc-school-2') });
    expect(other.status).toBe(403);
    expect(other.body.detail).toMatch(/must be your own issuer id/);
    expect((await rt.call('POST', '/credentials/issue', { body: { credential: w3cCredential() } })).status).toBe(401);
    expect((await issueW3c({ credential: w3cCredential() }, graduate)).status).toBe(403);
  });

  it('refuses a credential that breaks VC DM 2.0 rules, naming each one, and writes nothing', async () => {
    const before = (await scanTable(rt.table)).length;
    const broken = {
      ...w3cCredential(),
      type: ['OpenBadgeCredential'],
      validUntil: '2030-01-01T00:00:00',
      termsOfUse: { id: 'https://ningbo.example/terms' },
      credentialStatus: { type: 'BitstringStatusListEntry' },
    };
    const res = await issueW3c({ credential: broken });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining([
        'credential.type',
        'credential.validUntil',
        'credential.termsOfUse.type',
        'credential.credentialStatus',
      ]),
    );
    const undefinedTerm = await issueW3c({ credential: { ...w3cCredential(), favouriteColour: 'blue' } });
    expect(undefinedTerm.status).toBe(400);
    expect(undefinedTerm.body.errors).toEqual([
      { path: 'credential.favouriteColour', message: expect.stringMatching(/not defined by any/) },
    ]);
    expect((await scanTable(rt.table)).length).toBe(before);
  });
});

describe('POST /credentials/verify', () => {
  it('answers 400 problem details with the check-by-check report for a tampered credential', async () => {
    const issued = (await issueW3c({ credential: w3cCredential() })).body.verifiableCredential;
    const tampered = structuredClone(issued);
    tampered.credentialSubject.id = 'urn:skillpass:graduate:someone-else';
    const res = await verifyVc(tampered);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      title: 'Not verified',
      verified: false,
      checks: { signature: { result: 'failed' } },
    });
    expect((await verifyVc('not a credential')).status).toBe(400);
  });
});

// --- Presentations, made by libraries skillpass does not use to make them: the holder's Ed25519 key by the
// digitalbazaar Multikey library, a vp+jwt by jose, a Data Integrity presentation by @digitalbazaar/vc. ---

/**
 * The key pair's private JWK for jose. The library's own JWK export puts its 64-byte secret key
 * (seed ‖ public key) in `d`; RFC 8037's `d` is the 32-byte seed, its first half.
 */
async function privateJwkOf(keyPair: Parameters<typeof Ed25519Multikey.toJwk>[0]['keyPair']): Promise<JWK> {
  const jwk = (await Ed25519Multikey.toJwk({ keyPair, secretKey: true })) as JWK;
  return { ...jwk, d: Buffer.from(jwk.d!, 'base64url').subarray(0, 32).toString('base64url') };
}

/** A holder's Ed25519 key, named by a did:key DID (`did:key:z…#z…`) or a did:jwk DID (`did:jwk:…#0`). */
async function holderKey(method: 'did:key' | 'did:jwk' = 'did:key') {
  const keyPair = await Ed25519Multikey.generate();
  const publicJwk = await Ed25519Multikey.toJwk({ keyPair });
  const did =
    method === 'did:key'
      ? `did:key:${keyPair.publicKeyMultibase}`
      : `did:jwk:${Buffer.from(JSON.stringify(publicJwk)).toString('base64url')}`;
  keyPair.id = method === 'did:key' ? `${did}#${keyPair.publicKeyMultibase}` : `${did}#0`;
  keyPair.controller = did;
  const privateKey = await importJWK(await privateJwkOf(keyPair), 'EdDSA');
  return { did, kid: keyPair.id, keyPair, privateKey };
}
type Holder = Awaited<ReturnType<typeof holderKey>>;

const vpJwt = (holder: Holder, credentials: unknown[], claims: Record<string, unknown> = {}) =>
  new SignJWT({
    '@context': [VC_CONTEXT],
    type: ['VerifiablePresentation'],
    holder: holder.did,
    verifiableCredential: credentials,
    nonce: CHALLENGE,
    aud: DOMAIN,
    ...claims,
  })
    .setProtectedHeader({ alg: 'EdDSA', typ: 'vp+jwt', kid: holder.kid })
    .sign(holder.privateKey);
const envelopedPresentation = (jws: string) => ({
  '@context': [VC_CONTEXT],
  type: 'EnvelopedVerifiablePresentation',
  id: `data:application/vp+jwt,${jws}`,
});
const verifyVp = (
  verifiablePresentation: unknown,
  options: Record<string, string> = { challenge: CHALLENGE, domain: DOMAIN },
  token?: string,
) =>
  rt.call('POST', '/presentations/verify', { body: { verifiablePresentation, options }, ...(token ? { token } : {}) });

describe.each(['did:key', 'did:jwk'] as const)('POST /presentations/verify: vp+jwt (jose) by a %s holder', (method) => {
  it('verifies an enveloped vp+jwt and a compact one, and each credential inside; public, whatever the role', async () => {
    const credential = (await issueW3c({ credential: w3cCredential(), options: { format: 'vc+jwt' } })).body
      .verifiableCredential;
    const holder = await holderKey(method);
    const jws = await vpJwt(holder, [credential]);
    const res = await verifyVp(envelopedPresentation(jws));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ verified: true, holder: holder.did, credentials: [{ verified: true }] });
    expect(res.body.checks.proof.message).toBe("EdDSA signature by the holder's key is valid.");
    expect((await verifyVp(jws, undefined, school)).status).toBe(200);
    expect((await verifyVp(jws, undefined, graduate)).status).toBe(200);
  });

  it('refuses a wrong challenge, a wrong domain, another key, a tampered and a revoked credential inside', async () => {
    const issued = (await issueW3c({ credential: w3cCredential(), options: { format: 'vc+jwt' } })).body
      .verifiableCredential;
    const holder = await holderKey(method);
    const jws = await vpJwt(holder, [issued]);
    const failedChecks = async (vp: unknown, options?: Record<string, string>) => {
      const res = await verifyVp(vp, options);
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(
        Object.entries(res.body.checks as Record<string, { result: string }>)
          .filter(([, c]) => c.result === 'failed')
          .map(([name]) => `checks.${name}`),
      );
      return Object.entries(res.body.checks as Record<string, { result: string }>)
        .filter(([, c]) => c.result === 'failed')
        .map(([name]) => name);
    };
    expect(await failedChecks(jws, { challenge: 'another', domain: DOMAIN })).toEqual(['challenge']);
    expect(await failedChecks(jws, { challenge: CHALLENGE, domain: 'https://elsewhere.example' })).toEqual(['domain']);
    // Signed with another key under the holder's kid.
    const impostor = { ...holder, privateKey: (await holderKey(method)).privateKey };
    expect(await failedChecks(await vpJwt(impostor, [issued]))).toEqual(['proof']);
    // A tampered payload: the holder's signature no longer holds.
    const [h, p, s] = jws.split('.');
    const payload = JSON.parse(Buffer.from(p!, 'base64url').toString());
    payload.holder = (await holderKey(method)).did;
    expect(await failedChecks(`${h}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${s}`)).toContain(
      'proof',
    );
    // A credential altered before the holder signed: the presentation is genuine, the credential inside is not.
    const jwt = issued.id.slice('data:application/vc+jwt,'.length);
    const [ch, cp, cs] = jwt.split('.');
    const vcPayload = JSON.parse(Buffer.from(cp!, 'base64url').toString());
    vcPayload.credentialSubject.id = 'urn:skillpass:graduate:someone-else';
    const forged = envelopedCredential(`${ch}.${Buffer.from(JSON.stringify(vcPayload)).toString('base64url')}.${cs}`);
    expect(await failedChecks(await vpJwt(holder, [forged]))).toEqual(['credentials']);
    expect((await rt.call('POST', `/v1/credentials/${idOf(vcPayload)}/revoke`, { token: school })).status).toBe(200);
    const revoked = await verifyVp(jws);
    expect(revoked.status).toBe(400);
    expect(revoked.body.checks.credentials.message).toMatch(/revoked/);
    expect(revoked.body.credentials[0].checks.status.result).toBe('failed');
  });
});

describe('POST /presentations/verify: holders it cannot resolve', () => {
  it('refuses a did:web holder that is not on the trust list, and a did:jwk carrying a private key, without fetching', async () => {
    const holder = await holderKey('did:jwk');
    const web = { ...holder, did: 'did:web:holder.example', kid: 'did:web:holder.example#key-1' };
    const res = await verifyVp(await vpJwt(web, []));
    expect(res.status).toBe(400);
    expect(res.body.checks.proof).toEqual({
      result: 'failed',
      message: expect.stringMatching(/did:web:holder.example could not be resolved/),
    });
    const secretJwk = await Ed25519Multikey.toJwk({ keyPair: holder.keyPair, secretKey: true });
    const leaky = `did:jwk:${Buffer.from(JSON.stringify(secretJwk)).toString('base64url')}`;
    const leakyRes = await verifyVp(await vpJwt({ ...holder, did: leaky, kid: `${leaky}#0` }, []));
    expect(leakyRes.status).toBe(400);
    expect(leakyRes.body.checks.proof.message).toMatch(/could not be resolved/);
  });
});

describe.each(['did:key', 'did:jwk'] as const)(
  'POST /presentations/verify: Data Integrity by a %s holder',
  (method) => {
    const contexts = contextsFromPackages();
    const loader = async (url: string) => {
      const document = contexts.get(url);
      if (!document) throw new Error(`the test signer does not load ${url}`);
      return { contextUrl: null, documentUrl: url, document };
    };
    async function signedPresentation(credential: Record<string, unknown>, challenge = CHALLENGE, domain = DOMAIN) {
      const { did, keyPair } = await holderKey(method);
      const presentation = {
        '@context': [VC_CONTEXT],
        type: ['VerifiablePresentation'],
        holder: did,
        verifiableCredential: [credential],
      };
      return vc.signPresentation({
        presentation,
        suite: new DataIntegrityProof({ cryptosuite: eddsaRdfc2022, signer: keyPair.signer() }),
        challenge,
        domain,
        documentLoader: loader,
      });
    }

    it('verifies an authentication proof over the challenge and domain, and the credential inside', async () => {
      const credential = (await issueW3c({ credential: w3cCredential() })).body.verifiableCredential;
      const vp = await signedPresentation(credential);
      const res = await verifyVp(vp);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.checks.proof.message).toMatch(/eddsa-rdfc-2022/);
      expect(res.body.holder).toBe(vp.holder);
    });

    it('refuses a wrong challenge, a wrong domain, a tampered and a revoked credential inside', async () => {
      const credential = (await issueW3c({ credential: w3cCredential() })).body.verifiableCredential;
      const vp = await signedPresentation(credential);
      const wrongChallenge = await verifyVp(vp, { challenge: 'another', domain: DOMAIN });
      expect(wrongChallenge.status).toBe(400);
      expect(wrongChallenge.body.checks.challenge.result).toBe('failed');
      expect(wrongChallenge.body.checks.proof.result).toBe('failed');
      expect(wrongChallenge.body.errors.map((e: { path: string }) => e.path)).toContain('checks.challenge');
      const wrongDomain = await verifyVp(vp, { challenge: CHALLENGE, domain: 'https://elsewhere.example' });
      expect(wrongDomain.status).toBe(400);
      expect(wrongDomain.body.checks.domain.result).toBe('failed');

      const tampered = structuredClone(credential);
      tampered.credentialSubject.id = 'urn:skillpass:graduate:someone-else';
      const withTampered = await verifyVp(await signedPresentation(tampered));
      expect(withTampered.status).toBe(400);
      expect(withTampered.body.checks.proof.result).toBe('passed');
      expect(withTampered.body.credentials[0].checks.signature.result).toBe('failed');

      expect((await rt.call('POST', `/v1/credentials/${idOf(credential)}/revoke`, { token: school })).status).toBe(200);
      const withRevoked = await verifyVp(vp);
      expect(withRevoked.status).toBe(400);
      expect(withRevoked.body.credentials[0].checks.status).toEqual({
        result: 'failed',
        message: 'The credential is revoked.',
      });
    });
  },
);
