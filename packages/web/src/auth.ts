import { computed, signal } from '@preact/signals';
import { type CognitoConfig, refreshTokens, type TokenSet } from './pkce.ts';

export type Role = 'graduate' | 'employer' | 'issuer' | 'organiser' | 'admin';
export const ROLES: readonly Role[] = ['graduate', 'employer', 'issuer', 'organiser', 'admin'];

export interface Session {
  accessToken: string;
  subject: string;
  roles: Role[];
  name: string;
  expiresAt: number;
  /** Cognito only: kept in memory like the rest, used shortly before the access token expires. */
  refresh?: { token: string; config: CognitoConfig };
  idToken?: string;
}

/** The signed-in person. Held in memory only: nothing about the session is written to storage. */
export const session = signal<Session | null>(null);
export const signedIn = computed(() => session.value !== null);
export const hasRole = (role: Role) => session.value?.roles.includes(role) || session.value?.roles.includes('admin');

let refreshTimer: ReturnType<typeof setTimeout> | undefined;

/** The claims of a JWT the API will check anyway: read here only to show who is signed in. */
export function readClaims(jwt: string): Record<string, unknown> {
  const payload = jwt.split('.')[1] ?? '';
  try {
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(json, (c) => c.charCodeAt(0));
    const claims: unknown = JSON.parse(new TextDecoder().decode(bytes));
    return claims && typeof claims === 'object' ? (claims as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export function rolesOf(claims: Record<string, unknown>): Role[] {
  const groups = claims['cognito:groups'];
  return Array.isArray(groups) ? ROLES.filter((role) => groups.includes(role)) : [];
}

let refreshing: Promise<void> | undefined;

export function startSession(next: Session): void {
  session.value = next;
  clearTimeout(refreshTimer);
  if (!next.refresh) return;
  // A minute before expiry, trade the refresh token for new tokens; on failure the session ends.
  const delay = Math.max(5_000, next.expiresAt - Date.now() - 60_000);
  refreshTimer = setTimeout(() => void refreshSession(), delay);
}

/** One refresh at a time: the timer and a request that finds the token stale share it. */
function refreshSession(): Promise<void> {
  const refresh = session.peek()?.refresh;
  if (!refresh) return Promise.resolve();
  refreshing ??= refreshTokens(refresh.config, refresh.token)
    .then(
      (tokens) => startSession(sessionFromTokens(tokens, refresh.config, refresh.token)),
      () => signOutLocally(),
    )
    .finally(() => {
      refreshing = undefined;
    });
  return refreshing;
}

/**
 * The access token to send now. A phone that slept past the refresh timer (timers do not run while it sleeps)
 * would otherwise send an expired token: one about to expire is refreshed first, when a refresh token is held.
 */
export async function currentAccessToken(): Promise<string | undefined> {
  const now = session.peek();
  if (now?.refresh && now.expiresAt - Date.now() < 30_000) await refreshSession();
  return session.peek()?.accessToken;
}

export function sessionFromTokens(tokens: TokenSet, config: CognitoConfig, previousRefresh?: string): Session {
  const claims = readClaims(tokens.accessToken);
  const idClaims = tokens.idToken ? readClaims(tokens.idToken) : {};
  const refreshToken = tokens.refreshToken ?? previousRefresh;
  return {
    accessToken: tokens.accessToken,
    subject: String(claims.sub ?? ''),
    roles: rolesOf(claims),
    name: String(idClaims.name ?? idClaims.email ?? claims.username ?? ''),
    expiresAt: Date.now() + tokens.expiresIn * 1000,
    ...(refreshToken ? { refresh: { token: refreshToken, config } } : {}),
    ...(tokens.idToken ? { idToken: tokens.idToken } : {}),
  };
}

/** Forgets every token this page holds. */
export function signOutLocally(): void {
  clearTimeout(refreshTimer);
  session.value = null;
}
