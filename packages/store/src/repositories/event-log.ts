import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Table } from '../client.ts';
import { entities, itemOf } from '../entities.ts';
import { deleteItem, expiryOf, getLiveItem, getLiveItems, putItems, queryAll, recordOf } from '../items.ts';

/** A delivery given up on: what an operator needs to see why, and to replay it. */
export interface DeadLetter {
  consumer: string;
  eventId: string;
  /** The whole event as delivered. */
  event: { id: string; type: string; source: string; occurredAt: string; detail: unknown };
  /** The last attempt's error message. */
  error: string;
  attempts: number;
  deadLetteredAt: string;
}

/** The pipeline's bookkeeping: which consumer handled which event, and where the local stream reader is. */
export interface EventLogRepository {
  wasConsumed(consumer: string, eventId: string): Promise<boolean>;
  /**
   * Written after a consumer succeeded. A crash before it means a redelivery runs the consumer
   * again, which is safe because every consumer's writes are idempotent.
   */
  markConsumed(consumer: string, eventId: string): Promise<void>;
  /** Of these deliveries, the ones already consumed (`consumer` and `eventId` joined by a space). */
  consumedAmong(deliveries: ReadonlyArray<{ consumer: string; eventId: string }>): Promise<Set<string>>;
  /** `markConsumed` for many deliveries at once, in batch writes. */
  markConsumedMany(deliveries: ReadonlyArray<{ consumer: string; eventId: string }>): Promise<void>;
  /**
   * Records a delivery as given up on and settles it (its consumed marker is written with it), so a
   * redelivery of the same event skips it rather than failing it again; `replay` is the way back.
   */
  recordDeadLetter(letter: Omit<DeadLetter, 'eventId' | 'deadLetteredAt'>): Promise<void>;
  listDeadLetters(): Promise<DeadLetter[]>;
  getDeadLetter(consumer: string, eventId: string): Promise<DeadLetter | undefined>;
  removeDeadLetter(consumer: string, eventId: string): Promise<void>;
  getStreamCheckpoint(shardId: string): Promise<string | undefined>;
  saveStreamCheckpoint(shardId: string, sequenceNumber: string): Promise<void>;
}

export class DynamoEventLogRepository implements EventLogRepository {
  constructor(
    private readonly table: Table,
    private readonly clock: () => Date,
  ) {}

  async wasConsumed(consumer: string, eventId: string): Promise<boolean> {
    return (await getLiveItem(this.table, entities.ConsumedEvent.key(consumer, eventId), this.clock())) !== undefined;
  }

  async markConsumed(consumer: string, eventId: string): Promise<void> {
    const expiresAt = expiryOf(entities.ConsumedEvent, this.clock());
    await this.table.doc.send(
      new PutCommand({
        TableName: this.table.name,
        Item: itemOf(entities.ConsumedEvent, entities.ConsumedEvent.key(consumer, eventId), { expiresAt }),
      }),
    );
  }

  async consumedAmong(deliveries: ReadonlyArray<{ consumer: string; eventId: string }>): Promise<Set<string>> {
    const keys = deliveries.map((d) => entities.ConsumedEvent.key(d.consumer, d.eventId));
    const found = new Set((await getLiveItems(this.table, keys, this.clock())).map((item) => item.PK));
    return new Set(deliveries.filter((_, i) => found.has(keys[i]!.PK)).map((d) => `${d.consumer} ${d.eventId}`));
  }

  async markConsumedMany(deliveries: ReadonlyArray<{ consumer: string; eventId: string }>): Promise<void> {
    const expiresAt = expiryOf(entities.ConsumedEvent, this.clock());
    const unique = new Map(deliveries.map((d) => [`${d.consumer} ${d.eventId}`, d]));
    await putItems(
      this.table,
      [...unique.values()].map((d) =>
        itemOf(entities.ConsumedEvent, entities.ConsumedEvent.key(d.consumer, d.eventId), { expiresAt }),
      ),
    );
  }

  async recordDeadLetter(letter: Omit<DeadLetter, 'eventId' | 'deadLetteredAt'>): Promise<void> {
    const now = this.clock();
    const eventId = letter.event.id;
    const record: DeadLetter = { ...letter, eventId, deadLetteredAt: now.toISOString() };
    await putItems(this.table, [
      itemOf(entities.DeadLetter, entities.DeadLetter.key(letter.consumer, eventId), record),
      itemOf(entities.ConsumedEvent, entities.ConsumedEvent.key(letter.consumer, eventId), {
        expiresAt: expiryOf(entities.ConsumedEvent, now),
      }),
    ]);
  }

  async listDeadLetters(): Promise<DeadLetter[]> {
    return (await queryAll(this.table, { partitionKey: entities.DeadLetter.key('', '').PK })).map((item) =>
      recordOf<DeadLetter>(item),
    );
  }

  async getDeadLetter(consumer: string, eventId: string): Promise<DeadLetter | undefined> {
    const item = await getLiveItem(this.table, entities.DeadLetter.key(consumer, eventId), this.clock());
    return item ? recordOf<DeadLetter>(item) : undefined;
  }

  async removeDeadLetter(consumer: string, eventId: string): Promise<void> {
    await deleteItem(this.table, entities.DeadLetter.key(consumer, eventId));
  }

  async getStreamCheckpoint(shardId: string): Promise<string | undefined> {
    const item = await getLiveItem(this.table, entities.StreamCheckpoint.key(shardId), this.clock());
    return typeof item?.sequenceNumber === 'string' ? item.sequenceNumber : undefined;
  }

  async saveStreamCheckpoint(shardId: string, sequenceNumber: string): Promise<void> {
    await this.table.doc.send(
      new PutCommand({
        TableName: this.table.name,
        Item: itemOf(entities.StreamCheckpoint, entities.StreamCheckpoint.key(shardId), { sequenceNumber }),
      }),
    );
  }
}
