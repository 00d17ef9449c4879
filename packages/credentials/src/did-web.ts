import type { JWK } from 'jose';
import { jwkOfMultikey, multikeyMethod } from './data-integrity/multikey.ts';

const CACHE_MS = 10 * 60_000;
const FETCH_TIMEOUT_MS = 5_000;
const MAX_DOCUMENT_BYTES = 200_000;

/** Where a did:web DID's document lives (W3C did:web method): `did:web:example.com:user` → https://example.com/user/did.json. */
export function didWebDocumentUrl(did: string): string | undefined {
  const match = /^did:web:([^:#?/]+)((?::[^:#?/]+)*)$/.exec(did);
  if (!match) return undefined;
  const host = decodeURIComponent(match[1]!);
  if (!/^[a-z0-9.-]+(:\d{1,5})?$/i.test(host)) return undefined;
  const path = match[2] ? match[2].slice(1).split(':').map(decodeURIComponent).join('/') : '.well-known';
  return `https://${host}/${path}/did.json`;
}

/** The did:web DID of an origin; a port's colon is percent-encoded, as the method requires. */
export function didWebOf(origin: string): string {
  return `did:web:${new URL(origin).host.replace(':', '%3A')}`;
}

/**
 * The DID document naming `keys` as the DID's verification and assertion methods (what did.json
 * serves): each key as a JsonWebKey2020 at its `kid` (what a vc+jwt names) and as a Multikey at
 * `<did>#<key id>` (what did:web resolvers and Data Integrity verifiers read).
 */
export function didWebDocument(did: string, keys: readonly JWK[]) {
  const multikeys = keys.flatMap((jwk) => {
    if (!jwk.kid) return [];
    // A key URL's last segment names the method (`<origin>/keys/k1` → `<did>#k1`); a DID URL kid gets a suffix.
    const id = jwk.kid.startsWith(`${did}#`)
      ? `${jwk.kid}-multikey`
      : `${did}#${jwk.kid.slice(jwk.kid.lastIndexOf('/') + 1)}`;
    const method = multikeyMethod(id, did, jwk);
    return method ? [method] : [];
  });
  return {
    '@context': [
      'https://www.w3.org/ns/did/v1',
      'https://w3id.org/security/suites/jws-2020/v1',
      'https://w3id.org/security/multikey/v1',
    ],
    id: did,
    verificationMethod: [
      ...keys.map((jwk) => ({
        id: jwk.kid,
        type: 'JsonWebKey2020',
        controller: did,
        publicKeyJwk: jwk,
      })),
      ...multikeys,
    ],
    assertionMethod: [...keys.map((jwk) => jwk.kid), ...multikeys.map((m) => m.id)],
  };
}

export interface DidKeys {
  /** Public keys with `kid` set to their absolute DID URL (`did:web:…#key-1`). */
  keys: JWK[];
  /** Keys the issuer lists under `assertionMethod`: the only ones that may sign credentials. */
  assertionKeyIds: string[];
  /** Keys listed under `authentication`: the only ones that may sign a presentation as this DID's holder. */
  authenticationKeyIds: string[];
}

/** Resolves did:web DIDs to their keys, from the DID document, cached for ten minutes. */
export class DidWebResolver {
  readonly #cache = new Map<string, { keys: DidKeys; expires: number }>();

  constructor(private readonly options: { fetch?: typeof fetch; clock?: () => Date } = {}) {}

  async keysOf(did: string): Promise<DidKeys | undefined> {
    const now = (this.options.clock ?? (() => new Date()))().getTime();
    const cached = this.#cache.get(did);
    if (cached && cached.expires > now) return cached.keys;
    const url = didWebDocumentUrl(did);
    if (!url) return undefined;
    try {
      const response = await (this.options.fetch ?? fetch)(url, {
        headers: { accept: 'application/did+json, application/json' },
        signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
      });
      const text = await response.text();
      if (!response.ok || text.length > MAX_DOCUMENT_BYTES) return undefined;
      const keys = keysFromDocument(did, JSON.parse(text));
      if (keys) this.#cache.set(did, { keys, expires: now + CACHE_MS });
      return keys;
    } catch {
      return undefined;
    }
  }
}

/** The keys a DID document names for `did`; undefined if the document is for another DID. */
export function keysFromDocument(did: string, document: unknown): DidKeys | undefined {
  if (!document || typeof document !== 'object') return undefined;
  const doc = document as {
    id?: unknown;
    verificationMethod?: unknown;
    assertionMethod?: unknown;
    authentication?: unknown;
  };
  if (doc.id !== did) return undefined;
  const absolute = (id: string) => (id.startsWith('#') ? `${did}${id}` : id);
  const methods = [
    ...(Array.isArray(doc.verificationMethod) ? doc.verificationMethod : []),
    ...(Array.isArray(doc.assertionMethod) ? doc.assertionMethod : []),
    ...(Array.isArray(doc.authentication) ? doc.authentication : []),
  ];
  const keys = new Map<string, JWK>();
  for (const method of methods) {
    if (!method || typeof method !== 'object') continue;
    const { id, publicKeyJwk, publicKeyMultibase } = method as {
      id?: unknown;
      publicKeyJwk?: unknown;
      publicKeyMultibase?: unknown;
    };
    // A JsonWebKey2020 gives a JWK, a Multikey a multibase key.
    const jwk =
      publicKeyJwk && typeof publicKeyJwk === 'object'
        ? 'd' in publicKeyJwk
          ? undefined
          : (publicKeyJwk as JWK)
        : typeof publicKeyMultibase === 'string'
          ? jwkOfMultikey(publicKeyMultibase)
          : undefined;
    if (typeof id !== 'string' || !jwk) continue;
    const kid = absolute(id);
    // A document may only speak for its own DID's keys.
    if (kid.split('#')[0] === did) keys.set(kid, { ...jwk, kid });
  }
  // A relationship lists methods by reference or embeds them; either way only keys read above count.
  const keyIdsOf = (relationship: unknown) =>
    (Array.isArray(relationship) ? relationship : [])
      .map((entry) =>
        typeof entry === 'string' ? absolute(entry) : absolute(String((entry as { id?: unknown })?.id ?? '')),
      )
      .filter((kid) => keys.has(kid));
  return {
    keys: [...keys.values()],
    assertionKeyIds: keyIdsOf(doc.assertionMethod),
    authenticationKeyIds: keyIdsOf(doc.authentication),
  };
}
