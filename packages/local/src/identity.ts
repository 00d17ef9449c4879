import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type JWK, SignJWT } from 'jose';

/**
 * The local stand-in for Cognito: one ES256 key kept under .data/, its public half served as a
 * JWKS, and tokens shaped like Cognito's (`cognito:groups`, `client_id`).
 */
export const LOCAL_ISSUER = 'skillpass-local';
export const LOCAL_AUDIENCE = 'skillpass-local';

export interface DevIdentity {
  publicJwks: { keys: JWK[] };
  mintToken(options: { sub: string; roles: string[]; ttlSeconds?: number }): Promise<string>;
}

/** The server creates the key; anything else minting tokens must use that one, or its tokens are refused. */
export class MissingIdentityError extends Error {
  constructor(readonly keyFile: string) {
    super(`There is no identity key at ${keyFile}.`);
  }
}

/** The server's side: the key is created on first start. */
export async function loadOrCreateDevIdentity(keyFile: string): Promise<DevIdentity> {
  if (!existsSync(keyFile)) {
    const { privateKey } = await generateKeyPair('ES256', { extractable: true });
    const privateJwk = {
      ...(await exportJWK(privateKey)),
      alg: 'ES256',
      use: 'sig',
      kid: `dev-${Date.now().toString(36)}`,
    };
    mkdirSync(dirname(keyFile), { recursive: true });
    writeFileSync(keyFile, JSON.stringify(privateJwk), { mode: 0o600 });
    chmodSync(keyFile, 0o600);
  }
  return loadDevIdentity(keyFile);
}

/** The token CLI's side: an existing key only (MissingIdentityError otherwise). */
export async function loadDevIdentity(keyFile: string): Promise<DevIdentity> {
  if (!existsSync(keyFile)) throw new MissingIdentityError(keyFile);
  const privateJwk = JSON.parse(readFileSync(keyFile, 'utf8')) as JWK;
  const { d: _private, ...publicJwk } = privateJwk;
  const signingKey = await importJWK(privateJwk, 'ES256');
  return {
    publicJwks: { keys: [publicJwk] },
    mintToken: ({ sub, roles, ttlSeconds = 12 * 60 * 60 }) =>
      new SignJWT({ 'cognito:groups': roles, client_id: LOCAL_AUDIENCE, token_use: 'access' })
        .setProtectedHeader({ alg: 'ES256', kid: privateJwk.kid, typ: 'JWT' })
        .setIssuer(LOCAL_ISSUER)
        .setSubject(sub)
        .setIssuedAt()
        .setExpirationTime(`${ttlSeconds}s`)
        .sign(signingKey),
  };
}
