import {
  Duration,
  type Stack,
  type aws_dynamodb as dynamodb,
  aws_events as events,
  aws_events_targets as targets,
  aws_iam as iam,
  aws_lambda as lambda,
  aws_lambda_event_sources as sources,
  type aws_sqs as sqs,
} from 'aws-cdk-lib';
import { CONSUMERS, EVENT_SOURCE, eventTypesFor } from '@skillpass/events';
import { FUNCTION_ENTRIES } from '@skillpass/functions';
import { type MakeFunction, originEnvironment } from './functions.ts';
import { deadLetterQueue } from './queues.ts';
import type { SkillpassStackProps } from './stack-props.ts';

/** The bus the stream publisher puts the table's changes on, as events the consumers' rules route. */
export const eventBus = (stack: Stack, stage: string): events.EventBus =>
  new events.EventBus(stack, 'Bus', { eventBusName: `skillpass-${stage}` });

/** The table's stream, published to the bus; records that still fail after the retries go to the returned DLQ. */
export function streamPublisher(
  stack: Stack,
  makeFunction: MakeFunction,
  resources: { environment: Record<string, string>; table: dynamodb.TableV2; bus: events.EventBus },
): sqs.Queue {
  const { table } = resources;
  // 256 MB / 60 s: the publisher only maps records and calls PutEvents.
  const sizing = { memoryMB: 256, timeout: Duration.seconds(60) };
  const publisher = makeFunction('StreamPublisher', FUNCTION_ENTRIES.streamPublisher, sizing, resources.environment);
  resources.bus.grantPutEventsTo(publisher);
  // It marks job and profile changes pending before publishing them (matching clears them once applied).
  table.grantWriteData(publisher);
  const streamDlq = deadLetterQueue(stack, 'Stream');
  publisher.addEventSource(
    new sources.DynamoEventSource(table, {
      startingPosition: lambda.StartingPosition.TRIM_HORIZON,
      batchSize: 100,
      bisectBatchOnError: true,
      retryAttempts: 10,
      reportBatchItemFailures: true,
      onFailure: new sources.SqsDlq(streamDlq),
    }),
  );
  return streamDlq;
}

/**
 * One function and one rule per consumer, generated from the routing table; each rule's undeliverable events go to
 * that consumer's DLQ (returned, in the consumers' order).
 */
export function eventConsumers(
  stack: Stack,
  makeFunction: MakeFunction,
  resources: {
    environment: Record<string, string>;
    publicOrigin: string;
    mail: SkillpassStackProps['mail'];
    table: dynamodb.TableV2;
    bus: events.EventBus;
    pushQueue: sqs.Queue;
  },
): sqs.Queue[] {
  const { mail, pushQueue } = resources;
  // 512 MB / 60 s: matching recomputes read indexes and score in memory.
  const sizing = { memoryMB: 512, timeout: Duration.seconds(60) };
  const dlqs: sqs.Queue[] = [];
  for (const consumer of CONSUMERS) {
    const types = eventTypesFor(consumer);
    if (types.length === 0) continue;
    const id = `Consumer${consumer[0]!.toUpperCase()}${consumer.slice(1)}`;
    const fn = makeFunction(id, FUNCTION_ENTRIES.consumer, sizing, {
      ...resources.environment,
      CONSUMER_NAME: consumer,
      // The delivery consumer links (the verify URL in its email).
      ...(consumer === 'credentialDelivery' ? originEnvironment(resources.publicOrigin) : {}),
    });
    // Table access only: consumers neither sign nor page.
    resources.table.grantReadWriteData(fn);
    if (consumer === 'mailSender' && mail) {
      fn.addEnvironment('MAIL_FROM', mail.from);
      // Only the platform's own identity (and, in the sandbox, the verified recipients SES also authorises against).
      const identityArn = (identity: string) =>
        stack.formatArn({ service: 'ses', resource: 'identity', resourceName: identity });
      fn.addToRolePolicy(
        new iam.PolicyStatement({
          actions: ['ses:SendEmail'],
          resources: [mail.identity, ...(mail.sandboxRecipients ?? [])].map(identityArn),
        }),
      );
    }
    if (consumer === 'jobMatching') {
      fn.addEnvironment('PUSH_QUEUE_URL', pushQueue.queueUrl);
      pushQueue.grantSendMessages(fn);
    }
    const dlq = deadLetterQueue(stack, id);
    dlqs.push(dlq);
    new events.Rule(stack, `${id}Rule`, {
      eventBus: resources.bus,
      eventPattern: { source: [EVENT_SOURCE], detailType: types },
      targets: [
        new targets.LambdaFunction(fn, { deadLetterQueue: dlq, retryAttempts: 8, maxEventAge: Duration.hours(24) }),
      ],
    });
  }
  return dlqs;
}
