import { createPublicKey } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { KMSClient } from '@aws-sdk/client-kms';
import type { ApiDeps } from '@skillpass/api';
import { composeApiDeps } from '@skillpass/api/compose';
import { ed25519KeyIdOf, kmsSigner, loadTrustList } from '@skillpass/credentials';
import { type ConsumerDeps, composeConsumerDeps } from '@skillpass/pipeline';
import { CursorCodec, connectTable } from '@skillpass/store';
import type { PushQueue } from '@skillpass/services';
import { getTaxonomy } from '@skillpass/taxonomy';
import { createRemoteJWKSet, type JWK, type JWTVerifyGetKey } from 'jose';
import { requiredEnv, signInFromEnv } from './env.ts';
import { sesMailer } from './ses-mailer.ts';

/** A value made on first use and shared after; a failure is not kept, so the next call retries. */
function once<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | undefined;
  return () => {
    made ??= make().catch((error: unknown) => {
      made = undefined;
      throw error;
    });
    return made;
  };
}

// Clients are created once per container. Only DynamoDB is needed by every request; KMS, Secrets
// Manager and SQS are loaded by the first request that uses them, which keeps them out of the cold start.
export const table = connectTable({
  tableName: process.env.TABLE_NAME ?? 'skillpass',
  // Unset in AWS; set to run these handlers against DynamoDB Local.
  ...(process.env.DYNAMODB_ENDPOINT ? { endpoint: process.env.DYNAMODB_ENDPOINT } : {}),
});
const kms = once(async (): Promise<KMSClient> => new (await import('@aws-sdk/client-kms')).KMSClient({}));

/** A KMS key's public half as a JWK: P-256 keys sign ES256, Ed25519 keys EdDSA (the Data Integrity proofs). */
async function publicJwkOf(keyId: string, kid: string): Promise<JWK> {
  const [client, { GetPublicKeyCommand }] = await Promise.all([kms(), import('@aws-sdk/client-kms')]);
  const out = await client.send(new GetPublicKeyCommand({ KeyId: keyId }));
  if (!out.PublicKey) throw new Error(`KMS key ${keyId} has no public key`);
  const key = createPublicKey({ key: Buffer.from(out.PublicKey), format: 'der', type: 'spki' });
  const jwk = key.export({ format: 'jwk' }) as JWK;
  return { ...jwk, alg: key.asymmetricKeyType === 'ed25519' ? 'EdDSA' : 'ES256', use: 'sig', kid };
}

/**
 * A retired generation's Ed25519 key, when it has one: generations deployed before the stack made Ed25519 keys
 * have none, and their missing alias must not hide every other published key.
 */
async function optionalPublicJwkOf(keyId: string, kid: string): Promise<JWK[]> {
  try {
    return [await publicJwkOf(keyId, kid)];
  } catch (error) {
    if ((error as { name?: string }).name === 'NotFoundException') return [];
    throw error;
  }
}

/** `g1=alias/…,g2=alias/…` → [generation, KMS key id] pairs. */
const generationsOf = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .filter(Boolean)
    .map((entry) => entry.split('=') as [string, string]);

async function cursorSecret(): Promise<string> {
  const { SecretsManagerClient, GetSecretValueCommand } = await import('@aws-sdk/client-secrets-manager');
  const out = await new SecretsManagerClient({}).send(
    new GetSecretValueCommand({ SecretId: requiredEnv('CURSOR_SECRET_ARN') }),
  );
  return out.SecretString ?? '';
}

/**
 * The event consumers' dependencies: the table and the skill graph. Consumers read whole partitions
 * and never page, so they hold no cursor secret (nor any KMS permission).
 */
export function awsConsumerDeps(): ConsumerDeps {
  const noCursors = new CursorCodec(async () => {
    throw new Error('event consumers never page: they have no cursor secret');
  });
  // The consumer functions have no origin, trust list or KMS key yet, so they cannot read a held credential's
  // status: it reads as unknown and its skills do not count (fail closed) until they are given them.
  const credentialService = { standingOf: async () => 'unknown' as const };
  return {
    ...composeConsumerDeps({ table, cursors: noCursors, taxonomy: getTaxonomy(), credentialService }),
    // A job's push goes to the push queue in chunks (the push worker applies them), when the function has one.
    ...(process.env.PUSH_QUEUE_URL ? { pushQueue: sqsPushQueue(process.env.PUSH_QUEUE_URL) } : {}),
    // The delivery consumer links to the verify page; the mail sender sends through SES from the stack's identity.
    ...(process.env.PUBLIC_ORIGIN ? { publicOrigin: process.env.PUBLIC_ORIGIN } : {}),
    ...(process.env.MAIL_FROM ? { mailer: sesMailer(process.env.MAIL_FROM) } : {}),
  };
}

/** Five chunks a request: a chunk of 500 graduate ids is about 20 KB, and a request may carry 256 KB. */
const CHUNKS_PER_SEND = 5;

function sqsPushQueue(queueUrl: string): PushQueue {
  const sqs = once(async () => {
    const { SQSClient, SendMessageBatchCommand } = await import('@aws-sdk/client-sqs');
    return { client: new SQSClient({}), SendMessageBatchCommand };
  });
  return {
    async enqueue(chunks) {
      const { client, SendMessageBatchCommand } = await sqs();
      for (let start = 0; start < chunks.length; start += CHUNKS_PER_SEND) {
        const out = await client.send(
          new SendMessageBatchCommand({
            QueueUrl: queueUrl,
            Entries: chunks.slice(start, start + CHUNKS_PER_SEND).map((chunk, i) => ({
              Id: String(start + i),
              MessageBody: JSON.stringify(chunk),
            })),
          }),
        );
        // A throw makes the consumer's event be retried: the chunks sent already are applied idempotently.
        if ((out.Failed ?? []).length > 0) throw new Error(`${out.Failed!.length} push chunks were not queued`);
      }
    },
  };
}

let deps: ApiDeps | undefined;

/**
 * The API's dependencies in AWS: the table, Cognito's JWKS, the cursor secret from Secrets
 * Manager, the KMS signing keys (the generation's P-256 key and its Ed25519 key for Data Integrity proofs, plus
 * retired key ids still published) and SQS.
 * Nothing here calls AWS: each remote value is fetched by the first request that needs it.
 */
export function awsApiDeps(): ApiDeps {
  if (deps) return deps;
  const origin = requiredEnv('PUBLIC_ORIGIN');
  const signingKeyId = requiredEnv('SIGNING_KEY_ID');
  const currentKid = `${origin}/keys/${requiredEnv('SIGNING_KEY_GENERATION')}`;
  // The generation's Ed25519 key signs the eddsa-rdfc-2022 proofs (`<generation>-ed25519`, as locally); the P-256 key
  // the ecdsa-rdfc-2019 ones. Without ED25519_SIGNING_KEY_ID (an older stack) only the P-256 key signs proofs.
  const ed25519KeyId = process.env.ED25519_SIGNING_KEY_ID;
  const ed25519Kid = `${origin}/keys/${ed25519KeyIdOf(requiredEnv('SIGNING_KEY_GENERATION'))}`;
  const publishedKeys = once(async () =>
    (
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
    ).flat(),
  );
  const signer = kmsSigner({ client: kms, keyId: signingKeyId, kid: currentKid });
  const sqs = once(async () => {
    const { SQSClient, SendMessageCommand } = await import('@aws-sdk/client-sqs');
    return { client: new SQSClient({}), SendMessageCommand };
  });
  // Made on the first token to verify: creating it loads Node's fetch (about 13 ms), which the batch worker never needs.
  let cognitoKeys: JWTVerifyGetKey | undefined;
  deps = composeApiDeps({
    table,
    // CursorCodec fetches it on the first cursor, once, and again after a failure.
    cursorSecret,
    taxonomy: getTaxonomy(),
    publicOrigin: origin,
    auth: {
      issuer: requiredEnv('AUTH_ISSUER'),
      audience: requiredEnv('AUTH_AUDIENCE'),
      keys: (header, token) => {
        cognitoKeys ??= createRemoteJWKSet(new URL(requiredEnv('AUTH_JWKS_URL')));
        return cognitoKeys(header, token);
      },
    },
    signer,
    proofSigners: [
      ...(ed25519KeyId ? [kmsSigner({ client: kms, keyId: ed25519KeyId, kid: ed25519Kid, alg: 'EdDSA' })] : []),
      signer,
    ],
    // Copied next to the bundle when deployed with -c trustedIssuersFile=… (docs/deploy.md).
    ...(process.env.TRUSTED_ISSUERS_FILE ? { externalIssuers: loadTrustList(process.env.TRUSTED_ISSUERS_FILE) } : {}),
    publishedKeys,
    signIn: signInFromEnv,
    // Written next to the bundle at build time (scripts/write-openapi.ts).
    openApiDocument: once(async () =>
      JSON.parse(
        await readFile(
          process.env.OPENAPI_DOCUMENT_FILE ?? fileURLToPath(new URL('openapi.json', import.meta.url)),
          'utf8',
        ),
      ),
    ),
    batchQueue: () => ({
      async enqueue(batchId) {
        const { client, SendMessageCommand } = await sqs();
        await client.send(
          new SendMessageCommand({
            QueueUrl: requiredEnv('BATCH_QUEUE_URL'),
            MessageBody: JSON.stringify({ batchId }),
          }),
        );
      },
    }),
  });
  return deps;
}
