import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { graphArb, jobsArb, profileArb, SKILLS } from './arbitraries.test-support.ts';
import { CompactJobIndex } from './compact-index.ts';
import { bruteForceTopJobs } from './ranking.ts';
import type { MatchJob, MatchProfile } from './types.ts';

const ranked = (matches: ReadonlyArray<{ jobId: string; score: number }>) => matches.map((m) => [m.jobId, m.score]);

describe('the compact index’s top-k equals brute force', () => {
  it('for any profile, jobs, skill graph and k, ties included', () => {
    fc.assert(
      fc.property(profileArb, jobsArb, graphArb, fc.integer({ min: 1, max: 10 }), (profile, jobs, graph, k) => {
        const index = new CompactJobIndex();
        for (const job of jobs) index.put(job);
        const result = index.topJobs(profile, graph, k);
        expect(ranked(result.matches)).toEqual(ranked(bruteForceTopJobs(profile, jobs, graph, k)));
        expect(result.matches.map((m) => m.explanation)).toEqual(
          bruteForceTopJobs(profile, jobs, graph, k).map((m) => m.explanation),
        );
      }),
      { numRuns: 400 },
    );
  });

  it('after jobs are replaced and removed', () => {
    fc.assert(
      fc.property(
        profileArb,
        jobsArb,
        jobsArb,
        fc.array(fc.nat({ max: 59 }), { maxLength: 20 }),
        graphArb,
        (profile, first, second, removed, graph) => {
          const index = new CompactJobIndex();
          for (const job of first) index.put(job);
          // The second set reuses the ids: each of its jobs replaces the first set's job of that id.
          for (const job of second) index.put({ ...job, version: job.version + 10 });
          const gone = new Set(removed.map((i) => `job-${String(i).padStart(3, '0')}`));
          for (const id of gone) index.remove(id);
          const live = new Map<string, MatchJob>();
          for (const job of first) live.set(job.id, job);
          for (const job of second) live.set(job.id, { ...job, version: job.version + 10 });
          for (const id of gone) live.delete(id);
          expect(index.size).toBe(live.size);
          expect(ranked(index.topJobs(profile, graph, 5).matches)).toEqual(
            ranked(bruteForceTopJobs(profile, [...live.values()], graph, 5)),
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('the compact index’s work', () => {
  const job = (i: number, skills: string[], place: MatchJob['place']): MatchJob => ({
    id: `job-${String(i).padStart(5, '0')}`,
    version: 1,
    requiredSkills: skills.map((uri) => ({ uri, importance: 'essential', minProficiency: 1 })),
    place,
    postedAt: '2026-01-01T00:00:00.000Z',
  });

  it('scores exactly only the jobs whose bound from the postings can still enter the top k', () => {
    const index = new CompactJobIndex();
    const [mine, other, common] = [SKILLS[0]!, SKILLS[1]!, SKILLS[2]!];
    // 40 jobs that want exactly the graduate's skills, then 2,000 that share only a common one among many.
    for (let i = 0; i < 40; i++) index.put(job(i, [mine, common], { kind: 'remote' }));
    for (let i = 40; i < 2_040; i++)
      index.put(job(i, [common, other, ...SKILLS.slice(3, 3 + (i % 8))], { kind: 'remote' }));
    const profile: MatchProfile = {
      id: 'g',
      version: 1,
      skills: [
        { uri: mine, proficiency: 4, verified: true },
        { uri: common, proficiency: 4, verified: true },
      ],
      preferredPlaces: [],
      openToRemote: true,
    };
    const graph = { relatedSkills: () => [] };
    const result = index.topJobs(profile, graph, 20);
    const jobs = [...Array(2_040).keys()].map((i) =>
      i < 40
        ? job(i, [mine, common], { kind: 'remote' })
        : job(i, [common, other, ...SKILLS.slice(3, 3 + (i % 8))], { kind: 'remote' }),
    );
    expect(ranked(result.matches)).toEqual(ranked(bruteForceTopJobs(profile, jobs, graph, 20)));
    // Every posting is read once (2,080), but the 2,000 jobs that share only the common skill are bounded below the
    // 20th score by their postings and never scored.
    expect(result.stats.postingsRead).toBe(2_080);
    expect(result.stats.scored).toBeLessThanOrEqual(40);
  });

  it('rebuilds jobs as they were put, dates written another way included', async () => {
    const index = new CompactJobIndex();
    const original: MatchJob = {
      id: 'j',
      version: 3,
      requiredSkills: [
        { uri: SKILLS[0]!, importance: 'essential', minProficiency: 2 },
        { uri: SKILLS[1]!, importance: 'optional', minProficiency: 4 },
      ],
      place: { kind: 'elsewhere', country: 'DE', city: 'Berlin' },
      minEqfLevel: 5,
      minChinaSkillLevel: 3,
      postedAt: '2026-01-01T08:00:00+08:00',
    };
    index.put(original);
    expect(await index.loadJobs(['j', 'missing'])).toEqual([original]);
    expect((await index.postings(SKILLS[1]!, 'outside'))[0]).toEqual({
      jobId: 'j',
      importance: 'optional',
      minProficiency: 4,
      totalWeight: 4,
    });
  });
});
