import {
  multikeyMethod,
  achievementOf,
  didWebDocument,
  didWebOf,
  EU_ELEMENTS_CONTEXT,
  type IssuerProfile,
  OB_CONTEXT,
  profileOf,
  VC_CONTEXT,
} from '@skillpass/credentials';
import type { Issuer } from '@skillpass/domain';
import type { JWK } from 'jose';
import type { CredentialServiceDeps } from './deps.ts';
import { verificationMethodOf } from './data-integrity.ts';
import { issuerUrl, keyUrl, PLATFORM_ISSUER_ID, templateUrl } from './links.ts';

/**
 * The public documents a credential's ids resolve to: issuer profiles, achievements, the platform's
 * DID document and its keys. A verifier follows them; none needs a login.
 */

/** A hosted issuer as a credential names it: by the URL of its public profile. */
export function issuerProfileOf(origin: string, issuer: Issuer): IssuerProfile {
  return {
    id: issuerUrl(origin, issuer.issuerId),
    name: issuer.legalName.en,
    ...(issuer.legalName.zh ? { nameZh: issuer.legalName.zh } : {}),
    country: issuer.country,
    region: issuer.region,
  };
}

/**
 * What a credential's issuer id resolves to: the issuer's Open Badges Profile, which is also its
 * controller document — the Multikey verification methods its Data Integrity proofs name (the
 * platform's keys, current and retired, at `<issuer id>#<key id>`), listed under `assertionMethod`.
 * The DID context comes first so that a verifier reads the methods without JSON-LD framing. The
 * platform's own id (the issuer of its status lists) resolves to such a document too.
 */
export async function issuerDocument(
  { issuers, origin, publishedKeys }: Pick<CredentialServiceDeps, 'issuers' | 'origin' | 'publishedKeys'>,
  issuerId: string,
) {
  const issuer = await issuers.get(issuerId);
  const profile =
    issuerId === PLATFORM_ISSUER_ID
      ? { id: issuerUrl(origin, issuerId), type: ['Profile'], name: 'skillpass' }
      : issuer && profileOf(issuerProfileOf(origin, issuer));
  if (!profile) return undefined;
  const methods = (await publishedKeys()).flatMap((jwk) => {
    const method = jwk.kid && multikeyMethod(verificationMethodOf(profile.id, jwk.kid), profile.id, jwk);
    return method ? [method] : [];
  });
  return {
    '@context': [DID_CONTEXT, MULTIKEY_CONTEXT, VC_CONTEXT, OB_CONTEXT],
    ...profile,
    verificationMethod: methods,
    assertionMethod: methods.map((m) => m.id),
  };
}

const DID_CONTEXT = 'https://www.w3.org/ns/did/v1';
const MULTIKEY_CONTEXT = 'https://w3id.org/security/multikey/v1';

/** What a credential's achievement id resolves to: the template as an Open Badges Achievement. */
export async function achievementDocument(
  { issuers, origin, skillLabel }: Pick<CredentialServiceDeps, 'issuers' | 'origin' | 'skillLabel'>,
  templateId: string,
) {
  const template = await issuers.getTemplate(templateId);
  return template
    ? {
        // The EU elements' inline context too: the Achievement carries euMicroCredential.
        '@context': [VC_CONTEXT, OB_CONTEXT, EU_ELEMENTS_CONTEXT],
        ...achievementOf(template, templateUrl(origin, templateId), skillLabel),
      }
    : undefined;
}

/** The platform's did:web document (served at /.well-known/did.json), naming every published key. */
export async function platformDidDocument({
  origin,
  publishedKeys,
}: Pick<CredentialServiceDeps, 'origin' | 'publishedKeys'>) {
  return didWebDocument(didWebOf(origin), await publishedKeys());
}

/** One published key by the last segment of its `kid` URL: what a credential's `kid` resolves to. */
export async function publishedKey(
  { origin, publishedKeys }: Pick<CredentialServiceDeps, 'origin' | 'publishedKeys'>,
  keyId: string,
): Promise<JWK | undefined> {
  return (await publishedKeys()).find((k) => k.kid === keyUrl(origin, keyId));
}
