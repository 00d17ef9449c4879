import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { domainEventsFromStreamRecord, pendingChangesOf, type StreamRecord } from '@skillpass/pipeline';
import { connectTable, DynamoMatchingIndexRepository } from '@skillpass/store';
import type { Context, DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { requiredEnv } from './env.ts';
import { logJson } from './log.ts';

const eventBridge = new EventBridgeClient({});
const MAX_ENTRIES_PER_PUT = 10;
// Only the pending-change entries are written here: the matching index repository, nothing else.
const matchingIndex = new DynamoMatchingIndexRepository(
  connectTable({
    tableName: process.env.TABLE_NAME ?? 'skillpass',
    // Unset in AWS; set to run this handler against DynamoDB Local.
    ...(process.env.DYNAMODB_ENDPOINT ? { endpoint: process.env.DYNAMODB_ENDPOINT } : {}),
  }),
  () => new Date(),
);

/**
 * Table stream → EventBridge. Every record's events are put together; a record whose events
 * could not all be put is reported as failed, so Lambda retries from it (bisecting on error).
 * Job and profile changes are first marked pending (matching clears them once applied), so a read
 * of a ranked list while they wait says it is not up to date.
 */
export async function handler(
  event: DynamoDBStreamEvent,
  context?: Pick<Context, 'awsRequestId'>,
): Promise<DynamoDBBatchResponse> {
  const busName = requiredEnv('EVENT_BUS_NAME');
  for (const record of event.Records) {
    const events = domainEventsFromStreamRecord(record as StreamRecord);
    try {
      await matchingIndex.markPending(events.flatMap(pendingChangesOf));
      for (let i = 0; i < events.length; i += MAX_ENTRIES_PER_PUT) {
        const out = await eventBridge.send(
          new PutEventsCommand({
            Entries: events.slice(i, i + MAX_ENTRIES_PER_PUT).map((domainEvent) => ({
              EventBusName: busName,
              Source: domainEvent.source,
              DetailType: domainEvent.type,
              Time: new Date(domainEvent.occurredAt),
              Detail: JSON.stringify(domainEvent),
            })),
          }),
        );
        if ((out.FailedEntryCount ?? 0) > 0) throw new Error(`${out.FailedEntryCount} events were not accepted`);
      }
    } catch (error) {
      logJson('error', 'publish failed', {
        awsRequestId: context?.awsRequestId,
        eventID: record.eventID,
        error: String(error),
      });
      // Stream records are ordered: stop here and let Lambda retry from this one.
      return { batchItemFailures: [{ itemIdentifier: record.dynamodb?.SequenceNumber ?? '' }] };
    }
    if (events.length > 0)
      logJson('info', 'published', {
        awsRequestId: context?.awsRequestId,
        eventID: record.eventID,
        types: events.map((e) => e.type),
      });
  }
  return { batchItemFailures: [] };
}
