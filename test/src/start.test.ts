import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { interrupt, npmStart, START_DEADLINE_MS, stopAllStarted } from './npm-start.ts';

afterEach(stopAllStarted);

const ARC_WELDING = 'http://data.europa.eu/esco/skill/27d26fd6-5795-4f0a-884e-112df7c68314';

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
  it(
    'serves a healthy, seeded API, prints tokens, stops Java on SIGINT, and keeps data without reseeding',
    async () => {
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
    },
    2 * START_DEADLINE_MS + 60_000,
  );

  it(
    'with --in-memory keeps nothing: a restart seeds afresh and what was written is gone',
    async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'skillpass-start-memory-'));
      const openJobTitles = async (origin: string) =>
        (
          (await (await fetch(`${origin}/v1/jobs?limit=100`)).json()) as { items: Array<{ title: { en: string } }> }
        ).items.map((j) => j.title.en);

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
    },
    2 * START_DEADLINE_MS + 60_000,
  );
});
