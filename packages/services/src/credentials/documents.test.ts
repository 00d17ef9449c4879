import { didWebDocumentUrl } from '@skillpass/credentials';
import type { Issuer } from '@skillpass/domain';
import type { JWK } from 'jose';
import { describe, expect, it } from 'vitest';
import { issuerProfileOf, platformDidDocument, publishedKey } from './documents.ts';

const keys: JWK[] = [
  { kty: 'EC', crv: 'P-256', x: 'x1', y: 'y1', kid: 'http://localhost:8443/keys/k1' },
  { kty: 'EC', crv: 'P-256', x: 'x2', y: 'y2', kid: 'http://localhost:8443/keys/k2' },
];
const deps = { origin: 'http://localhost:8443', publishedKeys: async () => keys };

describe('the public documents', () => {
  it("name the platform's did:web DID after its origin and list every published key for assertions", async () => {
    const did = 'did:web:localhost%3A8443';
    expect(didWebDocumentUrl(did)).toBe('https://localhost:8443/.well-known/did.json');
    expect(await platformDidDocument(deps)).toEqual({
      '@context': [
        'https://www.w3.org/ns/did/v1',
        'https://w3id.org/security/suites/jws-2020/v1',
        'https://w3id.org/security/multikey/v1',
      ],
      id: did,
      verificationMethod: keys.map((jwk) => ({
        id: jwk.kid,
        type: 'JsonWebKey2020',
        controller: did,
        publicKeyJwk: jwk,
      })),
      assertionMethod: [keys[0]!.kid, keys[1]!.kid],
    });
  });

  it('resolve a key by the last segment of its kid URL only', async () => {
    expect(await publishedKey(deps, 'k2')).toBe(keys[1]);
    expect(await publishedKey(deps, 'k3')).toBeUndefined();
    expect(await publishedKey({ ...deps, origin: 'https://elsewhere.example' }, 'k1')).toBeUndefined();
  });

  it('name a hosted issuer by the URL of its profile, with its Chinese name when it has one', () => {
    const issuer = {
      issuerId: 'suzhou school',
      legalName: { en: 'Suzhou School', zh: '苏州学校' },
      country: 'CN',
      region: 'Jiangsu',
    } as Issuer;
    expect(issuerProfileOf('https://skillpass.example', issuer)).toEqual({
      id: 'https://skillpass.example/issuers/suzhou%20school',
      name: 'Suzhou School',
      nameZh: '苏州学校',
      country: 'CN',
      region: 'Jiangsu',
    });
    expect(
      issuerProfileOf('https://skillpass.example', { ...issuer, legalName: { en: 'Suzhou School' } }),
    ).not.toHaveProperty('nameZh');
  });
});
