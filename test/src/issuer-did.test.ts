import { didWebDocumentUrl, jwkOfMultikey, keysFromDocument } from '@skillpass/credentials';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerSchoolWithTemplate, skillUri, startTestRuntime, type TestRuntime } from './harness.ts';

// Per-issuer did:web DIDs, resolved as the did:web method says: DID → https URL → GET → a document with that id.
let rt: TestRuntime;

beforeAll(async () => {
  rt = await startTestRuntime();
  await registerSchoolWithTemplate(rt.deps.issuers, rt.deps.signingKid, skillUri(5));
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
