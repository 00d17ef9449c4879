import { DidWebResolver, didKeyJwk, didWebOf, type HolderKeys, type TrustedIssuer } from '@skillpass/credentials';
import type { Issuer } from '@skillpass/domain';
import type { JWK } from 'jose';
import type { CredentialServiceDeps } from './deps.ts';
import { verificationMethodOf } from './data-integrity.ts';
import { keyUrl, RESERVED_ISSUER_IDS } from './links.ts';

const today = (now: Date) => now.toISOString().slice(0, 10);

/** An issuer is trusted while any accreditation is current: accredited in one Delta province is trusted platform-wide. */
export function accreditedUntil(issuer: Issuer, now: Date): string | undefined {
  const current = issuer.accreditation.map((a) => a.validUntil).filter((until) => until >= today(now));
  return current.sort().at(-1);
}

/**
 * The registered id of a hosted issuer named either way: its https id `<origin>/issuers/<id>` (what credentials
 * carry today) or its did:web DID `did:web:<host>:issuers:<id>` (issuer-did.ts). Undefined for any other id.
 */
export function hostedIssuerIdOf(origin: string, issuerId: string): string | undefined {
  for (const prefix of [`${origin}/issuers/`, `${didWebOf(origin)}:issuers:`]) {
    const rest = issuerId.startsWith(prefix) ? issuerId.slice(prefix.length) : undefined;
    if (rest && !/[/:#?]/.test(rest)) {
      try {
        return decodeURIComponent(rest);
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

type TrustDeps = Pick<CredentialServiceDeps, 'issuers' | 'publishedKeys' | 'origin' | 'externalIssuers' | 'fetch'>;

/**
 * Whom verification here trusts, and with which keys: issuers hosted on the platform (while
 * accredited) and the external issuers on the trust list, by JWKS or by their did:web document.
 */
export class IssuerTrust {
  readonly #dids: DidWebResolver;

  constructor(
    private readonly deps: TrustDeps,
    private readonly now: () => Date,
  ) {
    this.#dids = new DidWebResolver({ ...(deps.fetch ? { fetch: deps.fetch } : {}), clock: now });
  }

  async trustedIssuer(issuerId: string): Promise<TrustedIssuer | undefined> {
    const external = this.deps.externalIssuers?.find((e) => e.id === issuerId);
    if (external) {
      const keyIds = external.jwks
        ? external.jwks.keys.flatMap((k) => (k.kid ? [k.kid] : []))
        : external.id.startsWith('did:key:')
          ? [`${external.id}#${external.id.slice('did:key:'.length)}`]
          : ((await this.#dids.keysOf(external.id))?.assertionKeyIds ?? []);
      return {
        id: external.id,
        name: external.name,
        keyIds,
        ...(external.accreditedUntil ? { accreditedUntil: external.accreditedUntil } : {}),
      };
    }
    // A hosted issuer is trusted under either of its ids, so credentials keep verifying whichever they name.
    const id = hostedIssuerIdOf(this.deps.origin, issuerId);
    if (id === undefined) return undefined;
    // The platform's own documents (status lists) are not credentials: a record registered under its id must not make them verify.
    if (RESERVED_ISSUER_IDS.includes(id)) return undefined;
    const issuer = await this.deps.issuers.get(id);
    if (!issuer) return undefined;
    const until = accreditedUntil(issuer, this.now());
    // No current accreditation: report the last one, so the check says when it ended.
    const lastEnded =
      issuer.accreditation
        .map((a) => a.validUntil)
        .sort()
        .at(-1) ?? '0000-01-01';
    // Hosted issuers sign with the platform's keys, current and retired, so rotation needs no issuer update:
    // as JWS kids, and as the verification methods of their Data Integrity proofs (`<issuer id>#<key id>`).
    const published = (await this.deps.publishedKeys()).flatMap((k) => (k.kid ? [k.kid] : []));
    const keyIds = [
      ...new Set([
        ...issuer.signingKeyIds,
        ...published,
        ...published.map((kid) => verificationMethodOf(issuerId, kid)),
      ]),
    ];
    return { id: issuerId, name: issuer.legalName.en, keyIds, accreditedUntil: until ?? lastEnded };
  }

  async resolveKey(kid: string): Promise<JWK | undefined> {
    // A hosted issuer's verification method `<issuer id>#<key id>` (https id or DID) is the platform's key `<origin>/keys/<key id>`.
    const hosted =
      kid.includes('#') && hostedIssuerIdOf(this.deps.origin, kid.slice(0, kid.indexOf('#'))) !== undefined;
    const url = hosted ? keyUrl(this.deps.origin, kid.slice(kid.indexOf('#') + 1)) : kid;
    const published = (await this.deps.publishedKeys()).find((k) => k.kid === url);
    if (published || hosted) return published;
    // A did:key names its own key: nothing to fetch or trust beyond the DID itself.
    if (kid.startsWith('did:key:')) return didKeyJwk(kid);
    const fromJwks = this.deps.externalIssuers?.flatMap((e) => e.jwks?.keys ?? []).find((k) => k.kid === kid);
    if (fromJwks) return fromJwks;
    // Only DIDs on the trust list are resolved: a kid in an untrusted credential never makes this server fetch.
    const did = kid.split('#')[0]!;
    if (!this.deps.externalIssuers?.some((e) => !e.jwks && e.id === did)) return undefined;
    return (await this.#dids.keysOf(did))?.keys.find((k) => k.kid === kid);
  }

  /**
   * A did:web holder's authentication keys, for presentations: only a DID on the trust list is
   * resolved (a presentation must not make this server fetch a URL of its choosing).
   */
  async holderKeys(did: string): Promise<HolderKeys | undefined> {
    if (!this.deps.externalIssuers?.some((e) => !e.jwks && e.id === did)) return undefined;
    const resolved = await this.#dids.keysOf(did);
    if (!resolved?.authenticationKeyIds.length) return undefined;
    return {
      authenticationMethods: resolved.authenticationKeyIds,
      keyOf: (id) => resolved.keys.find((k) => k.kid === id),
    };
  }
}
