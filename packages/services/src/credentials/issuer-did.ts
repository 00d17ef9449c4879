import { didWebDocument, didWebOf } from '@skillpass/credentials';
import type { CredentialServiceDeps } from './deps.ts';
import { issuerUrl, PLATFORM_ISSUER_ID, RESERVED_ISSUER_IDS } from './links.ts';

/**
 * A hosted issuer's own did:web DID: `did:web:<host>:issuers:<id>`, whose document did:web resolvers fetch from
 * `https://<host>/issuers/<id>/did.json` (the method's URL transformation). The id is percent-encoded, so an id
 * with a colon stays one path segment.
 */
export const issuerDidOf = (origin: string, issuerId: string) =>
  `${didWebOf(origin)}:issuers:${encodeURIComponent(issuerId)}`;

/**
 * The DID document of a hosted issuer (or of the platform, issuer of the status lists): the platform's published
 * keys, which sign on the issuer's behalf, as Multikey (and JsonWebKey2020) verification and assertion methods,
 * and the issuer's https id as `alsoKnownAs`. Undefined for an issuer that is not registered.
 */
export async function issuerDidDocument(
  { issuers, origin, publishedKeys }: Pick<CredentialServiceDeps, 'issuers' | 'origin' | 'publishedKeys'>,
  issuerId: string,
) {
  const known =
    issuerId === PLATFORM_ISSUER_ID || (!RESERVED_ISSUER_IDS.includes(issuerId) && (await issuers.get(issuerId)));
  if (!known) return undefined;
  return {
    ...didWebDocument(issuerDidOf(origin, issuerId), await publishedKeys()),
    alsoKnownAs: [issuerUrl(origin, issuerId)],
  };
}
