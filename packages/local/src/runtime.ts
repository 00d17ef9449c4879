import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { type ApiApp, createApp, type SkillCatalog, type SkillDirectory } from '@skillpass/api';
import { startLocalDispatcher, type LocalDispatcher } from '@skillpass/pipeline';
import { connectTable, CursorCodec, DynamoSkillpassStore, ensureTable, type Table } from '@skillpass/store';
import type { JWTVerifyGetKey } from 'jose';

export interface LocalRuntimeOptions {
  endpoint: string;
  tableName: string;
  cursorSecret: string;
  /** ESCO: which concepts exist, look-up and extraction. */
  taxonomy: SkillCatalog & SkillDirectory;
  publicOrigin: string;
  auth: { issuer: string; audience: string; keys: JWTVerifyGetKey };
  /** Run the stream dispatcher (consumers) in this process. */
  dispatch: boolean;
  onDispatchError?: (error: unknown) => void;
}

export interface LocalRuntime {
  app: ApiApp;
  table: Table;
  store: DynamoSkillpassStore;
  dispatcher?: LocalDispatcher;
  close(): Promise<void>;
}

/** Wires table, store, API and dispatcher: shared by `npm start` and the end-to-end tests. */
export async function createLocalRuntime(options: LocalRuntimeOptions): Promise<LocalRuntime> {
  const table = connectTable({ tableName: options.tableName, endpoint: options.endpoint, region: 'local' });
  await ensureTable(table);
  const store = new DynamoSkillpassStore(table, new CursorCodec(options.cursorSecret));
  const app = createApp({
    store,
    auth: options.auth,
    catalog: options.taxonomy,
    skills: options.taxonomy,
    publicOrigin: options.publicOrigin,
  });
  const dispatcher = options.dispatch
    ? await startLocalDispatcher({ table, store, endpoint: options.endpoint, onError: options.onDispatchError })
    : undefined;
  return {
    app,
    table,
    store,
    dispatcher,
    async close() {
      await dispatcher?.stop();
      table.doc.destroy();
      table.raw.destroy();
    },
  };
}

/** A random secret generated once and kept in a 0600 file, for HMAC-signed cursors. */
export function loadOrCreateSecret(file: string): string {
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(32).toString('base64url');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
