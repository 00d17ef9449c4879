import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { interrupt, npmStart, START_DEADLINE_MS } from './npm-start.ts';

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
});
