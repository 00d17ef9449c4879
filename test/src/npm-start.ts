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
      if ((await fetch(`${origin}/health`)).status === 200) return { child, output: () => output, origin };
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill('SIGKILL');
  throw new Error(`npm start did not become healthy:\n${output}`);
}

export async function interrupt(started: Started): Promise<void> {
  const exited = new Promise((done) => started.child.once('exit', done));
  // Signal the whole process group, as a terminal's Ctrl-C does.
  process.kill(-started.child.pid!, 'SIGINT');
  await exited;
}
