import {
  achievementOf,
  didWebDocument,
  didWebOf,
  type IssuerProfile,
  OB_CONTEXT,
  profileOf,
  VC_CONTEXT,
} from '@skillpass/credentials';
import type { Issuer } from '@skillpass/domain';
import type { JWK } from 'jose';
import type { CredentialServiceDeps } from './deps.ts';
import { issuerUrl, keyUrl, templateUrl } from './links.ts';

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

/** What a credential's issuer id resolves to: the issuer's Open Badges Profile. */
export async function issuerDocument(
  { issuers, origin }: Pick<CredentialServiceDeps, 'issuers' | 'origin'>,
  issuerId: string,
) {
  const issuer = await issuers.get(issuerId);
  return issuer ? { '@context': [VC_CONTEXT, OB_CONTEXT], ...profileOf(issuerProfileOf(origin, issuer)) } : undefined;
}

/** What a credential's achievement id resolves to: the template as an Open Badges Achievement. */
export async function achievementDocument(
  { issuers, origin, skillLabel }: Pick<CredentialServiceDeps, 'issuers' | 'origin' | 'skillLabel'>,
  templateId: string,
) {
  const template = await issuers.getTemplate(templateId);
  return template
    ? { '@context': [VC_CONTEXT, OB_CONTEXT], ...achievementOf(template, templateUrl(origin, templateId), skillLabel) }
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
