import { Duration, type Stack, aws_sqs as sqs } from 'aws-cdk-lib';
import { acknowledge } from './nag.ts';

/** A dead-letter queue `<name>Dlq`: kept 14 days, encrypted, SSL-only. */
export function deadLetterQueue(stack: Stack, name: string): sqs.Queue {
  const queue = new sqs.Queue(stack, `${name}Dlq`, {
    retentionPeriod: Duration.days(14),
    enforceSSL: true,
    encryption: sqs.QueueEncryption.SQS_MANAGED,
  });
  acknowledge(queue, { 'AwsSolutions-SQS3': 'This queue is itself a dead-letter queue.' });
  return queue;
}

/** A work queue `<name>Queue` whose messages move to its dead-letter queue `<name>Dlq` after 5 receives. */
export function workQueue(
  stack: Stack,
  name: string,
  visibilityTimeout: Duration,
): { queue: sqs.Queue; dlq: sqs.Queue } {
  const dlq = deadLetterQueue(stack, name);
  const queue = new sqs.Queue(stack, `${name}Queue`, {
    visibilityTimeout,
    deadLetterQueue: { queue: dlq, maxReceiveCount: 5 },
    enforceSSL: true,
    encryption: sqs.QueueEncryption.SQS_MANAGED,
  });
  return { queue, dlq };
}
