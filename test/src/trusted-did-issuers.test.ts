/**
 * Credentials the digitalbazaar libraries issue (eddsa-rdfc-2022 and ecdsa-rdfc-2019) from a did:key
 * and from a did:web issuer, both on the trust list: skillpass verifies them fully — the did:key's key
 * is the DID itself, the did:web's comes from its DID document (read because the DID is on the list,
 * and only its `assertionMethod` keys may sign).
 */
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as ecdsaRdfc2019 } from '@digitalbazaar/ecdsa-rdfc-2019-cryptosuite';
import * as EcdsaMultikey from '@digitalbazaar/ecdsa-multikey';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import * as vc from '@digitalbazaar/vc';
import { OB_CONTEXT, VC_CONTEXT } from '@skillpass/credentials';
import { contextsFromPackages } from '@skillpass/credentials/testing/contexts';
import { CredentialService } from '@skillpass/services';
import { createRepositories, CursorCodec } from '@skillpass/store';
import { beforeAll, describe, expect, it } from 'vitest';
import { freshTable } from './harness.ts';

const ACADEMY = 'did:web:academy.example';
const contexts = contextsFromPackages();
const documentLoader = async (url: string) => {
  const document = contexts.get(url);
  if (!document) throw new Error(`the test issuer does not load ${url}`);
  return { contextUrl: null, documentUrl: url, document };
};

/** What both Multikey libraries' key pairs offer: enough to name the key and sign with it. */
type KeyPair = Pick<
  Awaited<ReturnType<typeof Ed25519Multikey.generate>>,
  'id' | 'controller' | 'publicKeyMultibase' | 'signer'
>;
let didKeyIssuer: { did: string; ed: KeyPair; ec: KeyPair };
let academy: { ed: KeyPair; ec: KeyPair; authenticationOnly: KeyPair };
let verifier: CredentialService;
let fetched: string[];

beforeAll(async () => {
  const ed = await Ed25519Multikey.generate();
  const did = `did:key:${ed.publicKeyMultibase}`;
  ed.id = `${did}#${ed.publicKeyMultibase}`;
  ed.controller = did;
  // A did:key names one key; the P-256 key is another did:key, trusted separately below.
  const ec = await EcdsaMultikey.generate({ curve: 'P-256' });
  const ecDid = `did:key:${ec.publicKeyMultibase}`;
  ec.id = `${ecDid}#${ec.publicKeyMultibase}`;
  ec.controller = ecDid;
  didKeyIssuer = { did, ed, ec };
  academy = {
    ed: await Ed25519Multikey.generate({ id: `${ACADEMY}#ed-1`, controller: ACADEMY }),
    ec: await EcdsaMultikey.generate({ curve: 'P-256', id: `${ACADEMY}#ec-1`, controller: ACADEMY }),
    authenticationOnly: await Ed25519Multikey.generate({ id: `${ACADEMY}#login-1`, controller: ACADEMY }),
  };
  const method = (key: KeyPair) => ({
    id: key.id,
    type: 'Multikey',
    controller: ACADEMY,
    publicKeyMultibase: key.publicKeyMultibase,
  });
  const didDocument = {
    '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
    id: ACADEMY,
    verificationMethod: [method(academy.ed), method(academy.ec), method(academy.authenticationOnly)],
    assertionMethod: [academy.ed.id, academy.ec.id],
    authentication: [academy.authenticationOnly.id],
  };
  fetched = [];
  const repositories = createRepositories(await freshTable(), new CursorCodec('trusted-did-issuers-secret'));
  verifier = new CredentialService({
    ...repositories,
    signer: { alg: 'ES256', kid: 'https://verifier.example/keys/k1', sign: async () => new Uint8Array(64) },
    publishedKeys: async () => [],
    origin: 'https://verifier.example',
    skillLabel: () => 'battery safety',
    externalIssuers: [
      { id: did, name: 'Key Academy' },
      { id: ecDid, name: 'Key Academy (P-256)' },
      { id: ACADEMY, name: 'Web Academy' },
    ],
    fetch: async (url) => {
      fetched.push(String(url));
      return String(url) === 'https://academy.example/.well-known/did.json'
        ? new Response(JSON.stringify(didDocument))
        : new Response('not found', { status: 404 });
    },
  });
});

/** An Open Badges 3.0 achievement credential, as another platform issues it. */
const credentialFrom = (issuer: string) => ({
  '@context': [VC_CONTEXT, OB_CONTEXT],
  id: `urn:uuid:${crypto.randomUUID()}`,
  type: ['VerifiableCredential', 'AchievementCredential'],
  issuer: { id: issuer, type: ['Profile'], name: 'Academy' },
  validFrom: '2026-01-01T00:00:00Z',
  credentialSubject: {
    id: 'urn:learner:42',
    type: ['AchievementSubject'],
    achievement: {
      id: 'https://academy.example/achievements/1',
      type: ['Achievement'],
      name: 'Battery safety',
      description: 'Handles battery packs safely.',
      criteria: { narrative: 'Passed the practical exam.' },
    },
  },
});

const issueWith = (key: KeyPair, cryptosuite: typeof eddsaRdfc2022, issuer: string) =>
  vc.issue({
    credential: credentialFrom(issuer),
    suite: new DataIntegrityProof({ cryptosuite, signer: key.signer() }),
    documentLoader,
  });

describe('Data Integrity credentials the digitalbazaar libraries issue, from issuers on the trust list', () => {
  it('verifies eddsa-rdfc-2022 and ecdsa-rdfc-2019 credentials from a did:key issuer', async () => {
    for (const [key, suite] of [
      [didKeyIssuer.ed, eddsaRdfc2022],
      [didKeyIssuer.ec, ecdsaRdfc2019],
    ] as const) {
      const report = await verifier.verify(await issueWith(key, suite, key.controller));
      expect(report.checks.signature, suite.name).toEqual({
        result: 'passed',
        message: `${suite.name} proof is valid.`,
      });
      expect(report.checks.issuerTrusted.result).toBe('passed');
      expect(report.verified).toBe(true);
    }
  });

  it('verifies eddsa-rdfc-2022 and ecdsa-rdfc-2019 credentials from a did:web issuer, with keys from its DID document', async () => {
    for (const [key, suite] of [
      [academy.ed, eddsaRdfc2022],
      [academy.ec, ecdsaRdfc2019],
    ] as const) {
      const signed = await issueWith(key, suite, ACADEMY);
      const report = await verifier.verify(signed);
      expect(report.checks.signature, suite.name).toEqual({
        result: 'passed',
        message: `${suite.name} proof is valid.`,
      });
      expect(report.checks.issuerTrusted).toEqual({ result: 'passed', message: 'Web Academy is trusted.' });
      expect(report.verified).toBe(true);
      const altered = await verifier.verify({ ...signed, validFrom: '2026-02-01T00:00:00Z' });
      expect(altered.checks.signature.result).toBe('failed');
    }
    expect(fetched).toEqual(['https://academy.example/.well-known/did.json']);
  });

  it('refuses a did:web credential signed with a key its DID document lists only for authentication', async () => {
    const report = await verifier.verify(await issueWith(academy.authenticationOnly, eddsaRdfc2022, ACADEMY));
    expect(report.checks.keyResolution).toEqual({
      result: 'failed',
      message: `${academy.authenticationOnly.id} is not one of Web Academy's keys.`,
    });
    expect(report.verified).toBe(false);
  });

  it('does not trust a did:key issuer that is not on the list, though its proof holds', async () => {
    const stranger = await Ed25519Multikey.generate();
    const did = `did:key:${stranger.publicKeyMultibase}`;
    stranger.id = `${did}#${stranger.publicKeyMultibase}`;
    stranger.controller = did;
    const report = await verifier.verify(await issueWith(stranger, eddsaRdfc2022, did));
    expect(report.checks.signature.result).toBe('passed');
    expect(report.checks.issuerTrusted.result).toBe('failed');
    expect(report.verified).toBe(false);
  });
});
