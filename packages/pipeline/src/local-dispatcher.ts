import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  ExpiredIteratorException,
  GetRecordsCommand,
  type GetRecordsCommandOutput,
  GetShardIteratorCommand,
  type Shard,
} from '@aws-sdk/client-dynamodb-streams';
import type { Table } from '@skillpass/store';
import type { ConsumerDeps } from './consumers.ts';
import { dispatchEvent } from './dispatch.ts';
import { domainEventsFromStreamRecord, type StreamRecord } from './stream-mapping.ts';

export interface LocalDispatcher {
  /** Resolves once every record currently in the stream has been delivered. */
  drain(): Promise<void>;
  stop(): Promise<void>;
}

export interface LocalDispatcherOptions {
  table: Table;
  deps: ConsumerDeps;
  endpoint: string;
  pollIntervalMs?: number;
  onError?: (error: unknown) => void;
}

/**
 * Locally stands in for stream → EventBridge → consumers: reads DynamoDB Local's stream, maps each
 * record with the same function the AWS publisher uses and calls the consumers the routing table
 * names. Its position is kept in the table, so a restart continues where it stopped.
 */
export async function startLocalDispatcher(options: LocalDispatcherOptions): Promise<LocalDispatcher> {
  const { table, deps } = options;
  const described = await table.raw.send(new DescribeTableCommand({ TableName: table.name }));
  const streamArn = described.Table?.LatestStreamArn;
  if (!streamArn) throw new Error(`table ${table.name} has no stream`);
  const streams = new DynamoDBStreamsClient({
    endpoint: options.endpoint,
    region: 'local',
    credentials: { accessKeyId: 'skillpass', secretAccessKey: 'local' },
  });
  const iterators = new Map<string, string | null>();
  let stopped = false;
  let pass: Promise<boolean> | undefined;

  async function listShards(): Promise<Shard[]> {
    const shards: Shard[] = [];
    let start: string | undefined;
    do {
      const out = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn, ExclusiveStartShardId: start }));
      shards.push(...(out.StreamDescription?.Shards ?? []));
      start = out.StreamDescription?.LastEvaluatedShardId;
    } while (start);
    return shards;
  }

  async function iteratorFor(shardId: string): Promise<string | undefined> {
    const checkpoint = await deps.eventLog.getStreamCheckpoint(shardId);
    const out = await streams.send(
      new GetShardIteratorCommand({
        StreamArn: streamArn,
        ShardId: shardId,
        ...(checkpoint
          ? { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: checkpoint }
          : { ShardIteratorType: 'TRIM_HORIZON' }),
      }),
    );
    return out.ShardIterator;
  }

  /** One read of every shard; true when any records were seen. */
  async function readOnce(): Promise<boolean> {
    let sawRecords = false;
    for (const shard of await listShards()) {
      const shardId = shard.ShardId!;
      if (iterators.get(shardId) === null) continue;
      let iterator = iterators.get(shardId) ?? (await iteratorFor(shardId));
      if (!iterator) continue;
      let out: GetRecordsCommandOutput;
      try {
        out = await streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 100 }));
      } catch (error) {
        if (!(error instanceof ExpiredIteratorException)) throw error;
        iterators.delete(shardId);
        continue;
      }
      let lastWithEvents: string | undefined;
      for (const record of (out.Records ?? []) as StreamRecord[]) {
        sawRecords = true;
        const events = domainEventsFromStreamRecord(record);
        for (const event of events) await dispatchEvent(event, deps);
        if (events.length > 0) lastWithEvents = record.dynamodb?.SequenceNumber;
      }
      // Checkpoint only after records that carried events: checkpoint writes are stream records
      // too, and saving after every batch would feed the stream forever.
      if (lastWithEvents) await deps.eventLog.saveStreamCheckpoint(shardId, lastWithEvents);
      iterator = out.NextShardIterator ?? undefined;
      iterators.set(shardId, iterator ?? null);
    }
    return sawRecords;
  }

  function runPass(): Promise<boolean> {
    pass ??= readOnce().finally(() => {
      pass = undefined;
    });
    return pass;
  }

  const loop = (async () => {
    while (!stopped) {
      try {
        await runPass();
      } catch (error) {
        // A failed record is not checkpointed: it is read and delivered again on a fresh iterator.
        iterators.clear();
        options.onError?.(error);
      }
      await new Promise((r) => setTimeout(r, options.pollIntervalMs ?? 200));
    }
  })();

  return {
    async drain() {
      // Read until a pass sees nothing new: everything written before the call has been delivered.
      for (let i = 0; i < 50; i++) {
        await pass;
        if (!(await runPass())) return;
      }
    },
    async stop() {
      stopped = true;
      await loop;
      streams.destroy();
    },
  };
}
