import { createHash } from 'node:crypto';
import type { ApiApp } from '@skillpass/api';
import type { DevIdentity } from './identity.ts';

/**
 * `POST /auth/dev/sign-in` — the local identity provider's sign-in for the web app: a role and a name in, a bearer
 * token out. Only `npm start` installs it; no Lambda bundle contains it (test/src/dev-sign-in-bundle.test.ts).
 */
export const DEV_SIGN_IN_PATH = '/auth/dev/sign-in';
const ROLES = ['graduate', 'employer', 'issuer', 'organiser', 'admin'] as const;
type Role = (typeof ROLES)[number];
const TTL_SECONDS = 12 * 60 * 60;

/** The same name signs in to the same account: a plain id stays as typed (demo-graduate), any other name is hashed. */
export function devSubject(role: Role, name: string): string {
  const trimmed = name.trim();
  if (/^[a-z0-9][a-z0-9-]{0,63}$/.test(trimmed)) return trimmed;
  return `dev-${role}-${createHash('sha256').update(trimmed.normalize('NFC')).digest('hex').slice(0, 16)}`;
}

function problem(detail: string, path: string) {
  return Response.json(
    { type: 'about:blank', title: 'Bad Request', status: 400, detail, errors: [{ path, message: detail }] },
    { status: 400, headers: { 'Content-Type': 'application/problem+json' } },
  );
}

/** The endpoint's answer to a parsed body (undefined when it was not JSON). */
export async function devSignIn(body: unknown, identity: DevIdentity): Promise<Response> {
  if (body === undefined) return problem('The body must be JSON: {"role": …, "name": …}.', 'body');
  const { role, name } = (body ?? {}) as { role?: unknown; name?: unknown };
  if (typeof role !== 'string' || !ROLES.includes(role as Role))
    return problem(`role must be one of ${ROLES.join(', ')}.`, 'role');
  if (typeof name !== 'string' || !name.trim() || name.length > 100)
    return problem('name must be 1 to 100 characters.', 'name');
  const subject = devSubject(role as Role, name);
  const accessToken = await identity.mintToken({ sub: subject, roles: [role], ttlSeconds: TTL_SECONDS });
  return Response.json({ accessToken, expiresIn: TTL_SECONDS, subject }, { status: 200 });
}

export function installDevSignIn(app: ApiApp, identity: DevIdentity): void {
  app.post(DEV_SIGN_IN_PATH, async (c) => devSignIn(await c.req.json().catch(() => undefined), identity));
}
