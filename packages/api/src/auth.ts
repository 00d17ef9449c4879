import type { Viewer } from '@skillpass/services';
import type { MiddlewareHandler } from 'hono';
import type { JWTVerifyGetKey } from 'jose';
import { problemResponse } from './problem.ts';

export const ROLES = ['graduate', 'employer', 'issuer', 'organiser', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface Principal {
  sub: string;
  roles: Role[];
}

export interface AuthConfig {
  issuer: string;
  /** Accepted as `aud` (ID tokens) or `client_id` (Cognito access tokens). */
  audience: string;
  keys: JWTVerifyGetKey;
}

/** Asymmetric algorithms only: `none` and HMAC (where a public key could double as a secret) are refused. */
export const ACCEPTED_ALGORITHMS = ['RS256', 'ES256', 'EdDSA'];
const CLOCK_SKEW_SECONDS = 30;

export class AuthenticationError extends Error {
  /** What the 401 tells the client; by default nothing beyond "invalid or expired". */
  constructor(
    message: string,
    readonly detail = 'The bearer token is invalid or expired.',
  ) {
    super(message);
  }
}

/** A token from another key store (say `npm run token` with another data dir) is told apart from a forged one. */
function unknownKeyError(token: string, jose: typeof import('jose')): AuthenticationError {
  let kid: unknown;
  try {
    kid = jose.decodeProtectedHeader(token).kid;
  } catch {
    // unreadable header: nothing to name
  }
  return new AuthenticationError(
    'unknown signing key',
    `The token was signed with key ${JSON.stringify(kid ?? null)}, which this server does not know; get a token from the identity provider this server trusts.`,
  );
}

export async function verifyBearerToken(token: string, config: AuthConfig): Promise<Principal> {
  // Imported by the first token to verify: a public request (a job search, a verification) never needs it, and in a
  // Lambda it is a chunk of its own that such a request's cold start does not read.
  const jose = await import('jose');
  try {
    const { payload } = await jose.jwtVerify(token, config.keys, {
      issuer: config.issuer,
      algorithms: ACCEPTED_ALGORITHMS,
      clockTolerance: CLOCK_SKEW_SECONDS,
      requiredClaims: ['exp', 'sub'],
    });
    // jose checks iat only against a maximum age; a token from the future is refused here.
    if (typeof payload.iat === 'number' && payload.iat > Date.now() / 1000 + CLOCK_SKEW_SECONDS) {
      throw new AuthenticationError(
        'issued in the future',
        `The token was issued in the future (iat beyond the ${CLOCK_SKEW_SECONDS} s clock skew); check the issuer's clock.`,
      );
    }
    const audiences = typeof payload.aud === 'string' ? [payload.aud] : (payload.aud ?? []);
    if (!audiences.includes(config.audience) && payload.client_id !== config.audience) {
      throw new AuthenticationError('token is for another audience');
    }
    const groups = payload['cognito:groups'];
    const roles = (Array.isArray(groups) ? groups : []).filter((g): g is Role => ROLES.includes(g as Role));
    return { sub: String(payload.sub), roles };
  } catch (error) {
    if (error instanceof AuthenticationError) throw error;
    if (error instanceof jose.errors.JWKSNoMatchingKey) throw unknownKeyError(token, jose);
    if (error instanceof jose.errors.JOSEError) throw new AuthenticationError(error.code);
    throw error;
  }
}

export type AuthEnv = { Variables: { principal: Principal } };

/** Requires a valid bearer token carrying one of `roles`: 401 without a good token, 403 with the wrong role. */
export function requireRole(config: AuthConfig, ...roles: Role[]): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    const header = c.req.header('Authorization') ?? '';
    const match = /^Bearer ([A-Za-z0-9_.-]+)$/.exec(header);
    const challenge = { 'WWW-Authenticate': 'Bearer realm="skillpass"' };
    if (!match)
      return problemResponse(c, 'unauthorized', 'Send a bearer token: Authorization: Bearer <jwt>.', [], challenge);
    let principal: Principal;
    try {
      principal = await verifyBearerToken(match[1]!, config);
    } catch (error) {
      if (!(error instanceof AuthenticationError)) throw error;
      return problemResponse(c, 'unauthorized', error.detail, [], {
        'WWW-Authenticate': 'Bearer realm="skillpass", error="invalid_token"',
      });
    }
    if (!principal.roles.some((role) => roles.includes(role) || role === 'admin')) {
      return problemResponse(c, 'forbidden', `This needs the ${roles.join(' or ')} role.`);
    }
    c.set('principal', principal);
    await next();
  };
}

export const isAdmin = (principal: Principal): boolean => principal.roles.includes('admin');

/** The principal as the services see a reader of records: administrators may read anyone's. */
export const viewerOf = (principal: Principal): Viewer => ({ id: principal.sub, admin: isAdmin(principal) });
