import { createPrivateKey, createPublicKey, type KeyObject, generateKeyPairSync, sign as nodeSign } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { KMSClient } from '@aws-sdk/client-kms';
import type { JWK } from 'jose';

export type SigningAlgorithm = 'ES256' | 'EdDSA';
/** What verifiers here accept; the platform itself signs with ES256 or EdDSA, issuers' own keys (CLI) may use the others. */
export type JwsAlgorithm = SigningAlgorithm | 'ES384' | 'ES512';

/** Signs a JWS signing input. Local keys and KMS implement it; the private key never leaves either. */
export interface Signer {
  alg: JwsAlgorithm;
  /** Absolute URL that resolves to the public key as a bare JWK. */
  kid: string;
  sign(signingInput: Uint8Array): Promise<Uint8Array>;
}

/** A signer whose key is on this machine, so its public half is known without asking anyone. */
export interface LocalSigner extends Signer {
  publicJwk: JWK;
}

const publicJwkOf = (key: KeyObject, alg: SigningAlgorithm, kid: string): JWK => ({
  ...(createPublicKey(key).export({ format: 'jwk' }) as JWK),
  alg,
  use: 'sig',
  kid,
});

/** A signing key kept in a 0600 file under `dir`, generated on first use. */
export function loadOrCreateLocalSigner(
  dir: string,
  options: { alg: SigningAlgorithm; keyId: string; kidBaseUrl: string },
): LocalSigner {
  const file = resolve(dir, `${options.keyId}.private.jwk.json`);
  let privateKey: KeyObject;
  if (existsSync(file)) {
    privateKey = createPrivateKey({ key: JSON.parse(readFileSync(file, 'utf8')) as JWK, format: 'jwk' });
  } else {
    const pair =
      options.alg === 'ES256' ? generateKeyPairSync('ec', { namedCurve: 'P-256' }) : generateKeyPairSync('ed25519');
    privateKey = pair.privateKey;
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeFileSync(file, JSON.stringify(privateKey.export({ format: 'jwk' })), { mode: 0o600 });
    chmodSync(file, 0o600);
  }
  const kid = `${options.kidBaseUrl}/${options.keyId}`;
  return {
    alg: options.alg,
    kid,
    publicJwk: publicJwkOf(privateKey, options.alg, kid),
    async sign(signingInput) {
      return options.alg === 'ES256'
        ? nodeSign('sha256', signingInput, { key: privateKey, dsaEncoding: 'ieee-p1363' })
        : nodeSign(null, signingInput, privateKey);
    },
  };
}

/** The Ed25519 key that goes with a generation's ES256 key (`k1` → `k1-ed25519`): it signs eddsa-rdfc-2022 proofs. */
export const ed25519KeyIdOf = (keyId: string) => `${keyId}-ed25519`;

/**
 * The local key ring: the current ES256 signer and its Ed25519 companion (both created if new),
 * plus the public halves of every other key in `dir`. Rotating = starting with a new
 * `currentKeyId`; retired keys stay published so the credentials they signed keep verifying.
 */
export function loadLocalKeyRing(
  dir: string,
  options: { currentKeyId: string; kidBaseUrl: string },
): { signer: LocalSigner; ed25519Signer: LocalSigner; publishedKeys: JWK[] } {
  const signer = loadOrCreateLocalSigner(dir, {
    alg: 'ES256',
    keyId: options.currentKeyId,
    kidBaseUrl: options.kidBaseUrl,
  });
  const ed25519Signer = loadOrCreateLocalSigner(dir, {
    alg: 'EdDSA',
    keyId: ed25519KeyIdOf(options.currentKeyId),
    kidBaseUrl: options.kidBaseUrl,
  });
  const current = [options.currentKeyId, ed25519KeyIdOf(options.currentKeyId)].map((id) => `${id}.private.jwk.json`);
  const retired = readdirSync(dir)
    .filter((file) => file.endsWith('.private.jwk.json') && !current.includes(file))
    .sort()
    .map((file) => {
      const keyId = file.slice(0, -'.private.jwk.json'.length);
      const key = createPrivateKey({ key: JSON.parse(readFileSync(resolve(dir, file), 'utf8')) as JWK, format: 'jwk' });
      return publicJwkOf(
        key,
        key.asymmetricKeyType === 'ed25519' ? 'EdDSA' : 'ES256',
        `${options.kidBaseUrl}/${keyId}`,
      );
    });
  return { signer, ed25519Signer, publishedKeys: [signer.publicJwk, ed25519Signer.publicJwk, ...retired] };
}

/** KMS returns ECDSA signatures DER-encoded; JWS wants the raw 64-byte r‖s. */
export function derToJoseEs256(der: Uint8Array): Uint8Array {
  let offset = 2;
  if (der[1]! & 0x80) offset += der[1]! & 0x7f;
  const readInteger = () => {
    if (der[offset] !== 0x02) throw new Error('not a DER ECDSA signature');
    const length = der[offset + 1]!;
    const value = der.slice(offset + 2, offset + 2 + length);
    offset += 2 + length;
    const trimmed = value[0] === 0 ? value.slice(1) : value;
    if (trimmed.length > 32) throw new Error('ECDSA integer longer than 32 bytes');
    const out = new Uint8Array(32);
    out.set(trimmed, 32 - trimmed.length);
    return out;
  };
  const r = readInteger();
  const s = readInteger();
  const jose = new Uint8Array(64);
  jose.set(r, 0);
  jose.set(s, 32);
  return jose;
}

/**
 * Signs with an AWS KMS asymmetric SIGN_VERIFY key — ECC_NIST_P256 (ES256, the default) or
 * ECC_NIST_EDWARDS25519 (EdDSA: pure Ed25519, ED25519_SHA_512 over the raw message): the private key
 * never leaves KMS.
 */
export function kmsSigner(options: {
  client: () => Promise<KMSClient>;
  keyId: string;
  kid: string;
  alg?: SigningAlgorithm;
}): Signer {
  const eddsa = options.alg === 'EdDSA';
  return {
    alg: eddsa ? 'EdDSA' : 'ES256',
    kid: options.kid,
    async sign(signingInput) {
      // Loaded on the first signature: processes that never sign never load the KMS client.
      const [client, { SignCommand }] = await Promise.all([options.client(), import('@aws-sdk/client-kms')]);
      const out = await client.send(
        new SignCommand({
          KeyId: options.keyId,
          Message: signingInput,
          MessageType: 'RAW',
          SigningAlgorithm: eddsa ? 'ED25519_SHA_512' : 'ECDSA_SHA_256',
        }),
      );
      if (!out.Signature) throw new Error('KMS returned no signature');
      // KMS returns Ed25519 signatures raw (64 bytes), ECDSA ones DER-encoded.
      return eddsa ? out.Signature : derToJoseEs256(out.Signature);
    },
  };
}
