/**
 * npm run bench:credentials (second part) — a 10,000-recipient batch on DynamoDB Local: wall time,
 * throughput and per-credential latency of the issuance the batch worker runs.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadOrCreateLocalSigner } from '@skillpass/credentials';
import { sampleTemplate } from '@skillpass/credentials/testing';
import { startDynamoDbLocal } from '@skillpass/local/dynamodb-local';
import { connectTable, createRepositories, CursorCodec, ensureTable } from '@skillpass/store';
import { CredentialService, createCredentialBatch, processCredentialBatch } from '../src/index.ts';

const ORIGIN = 'https://bench.example';
const BATCH = Number(process.env.BENCH_BATCH ?? 10_000);
const template = sampleTemplate();
const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)]!;
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
  const { issuers, batches } = repositories;
  await issuers.put(
    'bench-issuer',
    { legalName: { en: 'Bench School' }, kind: 'school', country: 'CN', region: 'Jiangsu', accreditation: [] },
    [signer.kid],
  );
  const { templateId: _t, issuerId: _i, version: _v, createdAt: _c, updatedAt: _u, ...templateInput } = template;
  const tpl = await issuers.createTemplate('bench-issuer', templateInput, 'tpl');
  const times: number[] = [];
  const service = new CredentialService({
    ...repositories,
    signer,
    publishedKeys: async () => [signer.publicJwk, ed25519Signer.publicJwk],
    ...(dataIntegrity ? { proofSigners: [ed25519Signer, signer] } : {}),
    origin: ORIGIN,
    skillLabel: () => 'battery chemistry',
  });
  const timed = new Proxy(service, {
    get(target, property, receiver) {
      if (property !== 'issue') return Reflect.get(target, property, receiver);
      return async (...args: Parameters<typeof service.issue>) => {
        const t = performance.now();
        try {
          return await target.issue(...args);
        } finally {
          times.push(performance.now() - t);
        }
      };
    },
  });
  const rows = Array.from({ length: BATCH }, (_, i) => ({ subjectId: `urn:learner:${i}`, email: `l${i}@example.com` }));
  const started = performance.now();
  const batch = await createCredentialBatch(
    repositories,
    { enqueue: async () => {} },
    { batchId: 'bench-batch', issuerId: 'bench-issuer', templateId: tpl.templateId, rows, now: new Date() },
  );
  await processCredentialBatch(repositories, timed, batch.batchId);
  const wall = performance.now() - started;
  const done = await batches.progress(batch.batchId);
  console.table({
    [`batch of ${BATCH.toLocaleString()} on DynamoDB Local, ${dataIntegrity ? 'vc+jwt + both Data Integrity proofs' : 'vc+jwt'}`]:
      {
        'wall time': `${(wall / 1000).toFixed(1)} s`,
        'credentials/s': perSecond(BATCH, wall),
        'p50 per credential': `${percentile(times, 50).toFixed(1)} ms`,
        'p99 per credential': `${percentile(times, 99).toFixed(1)} ms`,
        issued: done?.issued,
        failed: done?.failed,
      },
  });
} finally {
  await dynamo.stop();
}
