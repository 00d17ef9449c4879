import { beforeAll, describe, expect, it } from 'vitest';
import type { Table } from '../client.ts';
import { freshTable } from '../fresh-table.test-support.ts';
import { DynamoMatchingIndexRepository, type JobSkillPosting } from './matching-index.ts';

let table: Table;
beforeAll(async () => {
  table = await freshTable();
});

const SKILL = 'http://data.europa.eu/esco/skill/common';
/** Impact as the engine defines it: weight (3 essential, 1 optional) / (total weight + 6). */
const posting = (importance: 'essential' | 'optional', totalWeight: number): Omit<JobSkillPosting, 'skillUri'> => ({
  importance,
  minProficiency: 2,
  totalWeight,
  impact: (importance === 'essential' ? 3 : 1) / (totalWeight + 6),
});

describe('the skill → jobs index in impact order (GSI1)', () => {
  it('pages through a list highest impact first, ties by job id, with no job twice or missing', async () => {
    const index = new DynamoMatchingIndexRepository(table, () => new Date('2026-06-01T00:00:00Z'));
    const jobs = Array.from({ length: 45 }, (_, i) => ({
      jobId: `job-${String(i).padStart(3, '0')}`,
      ...posting(i % 3 === 0 ? 'optional' : 'essential', 3 + (i % 7) * 3),
    }));
    await Promise.all(
      jobs.map(({ jobId, ...p }) =>
        index.syncJobPostings(jobId, { partition: '310000', postings: [{ skillUri: SKILL, ...p }] }, []),
      ),
    );
    const read: Array<{ jobId: string; impact: number }> = [];
    let after: string | undefined;
    let pages = 0;
    do {
      const page = await index.jobPostingsByImpact(SKILL, '310000', { limit: 8, ...(after ? { after } : {}) });
      read.push(...page.postings);
      after = page.next;
      pages++;
    } while (after);
    const expected = [...jobs].sort((a, b) => b.impact - a.impact || a.jobId.localeCompare(b.jobId));
    expect(read.map((p) => p.jobId)).toEqual(expected.map((p) => p.jobId));
    expect(read.map((p) => p.impact)).toEqual(expected.map((p) => p.impact));
    expect(pages).toBeGreaterThanOrEqual(6);
    // The whole-list read (by job id) holds the same postings.
    expect((await index.jobPostings(SKILL, '310000')).map((p) => p.jobId)).toEqual(jobs.map((j) => j.jobId));
  });

  it('drops a job from the impact order when its postings go, and re-files it when its weight changes', async () => {
    const index = new DynamoMatchingIndexRepository(table, () => new Date('2026-06-01T00:00:00Z'));
    const skill = `${SKILL}-2`;
    await index.syncJobPostings(
      'a',
      { partition: 'remote', postings: [{ skillUri: skill, ...posting('essential', 3) }] },
      [],
    );
    await index.syncJobPostings(
      'b',
      { partition: 'remote', postings: [{ skillUri: skill, ...posting('essential', 12) }] },
      [],
    );
    const head = async () =>
      (await index.jobPostingsByImpact(skill, 'remote', { limit: 10 })).postings.map((p) => p.jobId);
    expect(await head()).toEqual(['a', 'b']);
    // Job a gains required skills: its posting under this skill now carries less of its weight.
    await index.syncJobPostings(
      'a',
      { partition: 'remote', postings: [{ skillUri: skill, ...posting('essential', 30) }] },
      [{ skills: [skill], partition: 'remote' }],
    );
    expect(await head()).toEqual(['b', 'a']);
    await index.syncJobPostings('b', undefined, [{ skills: [skill], partition: 'remote' }]);
    expect(await head()).toEqual(['a']);
  });
});
