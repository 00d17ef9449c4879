import { readFileSync } from 'node:fs';
import type { JWK } from 'jose';
import * as z from 'zod/mini';
import { builtOnFirstUse } from '@skillpass/domain';

const jwkSchema = builtOnFirstUse(() => z.looseObject({ kty: z.string(), kid: z.optional(z.string()) }));

/**
 * One issuer outside the platform whose credentials verifiers here accept: its keys given as a
 * JWKS, or — for a `did:web` issuer — read from its DID document, or — for a `did:key` issuer — the
 * one key its DID is.
 */
export const externalIssuerSchema = builtOnFirstUse(() =>
  z
    .strictObject({
      id: z.string().check(z.minLength(1), z.maxLength(500)),
      name: z.string().check(z.minLength(1), z.maxLength(300)),
      jwks: z.optional(z.strictObject({ keys: z.array(jwkSchema()).check(z.minLength(1), z.maxLength(50)) })),
      accreditedUntil: z.optional(z.iso.date()),
    })
    .check(
      z.refine(
        (issuer) => issuer.jwks !== undefined || issuer.id.startsWith('did:web:') || issuer.id.startsWith('did:key:'),
        { message: 'give jwks, or a did:web id whose DID document lists the keys, or a did:key id' },
      ),
    ),
);

export type ExternalIssuer = Omit<z.infer<ReturnType<typeof externalIssuerSchema>>, 'jwks'> & {
  jwks?: { keys: JWK[] };
};

/** Reads a trust list file (`TRUSTED_ISSUERS_FILE`): a JSON array of external issuers, refused whole if any entry is wrong. */
export function loadTrustList(file: string): ExternalIssuer[] {
  const parsed = z.array(externalIssuerSchema()).safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(list)'}: ${issue.message}`);
    throw new Error(`${file} is not a valid trust list: ${problems.join('; ')}`);
  }
  return parsed.data as ExternalIssuer[];
}
