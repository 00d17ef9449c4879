import { gunzipSync, gzipSync } from 'node:zlib';

/** W3C Bitstring Status List v1.0: at least 131,072 entries, so an index reveals little about its holder. */
export const STATUS_LIST_SIZE = 131_072;

/** The two lists every credential is entered in: revocation is final, suspension can be lifted. */
export const STATUS_PURPOSES = ['revocation', 'suspension'] as const;
export type StatusPurpose = (typeof STATUS_PURPOSES)[number];

/** The `encodedList`: the bitstring, GZIP-compressed, base64url, multibase prefix `u`. Bit 0 is the leftmost. */
export function encodeStatusList(setIndexes: Iterable<number>, size = STATUS_LIST_SIZE): string {
  const bytes = new Uint8Array(size / 8);
  for (const index of setIndexes) {
    if (!Number.isInteger(index) || index < 0 || index >= size)
      throw new RangeError(`status index ${index} outside the list`);
    bytes[index >> 3]! |= 0x80 >> (index & 7);
  }
  return `u${gzipSync(bytes).toString('base64url')}`;
}

export function decodeStatusList(encoded: string): Uint8Array {
  if (!encoded.startsWith('u')) throw new Error('encodedList must be multibase base64url (prefix u)');
  return new Uint8Array(gunzipSync(Buffer.from(encoded.slice(1), 'base64url')));
}

export function isStatusSet(bits: Uint8Array, index: number): boolean {
  if (index < 0 || index >= bits.length * 8) throw new RangeError(`status index ${index} outside the list`);
  return (bits[index >> 3]! & (0x80 >> (index & 7))) !== 0;
}

/**
 * Random picks that may all be taken before a list counts as full. At a list filled to a fraction f
 * all 8 collide with probability f^8: under 0.4 % at half full, 17 % at 80 %; so lists are retired
 * between about 60 and 80 % full, which keeps both allocation cheap and every list a large crowd.
 */
export const PICKS_BEFORE_LIST_IS_FULL = 8;

/**
 * Picks a random free index: random so that neighbouring indexes do not reveal issuance order.
 * `claim` must be atomic (a conditional write), so two concurrent callers never get one index.
 * Undefined when every pick was taken: the caller moves on to a new list.
 */
export async function allocateRandomIndex(
  claim: (index: number) => Promise<boolean>,
  random: () => number = Math.random,
  size = STATUS_LIST_SIZE,
  attempts = PICKS_BEFORE_LIST_IS_FULL,
): Promise<number | undefined> {
  for (let i = 0; i < attempts; i++) {
    const index = Math.floor(random() * size);
    if (await claim(index)) return index;
  }
  return undefined;
}
