import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { type ApiApp, createApp, type SkillCatalog, type SkillDirectory } from '@skillpass/api';
import { type LocalDispatcher, type MatchingDeps, startLocalDispatcher } from '@skillpass/pipeline';
import type { SkillGraph } from '@skillpass/matching';
import {
  connectTable,
  CursorCodec,
  DynamoCredentialStore,
  DynamoMatchStore,
  DynamoSkillpassStore,
  ensureTable,
  type Table,
} from '@skillpass/store';
import type { JWTVerifyGetKey } from 'jose';

export interface LocalRuntimeOptions {
  endpoint: string;
  tableName: string;
  cursorSecret: string;
  /** ESCO: which concepts exist, look-up and extraction. */
  taxonomy: SkillCatalog & SkillDirectory & SkillGraph;
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
  matches: DynamoMatchStore;
  /** What the consumers and the matching routes run on. */
  matching: MatchingDeps;
  dispatcher?: LocalDispatcher;
  close(): Promise<void>;
}

/** Wires table, store, API and dispatcher: shared by `npm start` and the end-to-end tests. */
export async function createLocalRuntime(options: LocalRuntimeOptions): Promise<LocalRuntime> {
  const table = connectTable({ tableName: options.tableName, endpoint: options.endpoint, region: 'local' });
  await ensureTable(table);
  const cursors = new CursorCodec(options.cursorSecret);
  const store = new DynamoSkillpassStore(table, cursors);
  const matches = new DynamoMatchStore(table);
  const matching = { store, matches, graph: options.taxonomy };
  const credentials = new DynamoCredentialStore(table, cursors);
  const app = createApp({
    store,
    auth: options.auth,
    catalog: options.taxonomy,
    skills: options.taxonomy,
    matching,
    credentials,
    cursors,
    publicOrigin: options.publicOrigin,
  });
  const dispatcher = options.dispatch
    ? await startLocalDispatcher({ table, deps: matching, endpoint: options.endpoint, onError: options.onDispatchError })
    : undefined;
  return {
    app,
    table,
    store,
    matches,
    matching,
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
