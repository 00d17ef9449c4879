import { type Role, session, signOutLocally, startSession } from './auth.ts';
import { beginSignIn, type CognitoConfig, logoutUrl } from './pkce.ts';
import { navigate } from './router.ts';

export type AuthConfig = { provider: 'local' } | ({ provider: 'cognito' } & CognitoConfig);

let config: Promise<AuthConfig> | undefined;

/**
 * GET /auth/config says which sign-in this deployment uses. Read defensively: an API without the route
 * (404) is a local one.
 */
export function authConfig(): Promise<AuthConfig> {
  config ??= fetch('/auth/config', { headers: { Accept: 'application/json' } })
    .then(async (response) => (response.ok ? readAuthConfig(await response.json()) : { provider: 'local' as const }))
    .catch((error: unknown) => {
      config = undefined;
      throw error;
    });
  return config;
}

export function readAuthConfig(body: unknown): AuthConfig {
  const value = (body ?? {}) as Record<string, unknown>;
  if (value.provider !== 'cognito') return { provider: 'local' };
  const text = (key: string) => (typeof value[key] === 'string' ? (value[key] as string) : '');
  return {
    provider: 'cognito',
    authorizeUrl: text('authorizeUrl'),
    tokenUrl: text('tokenUrl'),
    logoutUrl: text('logoutUrl'),
    clientId: text('clientId'),
    scopes: Array.isArray(value.scopes) ? value.scopes.filter((s): s is string => typeof s === 'string') : ['openid'],
  };
}

export class SignInError extends Error {}

/** The local dev identity provider (npm start only): a token for a role and a name. */
export async function devSignIn(role: Role, name: string): Promise<void> {
  const response = await fetch('/auth/dev/sign-in', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ role, name }),
  });
  if (!response.ok) throw new SignInError(String(response.status));
  const body = (await response.json()) as Record<string, unknown>;
  if (typeof body.accessToken !== 'string' || typeof body.subject !== 'string') throw new SignInError('shape');
  startSession({
    accessToken: body.accessToken,
    subject: body.subject,
    roles: [role],
    name,
    expiresAt: Date.now() + (typeof body.expiresIn === 'number' ? body.expiresIn : 3600) * 1000,
  });
}

export async function cognitoSignIn(returnTo: string): Promise<void> {
  const current = await authConfig();
  if (current.provider === 'cognito') await beginSignIn(current, returnTo);
}

/** Forgets every token; with Cognito also ends the managed-login session. */
export function signOut(): void {
  const wasCognito = session.value?.refresh?.config;
  signOutLocally();
  if (wasCognito) location.assign(logoutUrl(wasCognito));
  else navigate('/');
}
