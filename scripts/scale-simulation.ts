/**
 * The hot keys of `npm run model:scale`, written to DynamoDB Local at 1/`scale` of their size with
 * the same items (real key builders, the model's real records), so DynamoDB's own metering checks the
 * model's arithmetic: the write units an item costs, the read units of reading a hot list whole, and
 * of one page of the public search. DynamoDB Local does not throttle, so it measures units, not limits;
 * the units at full size (whole-list reads scale with the list) times the model's peak rates give the
 * per-partition load that is compared with DynamoDB's 1,000 WCU / 3,000 RCU a partition.
 */
import { BatchWriteCommand, PutCommand, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { startDynamoDbLocal } from '@skillpass/local/dynamodb-local';
import { connectTable, ensureTable, type Table } from '@skillpass/store';

export interface HotKeyToSimulate {
  name: string;
  /** Items under the key at full size, and a function making the i-th (distinct key, same shape). */
  items: number;
  item: (i: number) => Record<string, unknown>;
  /** How the key is read: its whole list (a recompute, a push) or one newest-first page of 20 (a search). */
  read: { kind: 'whole'; partitionKey: string } | { kind: 'page'; index: string; partitionKey: string };
  /** The model's figures for the same key. */
  model: { wcuPerItem: number; rcuPerRead: number; writesPerSecond: number; readsPerSecond: number };
}

const consumed = (out: { ConsumedCapacity?: { CapacityUnits?: number } | Array<{ CapacityUnits?: number }> }) =>
  [out.ConsumedCapacity ?? []].flat().reduce((n, c) => n + (c.CapacityUnits ?? 0), 0);

async function writeAll(table: Table, items: Array<Record<string, unknown>>): Promise<void> {
  for (let i = 0; i < items.length; i += 100) {
    await Promise.all(
      [0, 25, 50, 75].map(async (offset) => {
        let pending = items.slice(i + offset, i + offset + 25).map((Item) => ({ PutRequest: { Item } }));
        while (pending.length > 0) {
          const out = await table.doc.send(new BatchWriteCommand({ RequestItems: { [table.name]: pending } }));
          pending = (out.UnprocessedItems?.[table.name] ?? []) as typeof pending;
        }
      }),
    );
  }
}

async function readUnits(table: Table, read: HotKeyToSimulate['read']): Promise<number> {
  const base: QueryCommandInput = {
    TableName: table.name,
    ReturnConsumedCapacity: 'TOTAL',
    ...(read.kind === 'page'
      ? {
          IndexName: read.index,
          KeyConditionExpression: `${read.index}PK = :pk`,
          ScanIndexForward: false,
          Limit: 20,
        }
      : { KeyConditionExpression: 'PK = :pk' }),
    ExpressionAttributeValues: { ':pk': read.partitionKey },
  };
  let units = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const out = await table.doc.send(new QueryCommand({ ...base, ExclusiveStartKey: start }));
    units += consumed(out);
    start = read.kind === 'whole' ? out.LastEvaluatedKey : undefined;
  } while (start);
  return units;
}

export interface SimulatedHotKey {
  key: string;
  'items written': number;
  'WCU an item: model / measured': string;
  'RCU a read at full size: model / measured': string;
  'peak WCU/s / RCU/s (measured units)': string;
  'over a partition’s 1,000 WCU / 3,000 RCU?': string;
}

export async function simulateHotKeys(keys: readonly HotKeyToSimulate[], scale: number): Promise<SimulatedHotKey[]> {
  const dynamo = await startDynamoDbLocal({ inMemory: true });
  try {
    const table = connectTable({ tableName: 'scale-simulation', endpoint: dynamo.endpoint, region: 'local' });
    await ensureTable(table);
    const rows: SimulatedHotKey[] = [];
    for (const key of keys) {
      const count = Math.max(20, Math.round(key.items / scale));
      // One put metered alone (with its index copies), then the rest in batches.
      const wcuPerItem = consumed(
        await table.doc.send(
          new PutCommand({ TableName: table.name, Item: key.item(0), ReturnConsumedCapacity: 'INDEXES' }),
        ),
      );
      await writeAll(
        table,
        Array.from({ length: count - 1 }, (_, i) => key.item(i + 1)),
      );
      const measuredRead = await readUnits(table, key.read);
      // A whole list costs in proportion to its length; a page of 20 costs the same at any size.
      const rcuPerRead = key.read.kind === 'whole' ? (measuredRead * key.items) / count : measuredRead;
      const wcuPerSecond = key.model.writesPerSecond * wcuPerItem;
      const rcuPerSecond = key.model.readsPerSecond * rcuPerRead;
      rows.push({
        key: key.name,
        'items written': count,
        'WCU an item: model / measured': `${key.model.wcuPerItem} / ${wcuPerItem}`,
        'RCU a read at full size: model / measured': `${fmt(key.model.rcuPerRead)} / ${fmt(rcuPerRead)}`,
        'peak WCU/s / RCU/s (measured units)': `${fmt(wcuPerSecond)} / ${fmt(rcuPerSecond)}`,
        'over a partition’s 1,000 WCU / 3,000 RCU?':
          wcuPerSecond > 1_000 || rcuPerSecond > 3_000
            ? `yes (${[wcuPerSecond > 1_000 ? 'writes' : '', rcuPerSecond > 3_000 ? 'reads' : ''].filter(Boolean).join(' and ')})`
            : 'no',
      });
    }
    return rows;
  } finally {
    await dynamo.stop();
  }
}

const fmt = (x: number) => (x < 10 ? x.toFixed(1) : Math.round(x).toLocaleString('en'));
