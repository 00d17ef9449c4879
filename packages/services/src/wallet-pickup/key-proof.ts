import { didKeyJwk, multikeyOfJwk } from '@skillpass/credentials';
import { decodeProtectedHeader, importJWK, type JWK, jwtVerify } from 'jose';
import { WalletPickupError } from './errors.ts';

/** The key proof type OID4VCI 1.0 defines for JWTs (Appendix F.1). */
export const KEY_PROOF_TYP = 'openid4vci-proof+jwt';
/** What the wallet may sign its key proof with: asymmetric algorithms whose keys did:key can name. */
export const KEY_PROOF_ALGORITHMS = ['ES256', 'ES384', 'EdDSA'];
/** How old a key proof may be (`iat`): the nonce already bounds it; this only refuses a stale clock's proofs. */
const MAX_PROOF_AGE_SECONDS = 300;
const CLOCK_TOLERANCE_SECONDS = 60;

/** A verified key proof: the holder's public key and the did:key DID the credential is bound to. */
export interface HolderKey {
  jwk: JWK;
  did: string;
}

const invalidProof = (why: string) => new WalletPickupError('invalid_proof', why);

/** The holder key a proof's header names: an inline public `jwk`, or a did:key `kid` — exactly one of them. */
function holderJwkOf(header: Record<string, unknown>): JWK {
  if (header.typ !== KEY_PROOF_TYP) throw invalidProof(`The key proof's typ must be ${KEY_PROOF_TYP}.`);
  if (typeof header.alg !== 'string' || !KEY_PROOF_ALGORITHMS.includes(header.alg)) {
    throw invalidProof(`The key proof's alg must be one of ${KEY_PROOF_ALGORITHMS.join(', ')}.`);
  }
  const { jwk, kid } = header as { jwk?: unknown; kid?: unknown };
  if ((jwk === undefined) === (kid === undefined))
    throw invalidProof('The key proof names its key by jwk or kid, one of them.');
  if (jwk !== undefined) {
    if (!jwk || typeof jwk !== 'object' || 'd' in jwk) throw invalidProof('The key proof jwk must be a public key.');
    return jwk as JWK;
  }
  const fromDid = typeof kid === 'string' ? didKeyJwk(kid) : undefined;
  if (!fromDid) throw invalidProof('The key proof kid must be a did:key DID URL (did:key:z…#z…).');
  return fromDid;
}

/**
 * Checks a wallet's `openid4vci-proof+jwt`: its header names a public key it is signed with, its `aud` is this
 * credential issuer, its `iat` is recent, and it carries a `nonce` (the caller then uses the nonce up, once).
 */
export async function verifyKeyProof(
  proofJwt: string,
  issuer: string,
  now: Date,
): Promise<HolderKey & { nonce: string }> {
  let header: Record<string, unknown>;
  try {
    header = decodeProtectedHeader(proofJwt) as Record<string, unknown>;
  } catch {
    throw invalidProof('The key proof is not a JWT.');
  }
  const jwk = holderJwkOf(header);
  const did = multikeyOfJwk(jwk);
  if (!did) throw invalidProof('The key proof key must be an Ed25519, P-256 or P-384 public key.');
  let payload: Record<string, unknown>;
  try {
    const key = await importJWK(jwk, header.alg as string);
    ({ payload } = await jwtVerify(proofJwt, key, {
      typ: KEY_PROOF_TYP,
      algorithms: KEY_PROOF_ALGORITHMS,
      audience: issuer,
      currentDate: now,
      maxTokenAge: MAX_PROOF_AGE_SECONDS,
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      requiredClaims: ['iat'],
    }));
  } catch (error) {
    throw invalidProof(`The key proof does not verify: ${(error as Error).message}.`);
  }
  // jose accepts an iat in the future; a proof from the future is not recent.
  if ((payload.iat as number) > now.getTime() / 1000 + CLOCK_TOLERANCE_SECONDS)
    throw invalidProof('The key proof iat is in the future.');
  if (typeof payload.nonce !== 'string') {
    throw new WalletPickupError('invalid_nonce', 'The key proof carries no nonce: get one from the nonce endpoint.');
  }
  return { jwk, did: `did:key:${did}`, nonce: payload.nonce };
}
