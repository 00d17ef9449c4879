import { builtOnFirstUse } from '@skillpass/domain';
import { applyPushChunks } from '@skillpass/services';
import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import * as z from 'zod/mini';
import { awsConsumerDeps } from './aws-runtime.ts';
import { logJson } from './log.ts';

const pendingSchema = z.object({
  kind: z.enum(['jobs', 'profiles']),
  scope: z.string(),
  occurredAt: z.string(),
  eventId: z.string(),
});
const chunkSchema = builtOnFirstUse(() =>
  z.object({
    jobId: z.string().check(z.minLength(1)),
    jobVersion: z.int().check(z.positive()),
    graduateIds: z.array(z.string()),
    pending: z.optional(pendingSchema),
  }),
);
const deps = awsConsumerDeps();

/**
 * SQS → a job's push, chunk by chunk: the messages of one delivery are applied together, so a
 * graduate several of them reach is recomputed once. Applying is idempotent; a failure returns
 * every message of the delivery for a retry (then the dead-letter queue).
 */
export async function handler(event: SQSEvent, context?: Pick<Context, 'awsRequestId'>): Promise<SQSBatchResponse> {
  try {
    const chunks = event.Records.map((record) => chunkSchema().parse(JSON.parse(record.body)));
    const outcome = await applyPushChunks(deps, chunks);
    logJson('info', 'push applied', { awsRequestId: context?.awsRequestId, chunks: chunks.length, ...outcome });
    return { batchItemFailures: [] };
  } catch (error) {
    logJson('error', 'push failed', { awsRequestId: context?.awsRequestId, error: String(error) });
    return { batchItemFailures: event.Records.map((record) => ({ itemIdentifier: record.messageId })) };
  }
}
