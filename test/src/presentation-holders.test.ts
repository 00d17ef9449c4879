/**
 * Presentations by a holder identified by a did:web DID: its keys come from its DID document, read
 * only because the DID is on the platform's trust list (a presentation never makes the server fetch a
 * URL of its choosing), and only keys listed under `authentication` may sign. The presentations are
 * made by jose (vp+jwt) and @digitalbazaar/vc (Data Integrity), the key by the digitalbazaar Multikey library.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import * as vc from '@digitalbazaar/vc';
import { envelopedCredential, loadOrCreateLocalSigner, VC_CONTEXT } from '@skillpass/credentials';
import { contextsFromPackages } from '@skillpass/credentials/testing/contexts';
import { CredentialService } from '@skillpass/services';
import { createRepositories, CursorCodec } from '@skillpass/store';
import { importJWK, type JWK, SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { freshTable, registerSchoolWithTemplate, skillUri } from './harness.ts';

const ORIGIN = 'https://skillpass.example';
const HOLDER = 'did:web:holder.example';
const CHALLENGE = 'ch-91b2';
const DOMAIN = 'https://employer.example';

const fetched: string[] = [];
let service: CredentialService;
let credential: unknown;
let holderKey: Awaited<ReturnType<typeof Ed25519Multikey.generate>>;
let assertionOnlyKey: Awaited<ReturnType<typeof Ed25519Multikey.generate>>;

beforeAll(async () => {
  holderKey = await Ed25519Multikey.generate({ id: `${HOLDER}#holder-1`, controller: HOLDER });
  assertionOnlyKey = await Ed25519Multikey.generate({ id: `${HOLDER}#signing-1`, controller: HOLDER });
  const didDocument = {
    '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
    id: HOLDER,
    verificationMethod: [
      { id: holderKey.id, type: 'Multikey', controller: HOLDER, publicKeyMultibase: holderKey.publicKeyMultibase },
      {
        id: assertionOnlyKey.id,
        type: 'JsonWebKey2020',
        controller: HOLDER,
        publicKeyJwk: await Ed25519Multikey.toJwk({ keyPair: assertionOnlyKey }),
      },
    ],
    authentication: [holderKey.id],
    assertionMethod: [assertionOnlyKey.id],
  };
  const table = await freshTable();
  const repositories = createRepositories(table, new CursorCodec('presentation-holders-secret'));
  const key = loadOrCreateLocalSigner(mkdtempSync(join(tmpdir(), 'holders-')), {
    alg: 'ES256',
    keyId: 'k1',
    kidBaseUrl: `${ORIGIN}/keys`,
  });
  service = new CredentialService({
    ...repositories,
    signer: key,
    publishedKeys: async () => [key.publicJwk],
    origin: ORIGIN,
    skillLabel: () => 'battery chemistry',
    externalIssuers: [{ id: HOLDER, name: 'Holder Example' }],
    fetch: async (url) => {
      fetched.push(String(url));
      return String(url) === 'https://holder.example/.well-known/did.json'
        ? new Response(JSON.stringify(didDocument))
        : new Response('not found', { status: 404 });
    },
  });
  const template = await registerSchoolWithTemplate(repositories.issuers, key.kid, skillUri(2));
  const issued = await service.issue(
    'school',
    { templateId: template.templateId, holder: { subjectId: HOLDER, email: 'holder@example.com' } },
    'cred-holder-1',
  );
  credential = envelopedCredential(issued.credential.jwt);
});

const presentation = (holder = HOLDER) => ({
  '@context': [VC_CONTEXT],
  type: ['VerifiablePresentation'],
  holder,
  verifiableCredential: [credential],
});

async function vpJwt(key: typeof holderKey, holder = HOLDER): Promise<string> {
  // The library's JWK export puts its 64-byte secret key (seed ‖ public key) in `d`; RFC 8037's `d` is the seed.
  const jwk = (await Ed25519Multikey.toJwk({ keyPair: key, secretKey: true })) as JWK;
  const d = Buffer.from(jwk.d!, 'base64url').subarray(0, 32).toString('base64url');
  const privateKey = await importJWK({ ...jwk, d }, 'EdDSA');
  return new SignJWT({ ...presentation(holder), nonce: CHALLENGE, aud: DOMAIN })
    .setProtectedHeader({ alg: 'EdDSA', typ: 'vp+jwt', kid: key.id })
    .sign(privateKey);
}

const contexts = contextsFromPackages();
const dataIntegrityPresentation = (key: typeof holderKey) =>
  vc.signPresentation({
    presentation: presentation(),
    suite: new DataIntegrityProof({ cryptosuite: eddsaRdfc2022, signer: key.signer() }),
    challenge: CHALLENGE,
    domain: DOMAIN,
    documentLoader: async (url) => {
      const document = contexts.get(url);
      if (!document) throw new Error(`the test signer does not load ${url}`);
      return { contextUrl: null, documentUrl: url, document };
    },
  });

const asked = { challenge: CHALLENGE, domain: DOMAIN };

describe('presentations by a did:web holder on the trust list', () => {
  it('verifies a vp+jwt signed with a key its DID document lists under authentication, and the credential inside', async () => {
    const report = await service.verifyPresentation(await vpJwt(holderKey), asked);
    expect(report.checks.proof).toEqual({ result: 'passed', message: "EdDSA signature by the holder's key is valid." });
    expect(report.credentials[0]?.verified, JSON.stringify(report.credentials[0]?.checks)).toBe(true);
    expect(report).toMatchObject({ verified: true, holder: HOLDER });
    expect(fetched).toEqual(['https://holder.example/.well-known/did.json']);
  });

  it('verifies a Data Integrity presentation signed with that key for the challenge and domain asked', async () => {
    const vp = await dataIntegrityPresentation(holderKey);
    const report = await service.verifyPresentation(vp, asked);
    expect(report.checks.proof).toEqual({
      result: 'passed',
      message: "eddsa-rdfc-2022 proof by the holder's key is valid.",
    });
    expect(report.verified).toBe(true);
    const wrong = await service.verifyPresentation(vp, { challenge: 'another', domain: DOMAIN });
    expect(wrong.verified).toBe(false);
    expect(wrong.checks.challenge.result).toBe('failed');
  });

  it('refuses a key the DID document lists only for assertions, in both securings', async () => {
    const jwt = await service.verifyPresentation(await vpJwt(assertionOnlyKey), asked);
    expect(jwt.checks.proof).toEqual({
      result: 'failed',
      message: `The kid ${assertionOnlyKey.id} is not a key of the holder ${HOLDER}.`,
    });
    const di = await service.verifyPresentation(await dataIntegrityPresentation(assertionOnlyKey), asked);
    expect(di.checks.proof).toEqual({
      result: 'failed',
      message: `${assertionOnlyKey.id} is not a key of the holder ${HOLDER}.`,
    });
  });

  it('does not fetch the DID document of a did:web holder that is not on the trust list', async () => {
    const stranger = 'did:web:stranger.example';
    const before = fetched.length;
    const report = await service.verifyPresentation(await vpJwt(holderKey, stranger), asked);
    expect(report.verified).toBe(false);
    expect(report.checks.proof.message).toMatch(/did:web:stranger.example could not be resolved/);
    expect(fetched.length).toBe(before);
  });
});
