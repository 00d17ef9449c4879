import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  type ApiApp,
  type ApiDeps,
  composeApiDeps,
  createApp,
  type OpenApiDocument,
  skillpassOpenApiDocument,
  type Taxonomy,
} from '@skillpass/api';
import { type ExternalIssuer, loadLocalKeyRing } from '@skillpass/credentials';
import { inProcessBatchQueue, type Mailer, resumeOpenBatches } from '@skillpass/services';
import { type LocalDispatcher, startLocalDispatcher } from '@skillpass/pipeline';
import { connectTable, ensureTable, type Table } from '@skillpass/store';
import type { JWTVerifyGetKey } from 'jose';

export interface LocalRuntimeOptions {
  endpoint: string;
  tableName: string;
  cursorSecret: string;
  /** ESCO: which concepts exist, look-up and extraction. */
  taxonomy: Taxonomy;
  publicOrigin: string;
  auth: { issuer: string; audience: string; keys: JWTVerifyGetKey };
  /** Where the platform's signing keys are kept (0600 files). */
  keysDir: string;
  /** The key that signs new credentials; the others in keysDir stay published. Default `k1`. */
  signingKeyId?: string;
  externalIssuers?: ExternalIssuer[];
  /** Run the stream dispatcher (consumers) in this process. */
  dispatch: boolean;
  onDispatchError?: (error: unknown) => void;
  /** What the API and the repositories take as now; tests move it (idempotency leases, expiry). Default: the system clock. */
  clock?: () => Date;
  /** Where the consumers' email goes: a file mailbox (`fileMailer`). */
  mailer: Mailer;
}

export interface LocalRuntime {
  app: ApiApp;
  table: Table;
  /** What the API runs on; the consumers run on the same repositories. */
  deps: ApiDeps;
  dispatcher?: LocalDispatcher;
  close(): Promise<void>;
}

/** Everything the API needs over one table, with local keys and the in-process batch queue. */
export function buildApiDeps(
  table: Table,
  options: Pick<
    LocalRuntimeOptions,
    'cursorSecret' | 'taxonomy' | 'publicOrigin' | 'auth' | 'keysDir' | 'signingKeyId' | 'externalIssuers' | 'clock'
  >,
): ApiDeps {
  let document: OpenApiDocument | undefined;
  const { signer, ed25519Signer, publishedKeys } = loadLocalKeyRing(options.keysDir, {
    currentKeyId: options.signingKeyId ?? 'k1',
    kidBaseUrl: `${options.publicOrigin}/keys`,
  });
  return composeApiDeps({
    table,
    cursorSecret: options.cursorSecret,
    taxonomy: options.taxonomy,
    publicOrigin: options.publicOrigin,
    auth: options.auth,
    signer,
    // Every credential and status list is also secured with eddsa-rdfc-2022 and ecdsa-rdfc-2019 proofs.
    proofSigners: [ed25519Signer, signer],
    publishedKeys: async () => publishedKeys,
    openApiDocument: async (routes) => {
      document ??= skillpassOpenApiDocument(routes);
      return document;
    },
    ...(options.externalIssuers ? { externalIssuers: options.externalIssuers } : {}),
    allowLoopbackHttp: true,
    ...(options.clock ? { clock: options.clock } : {}),
    batchQueue: (work) =>
      inProcessBatchQueue(work, (error) => process.stderr.write(`credential batch worker: ${String(error)}\n`)),
  });
}

/** Wires table, repositories, API and dispatcher: shared by `npm start` and the end-to-end tests. */
export async function createLocalRuntime(options: LocalRuntimeOptions): Promise<LocalRuntime> {
  const table = connectTable({ tableName: options.tableName, endpoint: options.endpoint, region: 'local' });
  await ensureTable(table);
  const deps = buildApiDeps(table, options);
  // Batches a killed process left half done carry on; rows already settled are skipped.
  await resumeOpenBatches(deps, deps.batchQueue);
  const app = createApp(deps);
  const dispatcher = options.dispatch
    ? await startLocalDispatcher({
        table,
        deps: { ...deps, mailer: options.mailer },
        endpoint: options.endpoint,
        onError: options.onDispatchError,
      })
    : undefined;
  return {
    app,
    table,
    deps,
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
