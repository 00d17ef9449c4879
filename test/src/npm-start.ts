import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { findFreePort } from '@skillpass/local';

/** `npm start` as a user runs it, over a given data dir: for the tests that start, stop and kill the real server. */

const repoRoot = resolve(import.meta.dirname, '../..');
export const START_DEADLINE_MS = 300_000;

export interface Started {
  child: ChildProcess;
  output: () => string;
  origin: string;
}

/** Started and not yet stopped; a test file calls `afterEach(stopAllStarted)` so a failing test leaves no npm, node or Java behind. */
const running = new Set<Started>();

export async function stopAllStarted(): Promise<void> {
  for (const started of running) await interrupt(started);
}

export async function npmStart(dataDir: string, extraArgs: string[] = []): Promise<Started> {
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

export async function interrupt(started: Started): Promise<void> {
  running.delete(started);
  if (started.child.exitCode !== null || started.child.signalCode !== null) return;
  const exited = new Promise((done) => started.child.once('exit', done));
  try {
    // Signal the whole process group, as a terminal's Ctrl-C does.
    process.kill(-started.child.pid!, 'SIGINT');
  } catch (error) {
    // The group is already gone (killed by the test itself): nothing to stop.
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return;
    throw error;
  }
  await exited;
}
