import { createHmac, timingSafeEqual } from 'node:crypto';
import { DomainError } from '@skillpass/domain';

/**
 * Opaque pagination cursors: base64url(JSON position) + HMAC, bound to the query they came from,
 * so a client can neither forge a position nor replay a cursor against another query.
 */
export class CursorCodec {
  readonly #secret: Buffer;

  constructor(secret: string) {
    if (secret.length < 16) throw new Error('cursor secret must be at least 16 characters');
    this.#secret = Buffer.from(secret);
  }

  encode(position: unknown, queryFingerprint: string): string {
    const body = Buffer.from(JSON.stringify(position)).toString('base64url');
    return `${body}.${this.#mac(body, queryFingerprint)}`;
  }

  decode<T>(cursor: string, queryFingerprint: string): T {
    const [body, mac, extra] = cursor.split('.');
    if (!body || !mac || extra !== undefined || !this.#macMatches(mac, this.#mac(body, queryFingerprint))) {
      throw invalidCursor();
    }
    try {
      return JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as T;
    } catch {
      throw invalidCursor();
    }
  }

  #mac(body: string, queryFingerprint: string): string {
    return createHmac('sha256', this.#secret).update(`${queryFingerprint}\n${body}`).digest('base64url');
  }

  #macMatches(given: string, expected: string): boolean {
    const a = Buffer.from(given);
    const b = Buffer.from(expected);
    return a.length === b.length && timingSafeEqual(a, b);
  }
}

const invalidCursor = (): DomainError =>
  new DomainError('validation', 'The cursor is invalid, was altered, or belongs to another query.', [
    { path: 'cursor', message: 'not a cursor this query issued' },
  ]);
