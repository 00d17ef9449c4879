import { createHmac, timingSafeEqual } from 'node:crypto';
import { DomainError } from '@skillpass/domain';

/**
 * Opaque pagination cursors: base64url(JSON position) + HMAC, bound to the query they came from,
 * so a client can neither forge a position nor replay a cursor against another query.
 */
export class CursorCodec {
  readonly #provideSecret: () => Promise<string>;
  #secret?: Promise<Buffer>;

  /** `secret` may be a function: a Lambda then fetches it on the first page that needs it, not at start-up. */
  constructor(secret: string | (() => Promise<string>)) {
    if (typeof secret === 'string') checkSecret(secret);
    this.#provideSecret = typeof secret === 'string' ? async () => secret : secret;
  }

  #key(): Promise<Buffer> {
    this.#secret ??= this.#provideSecret().then((secret) => Buffer.from(checkSecret(secret)));
    // A failed fetch is not remembered, so the next request tries again.
    this.#secret.catch(() => {
      this.#secret = undefined;
    });
    return this.#secret;
  }

  async encode(position: unknown, queryFingerprint: string): Promise<string> {
    const body = Buffer.from(JSON.stringify(position)).toString('base64url');
    return `${body}.${this.#mac(await this.#key(), body, queryFingerprint)}`;
  }

  async decode<T>(cursor: string, queryFingerprint: string): Promise<T> {
    const [body, mac, extra] = cursor.split('.');
    if (
      !body ||
      !mac ||
      extra !== undefined ||
      !this.#macMatches(mac, this.#mac(await this.#key(), body, queryFingerprint))
    ) {
      throw invalidCursor();
    }
    try {
      return JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as T;
    } catch {
      throw invalidCursor();
    }
  }

  #mac(key: Buffer, body: string, queryFingerprint: string): string {
    return createHmac('sha256', key).update(`${queryFingerprint}\n${body}`).digest('base64url');
  }

  #macMatches(given: string, expected: string): boolean {
    const a = Buffer.from(given);
    const b = Buffer.from(expected);
    return a.length === b.length && timingSafeEqual(a, b);
  }
}

function checkSecret(secret: string): string {
  if (secret.length < 16) throw new Error('cursor secret must be at least 16 characters');
  return secret;
}

const invalidCursor = (): DomainError =>
  new DomainError('validation', 'The cursor is invalid, was altered, or belongs to another query.', [
    { path: 'cursor', message: 'not a cursor this query issued' },
  ]);
