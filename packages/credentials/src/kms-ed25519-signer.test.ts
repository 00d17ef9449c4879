import { createPublicKey, generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { GetPublicKeyCommand, type KMSClient, type SignCommand } from '@aws-sdk/client-kms';
import { compactVerify, type JWK } from 'jose';
import { describe, expect, it } from 'vitest';
import { VC_CONTEXT } from './credential.ts';
import { addDataIntegrityProofs, verifyDataIntegrityProofs } from './data-integrity/json-ld.ts';
import { signCompactJws } from './jws.ts';
import { kmsSigner } from './signer.ts';

const KEY_ARN = 'arn:aws:kms:eu-central-1:123456789012:key/0f0e0d0c-ed25-4519-8000-000000000001';

/**
 * A fake of the AWS KMS API for one ECC_NIST_EDWARDS25519 key, built on node:crypto: it answers Sign and
 * GetPublicKey as KMS documents them (ED25519_SHA_512 needs MessageType RAW, at most 4,096 bytes, and returns
 * the raw 64-byte signature), so the adapter is tested against the API's contract, not against our own code.
 */
function fakeKms(privateKey: KeyObject) {
  const calls: Array<Record<string, unknown>> = [];
  const client = {
    async send(command: SignCommand | GetPublicKeyCommand) {
      const input = command.input as unknown as Record<string, unknown>;
      calls.push(input);
      if (input.KeyId !== KEY_ARN) throw Object.assign(new Error('key not found'), { name: 'NotFoundException' });
      if (command instanceof GetPublicKeyCommand) {
        return {
          KeyId: KEY_ARN,
          KeySpec: 'ECC_NIST_EDWARDS25519',
          KeyUsage: 'SIGN_VERIFY',
          SigningAlgorithms: ['ED25519_SHA_512', 'ED25519_PH_SHA_512'],
          PublicKey: createPublicKey(privateKey).export({ format: 'der', type: 'spki' }),
        };
      }
      const message = input.Message as Uint8Array;
      if (input.SigningAlgorithm !== 'ED25519_SHA_512' || input.MessageType !== 'RAW' || message.length > 4096) {
        throw Object.assign(new Error('invalid signing request'), { name: 'ValidationException' });
      }
      return {
        KeyId: KEY_ARN,
        SigningAlgorithm: 'ED25519_SHA_512',
        Signature: new Uint8Array(sign(null, message, privateKey)),
      };
    },
  };
  return { client: client as unknown as KMSClient, calls };
}

const keyPair = () => generateKeyPairSync('ed25519');

describe('the KMS Ed25519 signer (ECC_NIST_EDWARDS25519)', () => {
  it('signs an EdDSA JWS with KMS that verifies with the public key KMS hands out', async () => {
    const { privateKey } = keyPair();
    const kms = fakeKms(privateKey);
    const signer = kmsSigner({
      client: async () => kms.client,
      keyId: KEY_ARN,
      kid: 'https://sp.example/keys/g1-ed25519',
      alg: 'EdDSA',
    });
    expect(signer.alg).toBe('EdDSA');
    const jws = await signCompactJws({ hello: 'wallet' }, signer, 'JWT');
    const publicKey = createPublicKey({
      key: Buffer.from((await kms.client.send(new GetPublicKeyCommand({ KeyId: KEY_ARN }))).PublicKey!),
      format: 'der',
      type: 'spki',
    });
    const { protectedHeader, payload } = await compactVerify(jws, publicKey);
    expect(protectedHeader).toEqual({ alg: 'EdDSA', typ: 'JWT', kid: 'https://sp.example/keys/g1-ed25519' });
    expect(JSON.parse(Buffer.from(payload).toString())).toEqual({ hello: 'wallet' });
    expect(kms.calls[0]).toMatchObject({ KeyId: KEY_ARN, SigningAlgorithm: 'ED25519_SHA_512', MessageType: 'RAW' });
  });

  it('makes an eddsa-rdfc-2022 proof through KMS that the Data Integrity verifier accepts, and a tampered one it refuses', async () => {
    const { privateKey } = keyPair();
    const kms = fakeKms(privateKey);
    const signer = kmsSigner({
      client: async () => kms.client,
      keyId: KEY_ARN,
      kid: 'https://sp.example/keys/g1-ed25519',
      alg: 'EdDSA',
    });
    const issuer = 'https://sp.example/issuers/acme';
    const method = `${issuer}#g1-ed25519`;
    const credential = {
      '@context': [VC_CONTEXT],
      type: ['VerifiableCredential'],
      issuer,
      credentialSubject: { id: 'did:example:learner', name: 'Wang Li' },
    };
    const secured = await addDataIntegrityProofs(
      credential,
      [{ verificationMethod: method, algorithm: 'Ed25519', sign: (data) => signer.sign(data) }],
      new Date('2026-12-01T00:00:00Z'),
    );
    expect(secured.proof).toMatchObject({ type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022' });
    const publicJwk = createPublicKey(privateKey).export({ format: 'jwk' }) as JWK;
    const check = (document: Record<string, unknown>) =>
      verifyDataIntegrityProofs(document, {
        controller: issuer,
        assertionMethods: [method],
        keyOf: async (id) => (id === method ? publicJwk : undefined),
      });
    expect(await check(secured)).toMatchObject({ verified: true });
    const tampered = { ...secured, credentialSubject: { id: 'did:example:learner', name: 'Someone Else' } };
    expect((await check(tampered)).verified).toBe(false);
    // Signed by KMS: the proof's 64 bytes came from the Sign call, over the 64-byte hash data eddsa-rdfc-2022 signs.
    const signCall = kms.calls.find((call) => call.SigningAlgorithm);
    expect((signCall!.Message as Uint8Array).length).toBe(64);
  });

  it('passes a KMS refusal on rather than signing anything else', async () => {
    const kms = fakeKms(keyPair().privateKey);
    const signer = kmsSigner({ client: async () => kms.client, keyId: 'alias/not-this-key', kid: 'k', alg: 'EdDSA' });
    await expect(signer.sign(new Uint8Array(8))).rejects.toThrow('key not found');
  });
});
