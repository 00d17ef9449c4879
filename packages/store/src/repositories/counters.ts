import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Table } from '../client.ts';
import { entities } from '../entities.ts';
import { expiryOf, getLiveItems, isConditionFailure } from '../items.ts';

/** The platform's counters: kept by a consumer from domain events, read by administrators without a scan. */
export type PlatformCounterName = 'profiles' | 'openJobs' | 'applications' | 'credentialsIssued' | 'credentialsRevoked';

/** One change to one counter: for all time (`all`) or an ISO week (`2026-W49`). */
export interface CounterChange {
  counter: PlatformCounterName;
  period: string;
  by: number;
}

export interface CounterRepository {
  /**
   * Applies an event's changes exactly once: a marker for the event is written in the same transaction as
   * the additions, so a redelivered event adds nothing. False: the event was counted before.
   */
  applyOnce(eventId: string, changes: readonly CounterChange[]): Promise<boolean>;
  /**
   * The same for many events, coalesced: up to 90 events' markers and their summed additions in one
   * transaction, so a batch does not contend on the same counters event by event. A transaction that finds an
   * event counted already is applied again event by event (`applyOnce`), so nothing counts twice.
   */
  applyManyOnce(events: ReadonlyArray<{ eventId: string; changes: readonly CounterChange[] }>): Promise<void>;
  /** The values of the given counters (0 for one never written). */
  read(keys: ReadonlyArray<{ counter: PlatformCounterName; period: string }>): Promise<number[]>;
}

/** ISO 8601 week of a moment (UTC), as `2026-W49`: weeks start on Monday, week 1 holds the year's first Thursday. */
export function isoWeekOf(at: Date): string {
  const day = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  const weekday = day.getUTCDay() || 7;
  day.setUTCDate(day.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((day.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** Markers of 90 events and at most 9 counters (5 for all time, 2 weekly over at most two weeks) stay under DynamoDB's 100 items a transaction. */
const EVENTS_PER_TRANSACTION = 90;

/** Another transaction held an item this one writes (no condition failed): worth trying again. */
const isTransactionConflict = (error: unknown): boolean =>
  error instanceof TransactionCanceledException &&
  (error.CancellationReasons ?? []).some((reason) => reason.Code === 'TransactionConflict') &&
  !(error.CancellationReasons ?? []).some((reason) => reason.Code === 'ConditionalCheckFailed');

export class DynamoCounterRepository implements CounterRepository {
  constructor(
    private readonly table: Table,
    private readonly clock: () => Date,
  ) {}

  async applyOnce(eventId: string, changes: readonly CounterChange[]): Promise<boolean> {
    if (changes.length === 0) return true;
    try {
      await this.transact([eventId], changes);
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  async applyManyOnce(events: ReadonlyArray<{ eventId: string; changes: readonly CounterChange[] }>): Promise<void> {
    const counted = events.filter((e) => e.changes.length > 0);
    for (let start = 0; start < counted.length; start += EVENTS_PER_TRANSACTION) {
      const chunk = counted.slice(start, start + EVENTS_PER_TRANSACTION);
      const sums = new Map<string, CounterChange>();
      for (const change of chunk.flatMap((e) => e.changes)) {
        const key = `${change.counter} ${change.period}`;
        sums.set(key, { ...change, by: (sums.get(key)?.by ?? 0) + change.by });
      }
      try {
        await this.transact(
          chunk.map((e) => e.eventId),
          [...sums.values()],
        );
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
        for (const event of chunk) await this.applyOnce(event.eventId, event.changes);
      }
    }
  }

  /**
   * Writes the events' markers (each only if absent) and adds the changes, all or nothing. Transactions that
   * collide on a hot counter (parallel consumers in AWS) are tried again after a short random wait.
   */
  private async transact(eventIds: readonly string[], changes: readonly CounterChange[]): Promise<void> {
    const expiresAt = expiryOf(entities.CountedEvent, this.clock());
    const command = new TransactWriteCommand({
      TransactItems: [
        ...eventIds.map((eventId) => ({
          Put: {
            TableName: this.table.name,
            Item: { ...entities.CountedEvent.key(eventId), entity: entities.CountedEvent.name, expiresAt },
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        })),
        ...changes.map(({ counter, period, by }) => ({
          Update: {
            TableName: this.table.name,
            Key: entities.PlatformCounter.key(counter, period),
            UpdateExpression: 'ADD #value :by SET entity = :entity, #counter = :counter, period = :period',
            ExpressionAttributeNames: { '#value': 'value', '#counter': 'counter' },
            ExpressionAttributeValues: {
              ':by': by,
              ':entity': entities.PlatformCounter.name,
              ':counter': counter,
              ':period': period,
            },
          },
        })),
      ],
    });
    for (let attempt = 0; ; attempt++) {
      try {
        await this.table.doc.send(command);
        return;
      } catch (error) {
        if (!isTransactionConflict(error) || attempt >= 8) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * 2 ** attempt));
      }
    }
  }

  async read(keys: ReadonlyArray<{ counter: PlatformCounterName; period: string }>): Promise<number[]> {
    const items = await getLiveItems(
      this.table,
      keys.map((k) => entities.PlatformCounter.key(k.counter, k.period)),
      this.clock(),
    );
    const values = new Map(items.map((item) => [`${item.PK}\u0000${item.SK}`, Number(item.value ?? 0)]));
    return keys.map((k) => {
      const key = entities.PlatformCounter.key(k.counter, k.period);
      return values.get(`${key.PK}\u0000${key.SK}`) ?? 0;
    });
  }
}
