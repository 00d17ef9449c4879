import { cognitoSignIn, type SignInConfig } from '@skillpass/api/sign-in';

/** Configuration the stack passes to every function, read once per container. */
export function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`missing environment variable ${name}`);
  return value;
}

/** Cognito's scopes the web app asks for unless `AUTH_SCOPES` (space-separated) names others. */
const DEFAULT_SCOPES = ['openid', 'email', 'profile'];

/**
 * The web app's sign-in in AWS (`GET /auth/config`): Cognito managed login at `AUTH_DOMAIN_URL`
 * (`https://<prefix>.auth.<region>.amazoncognito.com` or a custom domain) for the public app client `AUTH_CLIENT_ID`.
 */
export function signInFromEnv(env: NodeJS.ProcessEnv = process.env): SignInConfig {
  const domain = env.AUTH_DOMAIN_URL;
  const clientId = env.AUTH_CLIENT_ID;
  if (!domain || !clientId) throw new Error('missing environment variable AUTH_DOMAIN_URL or AUTH_CLIENT_ID');
  if (!/^https:\/\//.test(domain)) throw new Error(`AUTH_DOMAIN_URL must be an https URL, got ${domain}`);
  const scopes = env.AUTH_SCOPES?.split(/\s+/).filter(Boolean);
  return cognitoSignIn(domain, clientId, scopes?.length ? scopes : DEFAULT_SCOPES);
}
