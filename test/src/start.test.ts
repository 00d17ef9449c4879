import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { findFreePort } from '@skillpass/local';
import { afterEach, describe, expect, it } from 'vitest';

const repoRoot = resolve(import.meta.dirname, '../..');
const START_DEADLINE_MS = 300_000;
const ARC_WELDING = 'http://data.europa.eu/esco/skill/27d26fd6-5795-4f0a-884e-112df7c68314';

interface Started {
  child: ChildProcess;
  output: () => string;
  origin: string;
}

/** Started and not yet interrupted: a failing test leaves no npm, node or Java behind. */
const running = new Set<Started>();
afterEach(async () => {
  for (const started of running) await interrupt(started);
});

async function npmStart(dataDir: string, extraArgs: string[] = []): Promise<Started> {
  const port = await findFreePort();
  const child = spawn('npm', ['start', '--', ...extraArgs], {
    cwd: repoRoot,
    env: { ...process.env, PORT: String(port), SKILLPASS_DATA_DIR: dataDir, DYNAMODB_ENDPOINT: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const origin = `http://127.0.0.1:${port}`;
  // Polls /health; the deadline only catches a hang (a loaded machine may need minutes for tsx, Java and the seed).
  const deadline = Date.now() + START_DEADLINE_MS;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${origin}/health`)).status === 200) {
        const started = { child, output: () => output, origin };
        running.add(started);
        return started;
      }
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  // The whole group: npm, node and the JVM it may have started.
  if (child.exitCode === null) process.kill(-child.pid!, 'SIGKILL');
  throw new Error(`npm start did not become healthy:\n${output}`);
}

async function interrupt(started: Started): Promise<void> {
  running.delete(started);
  if (started.child.exitCode !== null || started.child.signalCode !== null) return;
  const exited = new Promise((done) => started.child.once('exit', done));
  // Signal the whole process group, as a terminal's Ctrl-C does.
  process.kill(-started.child.pid!, 'SIGINT');
  await exited;
}

function javaProcessesUsing(dataDir: string): string[] {
  try {
    return execFileSync('pgrep', ['-af', 'DynamoDBLocal'], { encoding: 'utf8' })
      .split('\n')
      .filter((line) => line.includes(dataDir));
  } catch {
    return [];
  }
}

// Ctrl-C reaches every process in the group, so npm can return while the JVM is still exiting (seen once in CI
// under load): the JVM gets a few seconds to go rather than none.
async function expectJavaGone(dataDir: string): Promise<void> {
  await expect.poll(() => javaProcessesUsing(dataDir), { timeout: 10_000, interval: 200 }).toEqual([]);
}

describe('npm start', () => {
  it('serves a healthy, seeded API, prints tokens, stops Java on SIGINT, and keeps data without reseeding', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'skillpass-start-'));
    const first = await npmStart(dataDir);
    expect(first.output()).toContain('Seeded demo data.');
    expect(first.output()).toMatch(/graduate\s+eyJ/);
    const jobsBefore = (await (await fetch(`${first.origin}/v1/jobs?limit=100`)).json()) as { items: unknown[] };
    expect(jobsBefore.items.length).toBeGreaterThanOrEqual(8);
    expect(javaProcessesUsing(dataDir)).toHaveLength(1);
    await interrupt(first);
    await expectJavaGone(dataDir);

    const second = await npmStart(dataDir);
    expect(second.output()).toContain('not seeding again');
    const jobsAfter = (await (await fetch(`${second.origin}/v1/jobs?limit=100`)).json()) as { items: unknown[] };
    expect(jobsAfter.items).toHaveLength(jobsBefore.items.length);
    await interrupt(second);
    await expectJavaGone(dataDir);
  }, 2 * START_DEADLINE_MS + 60_000);

  it('with --in-memory keeps nothing: a restart seeds afresh and what was written is gone', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'skillpass-start-memory-'));
    const openJobTitles = async (origin: string) =>
      ((await (await fetch(`${origin}/v1/jobs?limit=100`)).json()) as { items: Array<{ title: { en: string } }> }).items.map((j) => j.title.en);

    const first = await npmStart(dataDir, ['--in-memory']);
    expect(first.output()).toContain('DynamoDB Local (in memory)');
    expect(first.output()).toContain('Seeded demo data.');
    const seeded = await openJobTitles(first.origin);
    const employerToken = first.output().match(/employer\s+(eyJ\S+)/)?.[1];
    expect(employerToken).toBeDefined();
    const posted = await fetch(`${first.origin}/v1/jobs`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${employerToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        title: { en: 'Written before the restart' },
        description: 'Gone after it',
        requiredSkills: [{ uri: ARC_WELDING, importance: 'essential', minProficiency: 2 }],
        place: { kind: 'delta', cityCode: '320500' },
        closingDate: '2999-01-01',
      }),
    });
    expect(posted.status).toBe(201);
    expect(await openJobTitles(first.origin)).toContain('Written before the restart');
    await interrupt(first);
    await expectJavaGone(dataDir);

    const second = await npmStart(dataDir, ['--in-memory']);
    expect(second.output()).toContain('Seeded demo data.');
    expect(second.output()).not.toContain('not seeding again');
    expect((await openJobTitles(second.origin)).sort()).toEqual([...seeded].sort());
    await interrupt(second);
    await expectJavaGone(dataDir);
  }, 2 * START_DEADLINE_MS + 60_000);
});
