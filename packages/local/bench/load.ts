/**
 * npm run bench:load — the local API under load with autocannon, loopback only, each route for
 * BENCH_SECONDS (default 10, at most 60): job search, a graduate's matches, credential verification and
 * applying, next to a bare hono server on the same machine in the same run; the server's memory (RSS)
 * before and after. The server is `npm start`'s own entry point (DynamoDB Local in memory, the pipeline
 * running), started over a fresh data dir and stopped at the end.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import autocannon, { type Options, type Result } from 'autocannon';
// The browser tests' school offering, so the load test issues the same credential they check.
import { BATTERY_CHEMISTRY, BATTERY_TEMPLATE_BODY } from '../../../test/src/battery-template.ts';
import { findFreePort } from '../src/dynamodb-local.ts';

const SECONDS = Math.min(60, Number(process.env.BENCH_SECONDS ?? 10));
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const GRADUATES = Number(process.env.BENCH_GRADUATES ?? 200);
const repoRoot = resolve(import.meta.dirname, '../../..');

/** Starts a server script and resolves once `ready()` answers true; the deadline only catches a hang. */
async function startServer(
  args: string[],
  env: NodeJS.ProcessEnv,
  ready: () => Promise<boolean>,
): Promise<ChildProcess> {
  const child = spawn(process.execPath, args, { cwd: repoRoot, env: { ...process.env, ...env }, stdio: 'ignore' });
  const deadline = Date.now() + 600_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited with ${child.exitCode}`);
    if (await ready().catch(() => false)) return child;
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill('SIGKILL');
  throw new Error(`${args.join(' ')} did not start`);
}

const healthy = (origin: string) => async () => (await fetch(`${origin}/health`)).status === 200;

/** Resident memory of a process in MB, from /proc (Linux). */
function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+) kB/m);
  return line ? Math.round(Number(line[1]) / 1024) : Number.NaN;
}

async function call<T>(origin: string, method: string, path: string, token?: string, body?: unknown): Promise<T> {
  const response = await fetch(origin + path, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

const signIn = async (origin: string, role: string, name: string) =>
  (await call<{ accessToken: string }>(origin, 'POST', '/auth/dev/sign-in', undefined, { role, name })).accessToken;

function run(title: string, options: Options): Promise<Result> {
  return new Promise((done, fail) => {
    autocannon({ connections: CONNECTIONS, duration: SECONDS, title, ...options }, (error, result) =>
      error ? fail(error) : done(result),
    );
  });
}

console.log(`skillpass load benchmark — ${new Date().toISOString()}`);
console.log(
  `machine: ${cpus().length} × ${cpus()[0]?.model}, node ${process.version}, load average ${loadavg()[0]!.toFixed(1)}; ${CONNECTIONS} connections, ${SECONDS} s a route\n`,
);

const barePort = await findFreePort();
const bareOrigin = `http://127.0.0.1:${barePort}`;
const bare = await startServer(
  ['--import', 'tsx', 'packages/local/bench/bare-hono.ts'],
  { PORT: String(barePort) },
  healthy(bareOrigin),
);
const port = await findFreePort();
const origin = `http://127.0.0.1:${port}`;
const server = await startServer(
  ['--import', 'tsx', 'packages/local/src/main.ts', '--in-memory'],
  { PORT: String(port), SKILLPASS_DATA_DIR: mkdtempSync(join(tmpdir(), 'skillpass-load-')), DYNAMODB_ENDPOINT: '' },
  healthy(origin),
);

try {
  // Data: a school and one credential to verify, and graduates with profiles who will apply to the seeded jobs.
  const school = await signIn(origin, 'issuer', 'load-school');
  await call(origin, 'PUT', '/v1/issuers/me', school, {
    legalName: { en: 'Load Test Institute', zh: '压测学院' },
    kind: 'school',
    country: 'CN',
    region: 'Jiangsu',
    accreditation: [{ by: 'Jiangsu HRSS', scope: 'vocational training', validUntil: '2030-12-31' }],
  });
  const { templateId } = await call<{ templateId: string }>(
    origin,
    'POST',
    '/v1/credential-templates',
    school,
    BATTERY_TEMPLATE_BODY,
  );
  const graduates: string[] = [];
  for (let i = 0; i < GRADUATES; i++) {
    const token = await signIn(origin, 'graduate', `load-graduate-${i}`);
    await call(origin, 'PUT', '/v1/profiles/me', token, {
      displayName: `Graduate ${i}`,
      contactEmail: `load-${i}@example.com`,
      skills: [{ uri: BATTERY_CHEMISTRY, proficiency: 2 }],
      consents: { personalisedMatching: true, discoverable: false },
    });
    graduates.push(token);
  }
  const me = await call<{ graduateId: string }>(origin, 'GET', '/v1/profiles/me', graduates[0]);
  const { jwt } = await call<{ jwt: string }>(origin, 'POST', '/v1/credentials', school, {
    templateId,
    holder: { graduateId: me.graduateId },
  });
  const { items: jobs } = await call<{ items: Array<{ jobId: string }> }>(origin, 'GET', '/v1/jobs?limit=100');
  // Let the pipeline finish the graduates' matches, so that it does not share the CPU with the runs.
  for (;;) {
    const matches = await call<{ upToDate: boolean }>(origin, 'GET', '/v1/profiles/me/matches', graduates.at(-1));
    if (matches.upToDate) break;
    await new Promise((r) => setTimeout(r, 1_000));
  }

  const rssBefore = rssMb(server.pid!);
  let applyN = 0;
  const rows: Array<[string, Result]> = [];
  rows.push(['bare hono GET /health (baseline)', await run('bare', { url: `${bareOrigin}/health` })]);
  rows.push(['GET /health', await run('health', { url: `${origin}/health` })]);
  rows.push([
    'job search GET /v1/jobs?q=battery',
    await run('search', { url: `${origin}/v1/jobs?q=battery&limit=20` }),
  ]);
  rows.push([
    'matches GET /v1/profiles/me/matches',
    await run('matches', {
      url: `${origin}/v1/profiles/me/matches`,
      headers: { authorization: `Bearer ${graduates[0]}` },
    }),
  ]);
  rows.push([
    'verify POST /v1/verify',
    await run('verify', {
      url: `${origin}/v1/verify`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jwt }),
    }),
  ]);
  rows.push([
    'apply POST /v1/jobs/{id}/applications',
    await run('apply', {
      url: origin,
      requests: [
        {
          method: 'POST',
          setupRequest: (request) => {
            // Each request a new (graduate, job) pair while they last; repeats answer 200 with the existing one.
            const n = applyN++;
            const graduate = graduates[n % graduates.length]!;
            const job = jobs[Math.floor(n / graduates.length) % jobs.length]!;
            return {
              ...request,
              path: `/v1/jobs/${job.jobId}/applications`,
              headers: { 'content-type': 'application/json', authorization: `Bearer ${graduate}` },
              body: JSON.stringify({ coverNote: 'Load test' }),
            };
          },
        },
      ],
    }),
  ]);
  const rssAfter = rssMb(server.pid!);

  const bareRate = rows[0]![1].requests.average;
  console.table(
    Object.fromEntries(
      rows.map(([name, result]) => [
        name,
        {
          'req/s': Math.round(result.requests.average),
          'vs bare hono': `${(result.requests.average / bareRate).toFixed(3)}×`,
          'p50 ms': result.latency.p50,
          'p99 ms': result.latency.p99,
          requests: result.requests.total,
          'non-2xx': result.non2xx,
          errors: result.errors,
        },
      ]),
    ),
  );
  console.log(
    `applications made: ${Math.min(applyN, graduates.length * jobs.length)} distinct pairs of ${graduates.length * jobs.length}`,
  );
  console.log(
    `server memory (RSS of the node process, DynamoDB Local not included): ${rssBefore} MB before, ${rssAfter} MB after\n`,
  );
} finally {
  server.kill('SIGTERM');
  bare.kill('SIGTERM');
}
