import { madeOnFirstUse } from '@skillpass/domain';
import type { CoreOptions } from '@skillpass/api/compose-lazy';
import { ed25519KeyIdOf } from '@skillpass/credentials';
import { getTaxonomy } from '@skillpass/taxonomy';
import type { JWTVerifyGetKey } from 'jose';
import { cursorSecret, generationsOf, optionalPublicJwkOf, publicJwkOf, table } from './aws-clients.ts';
import { requiredEnv, signInFromEnv } from './env.ts';
import { openApiDocumentFromFile } from './openapi-file.ts';

// Its own file so that both the API's start-up code and the services chunk (which builds the batch worker's full
// dependencies from it) import it without importing each other.

/** The API's settings in AWS that the services need no KMS client for: the core's options. */
export function awsCoreApiOptions(): CoreOptions {
  const origin = requiredEnv('PUBLIC_ORIGIN');
  const signingKeyId = requiredEnv('SIGNING_KEY_ID');
  const currentKid = `${origin}/keys/${requiredEnv('SIGNING_KEY_GENERATION')}`;
  const ed25519KeyId = process.env.ED25519_SIGNING_KEY_ID;
  const generation = requiredEnv('SIGNING_KEY_GENERATION');
  const publishedKeys = madeOnFirstUse(async () => {
    const ed25519Kid = `${origin}/keys/${ed25519KeyIdOf(generation)}`;
    return (
      await Promise.all([
        publicJwkOf(signingKeyId, currentKid).then((jwk) => [jwk]),
        ...(ed25519KeyId ? [publicJwkOf(ed25519KeyId, ed25519Kid).then((jwk) => [jwk])] : []),
        ...generationsOf(process.env.RETIRED_SIGNING_KEYS).map(([generation, keyId]) =>
          publicJwkOf(keyId, `${origin}/keys/${generation}`).then((jwk) => [jwk]),
        ),
        ...generationsOf(process.env.RETIRED_ED25519_SIGNING_KEYS).map(([generation, keyId]) =>
          optionalPublicJwkOf(keyId, `${origin}/keys/${ed25519KeyIdOf(generation)}`),
        ),
      ])
    ).flat();
  });
  // Made on the first token to verify: creating it loads jose and Node's fetch (about 13 ms), which no public route needs.
  let cognitoKeys: Promise<JWTVerifyGetKey> | undefined;
  return {
    table,
    // CursorCodec fetches it on the first cursor, once, and again after a failure.
    cursorSecret,
    taxonomy: getTaxonomy(),
    publicOrigin: origin,
    auth: {
      issuer: requiredEnv('AUTH_ISSUER'),
      audience: requiredEnv('AUTH_AUDIENCE'),
      keys: async (header, token) => {
        cognitoKeys ??= import('./cognito-keys.ts').then(({ cognitoKeySet }) =>
          cognitoKeySet(requiredEnv('AUTH_JWKS_URL')),
        );
        return (await cognitoKeys)(header, token);
      },
    },
    signingKid: currentKid,
    publishedKeys,
    signIn: signInFromEnv,
    openApiDocument: openApiDocumentFromFile,
  };
}
