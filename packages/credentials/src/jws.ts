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

/** Encoded protected headers by signer and typ: a signer's header never changes, so it is encoded once. */
const encodedHeaders = new Map<string, string>();
function encodedHeader(signer: Signer, typ: string): string {
  const key = `${signer.alg} ${typ} ${signer.kid}`;
  let header = encodedHeaders.get(key);
  if (header === undefined) {
    header = b64(JSON.stringify({ alg: signer.alg, typ, kid: signer.kid }));
    if (encodedHeaders.size > 100) encodedHeaders.clear();
    encodedHeaders.set(key, header);
  }
  return header;
}

/**
 * Secures any payload as a compact JWS with `typ` (vc+jwt for credentials). Built by hand rather
 * than with jose's signer because the key may live in KMS.
 */
export async function signCompactJws(payload: object, signer: Signer, typ: string): Promise<string> {
  return signSerialized(JSON.stringify(payload), signer, typ);
}

async function signSerialized(payloadJson: string, signer: Signer, typ: string): Promise<string> {
  const signingInput = `${encodedHeader(signer, typ)}.${b64(payloadJson)}`;
  // The signing input is base64url, so ASCII: latin1 copies it byte for byte without a UTF-8 encoder.
  const signature = await signer.sign(Buffer.from(signingInput, 'latin1'));
  return `${signingInput}.${b64(signature)}`;
}

export async function signCredential(
  credential: {
    id: string;
    issuer: { id: string } | string;
    credentialSubject: { id?: string };
    validFrom?: string;
    validUntil?: string;
  },
  signer: Signer,
  now: Date,
): Promise<string> {
  // The claims are spliced in front of the serialised credential rather than spread into a copy of it:
  // copying a whole credential per signature cost about as much as the serialisation (bench:credentials).
  const claims = jwtClaimsOf(credential, now);
  if (Object.keys(claims).some((name) => name in credential)) {
    return signCompactJws({ ...credential, ...claims }, signer, 'vc+jwt');
  }
  return signSerialized(
    `${JSON.stringify(claims).slice(0, -1)},${JSON.stringify(credential).slice(1)}`,
    signer,
    'vc+jwt',
  );
}
