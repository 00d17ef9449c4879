import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import * as z from 'zod/mini';
// A named import: `z.core.$ZodError` would pull all of zod's core namespace, locales included, into bundles.
import { $ZodError } from 'zod/v4/core';
import { DomainError, type FieldIssue } from '@skillpass/domain/errors';
import { builtOnFirstUse } from '@skillpass/domain/first-use';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
const TYPE_BASE = 'https://skillpass.dev/problems/';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  errors?: FieldIssue[];
}

export const problemSchema = builtOnFirstUse(() =>
  z
    .object({
      type: z.string(),
      title: z.string(),
      status: z.int(),
      detail: z.string(),
      instance: z.optional(z.string()),
      errors: z.optional(z.array(z.object({ path: z.string(), message: z.string() }))),
    })
    .register(z.globalRegistry, { id: 'Problem', description: 'RFC 9457 problem details' }),
);

const TITLES: Record<string, { status: ContentfulStatusCode; title: string }> = {
  validation: { status: 400, title: 'Invalid request' },
  unauthorized: { status: 401, title: 'Authentication required' },
  forbidden: { status: 403, title: 'Forbidden' },
  'not-found': { status: 404, title: 'Not found' },
  'method-not-allowed': { status: 405, title: 'Method not allowed' },
  conflict: { status: 409, title: 'Conflict' },
  'payload-too-large': { status: 413, title: 'Payload too large' },
  'unsupported-media-type': { status: 415, title: 'Unsupported media type' },
  'precondition-failed': { status: 412, title: 'Precondition failed' },
  'precondition-required': { status: 428, title: 'Precondition required' },
  unprocessable: { status: 422, title: 'Unprocessable content' },
  'too-many-requests': { status: 429, title: 'Too many requests' },
  internal: { status: 500, title: 'Internal error' },
  unavailable: { status: 503, title: 'Service unavailable' },
};
export type ProblemKind = keyof typeof TITLES;

export function problemResponse(
  c: Context,
  kind: ProblemKind,
  detail: string,
  errors?: readonly FieldIssue[],
  headers?: Record<string, string>,
): Response {
  const { status, title } = TITLES[kind]!;
  const body: Problem = {
    type: `${TYPE_BASE}${kind}`,
    title,
    status,
    detail,
    instance: c.req.path,
    ...(errors && errors.length > 0 ? { errors: [...errors] } : {}),
  };
  return c.body(JSON.stringify(body), status, { 'Content-Type': PROBLEM_CONTENT_TYPE, ...headers });
}

export function issuesFromZod(error: $ZodError, root?: string): FieldIssue[] {
  return error.issues.map((issue) => {
    const segments = [...(root ? [root] : []), ...issue.path.map(String)];
    const unknownKeys = issue.code === 'unrecognized_keys' ? issue.keys : [];
    if (unknownKeys.length > 0) {
      return { path: [...segments, unknownKeys[0]].join('.'), message: `unknown field(s): ${unknownKeys.join(', ')}` };
    }
    return { path: segments.join('.') || '(body)', message: issue.message };
  });
}

export function problemFromError(c: Context, error: unknown): Response {
  if (error instanceof DomainError) {
    return problemResponse(c, error.kind, error.message, error.fieldIssues);
  }
  if (error instanceof $ZodError) {
    return problemResponse(c, 'validation', 'The request has invalid fields.', issuesFromZod(error));
  }
  if (error instanceof HTTPException) {
    const status = error.status;
    const kind = (Object.entries(TITLES).find(([, v]) => v.status === status)?.[0] ?? 'validation') as ProblemKind;
    return problemResponse(c, kind, error.message || TITLES[kind]!.title);
  }
  const stack = error instanceof Error ? error.stack : undefined;
  console.error(
    JSON.stringify({
      level: 'error',
      message: 'unhandled',
      time: new Date().toISOString(),
      method: c.req.method,
      path: c.req.path,
      error: String(error),
      stack,
    }),
  );
  return problemResponse(c, 'internal', 'Something went wrong on our side; the request may be retried.');
}
