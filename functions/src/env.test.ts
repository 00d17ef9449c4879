import { describe, expect, it } from 'vitest';
import { signInFromEnv } from './env.ts';

describe('signInFromEnv (GET /auth/config in AWS)', () => {
  it('derives the managed login endpoints from the user pool domain and names the public client', () => {
    expect(
      signInFromEnv({
        AUTH_DOMAIN_URL: 'https://skillpass-dev.auth.eu-central-1.amazoncognito.com/',
        AUTH_CLIENT_ID: 'client123',
      }),
    ).toEqual({
      provider: 'cognito',
      authorizeUrl: 'https://skillpass-dev.auth.eu-central-1.amazoncognito.com/oauth2/authorize',
      tokenUrl: 'https://skillpass-dev.auth.eu-central-1.amazoncognito.com/oauth2/token',
      logoutUrl: 'https://skillpass-dev.auth.eu-central-1.amazoncognito.com/logout',
      clientId: 'client123',
      scopes: ['openid', 'email', 'profile'],
    });
    expect(
      signInFromEnv({
        AUTH_DOMAIN_URL: 'https://login.example.com',
        AUTH_CLIENT_ID: 'c',
        AUTH_SCOPES: 'openid  email',
      }),
    ).toMatchObject({ authorizeUrl: 'https://login.example.com/oauth2/authorize', scopes: ['openid', 'email'] });
  });

  it('refuses a stack that set neither, one of the two, or a plain-http domain', () => {
    expect(() => signInFromEnv({})).toThrow(/AUTH_DOMAIN_URL or AUTH_CLIENT_ID/);
    expect(() => signInFromEnv({ AUTH_DOMAIN_URL: 'https://x.example.com' })).toThrow(/AUTH_CLIENT_ID/);
    expect(() => signInFromEnv({ AUTH_DOMAIN_URL: 'http://x.example.com', AUTH_CLIENT_ID: 'c' })).toThrow(/https/);
  });
});
