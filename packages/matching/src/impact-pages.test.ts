import fc from 'fast-check';
import type { RegionPartition } from '@skillpass/domain';
import { describe, expect, it } from 'vitest';
import { graphArb, jobsArb, profileArb } from './arbitraries.test-support.ts';
import { byImpactOrder, type ImpactPageReader, type ImpactPosting, topJobsByImpactPages } from './impact-pages.ts';
import { bruteForceTopJobs, postingsOfJob } from './ranking.ts';
import type { MatchJob, MatchProfile } from './types.ts';

/** Impact-ordered lists in memory, read a page at a time as DynamoDB would (a page may be cut short). */
function pagedLists(jobs: readonly MatchJob[], shortPages: boolean) {
  const lists = new Map<string, ImpactPosting[]>();
  for (const job of jobs)
    for (const { skillUri, partition, posting, impact } of postingsOfJob(job)) {
      const key = `${partition} ${skillUri}`;
      lists.set(key, [...(lists.get(key) ?? []), { ...posting, impact }]);
    }
  for (const list of lists.values()) list.sort(byImpactOrder);
  let postingsServed = 0;
  const reader: ImpactPageReader = {
    async postingsPage(skillUri: string, partition: RegionPartition, page: { limit: number; after?: string }) {
      const list = lists.get(`${partition} ${skillUri}`) ?? [];
      const start = page.after === undefined ? 0 : Number(page.after);
      const end = Math.min(list.length, start + (shortPages ? Math.max(1, page.limit >> 3) : page.limit));
      postingsServed += end - start;
      return { postings: list.slice(start, end), ...(end < list.length ? { next: String(end) } : {}) };
    },
  };
  const byId = new Map(jobs.map((job) => [job.id, job]));
  const load = async (ids: readonly string[]) => ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
  return { reader, load, served: () => postingsServed };
}

describe('top-k over impact-ordered pages equals brute force', () => {
  it('for any profile, jobs, skill graph, k and page cut, ties included', async () => {
    await fc.assert(
      fc.asyncProperty(
        profileArb,
        jobsArb,
        graphArb,
        fc.integer({ min: 1, max: 10 }),
        fc.boolean(),
        async (profile, jobs, graph, k, shortPages) => {
          const { reader, load } = pagedLists(jobs, shortPages);
          const result = await topJobsByImpactPages(profile, reader, load, graph, k);
          const expected = bruteForceTopJobs(profile, jobs, graph, k);
          expect(result.matches.map((m) => [m.jobId, m.score])).toEqual(expected.map((m) => [m.jobId, m.score]));
          expect(result.matches.map((m) => m.explanation)).toEqual(expected.map((m) => m.explanation));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('reads a long list’s head only when its head already decides the top k', async () => {
    const skill = 'http://x/common';
    // 2,000 jobs share one skill; the first 20 require only it (impact 3/9), the rest five more (impact 3/24).
    const jobs: MatchJob[] = Array.from({ length: 2_000 }, (_, i) => ({
      id: `job-${String(i).padStart(5, '0')}`,
      version: 1,
      requiredSkills: [
        { uri: skill, importance: 'essential', minProficiency: 1 },
        ...(i < 20
          ? []
          : Array.from({ length: 5 }, (_, s) => ({
              uri: `http://x/other-${s}`,
              importance: 'essential' as const,
              minProficiency: 1 as const,
            }))),
      ],
      place: { kind: 'remote' },
      postedAt: '2026-01-01T00:00:00.000Z',
    }));
    const profile: MatchProfile = {
      id: 'g',
      version: 1,
      skills: [{ uri: skill, proficiency: 3, verified: true }],
      preferredPlaces: [],
      openToRemote: true,
    };
    const graph = { relatedSkills: () => [] };
    const { reader, load, served } = pagedLists(jobs, false);
    const result = await topJobsByImpactPages(profile, reader, load, graph, 20);
    expect(result.matches.map((m) => m.jobId)).toEqual(bruteForceTopJobs(profile, jobs, graph, 20).map((m) => m.jobId));
    expect(served()).toBeLessThan(100);
  });
});
