import { createHash } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import * as z from 'zod/mini';
import { DomainError } from '@skillpass/domain/errors';
import { builtOnFirstUse } from '@skillpass/domain/first-use';
import type { IdempotencyRepository } from '@skillpass/store';
import type { AuthEnv } from './auth.ts';
import { problemSchema, problemResponse } from './problem.ts';

export const etagOf = (version: number): string => `"v${version}"`;

/**
 * The one If-Match rule (RFC 9110 §13.1.1, strong comparison): `*` matches any current version,
 * `"v3"` matches version 3, and a weak tag (`W/"v3"`) never matches. Nothing current matches nothing.
 */
export function ifMatchAccepts(header: string, currentVersion: number | undefined): boolean {
  if (currentVersion === undefined) return false;
  const tags = header.split(',').map((tag) => tag.trim());
  return tags.includes('*') || tags.includes(etagOf(currentVersion));
}

/** The version a required `If-Match` header accepts: 428 without one, 412 when it does not match the current one. */
export function requireIfMatch(c: Context, currentVersion: number): number {
  const header = c.req.header('If-Match');
  if (!header) {
    throw new DomainError('precondition-required', 'Send If-Match with the ETag you last read, to avoid lost updates.');
  }
  if (!ifMatchAccepts(header, currentVersion)) {
    throw new DomainError('precondition-failed', 'The resource changed since you read it; read it again and retry.');
  }
  return currentVersion;
}

/** An optional `If-Match` as a precondition a repository checks against the version it reads. */
export function optionalIfMatch(c: Context): { precondition?: (currentVersion: number | undefined) => boolean } {
  const header = c.req.header('If-Match');
  return header === undefined ? {} : { precondition: (currentVersion) => ifMatchAccepts(header, currentVersion) };
}

export const problemResponses = (...statuses: number[]) =>
  Object.fromEntries(
    statuses.map((status) => [
      status,
      { description: `Problem (${status})`, content: { 'application/problem+json': { schema: problemSchema() } } },
    ]),
  );

export const jsonContent = <T extends z.ZodMiniType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

export const pageQuerySchema = builtOnFirstUse(() =>
  z.object({
    limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 20),
    cursor: z.optional(z.string().check(z.maxLength(2000))),
  }),
);

export const pageOf = <T extends z.ZodMiniType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.optional(z.string()) });

/** `lang` as a query parameter: optional, since Accept-Language answers when it is absent. */
export const langQuerySchema = builtOnFirstUse(() => z.object({ lang: z.optional(z.enum(['en', 'zh'])) }));

/**
 * The language of a response: `lang` when given, else the first of en and zh in Accept-Language by preference
 * (`zh-CN`, `zh-Hans` count as zh), else English. Sets `Vary: Accept-Language` when the header decided.
 */
export function languageOf(c: Context, lang: 'en' | 'zh' | undefined): 'en' | 'zh' {
  if (lang) return lang;
  c.header('Vary', 'Accept-Language');
  const ranked = (c.req.header('Accept-Language') ?? '')
    .split(',')
    .map((entry, order) => {
      const [tag = '', ...params] = entry.trim().split(';');
      const q = Number(
        params
          .find((p) => p.trim().startsWith('q='))
          ?.trim()
          .slice(2) ?? '1',
      );
      return { primary: tag.trim().toLowerCase().split('-')[0], q: Number.isFinite(q) ? q : 0, order };
    })
    .filter((entry) => (entry.primary === 'en' || entry.primary === 'zh') && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.order - b.order);
  return (ranked[0]?.primary as 'en' | 'zh' | undefined) ?? 'en';
}

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

export type IdempotencyEnv = AuthEnv & { Variables: { idempotencyKey?: string } };

/**
 * `Idempotency-Key` on creating POSTs: a replay within 24 h returns the first response and
 * creates nothing; the same key with another body is a 422. Responses of 5xx are not kept, so
 * such a request can be retried.
 */
export function idempotent(idempotency: IdempotencyRepository): MiddlewareHandler<IdempotencyEnv> {
  return async (c, next) => {
    const key = c.req.header('Idempotency-Key');
    if (key === undefined) return next();
    if (!IDEMPOTENCY_KEY.test(key)) {
      return problemResponse(c, 'validation', 'Idempotency-Key must be 1–255 visible ASCII characters.', [
        { path: 'header.Idempotency-Key', message: 'invalid' },
      ]);
    }
    const principal = c.get('principal');
    const caller = principal?.sub ?? 'anonymous';
    const body = await c.req.text();
    const requestHash = createHash('sha256').update(`${c.req.method} ${c.req.path}\n${body}`).digest('base64url');
    const claim = await idempotency.claim(caller, key, requestHash, {
      ...(principal?.roles.includes('graduate') ? { graduateId: principal.sub } : {}),
    });
    if (!claim.claimed) {
      const { existing } = claim;
      if (existing.requestHash !== requestHash) {
        return problemResponse(c, 'unprocessable', 'This Idempotency-Key was already used with a different request.', [
          { path: 'header.Idempotency-Key', message: 'reused with another body' },
        ]);
      }
      if (existing.state === 'done') {
        return new Response(existing.body ?? null, {
          status: existing.status ?? 200,
          headers: { ...existing.headers, 'Idempotent-Replayed': 'true' },
        });
      }
      return problemResponse(
        c,
        'conflict',
        'A request with this Idempotency-Key is still in progress; retry shortly.',
        [],
        {
          'Retry-After': '1',
        },
      );
    }
    c.set('idempotencyKey', key);
    // A handler's error reaches here as its 5xx problem response (the app's onError runs first) or, in a lazily
    // mounted module, as the error itself, which the app's onError turns into that response further out.
    try {
      await next();
    } catch (error) {
      await idempotency.release(caller, key, claim.lease);
      throw error;
    }
    if (c.res.status >= 500) {
      await idempotency.release(caller, key, claim.lease);
      return;
    }
    const headers: Record<string, string> = {};
    c.res.headers.forEach((value, name) => {
      headers[name] = value;
    });
    await idempotency.complete(caller, key, claim.lease, {
      status: c.res.status,
      headers,
      body: await c.res.clone().text(),
    });
  };
}

/**
 * The route of a page's static files (`GET <prefix>/{file}`): pages keep their script and stylesheet in files of their
 * own so that the HTML policy needs no inline code. Public, cached for 5 minutes.
 */
export function pageAssetsRoute<const F extends string>(
  prefix: string,
  operationId: string,
  tags: string[],
  assets: Readonly<Record<F, { type: string; body: string }>>,
) {
  const files = Object.keys(assets) as [F, ...F[]];
  return {
    method: 'get',
    path: `${prefix}/{file}`,
    operationId,
    summary: `The script and stylesheet of the ${prefix.split('/')[1]} page`,
    tags,
    security: [],
    request: () => ({ params: z.object({ file: z.enum(files) }) }),
    responses: () => ({
      200: {
        description: 'The file',
        content: { 'text/javascript': { schema: z.string() }, 'text/css': { schema: z.string() } },
      },
      ...problemResponses(400),
    }),
  } as const;
}
