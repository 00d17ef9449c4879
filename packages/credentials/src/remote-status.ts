import type { JWK } from 'jose';
import { decodeStatusList, isStatusSet, type StatusPurpose } from './status-list.ts';
import { ACHIEVEMENT_TYPES, type TrustedIssuer, verifiedJwsPayload } from './verify.ts';

/** A status list secured with a Data Integrity proof by one of `issuer`'s keys, or undefined. Never throws. */
async function verifiedDataIntegrityDocument(
  text: string,
  issuer: TrustedIssuer,
  resolveKey: (kid: string) => Promise<JWK | undefined>,
): Promise<{ payload: Record<string, unknown>; kid: string } | undefined> {
  try {
    const document = JSON.parse(text) as unknown;
    if (!document || typeof document !== 'object' || Array.isArray(document)) return undefined;
    const payload = document as Record<string, unknown>;
    const issuerId = typeof payload.issuer === 'string' ? payload.issuer : (payload.issuer as { id?: unknown })?.id;
    if (issuerId !== issuer.id) return undefined;
    // The JSON-LD libraries load here, for the first Data Integrity list only.
    const { verifyDataIntegrityProofs } = await import('@skillpass/credentials/data-integrity');
    const result = await verifyDataIntegrityProofs(payload, {
      controller: issuer.id,
      assertionMethods: issuer.keyIds,
      keyOf: resolveKey,
    });
    return result.verified ? { payload, kid: result.proofs[0]!.verificationMethod } : undefined;
  } catch {
    return undefined;
  }
}

const DEFAULT_TTL_MS = 5 * 60_000;
const MAX_TTL_MS = 24 * 3_600_000;
const MAX_LIST_BYTES = 1_000_000;
const FETCH_TIMEOUT_MS = 5_000;
const MAX_CACHED_LISTS = 500;

export interface RemoteStatusOptions {
  fetch?: typeof fetch;
  clock?: () => Date;
  /** Also read http lists on this machine: for local deployments and tests, never in AWS (where loopback is the Lambda runtime API). */
  allowLoopbackHttp?: boolean;
}

function fetchable(url: string, allowLoopbackHttp: boolean): boolean {
  try {
    const { protocol, hostname } = new URL(url);
    return (
      protocol === 'https:' ||
      (allowLoopbackHttp && protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(hostname))
    );
  } catch {
    return false;
  }
}

/**
 * Status lists published by other issuers: fetched, accepted only when signed by one of the
 * credential issuer's keys and naming the list and purpose asked for, then kept for the `ttl`
 * the list states (5 minutes when it states none). Anything else reads as unknown, never as "not revoked".
 */
export class RemoteStatusLists {
  readonly #cache = new Map<string, { bits: Uint8Array; kid: string; expires: number }>();

  constructor(
    private readonly resolveKey: (kid: string) => Promise<JWK | undefined>,
    private readonly options: RemoteStatusOptions = {},
  ) {}

  async statusOf(
    listUrl: string,
    index: number,
    purpose: StatusPurpose,
    issuer: TrustedIssuer | undefined,
  ): Promise<'set' | 'unset' | 'unknown'> {
    if (!issuer) return 'unknown';
    const bits = await this.#list(listUrl, purpose, issuer).catch(() => undefined);
    if (!bits || !Number.isInteger(index) || index < 0 || index >= bits.length * 8) return 'unknown';
    return isStatusSet(bits, index) ? 'set' : 'unset';
  }

  async #list(url: string, purpose: StatusPurpose, issuer: TrustedIssuer): Promise<Uint8Array | undefined> {
    const now = (this.options.clock ?? (() => new Date()))().getTime();
    const cacheKey = `${purpose} ${url}`;
    const cached = this.#cache.get(cacheKey);
    if (cached && cached.expires > now && issuer.keyIds.includes(cached.kid)) return cached.bits;
    if (!fetchable(url, this.options.allowLoopbackHttp ?? false)) return undefined;
    const response = await (this.options.fetch ?? fetch)(url, {
      // A JWS is read without JSON-LD; a list secured only with a Data Integrity proof is read too.
      headers: { accept: 'application/vc+jwt, application/vc+ld+json;q=0.9, application/ld+json;q=0.8' },
      signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
    });
    const text = (await response.text()).trim();
    if (!response.ok || text.length > MAX_LIST_BYTES) return undefined;
    const verified = text.startsWith('{')
      ? await verifiedDataIntegrityDocument(text, issuer, this.resolveKey)
      : await verifiedJwsPayload(text, issuer.keyIds, this.resolveKey);
    if (!verified) return undefined;
    const { payload, kid } = verified;
    const types = Array.isArray(payload.type) ? payload.type : [];
    const subject = payload.credentialSubject as
      | { statusPurpose?: unknown; encodedList?: unknown; ttl?: unknown }
      | undefined;
    // A credential that is both a list and an achievement could be one passed off as the other.
    const achievement = types.some((t) => (ACHIEVEMENT_TYPES as readonly unknown[]).includes(t));
    if (
      !types.includes('BitstringStatusListCredential') ||
      achievement ||
      subject?.statusPurpose !== purpose ||
      typeof subject.encodedList !== 'string'
    )
      return undefined;
    // A list signed for another URL could be replayed here.
    if (typeof payload.id !== 'string' || payload.id.split('#')[0] !== url.split('#')[0]) return undefined;
    if (typeof payload.validUntil === 'string' && Date.parse(payload.validUntil) < now) return undefined;
    const bits = decodeStatusList(subject.encodedList);
    const ttl = typeof subject.ttl === 'number' && subject.ttl > 0 ? Math.min(subject.ttl, MAX_TTL_MS) : DEFAULT_TTL_MS;
    if (this.#cache.size >= MAX_CACHED_LISTS) this.#cache.clear();
    this.#cache.set(cacheKey, { bits, kid, expires: now + ttl });
    return bits;
  }
}
