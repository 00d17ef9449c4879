import { processCredentialBatch } from '@skillpass/services';
import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import * as z from 'zod/mini';
import { awsApiDeps } from './aws-api-services.ts';
import { logJson } from './log.ts';
import { builtOnFirstUse } from '@skillpass/domain';

const messageSchema = builtOnFirstUse(() => z.object({ batchId: z.string().check(z.minLength(1)) }));
const deps = awsApiDeps();

/** SQS → batch issuance. Each message names a batch; a failed one alone is retried (partial batch response). */
export async function handler(event: SQSEvent, context?: Pick<Context, 'awsRequestId'>): Promise<SQSBatchResponse> {
  const failures: SQSBatchResponse['batchItemFailures'] = [];
  for (const record of event.Records) {
    try {
      const { batchId } = messageSchema().parse(JSON.parse(record.body));
      await processCredentialBatch(deps, deps.credentialService, batchId);
      logJson('info', 'batch processed', { awsRequestId: context?.awsRequestId, messageId: record.messageId, batchId });
    } catch (error) {
      logJson('error', 'batch failed', {
        awsRequestId: context?.awsRequestId,
        messageId: record.messageId,
        error: String(error),
      });
      failures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures: failures };
}
