import { madeOnFirstUse } from '@skillpass/domain';
import { type ConsumerDeps, composeConsumerDeps } from '@skillpass/pipeline';
import { CursorCodec } from '@skillpass/store';
import type { PushQueue } from '@skillpass/services';
import { getTaxonomy } from '@skillpass/taxonomy';
import { table } from './aws-clients.ts';
import { sesMailer } from './ses-mailer.ts';

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
  const sqs = madeOnFirstUse(async () => {
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
