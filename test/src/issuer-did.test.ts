import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as ecdsaRdfc2019 } from '@digitalbazaar/ecdsa-rdfc-2019-cryptosuite';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import {
  didWebDocumentUrl,
  jwkOfMultikey,
  keysFromDocument,
  loadOrCreateLocalSigner,
  signCompactJws,
} from '@skillpass/credentials';
import { contextsFromPackages } from '@skillpass/credentials/testing/contexts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerSchoolWithTemplate, skillUri, startTestRuntime, type TestRuntime } from './harness.ts';

// Per-issuer did:web DIDs, resolved as the did:web method says: DID → https URL → GET → a document with that id.
let rt: TestRuntime;
let templateId: string;
const keysDir = mkdtempSync(join(tmpdir(), 'issuer-did-'));

beforeAll(async () => {
  rt = await startTestRuntime({ keysDir });
  templateId = (await registerSchoolWithTemplate(rt.deps.issuers, rt.deps.signingKid, skillUri(5))).templateId;
});
afterAll(async () => rt.close());

/** did:web resolution against the local app: the method's URL transformation, then the document at its path. */
async function resolveDidWeb(did: string) {
  const url = didWebDocumentUrl(did);
  expect(url).toBeDefined();
  const res = await rt.call('GET', new URL(url!).pathname);
  return { url: url!, res };
}

describe('a hosted issuer’s did:web DID', () => {
  it('resolves did:web:<host>:issuers:<id> to /issuers/<id>/did.json, listing the platform keys as Multikey methods', async () => {
    const did = 'did:web:localhost%3A3000:issuers:school';
    const { url, res } = await resolveDidWeb(did);
    expect(url).toBe('https://localhost:3000/issuers/school/did.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/did+json');
    expect(res.body.id).toBe(did);
    expect(res.body.alsoKnownAs).toEqual(['http://localhost:3000/issuers/school']);
    const published = (await rt.call('GET', '/.well-known/jwks.json')).body.keys as Array<{ kid: string; x: string }>;
    const multikeys = res.body.verificationMethod.filter((m: { type: string }) => m.type === 'Multikey');
    // Every published key (ES256 and Ed25519) once, as `<did>#<key id>`, controlled by the DID, able to assert.
    expect(multikeys.map((m: { id: string }) => m.id).sort()).toEqual(
      published.map((k) => `${did}#${k.kid.slice(k.kid.lastIndexOf('/') + 1)}`).sort(),
    );
    for (const method of multikeys) {
      expect(method.controller).toBe(did);
      expect(res.body.assertionMethod).toContain(method.id);
      const keyId = method.id.slice(method.id.indexOf('#') + 1);
      const jwk = published.find((k) => k.kid.endsWith(`/${keyId}`))!;
      expect(jwkOfMultikey(method.publicKeyMultibase)?.x).toBe(jwk.x);
    }
    // The platform's own did:web reader accepts the document for that DID, and only for it.
    expect(keysFromDocument(did, res.body)?.assertionKeyIds).toContain(`${did}#k1-ed25519`);
    expect(keysFromDocument('did:web:localhost%3A3000', res.body)).toBeUndefined();
  });

  it('resolves the platform’s own issuer id, and answers 404 for unknown issuers and reserved ids', async () => {
    expect((await resolveDidWeb('did:web:localhost%3A3000:issuers:platform')).res.body.id).toBe(
      'did:web:localhost%3A3000:issuers:platform',
    );
    for (const id of ['nobody', 'admin']) {
      const { res } = await resolveDidWeb(`did:web:localhost%3A3000:issuers:${id}`);
      expect(res.status, id).toBe(404);
    }
  });
});

// --- Credentials naming their issuer by its did:web DID: what wallets that resolve only did:web/did:key need. ---

const ORIGIN = 'http://localhost:3000';
const SCHOOL_DID = 'did:web:localhost%3A3000:issuers:school';
const JWT_CLAIMS = ['iss', 'jti', 'sub', 'nbf', 'iat', 'exp'];

/** A credential issued here, its issuer id switched to the school's DID, as the platform would then sign it. */
async function issuedNamingTheDid(): Promise<Record<string, unknown>> {
  const issued = await rt.call('POST', '/v1/credentials', {
    token: await rt.token('school', 'issuer'),
    body: { templateId, holder: { subjectId: 'urn:learner:did-1', email: 'did-1@example.com' } },
  });
  expect(issued.status, JSON.stringify(issued.body)).toBe(201);
  const payload = JSON.parse(Buffer.from((issued.body.jwt as string).split('.')[1]!, 'base64url').toString('utf8'));
  return { ...payload, issuer: { ...payload.issuer, id: SCHOOL_DID }, iss: SCHOOL_DID };
}

const platformKey = (alg: 'ES256' | 'EdDSA') =>
  loadOrCreateLocalSigner(keysDir, { alg, keyId: alg === 'ES256' ? 'k1' : 'k1-ed25519', kidBaseUrl: `${ORIGIN}/keys` });

/** A did:web resolver as wallets have one: the DID's document over its route, a fragment selecting a method. */
const contexts = contextsFromPackages();
async function didResolvingLoader(url: string) {
  const context = contexts.get(url);
  if (context) return { contextUrl: null, documentUrl: url, document: context };
  const [did, fragment] = url.split('#');
  const documentUrl = didWebDocumentUrl(did!);
  if (!documentUrl) throw new Error(`the wallet's resolver does not load ${url}`);
  const { body, status } = await rt.call('GET', new URL(documentUrl).pathname);
  if (status !== 200) throw new Error(`${url}: HTTP ${status}`);
  if (fragment === undefined) return { contextUrl: null, documentUrl: url, document: body };
  const method = (body.verificationMethod as Array<Record<string, unknown>>).find((m) => m.id === url);
  if (!method) throw new Error(`${url} is not in its document`);
  return {
    contextUrl: null,
    documentUrl: url,
    document: { '@context': 'https://w3id.org/security/multikey/v1', ...method },
  };
}

describe('a credential whose issuer is the hosted issuer’s did:web DID', () => {
  it('verifies as vc+jwt: the DID is the same trusted issuer as its https id, signing with the platform key', async () => {
    const jws = await signCompactJws(await issuedNamingTheDid(), platformKey('ES256'), 'vc+jwt');
    const report = (await rt.call('POST', '/v1/verify', { body: { jwt: jws } })).body;
    expect(report.checks.issuerTrusted.result, JSON.stringify(report.checks)).toBe('passed');
    expect(report.verified).toBe(true);
  });

  it('verifies with Data Integrity proofs by <did>#<key id> methods, here and by the digitalbazaar verifier resolving did:web', async () => {
    const { addDataIntegrityProofs } = await import('@skillpass/credentials/data-integrity');
    const unsecured = Object.fromEntries(
      Object.entries(await issuedNamingTheDid()).filter(([name]) => !JWT_CLAIMS.includes(name)),
    );
    const ed = platformKey('EdDSA');
    const ec = platformKey('ES256');
    const secured = await addDataIntegrityProofs(
      unsecured,
      [
        { verificationMethod: `${SCHOOL_DID}#k1-ed25519`, algorithm: 'Ed25519', sign: (d) => ed.sign(d) },
        { verificationMethod: `${SCHOOL_DID}#k1`, algorithm: 'P-256', sign: (d) => ec.sign(d) },
      ],
      new Date(),
    );
    const report = (await rt.call('POST', '/v1/verify', { body: secured })).body;
    expect(report.checks.signature.result, JSON.stringify(report.checks)).toBe('passed');
    expect(report.verified).toBe(true);
    const independent = await vc.verifyCredential({
      credential: secured,
      suite: [
        new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 }),
        new DataIntegrityProof({ cryptosuite: ecdsaRdfc2019 }),
      ],
      documentLoader: didResolvingLoader,
      // The status entries are checked by skillpass above; this checks the proofs and who made them.
      checkStatus: async () => ({ verified: true }),
    });
    expect(independent.error).toBeUndefined();
    expect(independent.verified).toBe(true);
    // The same path on another host is another DID: not this platform's issuer, and not its keys.
    const elsewhere = {
      ...secured,
      issuer: { ...(secured.issuer as object), id: 'did:web:elsewhere.example:issuers:school' },
    };
    const refused = (await rt.call('POST', '/v1/verify', { body: elsewhere })).body;
    expect(refused.verified).toBe(false);
    expect(refused.checks.keyResolution.result).toBe('failed');
  });
});
