import { graduateProfileInputSchema } from '@skillpass/domain';
import { EVENT_SOURCE, type ConsumerEvent } from '@skillpass/events';
import { applyMatchingEvents, composeConsumerDeps, type ConsumerDeps } from '@skillpass/pipeline';
import { type Explanation, offersBeyondTopJobs, rankedCandidatesFor, TOP_K } from '@skillpass/services';
import { CursorCodec, type Table } from '@skillpass/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshTable, skillUri, testTaxonomy } from './harness.ts';

/**
 * The mirror image of a job's push. Job J needs skill 3 and its list is full of graduates living elsewhere in
 * Jiangsu (Nanjing). G lives in Suzhou (where J is) and holds skills 1–3, but 50 jobs needing skills 1, 2 and 6 fill
 * G's own top 50, so J is not among them: before offers, G entered J's list only when J was next computed.
 */
let table: Table;
let deps: ConsumerDeps;
let jobId: string;
let event = 0;

/** Saves a profile as the API does and returns its event, as the stream mapping would. */
async function saveProfile(
  graduateId: string,
  skills: number[],
  cityCode: string,
  discoverable = true,
): Promise<ConsumerEvent<'graduateMatching'>> {
  const input = graduateProfileInputSchema().parse({
    displayName: graduateId,
    contactEmail: `${graduateId}@example.com`,
    skills: skills.map((n) => ({ uri: skillUri(n), proficiency: 3 })),
    preferredPlaces: [{ kind: 'delta', cityCode }],
    consents: { discoverable },
  });
  const { profile } = await deps.profiles.update(graduateId, () => input);
  return {
    id: `evt-offer-${++event}`,
    type: 'ProfileSubmitted',
    source: EVENT_SOURCE,
    occurredAt: profile.updatedAt,
    detail: { graduateId, version: profile.version, discoverable, personalisedMatching: true },
  };
}

/** Nanjing graduates hold skill 3 and two skills no job here needs, so G (in Suzhou, like J) outranks them. */
const NANJING_SKILLS = [3, 4, 5];

async function postJob(skills: number[]): Promise<ConsumerEvent<'jobMatching'>> {
  const job = await deps.jobs.create('emp-offers', {
    title: { en: `Job needing ${skills.join(', ')}` },
    description: 'Suzhou',
    requiredSkills: skills.map((n) => ({
      uri: skillUri(n),
      importance: 'essential' as const,
      minProficiency: 1 as const,
    })),
    place: { kind: 'delta', cityCode: '320500' },
    openings: 1,
    closingDate: '2999-12-31',
  });
  return {
    id: `evt-offer-${++event}`,
    type: 'JobPosted',
    source: EVENT_SOURCE,
    occurredAt: job.postedAt,
    detail: { jobId: job.jobId, employerId: 'emp-offers', version: job.version, skills: [], partition: '320000' },
  };
}

const listed = async () => (await deps.matchingIndex.listCandidates(jobId)).map((c) => c.graduateId).sort();
const others = (n: number) => `l-${String(n).padStart(2, '0')}`;

beforeAll(async () => {
  table = await freshTable();
  deps = composeConsumerDeps({
    table,
    cursors: new CursorCodec('offers-test-cursor-secret-0123'),
    taxonomy: testTaxonomy,
    credentialService: { standingOf: async () => 'unknown' },
  });
  // 51 graduates in Nanjing hold skill 3; J's list keeps the best 50 of them (ties go by id: l-50 is left out).
  const elsewhere = await Promise.all(
    Array.from({ length: TOP_K + 1 }, (_, n) => saveProfile(others(n), NANJING_SKILLS, '320100')),
  );
  await applyMatchingEvents(deps, [], elsewhere);
  const posted = await postJob([3]);
  jobId = posted.detail.jobId;
  const better = await Promise.all(Array.from({ length: TOP_K }, () => postJob([1, 2, 6])));
  await applyMatchingEvents(deps, [posted, ...better], []);
}, 120_000);
afterAll(() => {
  table.doc.destroy();
  table.raw.destroy();
});

describe('a changed profile offered to the jobs it reaches beyond its own top 50', () => {
  it('enters a full list whose end it beats, and the floor moves with it; one below the end costs no list read', async () => {
    expect(await listed()).toEqual(Array.from({ length: TOP_K }, (_, n) => others(n)));

    // Nanjing graduates whose own top 50 are the other jobs reach J below its end: the floor turns them away without
    // reading J's list. The offer of one whose 50th job scores below J's floor does not even load J: nothing outside
    // the top 50 scores higher than the 50th.
    const listReads: string[] = [];
    const jobLoads: string[] = [];
    const counting: ConsumerDeps = {
      ...deps,
      matchingIndex: Object.assign(Object.create(deps.matchingIndex) as ConsumerDeps['matchingIndex'], {
        listCandidates: (id: string) => {
          listReads.push(id);
          return deps.matchingIndex.listCandidates(id);
        },
        getJobs: (ids: readonly string[]) => {
          jobLoads.push(...ids);
          return deps.matchingIndex.getJobs(ids);
        },
      }),
    };
    const offersTo = async (graduateId: string) => {
      listReads.length = 0;
      jobLoads.length = 0;
      const profile = (await deps.profiles.get(graduateId))!;
      const set = (await deps.matchingIndex.getMatchSet<Explanation>(graduateId))!;
      expect(set.matches).toHaveLength(TOP_K);
      return (await offersBeyondTopJobs(counting, [{ profile, set }])).entries.map((e) => e.jobId);
    };
    await applyMatchingEvents(counting, [], [await saveProfile('l-99', [1, 2, ...NANJING_SKILLS], '320100')]);
    expect(listReads).not.toContain(jobId);
    expect(await listed()).not.toContain('l-99');
    // The offer itself, alone: J is scored and turned away by its floor.
    expect(await offersTo('l-99')).not.toContain(jobId);
    expect(jobLoads).toContain(jobId);
    const manySkills = [1, 2, 3, ...Array.from({ length: 12 }, (_, n) => 100 + n)];
    await applyMatchingEvents(deps, [], [await saveProfile('l-98', manySkills, '320100')]);
    expect(await listed()).not.toContain('l-98');
    expect(await offersTo('l-98')).not.toContain(jobId);
    expect(jobLoads).not.toContain(jobId);
    expect(listReads).toEqual([]);

    await applyMatchingEvents(deps, [], [await saveProfile('g-suzhou', [1, 2, 3], '320500')]);
    const own = await deps.matchingIndex.getMatchSet('g-suzhou');
    expect(own?.matches).toHaveLength(TOP_K);
    expect(own?.matches.map((m) => m.jobId)).not.toContain(jobId);
    const list = await listed();
    expect(list).toHaveLength(TOP_K);
    expect(list).toContain('g-suzhou');
    expect(list).not.toContain(others(TOP_K - 1));
    const floor = (await deps.matchingIndex.candidateFloors([jobId])).get(jobId);
    expect(floor).toMatchObject({ size: TOP_K, last: { graduateId: others(TOP_K - 2) } });
    expect(floor?.stale).toBeUndefined();
  }, 120_000);

  it('marks the list stale when a listed graduate falls back, and the next read computes it again', async () => {
    await applyMatchingEvents(deps, [], [await saveProfile('g-suzhou', [1, 2], '320500')]);
    expect((await deps.matchingIndex.candidateFloors([jobId])).get(jobId)?.stale).toBe(true);

    const job = (await deps.jobs.get(jobId))!;
    const { ranked } = await rankedCandidatesFor(deps, job);
    expect(ranked.map((c) => c.profile.graduateId)).toEqual(Array.from({ length: TOP_K }, (_, n) => others(n)));
    expect(await listed()).toEqual(Array.from({ length: TOP_K }, (_, n) => others(n)));
    expect((await deps.matchingIndex.candidateFloors([jobId])).get(jobId)?.stale).toBeUndefined();
  }, 120_000);

  it('marks the lists a graduate leaves stale when they withdraw consent or are erased', async () => {
    const listedOne = others(3);
    await applyMatchingEvents(deps, [], [await saveProfile(listedOne, NANJING_SKILLS, '320100', false)]);
    expect((await deps.matchingIndex.candidateFloors([jobId])).get(jobId)?.stale).toBe(true);
    const job = (await deps.jobs.get(jobId))!;
    const afterWithdrawal = (await rankedCandidatesFor(deps, job)).ranked.map((c) => c.profile.graduateId);
    expect(afterWithdrawal).not.toContain(listedOne);
    expect(afterWithdrawal).toContain(others(TOP_K));
    expect(afterWithdrawal).toHaveLength(TOP_K);

    await deps.profiles.erase(others(0));
    expect((await deps.matchingIndex.candidateFloors([jobId])).get(jobId)?.stale).toBe(true);
    const afterErasure = (await rankedCandidatesFor(deps, job)).ranked.map((c) => c.profile.graduateId);
    expect(afterErasure).not.toContain(others(0));
    expect(afterErasure).toContain('l-99');
  }, 120_000);
});
