import { createPublicKey } from 'node:crypto';
import { GetPublicKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { type ApiDeps, composeApiDeps } from '@skillpass/api';
import { kmsSigner } from '@skillpass/credentials';
import { getTaxonomy } from '@skillpass/taxonomy';
import { connectTable } from '@skillpass/store';
import { createRemoteJWKSet, type JWK } from 'jose';

/** Configuration the stack passes to every function, read once per container. */
export function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`missing environment variable ${name}`);
  return value;
}

// Clients are created once per container, outside the handler.
export const table = connectTable({
  tableName: process.env.TABLE_NAME ?? 'skillpass',
  // Unset in AWS; set to run these handlers against DynamoDB Local.
  ...(process.env.DYNAMODB_ENDPOINT ? { endpoint: process.env.DYNAMODB_ENDPOINT } : {}),
});
const kms = new KMSClient({});
const secrets = new SecretsManagerClient({});
const sqs = new SQSClient({});

async function publicJwkOf(keyId: string, kid: string): Promise<JWK> {
  const out = await kms.send(new GetPublicKeyCommand({ KeyId: keyId }));
  if (!out.PublicKey) throw new Error(`KMS key ${keyId} has no public key`);
  const jwk = createPublicKey({ key: Buffer.from(out.PublicKey), format: 'der', type: 'spki' }).export({ format: 'jwk' }) as JWK;
  return { ...jwk, alg: 'ES256', use: 'sig', kid };
}

let deps: Promise<ApiDeps> | undefined;

/**
 * The API's dependencies in AWS: the table, Cognito's JWKS, the cursor secret from Secrets
 * Manager, the KMS signing key (current alias, plus retired key ids still published) and SQS.
 */
export function awsApiDeps(): Promise<ApiDeps> {
  deps ??= (async () => {
    const origin = requiredEnv('PUBLIC_ORIGIN');
    const signingKeyId = requiredEnv('SIGNING_KEY_ID');
    const generation = requiredEnv('SIGNING_KEY_GENERATION');
    const retired = (process.env.RETIRED_SIGNING_KEYS ?? '').split(',').filter(Boolean);
    const secret = await secrets.send(new GetSecretValueCommand({ SecretId: requiredEnv('CURSOR_SECRET_ARN') }));
    const currentKid = `${origin}/keys/${generation}`;
    const current = await publicJwkOf(signingKeyId, currentKid);
    const older = await Promise.all(
      retired.map((entry) => {
        const [gen, keyId] = entry.split('=');
        return publicJwkOf(keyId!, `${origin}/keys/${gen}`);
      }),
    );
    return composeApiDeps({
      table,
      cursorSecret: secret.SecretString ?? '',
      taxonomy: getTaxonomy(),
      publicOrigin: origin,
      auth: {
        issuer: requiredEnv('AUTH_ISSUER'),
        audience: requiredEnv('AUTH_AUDIENCE'),
        keys: createRemoteJWKSet(new URL(requiredEnv('AUTH_JWKS_URL'))),
      },
      signer: kmsSigner({ client: kms, keyId: signingKeyId, kid: currentKid, publicJwk: current }),
      publishedKeys: [current, ...older],
      batchQueue: () => ({
        async enqueue(batchId) {
          await sqs.send(new SendMessageCommand({ QueueUrl: requiredEnv('BATCH_QUEUE_URL'), MessageBody: JSON.stringify({ batchId }) }));
        },
      }),
    });
  })();
  return deps;
}
