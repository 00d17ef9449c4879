import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  BatchWriteCommand,
  DeleteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { DomainError } from '@skillpass/domain/errors';
import type { Table } from './client.ts';
import type { CursorCodec } from './cursor.ts';
import type { ItemKey } from './entities.ts';
import type { IndexName } from './table-definition.ts';

export type StoredItem = Record<string, unknown> & ItemKey;

/** Attributes that exist for the table's sake, never part of a domain record. */
const STORAGE_ATTRIBUTES = [
  'PK',
  'SK',
  'GSI1PK',
  'GSI1SK',
  'GSI2PK',
  'GSI2SK',
  'GSI3PK',
  'GSI3SK',
  'owner',
  'entity',
  'expiresAt',
  'searchText',
  'batchRow',
] as const;

export function recordOf<T>(item: Record<string, unknown>): T {
  const record: Record<string, unknown> = { ...item };
  for (const name of STORAGE_ATTRIBUTES) delete record[name];
  return record as T;
}

export const epochSeconds = (at: Date): number => Math.floor(at.getTime() / 1000);

/** The `expiresAt` (TTL) of an item of `entity` written at `now`, from the entity list's lifetime. */
export function expiryOf(entity: { name: string; ttlSeconds?: number }, now: Date): number {
  if (entity.ttlSeconds === undefined) throw new Error(`${entity.name} items do not expire`);
  return epochSeconds(now) + entity.ttlSeconds;
}

/** DynamoDB deletes expired items lazily (up to days later), so every read drops them itself. */
export function isLive(item: Record<string, unknown>, now: Date): boolean {
  const expiresAt = item.expiresAt;
  return typeof expiresAt !== 'number' || expiresAt > epochSeconds(now);
}

export function isConditionFailure(error: unknown): boolean {
  if (error instanceof ConditionalCheckFailedException) return true;
  if (error instanceof TransactionCanceledException) {
    return (error.CancellationReasons ?? []).some((reason) => reason.Code === 'ConditionalCheckFailed');
  }
  return false;
}

/**
 * A conditional write lost: the item already existed (`conflict`) or changed since it was read
 * (`precondition-failed`). Still a DomainError, so the API maps it to 409/412; `withOptimisticRetry`
 * retries exactly these.
 */
export class ConditionalWriteFailed extends DomainError {}

export async function getLiveItem(table: Table, key: ItemKey, now: Date): Promise<StoredItem | undefined> {
  const out = await table.doc.send(new GetCommand({ TableName: table.name, Key: key, ConsistentRead: true }));
  const item = out.Item as StoredItem | undefined;
  return item && isLive(item, now) ? item : undefined;
}

/** Writes a new item; an existing item with the same key is never overwritten. */
export async function createItem(table: Table, item: StoredItem, what: string): Promise<void> {
  try {
    await table.doc.send(
      new PutCommand({ TableName: table.name, Item: item, ConditionExpression: 'attribute_not_exists(PK)' }),
    );
  } catch (error) {
    if (isConditionFailure(error)) throw new ConditionalWriteFailed('conflict', `${what} already exists`);
    throw error;
  }
}

/**
 * Replaces an item only if it is still at `expectedVersion`: the optimistic-concurrency write.
 * The caller's item carries `version = expectedVersion + 1`.
 */
export async function replaceAtVersion(table: Table, item: StoredItem, expectedVersion: number): Promise<void> {
  try {
    await table.doc.send(
      new PutCommand({
        TableName: table.name,
        Item: item,
        ConditionExpression: 'attribute_exists(PK) AND version = :expected',
        ExpressionAttributeValues: { ':expected': expectedVersion },
      }),
    );
  } catch (error) {
    if (isConditionFailure(error)) {
      throw new ConditionalWriteFailed(
        'precondition-failed',
        'The record changed since it was read; read it again and retry.',
      );
    }
    throw error;
  }
}

export interface PageQuery {
  index?: IndexName;
  partitionKey: string;
  sortKeyBeginsWith?: string;
  newestFirst?: boolean;
  limit: number;
  cursor?: string;
  /** What the cursor is bound to: a cursor from one query is refused by another. */
  fingerprint: string;
  filter?: { expression: string; names?: Record<string, string>; values?: Record<string, unknown> };
}

export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

const MAX_READS_PER_PAGE = 8;

/** One page of a Query (never a Scan), dropping expired items and honouring an opaque cursor. */
export async function queryPage(
  table: Table,
  codec: CursorCodec,
  query: PageQuery,
  now: Date,
): Promise<Page<StoredItem>> {
  const index = query.index;
  const pkName = index ? `${index === 'ByOwner' ? 'owner' : `${index}PK`}` : 'PK';
  const skName = index ? (index === 'ByOwner' ? 'SK' : `${index}SK`) : 'SK';
  const names: Record<string, string> = { '#pk': pkName, '#exp': 'expiresAt', ...query.filter?.names };
  const values: Record<string, unknown> = {
    ':pk': query.partitionKey,
    ':now': epochSeconds(now),
    ...query.filter?.values,
  };
  let keyCondition = '#pk = :pk';
  if (query.sortKeyBeginsWith !== undefined) {
    names['#sk'] = skName;
    values[':skPrefix'] = query.sortKeyBeginsWith;
    keyCondition += ' AND begins_with(#sk, :skPrefix)';
  }
  const liveFilter = '(attribute_not_exists(#exp) OR #exp > :now)';
  let startKey: Record<string, unknown> | undefined = query.cursor
    ? await codec.decode<Record<string, unknown>>(query.cursor, query.fingerprint)
    : undefined;
  const items: StoredItem[] = [];
  for (let reads = 0; reads < MAX_READS_PER_PAGE && items.length < query.limit; reads++) {
    const input: QueryCommandInput = {
      TableName: table.name,
      IndexName: index,
      KeyConditionExpression: keyCondition,
      FilterExpression: query.filter ? `${liveFilter} AND (${query.filter.expression})` : liveFilter,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
      ScanIndexForward: !query.newestFirst,
      Limit: query.limit - items.length,
      ExclusiveStartKey: startKey,
    };
    const out = await table.doc.send(new QueryCommand(input));
    items.push(...((out.Items ?? []) as StoredItem[]));
    startKey = out.LastEvaluatedKey;
    if (!startKey) break;
  }
  return { items, nextCursor: startKey ? await codec.encode(startKey, query.fingerprint) : undefined };
}

/** The base-table key of an item: as a queryPage cursor position, the page after it starts right behind it. */
export const keyOf = (item: StoredItem): ItemKey => ({ PK: item.PK, SK: item.SK });

/** Every item of a partition (or index partition), or of a range of its sort keys, following DynamoDB's pages. */
export async function queryAll(
  table: Table,
  partition: {
    index?: IndexName;
    partitionKey: string;
    sortKeyBeginsWith?: string;
    /** Both ends included. */
    sortKeyBetween?: readonly [string, string];
  },
): Promise<StoredItem[]> {
  const pkName = partition.index ? (partition.index === 'ByOwner' ? 'owner' : `${partition.index}PK`) : 'PK';
  const skName = partition.index ? (partition.index === 'ByOwner' ? 'SK' : `${partition.index}SK`) : 'SK';
  const sortKey =
    partition.sortKeyBeginsWith !== undefined
      ? { condition: ' AND begins_with(#sk, :prefix)', values: { ':prefix': partition.sortKeyBeginsWith } }
      : partition.sortKeyBetween
        ? {
            condition: ' AND #sk BETWEEN :first AND :last',
            values: { ':first': partition.sortKeyBetween[0], ':last': partition.sortKeyBetween[1] },
          }
        : undefined;
  const items: StoredItem[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const out = await table.doc.send(
      new QueryCommand({
        TableName: table.name,
        IndexName: partition.index,
        KeyConditionExpression: `#pk = :pk${sortKey?.condition ?? ''}`,
        ExpressionAttributeNames: sortKey ? { '#pk': pkName, '#sk': skName } : { '#pk': pkName },
        ExpressionAttributeValues: { ':pk': partition.partitionKey, ...sortKey?.values },
        ExclusiveStartKey: startKey,
      }),
    );
    items.push(...((out.Items ?? []) as StoredItem[]));
    startKey = out.LastEvaluatedKey;
  } while (startKey);
  return items;
}

/** Batch-gets items by key (in key order), dropping missing and expired ones. */
export async function getLiveItems(table: Table, keys: readonly ItemKey[], now: Date): Promise<StoredItem[]> {
  const found = new Map<string, StoredItem>();
  for (let start = 0; start < keys.length; start += 100) {
    let pending: ItemKey[] = keys.slice(start, start + 100).map((k) => ({ PK: k.PK, SK: k.SK }));
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt > 8) throw new Error('DynamoDB kept returning unprocessed reads');
      const out = await table.doc.send(
        new BatchGetCommand({ RequestItems: { [table.name]: { Keys: pending, ConsistentRead: true } } }),
      );
      for (const item of (out.Responses?.[table.name] ?? []) as StoredItem[])
        found.set(`${item.PK}\u0000${item.SK}`, item);
      pending = (out.UnprocessedKeys?.[table.name]?.Keys ?? []) as ItemKey[];
      if (pending.length > 0) await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
    }
  }
  return keys
    .map((k) => found.get(`${k.PK}\u0000${k.SK}`))
    .filter((item): item is StoredItem => item !== undefined && isLive(item, now));
}

export async function putItems(table: Table, items: readonly StoredItem[]): Promise<void> {
  // The batches go out side by side, so of two puts of one key the later must be the only one sent.
  const last = new Map(items.map((item) => [`${item.PK}\u0000${item.SK}`, item]));
  await writeInBatches(
    table,
    [...last.values()].map((item) => ({ PutRequest: { Item: item } })),
  );
}

export async function deleteItems(table: Table, keys: readonly ItemKey[]): Promise<void> {
  const unique = [...new Map(keys.map((k) => [`${k.PK}\u0000${k.SK}`, k])).values()];
  await writeInBatches(
    table,
    unique.map((key) => ({ DeleteRequest: { Key: { PK: key.PK, SK: key.SK } } })),
  );
}

/** Batch writes in flight at once: one after another, a bulk write of a few hundred items waited on every round trip. */
const BATCH_WRITES_IN_FLIGHT = 4;

/** Writes in batch writes of 25 (each key at most once), a few at a time, retrying what DynamoDB leaves unprocessed. */
async function writeInBatches(table: Table, writes: readonly Record<string, unknown>[]): Promise<void> {
  const batches: Record<string, unknown>[][] = [];
  for (let start = 0; start < writes.length; start += 25) batches.push(writes.slice(start, start + 25));
  let next = 0;
  const worker = async () => {
    while (next < batches.length) await writeBatch(table, batches[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(BATCH_WRITES_IN_FLIGHT, batches.length) }, worker));
}

async function writeBatch(table: Table, batch: readonly Record<string, unknown>[]): Promise<void> {
  let requests = batch;
  for (let attempt = 0; requests.length > 0; attempt++) {
    if (attempt > 8) throw new Error('DynamoDB kept returning unprocessed writes');
    const out = await table.doc.send(new BatchWriteCommand({ RequestItems: { [table.name]: [...requests] } }));
    requests = (out.UnprocessedItems?.[table.name] ?? []) as Record<string, unknown>[];
    if (requests.length > 0) await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
  }
}

export async function deleteItem(table: Table, key: ItemKey): Promise<void> {
  await table.doc.send(new DeleteCommand({ TableName: table.name, Key: key }));
}
