import type { Signer } from './signer.ts';

const b64 = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64url');

/** Claims the VC-JOSE-COSE profile derives from the credential itself, so the two never disagree. */
export function jwtClaimsOf(
  credential: {
    id: string;
    issuer: { id: string } | string;
    credentialSubject: { id?: string };
    validFrom?: string;
    validUntil?: string;
  },
  now: Date,
) {
  const seconds = (iso: string) => Math.floor(Date.parse(iso) / 1000);
  return {
    iss: typeof credential.issuer === 'string' ? credential.issuer : credential.issuer.id,
    jti: credential.id,
    ...(credential.credentialSubject.id ? { sub: credential.credentialSubject.id } : {}),
    ...(credential.validFrom ? { nbf: seconds(credential.validFrom) } : {}),
    iat: Math.floor(now.getTime() / 1000),
    ...(credential.validUntil ? { exp: seconds(credential.validUntil) } : {}),
  };
}

/**
 * Secures any payload as a compact JWS with `typ` (vc+jwt for credentials). Built by hand rather
 * than with jose's signer because the key may live in KMS.
 */
export async function signCompactJws(payload: object, signer: Signer, typ: string): Promise<string> {
  const header = { alg: signer.alg, typ, kid: signer.kid };
  const signingInput = `${b64(JSON.stringify(header))}.${b64(JSON.stringify(payload))}`;
  const signature = await signer.sign(new TextEncoder().encode(signingInput));
  return `${signingInput}.${b64(signature)}`;
}

export async function signCredential(
  credential: {
    id: string;
    issuer: { id: string };
    credentialSubject: { id?: string };
    validFrom?: string;
    validUntil?: string;
  },
  signer: Signer,
  now: Date,
): Promise<string> {
  return signCompactJws({ ...credential, ...jwtClaimsOf(credential, now) }, signer, 'vc+jwt');
}
