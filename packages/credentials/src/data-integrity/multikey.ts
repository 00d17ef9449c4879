import { ECDH } from 'node:crypto';
import type { JWK } from 'jose';

/**
 * Multikey (W3C Controlled Identifiers 1.0): a public key as `z` + base58btc(multicodec prefix ‖ key).
 * Kept apart from the JSON-LD libraries so that DID documents are written without loading them.
 */

const ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

function base58btcEncode(bytes: Uint8Array): string {
  let value = 0n;
  for (const byte of bytes) value = value * 256n + BigInt(byte);
  let out = '';
  while (value > 0n) {
    out = ALPHABET[Number(value % 58n)]! + out;
    value /= 58n;
  }
  for (const byte of bytes) {
    if (byte !== 0) break;
    out = `1${out}`;
  }
  return out;
}

export function base58btcDecode(text: string): Uint8Array | undefined {
  let value = 0n;
  for (const char of text) {
    const digit = ALPHABET.indexOf(char);
    if (digit < 0) return undefined;
    value = value * 58n + BigInt(digit);
  }
  const bytes: number[] = [];
  while (value > 0n) {
    bytes.unshift(Number(value % 256n));
    value /= 256n;
  }
  for (const char of text) {
    if (char !== '1') break;
    bytes.unshift(0);
  }
  return Uint8Array.from(bytes);
}

/** Multicodec prefixes (varint) of the public keys skillpass reads and writes. */
const CODECS = [
  { crv: 'Ed25519', prefix: [0xed, 0x01], length: 32 },
  { crv: 'P-256', prefix: [0x80, 0x24], length: 33, curve: 'prime256v1' },
  { crv: 'P-384', prefix: [0x81, 0x24], length: 49, curve: 'secp384r1' },
] as const;

/** A public JWK (Ed25519, P-256 or P-384) as a Multikey `publicKeyMultibase`; undefined for any other key. */
export function multikeyOfJwk(jwk: JWK): string | undefined {
  const codec = CODECS.find((c) => c.crv === jwk.crv);
  if (!codec || typeof jwk.x !== 'string') return undefined;
  const x = Buffer.from(jwk.x, 'base64url');
  let key: Uint8Array;
  if (codec.crv === 'Ed25519') key = x;
  else {
    if (typeof jwk.y !== 'string') return undefined;
    const y = Buffer.from(jwk.y, 'base64url');
    // Compressed point: 02 or 03 by the parity of y, then x.
    key = Uint8Array.from([y[y.length - 1]! & 1 ? 0x03 : 0x02, ...x]);
  }
  if (key.length !== codec.length) return undefined;
  return `z${base58btcEncode(Uint8Array.from([...codec.prefix, ...key]))}`;
}

/** A Multikey `publicKeyMultibase` (or a did:key's method-specific id) as a public JWK; undefined if unreadable. */
export function jwkOfMultikey(publicKeyMultibase: string): JWK | undefined {
  if (!publicKeyMultibase.startsWith('z')) return undefined;
  const bytes = base58btcDecode(publicKeyMultibase.slice(1));
  const codec = bytes && CODECS.find((c) => c.prefix.every((b, i) => bytes[i] === b));
  if (!bytes || !codec || bytes.length !== codec.prefix.length + codec.length) return undefined;
  const key = bytes.slice(codec.prefix.length);
  if (codec.crv === 'Ed25519') return { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(key).toString('base64url') };
  try {
    const point = ECDH.convertKey(key, codec.curve, undefined, undefined, 'uncompressed') as Buffer;
    const size = (point.length - 1) / 2;
    return {
      kty: 'EC',
      crv: codec.crv,
      x: point.subarray(1, 1 + size).toString('base64url'),
      y: point.subarray(1 + size).toString('base64url'),
    };
  } catch {
    return undefined;
  }
}

/** The Multikey verification method of a public key: what DID and controller documents list. */
export function multikeyMethod(id: string, controller: string, jwk: JWK) {
  const publicKeyMultibase = multikeyOfJwk(jwk);
  return publicKeyMultibase ? { id, type: 'Multikey', controller, publicKeyMultibase } : undefined;
}

/** The public key a did:key DID names (`did:key:z6Mk…`, its verification method `did:key:z6Mk…#z6Mk…`). */
export function didKeyJwk(didUrl: string): JWK | undefined {
  const match = /^did:key:(z[1-9A-HJ-NP-Za-km-z]+)(?:#(z[1-9A-HJ-NP-Za-km-z]+))?$/.exec(didUrl);
  if (!match || (match[2] !== undefined && match[2] !== match[1])) return undefined;
  return jwkOfMultikey(match[1]!);
}

/** Public keys a did:jwk DID may carry: what the verifiers here check signatures with. */
const DID_JWK_CURVES: Record<string, string> = { 'P-256': 'EC', 'P-384': 'EC', 'P-521': 'EC', Ed25519: 'OKP' };

/**
 * The public key a did:jwk DID names (`did:jwk:<base64url JSON JWK>`, its one verification method
 * `did:jwk:…#0`); undefined for another fragment, a private key, or a key of a kind not read here.
 */
export function didJwkJwk(didUrl: string): JWK | undefined {
  const match = /^did:jwk:([\w-]+)(?:#0)?$/.exec(didUrl);
  if (!match) return undefined;
  try {
    const jwk = JSON.parse(Buffer.from(match[1]!, 'base64url').toString('utf8')) as JWK;
    if (!jwk || typeof jwk !== 'object' || 'd' in jwk || typeof jwk.crv !== 'string') return undefined;
    if (DID_JWK_CURVES[jwk.crv] !== jwk.kty || typeof jwk.x !== 'string') return undefined;
    if (jwk.kty === 'EC' && typeof jwk.y !== 'string') return undefined;
    const { kty, crv, x, y } = jwk;
    return { kty, crv, x, ...(y === undefined ? {} : { y }) };
  } catch {
    return undefined;
  }
}
