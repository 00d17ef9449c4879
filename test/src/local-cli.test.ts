import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadOrCreateDevIdentity, localPaths } from '@skillpass/local';
import { decodeProtectedHeader } from 'jose';
import { describe, expect, it } from 'vitest';

const repoRoot = resolve(import.meta.dirname, '../..');
// Only catches a hang: tsx and npm may take a while on a loaded machine.
const EXIT_DEADLINE_MS = 120_000;

/** Runs an npm script to its end; resolves with its exit code and output. */
function runNpm(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn('npm', ['run', '--silent', ...args], {
      cwd: repoRoot,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`npm ${args.join(' ')} did not exit:\n${stdout}${stderr}`));
    }, EXIT_DEADLINE_MS);
    child.on('exit', (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr });
    });
  });
}

describe('npm run token', () => {
  it(
    'refuses to invent an identity key where no server created one, and says how to point it at the server',
    async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'skillpass-token-'));
      const run = await runNpm(['token', '--', '--role', 'graduate'], { SKILLPASS_DATA_DIR: dataDir });
      expect(run.code).not.toBe(0);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain('SKILLPASS_DATA_DIR');
      expect(run.stderr).toContain('npm start');
      expect(run.stderr).not.toMatch(/^\s+at /m);
      expect(existsSync(localPaths(dataDir).identityKey)).toBe(false);
    },
    EXIT_DEADLINE_MS + 10_000,
  );

  it(
    "mints a token with the server's key when pointed at the server's data dir",
    async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'skillpass-token-'));
      const identity = await loadOrCreateDevIdentity(localPaths(dataDir).identityKey);
      const run = await runNpm(['token', '--', '--role', 'graduate'], { SKILLPASS_DATA_DIR: dataDir });
      expect(run.code).toBe(0);
      expect(decodeProtectedHeader(run.stdout.trim()).kid).toBe(identity.publicJwks.keys[0]!.kid);
    },
    EXIT_DEADLINE_MS + 10_000,
  );
});

describe('npm start on a port in use', () => {
  it(
    'says which port is taken and how to choose another, and exits non-zero without a stack trace',
    async () => {
      const holder = createServer();
      await new Promise<void>((listening) => holder.listen(0, '127.0.0.1', listening));
      const port = (holder.address() as AddressInfo).port;
      try {
        const dataDir = mkdtempSync(join(tmpdir(), 'skillpass-port-'));
        const run = await runNpm(['start'], { PORT: String(port), SKILLPASS_DATA_DIR: dataDir, DYNAMODB_ENDPOINT: '' });
        const output = run.stdout + run.stderr;
        expect(run.code).not.toBe(0);
        expect(output).toContain(`Port ${port} is already in use`);
        expect(output).toContain('PORT=');
        expect(output).not.toContain('skillpass is running');
        expect(output).not.toMatch(/^\s+at /m);
      } finally {
        await new Promise((closed) => holder.close(closed));
      }
    },
    EXIT_DEADLINE_MS + 10_000,
  );
});
