import { createPublicKey } from 'node:crypto';
import type { KMSClient } from '@aws-sdk/client-kms';
import { madeOnFirstUse } from '@skillpass/domain/first-use';
import { connectTable } from '@skillpass/store';
import type { JWK } from 'jose';
import { requiredEnv } from './env.ts';

// Clients are created once per container. Only DynamoDB is needed by every request; KMS, Secrets
// Manager and SQS are loaded by the first request that uses them, which keeps them out of the cold start.
export const table = connectTable({
  tableName: process.env.TABLE_NAME ?? 'skillpass',
  // Unset in AWS; set to run these handlers against DynamoDB Local.
  ...(process.env.DYNAMODB_ENDPOINT ? { endpoint: process.env.DYNAMODB_ENDPOINT } : {}),
});
export const kms = madeOnFirstUse(
  async (): Promise<KMSClient> => new (await import('@aws-sdk/client-kms')).KMSClient({}),
);

/** A KMS key's public half as a JWK: P-256 keys sign ES256, Ed25519 keys EdDSA (the Data Integrity proofs). */
export async function publicJwkOf(keyId: string, kid: string): Promise<JWK> {
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
export async function optionalPublicJwkOf(keyId: string, kid: string): Promise<JWK[]> {
  try {
    return [await publicJwkOf(keyId, kid)];
  } catch (error) {
    if ((error as { name?: string }).name === 'NotFoundException') return [];
    throw error;
  }
}

/** `g1=alias/…,g2=alias/…` → [generation, KMS key id] pairs. */
export const generationsOf = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .filter(Boolean)
    .map((entry) => entry.split('=') as [string, string]);

export async function cursorSecret(): Promise<string> {
  const { SecretsManagerClient, GetSecretValueCommand } = await import('@aws-sdk/client-secrets-manager');
  const out = await new SecretsManagerClient({}).send(
    new GetSecretValueCommand({ SecretId: requiredEnv('CURSOR_SECRET_ARN') }),
  );
  return out.SecretString ?? '';
}
