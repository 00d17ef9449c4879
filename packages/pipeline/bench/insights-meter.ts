/**
 * What a piece of work asks of DynamoDB: requests, read units as DynamoDB reports them (`ReturnConsumedCapacity:
 * TOTAL`), items written and the write units they cost on demand (estimated from item sizes). A middleware on
 * the table's client adds to the meter of the work running (AsyncLocalStorage), so concurrent events are each
 * charged only what they sent.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Table } from '@skillpass/store';
import { writtenItems } from './written-items.ts';

export interface Usage {
  requests: number;
  itemsWritten: number;
  readUnits: number;
  writeUnits: number;
}

const current = new AsyncLocalStorage<Usage>();

const READS = new Set([
  'GetItemCommand',
  'BatchGetItemCommand',
  'QueryCommand',
  'ScanCommand',
  'TransactGetItemsCommand',
]);

const kilobytes = (item: unknown) => Math.max(1, Math.ceil(JSON.stringify(item ?? {}).length / 1024));

/**
 * Items written and the write request units DynamoDB on demand charges for them: one per KB per item, twice that
 * inside a transaction. Sizes are estimated from the request (an update's item is taken as under 1 KB).
 */
function writesOf(command: string, input: Record<string, unknown>): { items: number; units: number } {
  const items = writtenItems(command, input);
  const units = items.reduce((n, w) => n + (w.transactional ? 2 : 1) * (w.item ? kilobytes(w.item) : 1), 0);
  return { items: items.length, units };
}

type Capacity = { ReadCapacityUnits?: number; WriteCapacityUnits?: number; CapacityUnits?: number };

/** Installs the meter on the table's client (the document client shares its middleware). */
export function installMeter(table: Table): void {
  table.raw.middlewareStack.add(
    (next, context) => async (args) => {
      const usage = current.getStore();
      if (!usage) return next(args);
      const input = args.input as Record<string, unknown>;
      input.ReturnConsumedCapacity = 'TOTAL';
      const command = String(context.commandName);
      usage.requests += 1;
      const writes = writesOf(command, input);
      usage.itemsWritten += writes.items;
      usage.writeUnits += writes.units;
      const result = await next(args);
      const consumed = (result.output as { ConsumedCapacity?: Capacity | Capacity[] }).ConsumedCapacity;
      // Reads as DynamoDB Local reports them (it computes read units as AWS does).
      if (READS.has(command))
        for (const c of [consumed ?? []].flat()) usage.readUnits += c.CapacityUnits ?? c.ReadCapacityUnits ?? 0;
      return result;
    },
    { step: 'initialize', name: 'benchCapacityMeter' },
  );
}

/** Runs `work` with a fresh meter and returns what it used. */
export async function metered(work: () => Promise<unknown>): Promise<Usage> {
  const usage: Usage = { requests: 0, itemsWritten: 0, readUnits: 0, writeUnits: 0 };
  await current.run(usage, work);
  return usage;
}
