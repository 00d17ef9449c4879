import fc from 'fast-check';
import type { RegionPartition } from '@skillpass/domain';
import { describe, expect, it } from 'vitest';
import { graphArb, jobsArb, profileArb } from './arbitraries.test-support.ts';
import { CompactJobIndex } from './compact-index.ts';
import { InMemoryGraduateIndex } from './graduate-index.ts';
import {
  bruteForceTopCandidates,
  bruteForceTopJobs,
  newlyEnteredJobIds,
  topCandidatesForJob,
  topJobsForProfile,
} from './ranking.ts';
import type { MatchJob, MatchProfile } from './types.ts';

describe('indexed top-k equals brute force', () => {
  it('for a graduate’s jobs, ties included', async () => {
    await fc.assert(
      fc.asyncProperty(
        profileArb,
        jobsArb,
        graphArb,
        fc.integer({ min: 1, max: 10 }),
        async (profile, jobs, graph, k) => {
          const index = new CompactJobIndex();
          for (const job of jobs) index.put(job);
          const viaIndex = await topJobsForProfile(profile, index, (ids) => index.loadJobs(ids), graph, k);
          const expected = bruteForceTopJobs(profile, jobs, graph, k);
          expect(viaIndex.matches.map((m) => [m.jobId, m.score])).toEqual(expected.map((m) => [m.jobId, m.score]));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('for a job’s candidates', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(profileArb, { maxLength: 30 }), jobsArb, graphArb, async (rawProfiles, jobs, graph) => {
        fc.pre(jobs.length > 0);
        const profiles = rawProfiles.map((p, i) => ({ ...p, id: `g-${i}` }));
        const index = new InMemoryGraduateIndex();
        for (const p of profiles) index.put(p);
        const job = jobs[0] as MatchJob;
        const viaIndex = await topCandidatesForJob(job, index, (ids) => index.loadProfiles(ids), graph, 5);
        expect(viaIndex.matches.map((m) => [m.profileId, m.score])).toEqual(
          bruteForceTopCandidates(job, profiles, graph, 5).map((m) => [m.profileId, m.score]),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('reads only the postings of the profile’s skills and neighbours, not every job', async () => {
    const index = new CompactJobIndex();
    const job = (id: string, skill: string): MatchJob => ({
      id,
      version: 1,
      requiredSkills: [{ uri: skill, importance: 'essential', minProficiency: 1 }],
      place: { kind: 'remote' },
      postedAt: '2026-01-01T00:00:00.000Z',
    });
    for (let i = 0; i < 500; i++) index.put(job(`other-${i}`, `http://x/other-${i % 50}`));
    index.put(job('mine', 'http://x/mine'));
    const profile: MatchProfile = {
      id: 'g',
      version: 1,
      skills: [{ uri: 'http://x/mine', proficiency: 3, verified: false }],
      preferredPlaces: [],
      openToRemote: true,
    };
    const result = await topJobsForProfile(
      profile,
      index,
      (ids) => index.loadJobs(ids),
      { relatedSkills: () => [] },
      10,
    );
    expect(result.matches.map((m) => m.jobId)).toEqual(['mine']);
    expect(result.stats.postingsRead).toBe(1);
    expect(result.stats.scored).toBe(1);
  });

  it('removing or replacing a job updates the index', async () => {
    const index = new CompactJobIndex();
    const base: MatchJob = {
      id: 'j',
      version: 1,
      requiredSkills: [{ uri: 'http://x/a', importance: 'essential', minProficiency: 1 }],
      place: { kind: 'remote' },
      postedAt: '2026-01-01T00:00:00.000Z',
    };
    index.put(base);
    index.put({
      ...base,
      version: 2,
      requiredSkills: [{ uri: 'http://x/b', importance: 'essential', minProficiency: 1 }],
    });
    expect(await index.postings('http://x/a', 'remote')).toEqual([]);
    expect((await index.postings('http://x/b', 'remote')).map((p) => p.jobId)).toEqual(['j']);
    index.remove('j');
    expect(await index.postings('http://x/b', 'remote')).toEqual([]);
  });
});

describe('index partitions', () => {
  it('files a job under its province code, `remote` or `outside`', async () => {
    const index = new CompactJobIndex();
    const skill = 'http://x/a';
    const at = (id: string, place: MatchJob['place']): MatchJob => ({
      id,
      version: 1,
      requiredSkills: [{ uri: skill, importance: 'optional', minProficiency: 2 }],
      place,
      postedAt: '2026-01-01T00:00:00.000Z',
    });
    index.put(at('suzhou', { kind: 'delta', cityCode: '320500' }));
    index.put(at('nanjing', { kind: 'delta', cityCode: '320100' }));
    index.put(at('ningbo', { kind: 'delta', cityCode: '330200' }));
    index.put(at('anywhere', { kind: 'remote' }));
    index.put(at('berlin', { kind: 'elsewhere', country: 'DE', city: 'Berlin' }));
    const ids = async (partition: RegionPartition) =>
      (await index.postings(skill, partition)).map((p) => p.jobId).sort();
    expect(await ids('320000')).toEqual(['nanjing', 'suzhou']);
    expect(await ids('330000')).toEqual(['ningbo']);
    expect(await ids('remote')).toEqual(['anywhere']);
    expect(await ids('outside')).toEqual(['berlin']);
    expect(await ids('310000')).toEqual([]);
    expect((await index.postings(skill, '320000'))[0]).toMatchObject({
      importance: 'optional',
      minProficiency: 2,
      totalWeight: 1,
    });
  });
});

describe('precise push', () => {
  it('names the jobs that entered the top list', () => {
    expect(newlyEnteredJobIds(['a', 'b', 'c'], ['b', 'd', 'a', 'e'])).toEqual(['d', 'e']);
    expect(newlyEnteredJobIds([], ['a', 'b'])).toEqual(['a', 'b']);
    expect(newlyEnteredJobIds(['a', 'b'], ['b'])).toEqual([]);
  });
});
