import { madeOnFirstUse } from '@skillpass/domain';
import type { ApiDeps } from '@skillpass/api';
import { composeApiDeps } from '@skillpass/api/compose';
import type { ServiceOptions } from '@skillpass/api/compose-lazy';
import { ed25519KeyIdOf, kmsSigner, loadTrustList } from '@skillpass/credentials';
import { awsCoreApiOptions } from './aws-api-core.ts';
import { kms } from './aws-clients.ts';
import { requiredEnv } from './env.ts';

/**
 * The services' settings in AWS: the generation's P-256 key signs (vc+jwt, ecdsa-rdfc-2019), its Ed25519 key the
 * eddsa-rdfc-2022 proofs (`<generation>-ed25519`, as locally; without ED25519_SIGNING_KEY_ID, an older stack, only the
 * P-256 key signs proofs); the trust list; SQS for batches. Imported by the first route that uses a service.
 */
export function awsServiceOptions(): ServiceOptions {
  const origin = requiredEnv('PUBLIC_ORIGIN');
  const currentKid = `${origin}/keys/${requiredEnv('SIGNING_KEY_GENERATION')}`;
  const ed25519KeyId = process.env.ED25519_SIGNING_KEY_ID;
  const ed25519Kid = `${origin}/keys/${ed25519KeyIdOf(requiredEnv('SIGNING_KEY_GENERATION'))}`;
  const signer = kmsSigner({ client: kms, keyId: requiredEnv('SIGNING_KEY_ID'), kid: currentKid });
  const sqs = madeOnFirstUse(async () => {
    const { SQSClient, SendMessageCommand } = await import('@aws-sdk/client-sqs');
    return { client: new SQSClient({}), SendMessageCommand };
  });
  return {
    signer,
    proofSigners: [
      ...(ed25519KeyId ? [kmsSigner({ client: kms, keyId: ed25519KeyId, kid: ed25519Kid, alg: 'EdDSA' })] : []),
      signer,
    ],
    // Copied next to the bundle when deployed with -c trustedIssuersFile=… (docs/deploy.md).
    ...(process.env.TRUSTED_ISSUERS_FILE ? { externalIssuers: loadTrustList(process.env.TRUSTED_ISSUERS_FILE) } : {}),
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
  };
}

let deps: ApiDeps | undefined;

/** The same dependencies, services made now: the batch worker's, which uses nothing else. */
export function awsApiDeps(): ApiDeps {
  if (deps) return deps;
  const core = awsCoreApiOptions();
  deps = composeApiDeps({ ...core, ...awsServiceOptions() });
  return deps;
}
