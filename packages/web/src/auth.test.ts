import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { currentAccessToken, session, sessionFromTokens, startSession } from './auth.ts';
import type { CognitoConfig } from './pkce.ts';

const config: CognitoConfig = {
  authorizeUrl: 'https://auth.example/oauth2/authorize',
  tokenUrl: 'https://auth.example/oauth2/token',
  logoutUrl: 'https://auth.example/logout',
  clientId: 'client-1',
  scopes: ['openid'],
};
/** An unsigned JWT-shaped token: the page only reads claims to show who is signed in. */
const token = (claims: Record<string, unknown>) =>
  ['e30', btoa(JSON.stringify(claims)).replace(/=+$/, ''), 'sig'].join('.');

/** Cognito's token endpoint, answering refresh_token grants with a new access token (or refusing them). */
function tokenEndpoint(answer: 'ok' | 'refused') {
  const grants: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      expect(url).toBe(config.tokenUrl);
      const form = new URLSearchParams(String(init.body));
      grants.push(`${form.get('grant_type')}:${form.get('refresh_token')}`);
      if (answer === 'refused') return new Response('{"error":"invalid_grant"}', { status: 400 });
      return Response.json({
        access_token: token({ sub: 'grad-1', 'cognito:groups': ['graduate'], n: grants.length }),
        expires_in: 3600,
        token_type: 'Bearer',
      });
    }),
  );
  return grants;
}

describe('a Cognito session stays signed in with its refresh token', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
    session.value = null;
  });

  it('trades the refresh token for new tokens a minute before the access token expires, keeping the refresh token', async () => {
    const grants = tokenEndpoint('ok');
    startSession(
      sessionFromTokens(
        { accessToken: token({ sub: 'grad-1', 'cognito:groups': ['graduate'] }), refreshToken: 'r1', expiresIn: 3600 },
        config,
      ),
    );
    const first = session.value!.accessToken;
    await vi.advanceTimersByTimeAsync(3_530_000);
    expect(grants).toEqual([]);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(grants).toEqual(['refresh_token:r1']);
    expect(session.value!.accessToken).not.toBe(first);
    expect(session.value!.refresh?.token).toBe('r1');
    expect(session.value!.roles).toEqual(['graduate']);
  });

  it('refreshes before a request when the token went stale while the timer could not run (a sleeping phone)', async () => {
    const grants = tokenEndpoint('ok');
    startSession({
      ...sessionFromTokens({ accessToken: token({ sub: 'grad-1' }), refreshToken: 'r2', expiresIn: 3600 }, config),
      expiresAt: Date.now() - 1_000,
    });
    const stale = session.value!.accessToken;
    const [a, b] = await Promise.all([currentAccessToken(), currentAccessToken()]);
    expect(grants).toEqual(['refresh_token:r2']);
    expect(a).toBe(b);
    expect(a).not.toBe(stale);
  });

  it('ends the session when the refresh token is refused', async () => {
    tokenEndpoint('refused');
    startSession({
      ...sessionFromTokens({ accessToken: token({ sub: 'grad-1' }), refreshToken: 'r3', expiresIn: 3600 }, config),
      expiresAt: Date.now() - 1_000,
    });
    expect(await currentAccessToken()).toBeUndefined();
    expect(session.value).toBeNull();
  });

  it('leaves a local session (no refresh token) as it is', async () => {
    const grants = tokenEndpoint('ok');
    startSession({ accessToken: 'local', subject: 's', roles: ['graduate'], name: 'n', expiresAt: Date.now() - 1 });
    expect(await currentAccessToken()).toBe('local');
    expect(grants).toEqual([]);
  });
});
