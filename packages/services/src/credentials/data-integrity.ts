import type { Signer } from '@skillpass/credentials';
import type { CredentialServiceDeps } from './deps.ts';

/**
 * The Data Integrity securing of what the platform signs: the same credential as the vc+jwt, with
 * embedded proofs — `eddsa-rdfc-2022` from the Ed25519 key, `ecdsa-rdfc-2019` from the P-256 key.
 * A proof's verification method is `<issuer id>#<key id>`: the issuer id serves the issuer's
 * Profile, which is also its controller document listing those Multikey methods (documents.ts).
 * The JSON-LD libraries are imported on first use, so no other path loads them.
 */

/** The last segment of a key URL (`<origin>/keys/k1-ed25519` → `k1-ed25519`). */
export const keyIdOf = (kid: string) => kid.slice(kid.lastIndexOf('/') + 1);

/** The verification method an issuer's proofs name for one of the platform's keys. */
export const verificationMethodOf = (issuerId: string, kid: string) => `${issuerId}#${keyIdOf(kid)}`;

/** The JWT claims the vc+jwt adds to the credential; the Data Integrity form is the credential without them. */
const JWT_CLAIMS = ['iss', 'jti', 'sub', 'nbf', 'iat', 'exp'];

const proofAlgorithm = (signer: Signer) =>
  signer.alg === 'EdDSA' ? ('Ed25519' as const) : signer.alg === 'ES256' ? ('P-256' as const) : undefined;

/** The proofs (one per proof signer) that secure `credential` as issued by `issuerId`; none without proof signers. */
export async function dataIntegrityProofs(
  { proofSigners }: Pick<CredentialServiceDeps, 'proofSigners'>,
  credential: Record<string, unknown>,
  issuerId: string,
  now: Date,
): Promise<Array<Record<string, unknown>>> {
  const keys = (proofSigners ?? []).flatMap((signer) => {
    const algorithm = proofAlgorithm(signer);
    return algorithm
      ? [
          {
            verificationMethod: verificationMethodOf(issuerId, signer.kid),
            algorithm,
            sign: (data: Uint8Array) => signer.sign(data),
          },
        ]
      : [];
  });
  if (keys.length === 0) return [];
  const { addDataIntegrityProofs } = await import('@skillpass/credentials/data-integrity');
  const secured = await addDataIntegrityProofs({ ...credential }, keys, now);
  return Array.isArray(secured.proof) ? secured.proof : [secured.proof as Record<string, unknown>];
}

/** A credential secured with its stored proofs: a single proof as an object, several as a proof set. */
export function withProofs(credential: Record<string, unknown>, proofs: ReadonlyArray<Record<string, unknown>>) {
  return { ...credential, proof: proofs.length === 1 ? proofs[0] : [...proofs] };
}

/** The credential a vc+jwt secures: its payload without the JWT claims. */
export function credentialOfJwt(jwt: string): Record<string, unknown> {
  const payload = JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<
    string,
    unknown
  >;
  for (const claim of JWT_CLAIMS) delete payload[claim];
  return payload;
}
