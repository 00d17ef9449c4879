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
import { type AnyDomainEvent, BACKGROUND_CONSUMERS, CONSUMERS, type ConsumerName } from '@skillpass/events';
import type { ConsumerDeps } from './consumers.ts';
import { DEFAULT_RETRY_POLICY, deliverOneByOne, type RetryPolicy } from './dead-letters.ts';
import { type BatchStats, dispatchBatch } from './dispatch.ts';
import { pendingChangesOf } from './matching-batch.ts';
import { withPostingsMirror } from './postings-mirror.ts';
import { domainEventsFromStreamRecord, type StreamRecord } from './stream-mapping.ts';

export interface LocalDispatcher {
  /** Resolves once every record currently in the stream has been delivered. */
  drain(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * One applied batch: its events (with when each was written) and what matching did with them. Every event is
 * applied twice, in order: by the foreground consumers, then by the background ones (`background` in the routing).
 */
export interface AppliedBatch {
  lane: 'foreground' | 'background';
  events: readonly AnyDomainEvent[];
  /** Absent when the batch failed and its events were delivered one by one. */
  stats?: BatchStats;
  /** Deliveries given up on after their retries (recorded as dead letters). */
  deadLettered: ReadonlyArray<{ consumer: string; eventId: string }>;
  appliedAt: Date;
}

export interface LocalDispatcherOptions {
  table: Table;
  deps: ConsumerDeps;
  endpoint: string;
  pollIntervalMs?: number;
  /** Events applied together at most (default 1,000): the unit of coalescing and of redelivery. */
  batchSize?: number;
  /** Graduates, jobs and keyed consumers worked on at once within a batch (default 8). */
  concurrency?: number;
  /** Tries per consumer and event once a batch has failed, before a dead letter (default 5, from 200 ms doubling). */
  retry?: RetryPolicy;
  onError?: (error: unknown) => void;
  onBatch?: (batch: AppliedBatch) => void;
}

/** A stream record read and not yet applied. */
interface Queued {
  shardId: string;
  sequenceNumber: string;
  events: AnyDomainEvent[];
}

const MAX_READS_PER_PASS = 50;
const RECORDS_PER_READ = 1_000;
const FOREGROUND: readonly ConsumerName[] = CONSUMERS.filter((consumer) => !BACKGROUND_CONSUMERS.includes(consumer));
/**
 * Background events held, in batches' worth, before they go ahead of newer foreground work, so that statistics
 * never starve under a load that does not stop. Large: insights recounts run at about 30 events a second here, and
 * taken sooner they would stall a bulk load's lists behind them (an event held is ~2 KB).
 */
const BACKGROUND_BACKLOG_BATCHES = 20;

/**
 * Locally stands in for stream → EventBridge → consumers: reads DynamoDB Local's stream, maps each
 * record with the same function the AWS publisher uses and calls the consumers the routing table
 * names. It reads ahead of what it applies, marking each job and profile change pending on reading
 * (so a read during a backlog sees it), and applies the events in batches (`dispatchBatch`). Its
 * position is kept in the table and moves only past applied batches, so a restart continues where
 * it stopped and a crash redelivers (at least once; consumers are idempotent). A batch that fails is
 * delivered again event by event (`deliverOneByOne`): what still fails after its retries becomes a
 * dead letter, and the checkpoint moves on past the batch.
 *
 * Two lanes: the foreground consumers (matching, notifications, delivery) apply each batch first; the
 * background ones (statistics: skills insights, platform counts) apply the same events once the
 * foreground has caught up with the stream, or once a few batches' worth wait for them. Under a bulk
 * load the lists people read are not held up by counters nobody waits on. The checkpoint moves only
 * past what both lanes applied, so a crash between them redelivers to both (the foreground skips what
 * its consumed markers say it did).
 */
export async function startLocalDispatcher(options: LocalDispatcherOptions): Promise<LocalDispatcher> {
  const { table } = options;
  // Postings are written only here: kept in memory across batches instead of queried again each one.
  const deps = await withPostingsMirror(options.deps);
  const batchSize = options.batchSize ?? 1_000;
  const described = await table.raw.send(new DescribeTableCommand({ TableName: table.name }));
  const streamArn = described.Table?.LatestStreamArn;
  if (!streamArn) throw new Error(`table ${table.name} has no stream`);
  const streams = new DynamoDBStreamsClient({
    endpoint: options.endpoint,
    region: 'local',
    credentials: { accessKeyId: 'skillpass', secretAccessKey: 'local' },
  });
  const iterators = new Map<string, string | null>();
  /** Read, not yet applied by the foreground consumers. */
  let queue: Queued[] = [];
  /** Applied by the foreground consumers, not yet by the background ones (so not yet checkpointed). */
  let background: Queued[] = [];
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

  const eventsIn = (records: readonly Queued[]) => records.reduce((n, q) => n + q.events.length, 0);

  /** Reads what the shards hold now (bounded per pass), queues the records with events and marks their changes pending. */
  async function readAhead(): Promise<boolean> {
    let sawRecords = false;
    for (const shard of await listShards()) {
      const shardId = shard.ShardId!;
      for (let read = 0; read < MAX_READS_PER_PASS; read++) {
        if (iterators.get(shardId) === null) break;
        const iterator = iterators.get(shardId) ?? (await iteratorFor(shardId));
        if (!iterator) break;
        let out: GetRecordsCommandOutput;
        try {
          out = await streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: RECORDS_PER_READ }));
        } catch (error) {
          if (!(error instanceof ExpiredIteratorException)) throw error;
          // Re-read from the checkpoint: what was queued is queued again.
          iterators.delete(shardId);
          queue = queue.filter((q) => q.shardId !== shardId);
          background = background.filter((q) => q.shardId !== shardId);
          break;
        }
        iterators.set(shardId, out.NextShardIterator ?? null);
        const records = (out.Records ?? []) as StreamRecord[];
        if (records.length === 0) break;
        // Caught up with the shard, or a batch's worth queued: apply now and read on in the next pass. Reading on
        // while a bulk load trickles in held every event back until the load (or 50 reads) ended.
        const caughtUp = records.length < RECORDS_PER_READ;
        sawRecords = true;
        const fresh: Queued[] = [];
        for (const record of records) {
          const events = domainEventsFromStreamRecord(record);
          if (events.length > 0) fresh.push({ shardId, sequenceNumber: record.dynamodb!.SequenceNumber!, events });
        }
        await deps.matchingIndex.markPending(fresh.flatMap((q) => q.events.flatMap(pendingChangesOf)));
        queue.push(...fresh);
        if (caughtUp || eventsIn(queue) >= batchSize) break;
      }
    }
    return sawRecords;
  }

  /** The first records of `records` holding at most `limit` events (at least one record). */
  function firstRecords(records: readonly Queued[], limit: number): Queued[] {
    let take = 0;
    let count = 0;
    while (take < records.length && (take === 0 || count + records[take]!.events.length <= limit)) {
      count += records[take]!.events.length;
      take++;
    }
    return records.slice(0, take);
  }

  /** Applies one batch for one lane's consumers; a failed batch is delivered one by one, dead-lettering what keeps failing. */
  async function apply(batch: readonly Queued[], lane: AppliedBatch['lane']): Promise<void> {
    const events = batch.flatMap((q) => q.events);
    const consumers = lane === 'foreground' ? FOREGROUND : BACKGROUND_CONSUMERS;
    let stats: BatchStats | undefined;
    let deadLettered: AppliedBatch['deadLettered'] = [];
    try {
      stats = await dispatchBatch(events, deps, { concurrency: options.concurrency ?? 8, consumers });
    } catch (error) {
      options.onError?.(error);
      deadLettered = await deliverOneByOne(events, deps, options.retry ?? DEFAULT_RETRY_POLICY, consumers);
    }
    options.onBatch?.({ lane, events, ...(stats ? { stats } : {}), deadLettered, appliedAt: new Date() });
  }

  /**
   * Applies the next batch and says whether there was one: the background lane's when the foreground has
   * nothing queued or the background backlog is full, else the foreground's. Checkpoints move past records
   * only once the background lane has applied them.
   */
  async function applyNext(): Promise<boolean> {
    const backlog = BACKGROUND_BACKLOG_BATCHES * batchSize;
    // A batch leaves its queue as it starts (the read beside it counts only what waits); if applying it
    // throws, the loop drops every queue and reads again from the checkpoint.
    if (background.length > 0 && (queue.length === 0 || eventsIn(background) >= backlog)) {
      // One batch's worth at a time: foreground work that arrives meanwhile waits for one batch, not the backlog.
      const batch = firstRecords(background, batchSize);
      background = background.slice(batch.length);
      await apply(batch, 'background');
      // Checkpoint only records that carried events: checkpoint writes are stream records too, and
      // saving after every read would feed the stream forever.
      const last = new Map(batch.map((q) => [q.shardId, q.sequenceNumber]));
      for (const [shardId, sequenceNumber] of last) await deps.eventLog.saveStreamCheckpoint(shardId, sequenceNumber);
      return true;
    }
    if (queue.length === 0) return false;
    const batch = firstRecords(queue, batchSize);
    queue = queue.slice(batch.length);
    await apply(batch, 'foreground');
    background.push(...batch);
    return true;
  }

  /**
   * Reads ahead while the batch read before is applied: reading (and marking pending) what a bulk load wrote
   * took seconds behind the writers, and applying waited on it. Settled together: a failure of either is
   * handled once neither runs.
   */
  async function readAndApply(): Promise<boolean> {
    const [read, applied] = await Promise.allSettled([readAhead(), applyNext()]);
    if (read.status === 'rejected') throw read.reason;
    if (applied.status === 'rejected') throw applied.reason;
    return read.value || applied.value;
  }

  function runPass(): Promise<boolean> {
    pass ??= readAndApply().finally(() => {
      pass = undefined;
    });
    return pass;
  }

  const loop = (async () => {
    while (!stopped) {
      let busy = false;
      try {
        busy = await runPass();
      } catch (error) {
        // A failed read, or a dead letter that could not be written: nothing past the checkpoint is
        // taken as applied, so it is read and delivered again on fresh iterators.
        iterators.clear();
        queue = [];
        background = [];
        options.onError?.(error);
      }
      if (!busy || (queue.length === 0 && background.length === 0))
        await new Promise((r) => setTimeout(r, options.pollIntervalMs ?? 200));
    }
  })();

  return {
    async drain() {
      // Read and apply until a pass sees nothing new: everything written before the call has been delivered.
      for (;;) {
        await pass?.catch(() => {});
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
