/** Kept apart from the route so that functions read it from the environment without loading the API. */

/**
 * How the web app signs people in: locally the dev identity provider's sign-in page, in AWS Cognito's managed login
 * (authorization code flow with PKCE; the client is public, so there is no secret to publish).
 */
export type SignInConfig =
  | { provider: 'local' }
  | {
      provider: 'cognito';
      authorizeUrl: string;
      tokenUrl: string;
      logoutUrl: string;
      clientId: string;
      scopes: string[];
    };

/** The OAuth endpoints of a Cognito user pool domain (hosted or custom), for a public app client. */
export function cognitoSignIn(domainUrl: string, clientId: string, scopes: string[]): SignInConfig {
  const base = domainUrl.replace(/\/+$/, '');
  return {
    provider: 'cognito',
    authorizeUrl: `${base}/oauth2/authorize`,
    tokenUrl: `${base}/oauth2/token`,
    logoutUrl: `${base}/logout`,
    clientId,
    scopes,
  };
}
