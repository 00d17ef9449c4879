import {
  Duration,
  type Stack,
  type aws_dynamodb as dynamodb,
  aws_lambda_event_sources as sources,
  type aws_sqs as sqs,
} from 'aws-cdk-lib';
import { FUNCTION_ENTRIES } from '@skillpass/functions';
import { type MakeFunction, originEnvironment } from './functions.ts';
import { grantSigning, type Keys } from './keys.ts';
import { workQueue } from './queues.ts';

/** The queue the API puts credential batches on (made early: every function is told its URL). */
export const credentialBatchQueue = (stack: Stack): { queue: sqs.Queue; dlq: sqs.Queue } =>
  // Six times the worker's timeout, as Lambda recommends for SQS sources.
  workQueue(stack, 'CredentialBatch', Duration.minutes(90));

/** The worker that signs and writes a queued credential batch, one batch a delivery. */
export function credentialBatchWorker(
  makeFunction: MakeFunction,
  resources: {
    environment: Record<string, string>;
    publicOrigin: string;
    table: dynamodb.TableV2;
    keys: Keys;
    queue: sqs.Queue;
  },
): void {
  // 1 GB / 15 min for the batch worker: a batch of 10,000 signs and writes for minutes.
  const sizing = { memoryMB: 1024, timeout: Duration.minutes(15) };
  const environment = { ...resources.environment, ...originEnvironment(resources.publicOrigin) };
  const worker = makeFunction('CredentialBatchWorker', FUNCTION_ENTRIES.credentialBatchWorker, sizing, environment);
  resources.table.grantReadWriteData(worker);
  grantSigning(resources.keys, worker);
  worker.addEventSource(new sources.SqsEventSource(resources.queue, { batchSize: 1, reportBatchItemFailures: true }));
}

/**
 * A job's push to the graduates it reaches, in chunks of 500 (no cap): jobMatching queues them on the returned queue,
 * the push worker applies up to 4 chunks a delivery (a graduate several reach is recomputed once).
 */
export function pushWorker(
  stack: Stack,
  makeFunction: MakeFunction,
  resources: { environment: Record<string, string>; table: dynamodb.TableV2 },
): { queue: sqs.Queue; dlq: sqs.Queue } {
  const push = workQueue(stack, 'Push', Duration.minutes(30));
  // 1 GB / 5 min: scoring a chunk's graduates in memory and recomputing the lists a job enters.
  const sizing = { memoryMB: 1024, timeout: Duration.minutes(5) };
  const worker = makeFunction('PushWorker', FUNCTION_ENTRIES.pushWorker, sizing, resources.environment);
  resources.table.grantReadWriteData(worker);
  worker.addEventSource(new sources.SqsEventSource(push.queue, { batchSize: 4, reportBatchItemFailures: true }));
  return push;
}
