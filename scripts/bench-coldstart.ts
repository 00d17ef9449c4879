/**
 * npm run bench:coldstart — for every Lambda: the minified bundle size (AWS SDK excluded), built
 * with the same esbuild options CDK uses, and a cold-start proxy: median of 10 fresh node
 * processes that import the bundle and answer its first sample event. The processes talk to
 * DynamoDB Local and to a loopback stand-in for KMS and Secrets Manager; a bare `node -e` start
 * is measured alongside as the baseline.
 */
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { generateKeyPairSync } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { FUNCTION_ENTRIES } from '../functions/src/index.ts';
import { LAMBDA_BUNDLING, SPLIT_FUNCTIONS } from '../infra/src/bundling.ts';
import { bundleSplit, eagerKb } from './bundle-split.ts';
import { bundleDataIntegrity } from './bundle-data-integrity.ts';
import { startDynamoDbLocal } from '../packages/local/src/dynamodb-local.ts';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { connectTable, ensureTable } from '../packages/store/src/index.ts';

const RUNS = 10;
const loadAtStart = loadavg();
const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '..');
const BUDGET = { bundleKB: 250, coldStartMs: 150 };
const SAMPLES: Record<keyof typeof FUNCTION_ENTRIES, string> = {
  api: 'api-gateway-v2-get-health.json',
  streamPublisher: 'dynamodb-stream-job-inserted.json',
  consumer: 'eventbridge-job-posted.json',
  credentialBatchWorker: 'sqs-credential-batch.json',
  graduateSignUp: 'cognito-post-confirmation.json',
  pushWorker: 'sqs-push-chunk.json',
};

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

// A loopback stand-in for the AWS JSON APIs the functions call (others, such as Cognito's AdminAddUserToGroup, get `{}`).
const key = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const fakeAws = createServer((req, res) => {
  const target = String(req.headers['x-amz-target'] ?? '');
  req.resume();
  req.on('end', () => {
    res.setHeader('content-type', 'application/x-amz-json-1.1');
    if (target.endsWith('GetSecretValue')) res.end(JSON.stringify({ SecretString: 'cold-start-bench-cursor-secret' }));
    else if (target.endsWith('GetPublicKey'))
      res.end(
        JSON.stringify({
          PublicKey: key.publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
          KeyId: 'bench',
        }),
      );
    else if (target.endsWith('PutEvents'))
      res.end(JSON.stringify({ FailedEntryCount: 0, Entries: [{ EventId: 'x' }] }));
    else res.end('{}');
  });
});
await new Promise<void>((done) => fakeAws.listen(0, '127.0.0.1', done));
const fakeAddress = fakeAws.address();
const fakeUrl = `http://127.0.0.1:${typeof fakeAddress === 'object' && fakeAddress ? fakeAddress.port : 0}`;

const dynamo = await startDynamoDbLocal({ inMemory: true });
const table = connectTable({ tableName: 'coldstart', endpoint: dynamo.endpoint, region: 'local' });
await ensureTable(table);

// Inside the repository, so the bundles find @aws-sdk/* in node_modules as they find it in the Lambda runtime.
mkdirSync(join(ROOT, '.data'), { recursive: true });
const out = mkdtempSync(join(ROOT, '.data', 'coldstart-'));
cpSync(join(ROOT, 'packages/taxonomy/data'), join(out, 'taxonomy'), { recursive: true });
const env = {
  ...process.env,
  AWS_REGION: 'eu-central-1',
  AWS_ACCESS_KEY_ID: 'bench',
  AWS_SECRET_ACCESS_KEY: 'bench',
  AWS_ENDPOINT_URL_KMS: fakeUrl,
  AWS_ENDPOINT_URL_SECRETS_MANAGER: fakeUrl,
  AWS_ENDPOINT_URL_EVENTBRIDGE: fakeUrl,
  AWS_ENDPOINT_URL_SQS: fakeUrl,
  AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: fakeUrl,
  DYNAMODB_ENDPOINT: dynamo.endpoint,
  TABLE_NAME: 'coldstart',
  PUBLIC_ORIGIN: 'https://api.example.com',
  SIGNING_KEY_ID: 'alias/bench',
  SIGNING_KEY_GENERATION: 'g1',
  CURSOR_SECRET_ARN: 'arn:aws:secretsmanager:eu-central-1:123456789012:secret:bench',
  AUTH_ISSUER: 'https://cognito-idp.eu-central-1.amazonaws.com/bench',
  AUTH_AUDIENCE: 'bench',
  AUTH_JWKS_URL: `${fakeUrl}/jwks.json`,
  EVENT_BUS_NAME: 'bench',
  BATCH_QUEUE_URL: `${fakeUrl}/queue`,
  CONSUMER_NAME: 'jobMatching',
  SKILLPASS_TAXONOMY_DIR: join(out, 'taxonomy'),
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
};

// Cold start proxy: process start → module import (top-level init) → first event answered.
const harness = join(out, 'invoke.mjs');
writeFileSync(
  harness,
  `const started = performance.now();
const [bundle, samplePath] = process.argv.slice(2);
const event = JSON.parse((await import('node:fs')).readFileSync(samplePath, 'utf8').replaceAll('{{jobId}}', 'job_x').replaceAll('{{batchId}}', 'b_x').replaceAll('{{token}}', 'x'));
const { handler } = await import(bundle);
const initialised = performance.now();
await handler(event, {});
const answered = performance.now();
// CPU time of the whole process (start, import, first event): on a loaded machine, where waiting for a core swells
// every wall-clock figure, the steadier measure of the work a cold start does.
const cpu = process.cpuUsage();
process.stdout.write('\\nCOLDSTART_MS=' + (answered + performance.timeOrigin - Number(process.env.SPAWNED_AT)) + ' INIT_MS=' + (initialised - started) + ' FIRST_EVENT_MS=' + (answered - initialised) + ' CPU_MS=' + ((cpu.user + cpu.system) / 1000) + '\\n');
// Open keep-alive sockets would hold the process; Lambda would freeze it here instead.
process.exit(0);
`,
);

const rows: Record<string, Record<string, string>> = {};
const baseline: number[] = [];
const baselineCpu: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const t = Date.now();
  // `node -e 0`, reporting its CPU time on the way out.
  const cpu = execFileSync(process.execPath, [
    '-e',
    'const c = process.cpuUsage(); process.stdout.write(String((c.user + c.system) / 1000))',
  ]);
  baseline.push(Date.now() - t);
  baselineCpu.push(Number(cpu.toString()));
}
rows['node -e 0 (baseline)'] = {
  'bundle KB': '—',
  'KB without SDK': '—',
  'import p50': '—',
  'first event p50': '—',
  'CPU p50': `${median(baselineCpu).toFixed(0)} ms`,
  'cold start p50': `${median(baseline)} ms`,
  budget: '',
};

// The floor under every function that reads the table: the bundled DynamoDB client making the one
// call /health makes, and nothing else.
const floorEntry = join(out, 'floor.mjs');
writeFileSync(
  floorEntry,
  `import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
const client = new DynamoDBClient(process.env.DYNAMODB_ENDPOINT ? { endpoint: process.env.DYNAMODB_ENDPOINT } : {});
export const handler = async () => { await client.send(new DescribeTableCommand({ TableName: process.env.TABLE_NAME })); return { statusCode: 200 }; };
`,
);

// The same floor for the API's stack: hono's Lambda adapter builds Fetch API Request/Response
// objects, which makes Node load its fetch implementation on the first event.
const honoFloorEntry = join(out, 'floor-hono.mjs');
writeFileSync(
  honoFloorEntry,
  `import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { handle } from 'hono/aws-lambda';
import { Hono } from 'hono/tiny';
const client = new DynamoDBClient(process.env.DYNAMODB_ENDPOINT ? { endpoint: process.env.DYNAMODB_ENDPOINT } : {});
const app = new Hono().get('/health', async (c) => { await client.send(new DescribeTableCommand({ TableName: process.env.TABLE_NAME })); return c.json({ status: 'ok' }); });
export const handler = handle(app);
`,
);

const variants: Array<{
  row: string;
  name: keyof typeof FUNCTION_ENTRIES;
  entry?: string;
  external?: string[];
  sample?: string;
}> = [
  ...(Object.keys(FUNCTION_ENTRIES) as Array<keyof typeof FUNCTION_ENTRIES>).map((name) => ({ row: name, name })),
  // A first request that does real work: the public job search, reading the regional index.
  { row: 'api, first request a job search', name: 'api', sample: 'api-gateway-v2-search-jobs.json' },
  // The first JSON-LD verification, apart: POST /v1/verify of another platform's vc+jwt, whose credential the term
  // rule expands, so this first request loads the Data Integrity module from beside the bundle.
  { row: 'api, first request a verification (JSON-LD)', name: 'api', sample: 'api-gateway-v2-verify-credential.json' },
  // The baseline for bundling the SDK: the same API with every SDK client taken from the runtime.
  { row: 'api, SDK not bundled', name: 'api', external: [...LAMBDA_BUNDLING.external, '@aws-sdk/*'] },
  { row: 'floor: DynamoDB client + 1 call', name: 'api', entry: floorEntry },
  { row: 'floor + hono Lambda adapter', name: 'api', entry: honoFloorEntry },
  // BENCH_COMPARE_API=<another checkout>: that checkout's API as one file (as deployed before the split), in the same run.
  ...(process.env.BENCH_COMPARE_API
    ? [
        {
          row: 'api, compared checkout',
          name: 'api' as const,
          entry: join(process.env.BENCH_COMPARE_API, 'functions/src/api.ts'),
        },
        {
          row: 'api, compared checkout, job search',
          name: 'api' as const,
          entry: join(process.env.BENCH_COMPARE_API, 'functions/src/api.ts'),
          sample: 'api-gateway-v2-search-jobs.json',
        },
      ]
    : []),
];
// The lazily imported JSON-LD module sits beside the bundles, as CDK puts it beside each function's.
const dataIntegrityKb = statSync(await bundleDataIntegrity(out, { sourcemap: false })).size / 1024;
const built = [];
for (const { row, name, entry, external, sample } of variants) {
  const entryPoint = entry ?? join(ROOT, 'functions/src', FUNCTION_ENTRIES[name]);
  // The API as deployed is split (SPLIT_BUNDLING): its size is what the cold start reads, index.mjs and the chunks it
  // imports statically; the lazily imported chunks are counted apart.
  const split = SPLIT_FUNCTIONS.has(name) && !entry;
  let outfile = join(out, `${row.replace(/\W+/g, '-')}.mjs`);
  let kb: number;
  let appKb: number;
  let lazyKb = 0;
  if (split) {
    const dir = join(out, row.replace(/\W+/g, '-'));
    const deployed = await bundleSplit(entryPoint, dir, external ? { external } : {});
    outfile = deployed.entryFile;
    kb = eagerKb(deployed.metafile);
    const withoutSdk = await bundleSplit(entryPoint, join(dir, 'without-sdk'), {
      sourcemap: false,
      external: [...LAMBDA_BUNDLING.external, '@aws-sdk/*'],
      write: false,
    });
    appKb = eagerKb(withoutSdk.metafile);
    lazyKb =
      Object.entries(withoutSdk.metafile.outputs).reduce((sum, [, output]) => sum + output.bytes, 0) / 1024 - appKb;
  } else {
    await build({
      entryPoints: [entryPoint],
      bundle: true,
      outfile,
      logLevel: 'silent',
      ...LAMBDA_BUNDLING,
      ...(external ? { external } : {}),
    });
    kb = statSync(outfile).size / 1024;
    // The budget counts the application, not the AWS SDK: the same entry with every SDK package left out.
    const withoutSdk = await build({
      entryPoints: [entryPoint],
      bundle: true,
      write: false,
      outfile,
      logLevel: 'silent',
      ...LAMBDA_BUNDLING,
      sourcemap: false,
      // Everything else left out of the deployed bundle stays out (the lazily imported Data Integrity module).
      external: [...LAMBDA_BUNDLING.external, '@aws-sdk/*'],
    });
    appKb = withoutSdk.outputFiles[0]!.contents.length / 1024;
  }
  built.push({
    row,
    outfile,
    sample: join(ROOT, 'events/samples', sample ?? SAMPLES[name]),
    kb,
    appKb,
    lazyKb,
    times: [] as number[],
    inits: [] as number[],
    firstEvents: [] as number[],
    cpus: [] as number[],
  });
}

// DynamoDB Local is a JVM: warm it up first, so the first rows do not pay for its JIT.
for (let i = 0; i < 200; i++)
  await table.doc.send(new GetCommand({ TableName: table.name, Key: { PK: 'warm-up', SK: String(i) } }));

// Round robin: a noisy moment on a shared machine lands on every row, not on one.
for (let i = 0; i < RUNS; i++) {
  for (const variant of built) {
    const spawnedAt = performance.timeOrigin + performance.now();
    // Asynchronous: the loopback AWS stand-in lives in this process and must keep answering.
    const { stdout } = await run(process.execPath, [harness, variant.outfile, variant.sample], {
      env: { ...env, SPAWNED_AT: String(spawnedAt) },
      timeout: 30_000,
    });
    // The handlers log JSON lines to stdout too; the harness's own line is marked.
    const marked = /COLDSTART_MS=([\d.]+) INIT_MS=([\d.]+) FIRST_EVENT_MS=([\d.]+) CPU_MS=([\d.]+)/.exec(stdout);
    variant.times.push(Number(marked?.[1]));
    variant.inits.push(Number(marked?.[2]));
    variant.firstEvents.push(Number(marked?.[3]));
    variant.cpus.push(Number(marked?.[4]));
  }
}

for (const { row, kb, appKb, times, inits, firstEvents, cpus } of built) {
  const p50 = median(times);
  rows[row] = {
    'bundle KB': kb.toFixed(1),
    'KB without SDK': appKb.toFixed(1),
    'import p50': `${median(inits).toFixed(0)} ms`,
    'first event p50': `${median(firstEvents).toFixed(0)} ms`,
    'CPU p50': `${median(cpus).toFixed(0)} ms`,
    'cold start p50': `${p50.toFixed(0)} ms`,
    budget:
      row === 'api'
        ? `${appKb <= BUDGET.bundleKB ? 'within' : 'OVER'} 250 KB, ${p50 <= BUDGET.coldStartMs ? 'within' : 'OVER'} 150 ms`
        : `${p50 <= BUDGET.coldStartMs ? 'within' : 'OVER'} 150 ms`,
  };
}

console.log(`skillpass cold-start benchmark — ${new Date().toISOString()}`);
console.log(
  `machine: ${cpus().length} × ${cpus()[0]?.model}, node ${process.version}; load average ${loadAtStart[0]!.toFixed(1)} at the start, ${loadavg()[0]!.toFixed(1)} at the end; median of ${RUNS} fresh processes\n`,
);
console.table(rows);
const apiRow = built.find((variant) => variant.row === 'api');
console.log(
  `api: ${apiRow?.appKb.toFixed(1)} KB (without SDK) read at start; ${apiRow?.lazyKb.toFixed(1)} KB more in chunks the first request of a route module or the services imports`,
);
console.log(
  `Data Integrity module (jsonld, cryptosuites, contexts), imported on the first JSON-LD request only, not in any bundle above: ${dataIntegrityKb.toFixed(1)} KB`,
);
fakeAws.close();
await dynamo.stop();
// Each run writes ~10 MB of bundles and maps; they are only read by the processes above.
rmSync(out, { recursive: true, force: true });
