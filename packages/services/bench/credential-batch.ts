/**
 * npm run bench:credentials (second part) — a 10,000-recipient batch on DynamoDB Local: wall time,
 * throughput and exactly-once, next to the raw write rate of the same DynamoDB Local.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadOrCreateLocalSigner } from '@skillpass/credentials';
import { sampleTemplate } from '@skillpass/credentials/testing';
import { startDynamoDbLocal } from '@skillpass/local/dynamodb-local';
import { connectTable, createRepositories, CursorCodec, deterministicId, ensureTable } from '@skillpass/store';
import { CredentialService, createCredentialBatch, processCredentialBatch } from '../src/index.ts';

const ORIGIN = 'https://bench.example';
const BATCH = Number(process.env.BENCH_BATCH ?? 10_000);
const template = sampleTemplate();
const perSecond = (n: number, ms: number) => Math.round((n * 1000) / ms);

if (process.env.BENCH_SKIP_DYNAMO === '1') process.exit(0);
const signer = loadOrCreateLocalSigner(mkdtempSync(join(tmpdir(), 'bench-keys-')), {
  alg: 'ES256',
  keyId: 'k1',
  kidBaseUrl: `${ORIGIN}/keys`,
});
// BENCH_DATA_INTEGRITY=1: every credential also gets its eddsa-rdfc-2022 and ecdsa-rdfc-2019 proofs, as issued.
const dataIntegrity = process.env.BENCH_DATA_INTEGRITY === '1';
const ed25519Signer = loadOrCreateLocalSigner(mkdtempSync(join(tmpdir(), 'bench-keys-')), {
  alg: 'EdDSA',
  keyId: 'k1-ed25519',
  kidBaseUrl: `${ORIGIN}/keys`,
});
const dynamo = await startDynamoDbLocal({ inMemory: true });
try {
  const table = connectTable({ tableName: 'bench', endpoint: dynamo.endpoint, region: 'local' });
  await ensureTable(table);
  const cursors = new CursorCodec('bench-cursor-secret-0123');
  const repositories = createRepositories(table, cursors);
  const { issuers, batches, credentials } = repositories;
  await issuers.put(
    'bench-issuer',
    { legalName: { en: 'Bench School' }, kind: 'school', country: 'CN', region: 'Jiangsu', accreditation: [] },
    [signer.kid],
  );
  const { templateId: _t, issuerId: _i, version: _v, createdAt: _c, updatedAt: _u, ...templateInput } = template;
  const tpl = await issuers.createTemplate('bench-issuer', templateInput, 'tpl');
  const service = new CredentialService({
    ...repositories,
    signer,
    publishedKeys: async () => [signer.publicJwk, ed25519Signer.publicJwk],
    ...(dataIntegrity ? { proofSigners: [ed25519Signer, signer] } : {}),
    origin: ORIGIN,
    skillLabel: () => 'battery chemistry',
  });
  // The raw write rate of this DynamoDB Local: as many items as the batch writes credentials, of a
  // credential's size, in 25-item batch writes, four at a time, before the batch runs.
  const { putItems } = await import('@skillpass/store');
  const filler = 'x'.repeat(3_000);
  const rawItems = Array.from({ length: BATCH }, (_, i) => ({ PK: `RAW#${i}`, SK: 'RAW', filler }));
  const rawStarted = performance.now();
  for (let i = 0; i < rawItems.length; i += 100)
    await Promise.all([0, 25, 50, 75].map((o) => putItems(table, rawItems.slice(i + o, i + o + 25))));
  const rawMs = performance.now() - rawStarted;
  const rows = Array.from({ length: BATCH }, (_, i) => ({ subjectId: `urn:learner:${i}`, email: `l${i}@example.com` }));
  // Item writes the batch makes, by request kind: the number that bounds it, whatever the machine's load.
  const writes = new Map<string, { requests: number; items: number }>();
  table.doc.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as { TransactItems?: unknown[]; RequestItems?: Record<string, unknown[]> };
      const items =
        input.TransactItems?.length ??
        (input.RequestItems ? Object.values(input.RequestItems).reduce((n, list) => n + list.length, 0) : 1);
      const kind = context.commandName ?? 'unknown';
      if (/Write|Put|Update|Delete/.test(kind) && !/BatchGet/.test(kind)) {
        const seen = writes.get(kind) ?? { requests: 0, items: 0 };
        writes.set(kind, { requests: seen.requests + 1, items: seen.items + items });
      }
      return next(args);
    },
    { step: 'initialize', name: 'countWrites' },
  );
  const started = performance.now();
  const batch = await createCredentialBatch(
    repositories,
    { enqueue: async () => {} },
    { batchId: 'bench-batch', issuerId: 'bench-issuer', templateId: tpl.templateId, rows, now: new Date() },
  );
  const recorded = performance.now() - started;
  await processCredentialBatch(repositories, service, batch.batchId);
  const wall = performance.now() - started;
  table.doc.middlewareStack.remove('countWrites');
  const done = await batches.progress(batch.batchId);
  const stored = await credentials.getMany(
    Array.from({ length: BATCH }, (_, i) => deterministicId('cred', batch.batchId, String(i + 1))),
  );
  const indexes = new Set(stored.map((c) => `${c.statusListId}/${c.statusListIndex}`));
  // A batch defers the Data Integrity proofs to the first request for them: make them all, as if every
  // recipient's wallet asked for the JSON-LD securing, and time that separately.
  let securingMs: number | undefined;
  if (dataIntegrity) {
    const securingStarted = performance.now();
    for (const credential of stored) await service.dataIntegrityCredential(credential);
    securingMs = performance.now() - securingStarted;
  }
  console.log(
    `exactly once: ${stored.length.toLocaleString()} credentials stored for ${BATCH.toLocaleString()} rows, ${indexes.size.toLocaleString()} distinct status entries`,
  );
  console.table({
    [`batch of ${BATCH.toLocaleString()} on DynamoDB Local (vc+jwt)`]: {
      'wall time': `${(wall / 1000).toFixed(1)} s`,
      'credentials/s': perSecond(BATCH, wall),
      issued: done?.issued,
      failed: done?.failed,
    },
    ...(securingMs === undefined
      ? {}
      : {
          [`then both Data Integrity proofs for all ${BATCH.toLocaleString()}, made and stored`]: {
            'wall time': `${(securingMs / 1000).toFixed(1)} s`,
            'credentials/s': perSecond(BATCH, securingMs),
            issued: stored.length,
            failed: 0,
          },
        }),
    [`raw writes of ${BATCH.toLocaleString()} items of 3 KB (baseline)`]: {
      'wall time': `${(rawMs / 1000).toFixed(1)} s`,
      'credentials/s': `${perSecond(BATCH, rawMs)} items/s`,
      issued: '—',
      failed: '—',
    },
  });
  const itemWrites = [...writes.values()].reduce((n, w) => n + w.items, 0);
  console.log(
    `the batch took ${(wall / rawMs).toFixed(2)}× the time DynamoDB Local takes just to write as many items, of which ${(recorded / 1000).toFixed(1)} s recording the batch's rows; ` +
      `${itemWrites.toLocaleString()} item writes, ${(itemWrites / BATCH).toFixed(3)} a credential: ` +
      [...writes].map(([kind, w]) => `${kind} ${w.requests} requests / ${w.items} items`).join(', '),
  );
} finally {
  await dynamo.stop();
}
