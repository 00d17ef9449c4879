import { type VerificationReport, type VerifyDeps, type VerifyOptions, verifyCredential } from '../verify.ts';

/** A credential secured with an embedded proof (Data Integrity), as opposed to a JWS or its envelope. */
export function isDataIntegrityCredential(input: unknown): input is Record<string, unknown> {
  return (
    !!input &&
    typeof input === 'object' &&
    !Array.isArray(input) &&
    'proof' in input &&
    !('jwt' in input) &&
    '@context' in input
  );
}

/** The issuer's id of a credential: `issuer` as a string, or its `id`. */
export function issuerIdOf(document: Record<string, unknown>): string | undefined {
  const issuer = document.issuer;
  const id = typeof issuer === 'string' ? issuer : (issuer as { id?: unknown } | undefined)?.id;
  return typeof id === 'string' ? id : undefined;
}

/**
 * Verifies a credential of either securing: an embedded Data Integrity proof, or vc+jwt (a compact
 * JWS, `{ "jwt" }`, or an EnvelopedVerifiableCredential). The one entry point of every verifier here.
 */
export function verifySecuredCredential(
  input: unknown,
  deps: VerifyDeps,
  now: Date = new Date(),
  options: VerifyOptions = {},
): Promise<VerificationReport> {
  return isDataIntegrityCredential(input)
    ? // The JSON-LD libraries load here, on the first Data Integrity credential only.
      import('@skillpass/credentials/data-integrity').then((di) =>
        di.verifyDataIntegrityCredential(input, deps, now, options),
      )
    : verifyCredential(input, deps, now, options);
}
