import { createRemoteJWKSet, type JWTVerifyGetKey } from 'jose';

/**
 * Cognito's signing keys, fetched from its JWKS on first use. A module of its own so that the API imports it (with
 * jose's JWKS code) on the first token to verify, and a single-file bundle keeps only this much of jose.
 */
export const cognitoKeySet = (jwksUrl: string): JWTVerifyGetKey => createRemoteJWKSet(new URL(jwksUrl));
