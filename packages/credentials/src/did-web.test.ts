import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DidWebResolver, didWebDocument, didWebDocumentUrl, didWebOf, keysFromDocument } from './did-web.ts';
import { multikeyOfJwk } from './data-integrity/multikey.ts';
import { loadTrustList } from './trust-list.ts';

const key = {
  kty: 'EC',
  crv: 'P-256',
  x: 'f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU',
  y: 'x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0',
};

describe('did:web', () => {
  it('maps a DID to the URL of its document', () => {
    expect(didWebDocumentUrl('did:web:tafe.example.au')).toBe('https://tafe.example.au/.well-known/did.json');
    expect(didWebDocumentUrl('did:web:example.com:schools:suzhou')).toBe('https://example.com/schools/suzhou/did.json');
    expect(didWebDocumentUrl('did:web:localhost%3A8443')).toBe('https://localhost:8443/.well-known/did.json');
    for (const bad of ['did:key:z6Mk', 'did:web:', 'did:web:evil.com%2Fpath', 'did:web:a.com#frag'])
      expect(didWebDocumentUrl(bad), bad).toBeUndefined();
  });

  it('names an origin by its DID, and publishes a document the resolver reads back', () => {
    expect(didWebOf('https://skillpass.example')).toBe('did:web:skillpass.example');
    const did = didWebOf('http://localhost:8443');
    expect(did).toBe('did:web:localhost%3A8443');
    expect(didWebDocumentUrl(did)).toBe('https://localhost:8443/.well-known/did.json');
    const jwk = { ...key, kid: `${did}#k1` };
    const document = didWebDocument(did, [jwk]);
    const multikey = {
      id: `${jwk.kid}-multikey`,
      type: 'Multikey',
      controller: did,
      publicKeyMultibase: multikeyOfJwk(jwk),
    };
    expect(document).toEqual({
      '@context': [
        'https://www.w3.org/ns/did/v1',
        'https://w3id.org/security/suites/jws-2020/v1',
        'https://w3id.org/security/multikey/v1',
      ],
      id: did,
      verificationMethod: [{ id: jwk.kid, type: 'JsonWebKey2020', controller: did, publicKeyJwk: jwk }, multikey],
      assertionMethod: [jwk.kid, multikey.id],
    });
    // The Multikey form reads back as the same public key.
    expect(keysFromDocument(did, document)).toEqual({
      keys: [jwk, { ...key, kid: multikey.id }],
      assertionKeyIds: [jwk.kid, multikey.id],
      authenticationKeyIds: [],
    });
  });

  it('takes only public keys of the DID itself, and marks those allowed to sign credentials', () => {
    const did = 'did:web:tafe.example.au';
    const keys = keysFromDocument(did, {
      id: did,
      verificationMethod: [
        { id: '#key-1', type: 'JsonWebKey2020', controller: did, publicKeyJwk: key },
        { id: `${did}#auth`, type: 'JsonWebKey2020', controller: did, publicKeyJwk: key },
        { id: 'did:web:evil.example#key-1', type: 'JsonWebKey2020', controller: did, publicKeyJwk: key },
        { id: '#private', type: 'JsonWebKey2020', controller: did, publicKeyJwk: { ...key, d: 'secret' } },
      ],
      assertionMethod: ['#key-1', 'did:web:evil.example#key-1'],
    });
    expect(keys?.keys.map((k) => k.kid)).toEqual([`${did}#key-1`, `${did}#auth`]);
    expect(keys?.assertionKeyIds).toEqual([`${did}#key-1`]);
    expect(keysFromDocument(did, { id: 'did:web:other.example', verificationMethod: [] })).toBeUndefined();
  });

  it('marks the keys listed under authentication, referenced or embedded, as those that may sign presentations', () => {
    const did = 'did:web:tafe.example.au';
    const keys = keysFromDocument(did, {
      id: did,
      verificationMethod: [{ id: '#key-1', type: 'JsonWebKey2020', controller: did, publicKeyJwk: key }],
      assertionMethod: ['#key-1'],
      authentication: [{ id: '#holder', type: 'JsonWebKey2020', controller: did, publicKeyJwk: key }, '#missing'],
    });
    expect(keys?.authenticationKeyIds).toEqual([`${did}#holder`]);
    expect(keys?.assertionKeyIds).toEqual([`${did}#key-1`]);
  });

  it('fetches each document once per ten minutes, and reads a failure as no keys', async () => {
    const did = 'did:web:tafe.example.au';
    const fetched: string[] = [];
    let now = new Date('2026-11-24T00:00:00Z');
    const resolver = new DidWebResolver({
      clock: () => now,
      fetch: async (url) => {
        fetched.push(String(url));
        return new Response(
          JSON.stringify({
            id: did,
            verificationMethod: [{ id: '#key-1', publicKeyJwk: key }],
            assertionMethod: ['#key-1'],
          }),
        );
      },
    });
    expect((await resolver.keysOf(did))?.assertionKeyIds).toEqual([`${did}#key-1`]);
    await resolver.keysOf(did);
    expect(fetched).toEqual(['https://tafe.example.au/.well-known/did.json']);
    now = new Date('2026-11-24T00:11:00Z');
    await resolver.keysOf(did);
    expect(fetched).toHaveLength(2);
    const failing = new DidWebResolver({ fetch: async () => new Response('nope', { status: 500 }) });
    expect(await failing.keysOf(did)).toBeUndefined();
  });
});

describe('the trust list file', () => {
  it('accepts JWKS and did:web entries, and refuses a wrong entry naming it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'trust-'));
    const good = join(dir, 'good.json');
    writeFileSync(
      good,
      JSON.stringify([
        { id: 'did:web:tafe.example.au', name: 'TAFE', accreditedUntil: '2030-01-01' },
        { id: 'https://x.example', name: 'X', jwks: { keys: [key] } },
      ]),
    );
    expect(loadTrustList(good).map((e) => e.id)).toEqual(['did:web:tafe.example.au', 'https://x.example']);
    const bad = join(dir, 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify([
        { id: 'did:web:ok.example', name: 'OK' },
        { id: 'https://no-keys.example', name: 'No keys' },
      ]),
    );
    expect(() => loadTrustList(bad)).toThrow(/1: give jwks, or a did:web id/);
  });
});
