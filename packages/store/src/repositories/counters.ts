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

export class DynamoCounterRepository implements CounterRepository {
  constructor(
    private readonly table: Table,
    private readonly clock: () => Date,
  ) {}

  async applyOnce(eventId: string, changes: readonly CounterChange[]): Promise<boolean> {
    if (changes.length === 0) return true;
    const marker = entities.CountedEvent.key(eventId);
    const expiresAt = expiryOf(entities.CountedEvent, this.clock());
    try {
      await this.table.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.table.name,
                Item: { ...marker, entity: entities.CountedEvent.name, expiresAt },
                ConditionExpression: 'attribute_not_exists(PK)',
              },
            },
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
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
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
