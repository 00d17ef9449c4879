/**
 * OAuth 2.0 authorization code flow with PKCE (RFC 7636) against Cognito managed login. Only the code
 * verifier and state survive the redirect (sessionStorage, removed on return); tokens stay in memory.
 */
export interface CognitoConfig {
  authorizeUrl: string;
  tokenUrl: string;
  logoutUrl: string;
  clientId: string;
  scopes: string[];
}

export interface TokenSet {
  accessToken: string;
  idToken?: string;
  refreshToken?: string;
  expiresIn: number;
}

const PENDING_KEY = 'skillpass.pkce';
export const CALLBACK_PATH = '/signed-in';

function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomString(): string {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

export async function codeChallenge(verifier: string): Promise<string> {
  return base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
}

export async function beginSignIn(config: CognitoConfig, returnTo: string): Promise<void> {
  const verifier = randomString();
  const state = randomString();
  sessionStorage.setItem(PENDING_KEY, JSON.stringify({ verifier, state, returnTo }));
  const url = new URL(config.authorizeUrl);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: config.clientId,
    redirect_uri: location.origin + CALLBACK_PATH,
    scope: config.scopes.join(' '),
    state,
    code_challenge: await codeChallenge(verifier),
    code_challenge_method: 'S256',
  }).toString();
  location.assign(url.toString());
}

/** On return to CALLBACK_PATH: the code and state checked against what this tab sent, then traded for tokens. */
export async function completeSignIn(
  config: CognitoConfig,
  query: URLSearchParams,
): Promise<{ tokens: TokenSet; returnTo: string }> {
  const pending = sessionStorage.getItem(PENDING_KEY);
  sessionStorage.removeItem(PENDING_KEY);
  const { verifier, state, returnTo } = pending
    ? (JSON.parse(pending) as { verifier: string; state: string; returnTo: string })
    : { verifier: '', state: '', returnTo: '/' };
  const code = query.get('code');
  if (!code || !verifier || query.get('state') !== state) throw new Error('sign-in response does not match');
  const tokens = await tokenRequest(config, {
    grant_type: 'authorization_code',
    client_id: config.clientId,
    code,
    redirect_uri: location.origin + CALLBACK_PATH,
    code_verifier: verifier,
  });
  return { tokens, returnTo: returnTo.startsWith('/') ? returnTo : '/' };
}

export function refreshTokens(config: CognitoConfig, refreshToken: string): Promise<TokenSet> {
  return tokenRequest(config, { grant_type: 'refresh_token', client_id: config.clientId, refresh_token: refreshToken });
}

async function tokenRequest(config: CognitoConfig, form: Record<string, string>): Promise<TokenSet> {
  const response = await fetch(config.tokenUrl, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  });
  if (!response.ok) throw new Error(`token endpoint answered ${response.status}`);
  const body = (await response.json()) as Record<string, unknown>;
  if (typeof body.access_token !== 'string') throw new Error('no access token');
  return {
    accessToken: body.access_token,
    ...(typeof body.id_token === 'string' ? { idToken: body.id_token } : {}),
    ...(typeof body.refresh_token === 'string' ? { refreshToken: body.refresh_token } : {}),
    expiresIn: typeof body.expires_in === 'number' ? body.expires_in : 3600,
  };
}

export function logoutUrl(config: CognitoConfig): string {
  const url = new URL(config.logoutUrl);
  url.search = new URLSearchParams({ client_id: config.clientId, logout_uri: `${location.origin}/` }).toString();
  return url.toString();
}
