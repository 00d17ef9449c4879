import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, ScanCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import {
  type Cell,
  type CellKey,
  cellId,
  type CounterWeek,
  counterDelta,
  countersOf,
  graduateContribution,
  type InsightPlace,
  type JobFacts,
  jobContribution,
  type ProfileFacts,
} from '@skillpass/insights';
import type { Table } from '../client.ts';
import { entities, itemOf, partitions } from '../entities.ts';
import {
  ConditionalWriteFailed,
  deleteItems,
  getLiveItem,
  getLiveItems,
  isConditionFailure,
  putItems,
  queryAll,
} from '../items.ts';
import { withOptimisticRetry } from '../optimistic.ts';

/** Who a contribution is for: a job or a graduate (`job#<jobId>`, `graduate#<graduateId>`). */
export type InsightSource = `job#${string}` | `graduate#${string}`;

/** The skills-intelligence counters and, per job and graduate, what they are counted as. */
export interface InsightsRepository {
  /**
   * Makes the counters count `cells` for `source` instead of what they counted before: the difference is added
   * (ADD updates) together with the new contribution record, in transactions, so a retry or a redelivery never
   * counts twice and a crash half-way is finished by the next call.
   */
  recount(source: InsightSource, cells: readonly Cell[]): Promise<void>;
  /**
   * `recount` for many sources at once (a pipeline batch's jobs and graduates): their records are read in one
   * batch read, and several sources' records go in one transaction with the sum of their counter changes, one
   * transaction at a time, instead of a transaction per source all contending for the same hot counters. A source
   * whose recount was interrupted, whose change needs more than one transaction, or whose group lost a race is
   * recounted alone.
   */
  recountMany(entries: ReadonlyArray<{ source: InsightSource; cells: readonly Cell[] }>): Promise<void>;
  /** A place's counters of one week, or of all weeks (`all`); only one kind's (`skill:`, `occupation:`) if given. */
  countersAt(place: InsightPlace, week: CounterWeek, kind?: 'skill:' | 'occupation:'): Promise<Cell[]>;
  /** The counters with these keys (absent ones are zero and left out). */
  countersFor(keys: readonly CellKey[]): Promise<Cell[]>;
  /**
   * Recovery: recomputes every counter and contribution from the jobs and profiles in the table (a scan, the only
   * one outside tests) and replaces what was there. Run with the pipeline stopped.
   */
  rebuild(): Promise<{ sources: number; counters: number }>;
}

/** Counters updated per transaction, leaving room for the contribution record (DynamoDB allows 100 items). */
const CHUNK = 99;

interface ContributionRecord {
  cells: Cell[];
  /** The counter changes being applied, when a recount is under way; `applied` of its chunks are done. */
  pending?: Cell[];
  applied: number;
  rev: number;
}

/** Several sources' recounts in one transaction: their records, and their counter changes summed per counter. */
interface RecountGroup {
  sources: InsightSource[];
  records: Record<string, unknown>[];
  counters: Map<string, Cell>;
  forget: Array<{ source: InsightSource; rev: number }>;
}

const emptyGroup = (): RecountGroup => ({ sources: [], records: [], counters: new Map(), forget: [] });

function addInto(sums: Map<string, Cell>, cell: Cell): void {
  const sum = sums.get(cellId(cell)) ?? { ...cell, jobs: 0, declared: 0, verified: 0 };
  sum.jobs += cell.jobs;
  sum.declared += cell.declared;
  sum.verified += cell.verified;
  sums.set(cellId(cell), sum);
}

const keyString = (key: { PK: string; SK: string }) => `${key.PK}\u0000${key.SK}`;

const recordFrom = (item: Record<string, unknown>): ContributionRecord => ({
  cells: item.cells as Cell[],
  pending: item.pending as Cell[] | undefined,
  applied: Number(item.applied),
  rev: Number(item.rev),
});

const chunksOf = (cells: readonly Cell[]) =>
  Array.from({ length: Math.ceil(cells.length / CHUNK) }, (_, i) => cells.slice(i * CHUNK, (i + 1) * CHUNK));

export class DynamoInsightsRepository implements InsightsRepository {
  constructor(
    private readonly table: Table,
    private readonly clock: () => Date,
  ) {}

  recount(source: InsightSource, cells: readonly Cell[]): Promise<void> {
    return withOptimisticRetry(async () => {
      let record = await this.#record(source);
      // A recount interrupted earlier is finished first: its chunks are applied exactly once.
      if (record?.pending) record = await this.#finish(source, record);
      const delta = counterDelta(record?.cells ?? [], cells);
      if (delta.length === 0) return;
      const rev = (record?.rev ?? 0) + 1;
      const [first = [], ...rest] = chunksOf(delta);
      const next: ContributionRecord = {
        cells: [...cells],
        applied: 1,
        rev,
        ...(rest.length > 0 ? { pending: delta } : {}),
      };
      if (rest.length === 0) next.applied = 0;
      await this.#transact(first, {
        Put: {
          TableName: this.table.name,
          Item: itemOf(entities.InsightContribution, entities.InsightContribution.key(source), next),
          ConditionExpression: record ? 'rev = :rev' : 'attribute_not_exists(PK)',
          ...(record ? { ExpressionAttributeValues: { ':rev': record.rev } } : {}),
        },
      });
      if (next.pending) await this.#finish(source, next);
      // Nothing counted any more (a closed job, an erased graduate): the record goes, and with it the id.
      if (cells.length === 0) await this.#forget(source, rev);
    });
  }

  async recountMany(entries: ReadonlyArray<{ source: InsightSource; cells: readonly Cell[] }>): Promise<void> {
    const wanted = new Map(entries.map((entry) => [entry.source, entry.cells]));
    const records = await this.#records([...wanted.keys()]);
    const alone: InsightSource[] = [];
    const groups: RecountGroup[] = [];
    let group = emptyGroup();
    for (const [source, cells] of wanted) {
      const record = records.get(source);
      if (record?.pending) {
        alone.push(source);
        continue;
      }
      const delta = counterDelta(record?.cells ?? [], cells);
      if (delta.length === 0) continue;
      if (delta.length > CHUNK) {
        alone.push(source);
        continue;
      }
      const adds = delta.filter((cell) => !group.counters.has(cellId(cell))).length;
      if (group.records.length + 1 + group.counters.size + adds > CHUNK + 1) {
        groups.push(group);
        group = emptyGroup();
      }
      const rev = (record?.rev ?? 0) + 1;
      group.sources.push(source);
      group.records.push({
        Put: {
          TableName: this.table.name,
          Item: itemOf(entities.InsightContribution, entities.InsightContribution.key(source), {
            cells: [...cells],
            applied: 0,
            rev,
          }),
          ConditionExpression: record ? 'rev = :rev' : 'attribute_not_exists(PK)',
          ...(record ? { ExpressionAttributeValues: { ':rev': record.rev } } : {}),
        },
      });
      for (const cell of delta) addInto(group.counters, cell);
      if (cells.length === 0) group.forget.push({ source, rev });
    }
    if (group.records.length > 0) groups.push(group);
    // One group at a time: groups share the hottest counters, and concurrent transactions on them would conflict.
    for (const next of groups) {
      try {
        await this.#transactItems(next.records, [...next.counters.values()]);
      } catch (error) {
        // Nothing of the group was written: its sources are recounted alone, from their records as they are now.
        if (!(isConditionFailure(error) || error instanceof TransactionCanceledException)) throw error;
        alone.push(...next.sources);
        continue;
      }
      for (const { source, rev } of next.forget) await this.#forget(source, rev);
    }
    for (const source of alone) await this.recount(source, wanted.get(source)!);
  }

  /** Applies the pending chunks from `applied` on, each with the record's step forward; returns the settled record. */
  async #finish(source: InsightSource, record: ContributionRecord): Promise<ContributionRecord> {
    const chunks = chunksOf(record.pending ?? []);
    for (let i = record.applied; i < chunks.length; i++) {
      const last = i === chunks.length - 1;
      await this.#transact(chunks[i]!, {
        Update: {
          TableName: this.table.name,
          Key: entities.InsightContribution.key(source),
          UpdateExpression: last ? 'SET applied = :zero REMOVE pending' : 'SET applied = :next',
          ConditionExpression: 'rev = :rev AND applied = :at',
          ExpressionAttributeValues: { ':rev': record.rev, ':at': i, ...(last ? { ':zero': 0 } : { ':next': i + 1 }) },
        },
      });
    }
    const { pending: _, ...settled } = record;
    return { ...settled, applied: 0 };
  }

  async #forget(source: InsightSource, rev: number): Promise<void> {
    try {
      await this.table.doc.send(
        new DeleteCommand({
          TableName: this.table.name,
          Key: entities.InsightContribution.key(source),
          ConditionExpression: 'rev = :rev',
          ExpressionAttributeValues: { ':rev': rev },
        }),
      );
    } catch (error) {
      // Another recount moved it on since: that one decides.
      if (!isConditionFailure(error)) throw error;
    }
  }

  async #transact(counters: readonly Cell[], recordWrite: Record<string, unknown>): Promise<void> {
    try {
      await this.#transactItems([recordWrite], counters);
    } catch (error) {
      if (isConditionFailure(error)) throw new ConditionalWriteFailed('precondition-failed', 'insight recount raced');
      throw error;
    }
  }

  async #transactItems(recordWrites: readonly Record<string, unknown>[], counters: readonly Cell[]): Promise<void> {
    await this.table.doc.send(
      new TransactWriteCommand({
        TransactItems: [
          ...recordWrites,
          ...counters
            .filter((cell) => cell.jobs !== 0 || cell.declared !== 0 || cell.verified !== 0)
            .map((cell) => ({
              Update: {
                TableName: this.table.name,
                Key: entities.InsightCounter.key(cell.place, cell.week, cell.concept),
                UpdateExpression:
                  'SET entity = :entity, place = :place, week = :week, concept = :concept ADD jobs :j, declared :d, verified :v',
                ExpressionAttributeValues: {
                  ':entity': entities.InsightCounter.name,
                  ':place': cell.place,
                  ':week': cell.week,
                  ':concept': cell.concept,
                  ':j': cell.jobs,
                  ':d': cell.declared,
                  ':v': cell.verified,
                },
              },
            })),
        ],
      }),
    );
  }

  async #records(sources: readonly InsightSource[]): Promise<Map<InsightSource, ContributionRecord>> {
    const byKey = new Map(sources.map((source) => [keyString(entities.InsightContribution.key(source)), source]));
    const items = await getLiveItems(
      this.table,
      sources.map((source) => entities.InsightContribution.key(source)),
      this.clock(),
    );
    const records = new Map<InsightSource, ContributionRecord>();
    for (const item of items) {
      const source = byKey.get(keyString({ PK: String(item.PK), SK: String(item.SK) }));
      if (source) records.set(source, recordFrom(item));
    }
    return records;
  }

  async #record(source: InsightSource): Promise<ContributionRecord | undefined> {
    const item = await getLiveItem(this.table, entities.InsightContribution.key(source), this.clock());
    return item ? recordFrom(item) : undefined;
  }

  async countersAt(place: InsightPlace, week: CounterWeek, kind?: 'skill:' | 'occupation:'): Promise<Cell[]> {
    const partition = { partitionKey: partitions.insightCounters(place, week) };
    return (await queryAll(this.table, kind ? { ...partition, sortKeyBeginsWith: kind } : partition)).map(cellOf);
  }

  async countersFor(keys: readonly CellKey[]): Promise<Cell[]> {
    const items = await getLiveItems(
      this.table,
      keys.map((k) => entities.InsightCounter.key(k.place, k.week, k.concept)),
      this.clock(),
    );
    return items.map(cellOf);
  }

  async rebuild(): Promise<{ sources: number; counters: number }> {
    const contributions = new Map<InsightSource, Cell[]>();
    const stale: Array<{ PK: string; SK: string }> = [];
    for await (const item of this.#scan(['Job', 'Profile', 'InsightCounter', 'InsightContribution'])) {
      if (item.entity === 'Job')
        contributions.set(`job#${String(item.jobId)}`, jobContribution(item as unknown as JobFacts));
      else if (item.entity === 'Profile') {
        contributions.set(`graduate#${String(item.graduateId)}`, graduateContribution(item as unknown as ProfileFacts));
      } else stale.push({ PK: String(item.PK), SK: String(item.SK) });
    }
    await deleteItems(this.table, stale);
    const counters = countersOf(contributions.values());
    await putItems(this.table, [
      ...counters.map((cell) =>
        itemOf(entities.InsightCounter, entities.InsightCounter.key(cell.place, cell.week, cell.concept), cell),
      ),
      ...[...contributions]
        .filter(([, cells]) => cells.length > 0)
        .map(([source, cells]) =>
          itemOf(entities.InsightContribution, entities.InsightContribution.key(source), { cells, applied: 0, rev: 1 }),
        ),
    ]);
    return { sources: contributions.size, counters: counters.length };
  }

  async *#scan(entityNames: readonly string[]): AsyncGenerator<Record<string, unknown>> {
    let startKey: Record<string, unknown> | undefined;
    const names = Object.fromEntries(entityNames.map((name, i) => [`:e${i}`, name]));
    do {
      const out = await this.table.doc.send(
        new ScanCommand({
          TableName: this.table.name,
          FilterExpression: `entity IN (${Object.keys(names).join(', ')})`,
          ExpressionAttributeValues: names,
          ExclusiveStartKey: startKey,
        }),
      );
      yield* out.Items ?? [];
      startKey = out.LastEvaluatedKey;
    } while (startKey);
  }
}

function cellOf(item: Record<string, unknown>): Cell {
  return {
    place: item.place as InsightPlace,
    week: item.week as CounterWeek,
    concept: item.concept as Cell['concept'],
    jobs: Number(item.jobs ?? 0),
    declared: Number(item.declared ?? 0),
    verified: Number(item.verified ?? 0),
  };
}
