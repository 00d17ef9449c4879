import { createHash, randomBytes } from 'node:crypto';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

function base32(bytes: Uint8Array, length: number): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < length) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out;
}

/** A new, time-ordered identifier such as `job_01h…`: sorts by creation, unguessable tail. */
export function newId(prefix: string, now: Date = new Date()): string {
  const time = Buffer.alloc(6);
  time.writeUIntBE(now.getTime(), 0, 6);
  return `${prefix}_${base32(time, 10)}${base32(randomBytes(10), 16)}`;
}

/** The same inputs always give the same identifier: lets a retried create find its first attempt. */
export function deterministicId(prefix: string, ...parts: string[]): string {
  return `${prefix}_${base32(createHash('sha256').update(parts.join('\u0000')).digest(), 26)}`;
}
