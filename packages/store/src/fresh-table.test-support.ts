import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { connectTable, ensureTable, type Table } from './client.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The run's one DynamoDB Local, started by test/src/global-setup.ts. */
    dynamoEndpoint: string;
  }
}

/**
 * A fresh table in the run's DynamoDB Local, so test files never see each other's data. It lives here, not in
 * `@skillpass/test`, so the store's own tests need no package that depends on the store.
 */
export async function freshTable(): Promise<Table> {
  const table = connectTable({ tableName: `t-${randomUUID()}`, endpoint: inject('dynamoEndpoint'), region: 'local' });
  await ensureTable(table);
  return table;
}
