/**
 * Ed25519Signature2020 (the proof the DCC wallets and many Open Badges 3.0 issuers still make), issued by the
 * digitalbazaar library from a did:key and verified by skillpass's verifier.
 */
import { Ed25519Signature2020 } from '@digitalbazaar/ed25519-signature-2020';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import * as vc from '@digitalbazaar/vc';
import { describe, expect, it } from 'vitest';
import { VC_CONTEXT } from '../credential.ts';
import type { VerifyDeps } from '../verify.ts';
import { contextsFromPackages } from './context-sources.test-support.ts';
import { verifySecuredCredential } from './verify-credential.ts';

const contexts = contextsFromPackages();
const loader = async (url: string) => {
  const document = contexts.get(url);
  if (!document) throw new Error(`the test issuer does not load ${url}`);
  return { contextUrl: null, documentUrl: url, document };
};

describe('Ed25519Signature2020 credentials from others', () => {
  it('verifies one the digitalbazaar library issues from a did:key, and fails it once altered', async () => {
    const key = await Ed25519Multikey.generate();
    const did = `did:key:${key.publicKeyMultibase}`;
    key.id = `${did}#${key.publicKeyMultibase}`;
    key.controller = did;
    const signed = await vc.issue({
      credential: {
        '@context': [VC_CONTEXT, 'https://w3id.org/security/suites/ed25519-2020/v1'],
        type: ['VerifiableCredential'],
        issuer: did,
        validFrom: '2026-01-01T00:00:00Z',
        credentialSubject: { id: 'urn:learner:1', name: 'Li Wei' },
      },
      suite: new Ed25519Signature2020({ signer: key.signer() }),
      documentLoader: loader,
    });
    expect((signed.proof as { type: string }).type).toBe('Ed25519Signature2020');
    const deps: VerifyDeps = {
      resolveKey: async () => undefined,
      issuer: async (id) => (id === did ? { id, name: 'Another platform', keyIds: [key.id] } : undefined),
      statusOf: async () => 'unset',
    };
    const report = await verifySecuredCredential(signed, deps, new Date('2026-06-01T00:00:00Z'));
    expect(report.checks.signature).toEqual({ result: 'passed', message: 'Ed25519Signature2020 proof is valid.' });
    expect(report.verified).toBe(true);

    const altered = { ...signed, credentialSubject: { id: 'urn:learner:2', name: 'Li Wei' } };
    const tampered = await verifySecuredCredential(altered, deps, new Date('2026-06-01T00:00:00Z'));
    expect(tampered.checks.signature.result).toBe('failed');
    expect(tampered.verified).toBe(false);
  });
});
