import { type ConsumerName, CONSUMERS, parseDomainEvent } from '@skillpass/events';
import { runConsumer } from '@skillpass/pipeline';
import type { Context, EventBridgeEvent } from 'aws-lambda';
import { awsConsumerDeps } from './aws-runtime.ts';
import { requiredEnv } from './env.ts';
import { logJson } from './log.ts';

const consumer = requiredEnv('CONSUMER_NAME') as ConsumerName;
if (!CONSUMERS.includes(consumer)) throw new Error(`unknown consumer ${consumer}`);
const consumerDeps = awsConsumerDeps();

/** EventBridge → one consumer of the routing table. A throw makes EventBridge retry, then dead-letter. */
export async function handler(
  event: EventBridgeEvent<string, unknown>,
  context?: Pick<Context, 'awsRequestId'>,
): Promise<void> {
  const domainEvent = parseDomainEvent(event.detail);
  await runConsumer(consumer, domainEvent, consumerDeps);
  logJson('info', 'consumed', {
    awsRequestId: context?.awsRequestId,
    consumer,
    eventId: domainEvent.id,
    type: domainEvent.type,
  });
}
