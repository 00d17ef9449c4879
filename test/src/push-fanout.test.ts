import type { GraduateProfile } from '@skillpass/domain';
import { composeConsumerDeps } from '@skillpass/pipeline';
import { applyPushChunks, indexJob, PUSH_CHUNK_SIZE, planPush, toMatchJob } from '@skillpass/services';
import { CursorCodec, entities, itemOf, partitions, putItems, type StoredMatchSet, type Table } from '@skillpass/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshTable, skillUri, testTaxonomy } from './harness.ts';

const GRADUATES = 25_000;
const id = (n: number) => `g-${String(n).padStart(5, '0')}`;
/** Who holds what: the essential skill and the optional one (potential 4), the essential only (3), the optional only (1). */
const holdingOf = (n: number) => (n % 3 === 0 ? 'both' : n % 3 === 1 ? 'essential' : 'optional');
/** The graduates whose list the job can enter: they have a stored list, empty. */
const open = (n: number) => n % 25 === 0 || n === GRADUATES - 1;

let table: Table;
beforeAll(async () => {
  table = await freshTable();
});
afterAll(() => {
  table.doc.destroy();
  table.raw.destroy();
});

describe('a job pushed to 25,000 graduates, in chunks, with no cap', () => {
  it('considers every reached graduate, best potential first, and enters every list it belongs in', async () => {
    const deps = composeConsumerDeps({
      table,
      cursors: new CursorCodec('push-test-cursor-secret-0123'),
      taxonomy: testTaxonomy,
      credentialService: { standingOf: async () => 'unknown' },
    });
    const job = await deps.jobs.create('emp-push', {
      title: { en: 'Welder' },
      description: 'Welding in Suzhou',
      requiredSkills: [
        { uri: skillUri(1), importance: 'essential', minProficiency: 1 },
        { uri: skillUri(2), importance: 'optional', minProficiency: 1 },
      ],
      place: { kind: 'delta', cityCode: '320500' },
      openings: 1,
      closingDate: '2999-12-31',
    });
    await indexJob(deps, job.jobId);

    // 25,000 graduates in Jiangsu, written as the pipeline leaves them: profile, skill postings, match set.
    const now = new Date().toISOString();
    const items = Array.from({ length: GRADUATES }, (_, n) => {
      const graduateId = id(n);
      const held = holdingOf(n);
      const skills = [
        ...(held !== 'optional' ? [{ uri: skillUri(1), proficiency: 3 as const }] : []),
        ...(held !== 'essential' ? [{ uri: skillUri(2), proficiency: 3 as const }] : []),
      ];
      const profile: GraduateProfile = {
        graduateId,
        version: 1,
        displayName: `G ${n}`,
        contactEmail: `g${n}@example.com`,
        education: [],
        skills,
        languages: [],
        preferredPlaces: [{ kind: 'delta', cityCode: '320500' }],
        openToRemote: false,
        desiredOccupations: [],
        consents: { discoverable: false, personalisedMatching: true },
        verifiedSkills: [],
        createdAt: now,
        updatedAt: now,
      };
      // The graduates the job can enter have an (empty) list; the others have none yet, which the push leaves
      // to their own profile event.
      const set: StoredMatchSet = {
        graduateId,
        profileVersion: 1,
        computedAt: now,
        mode: 'personalised',
        matches: [],
        newJobIds: [],
        revision: 1,
      };
      return [
        itemOf(entities.Profile, entities.Profile.key(graduateId), profile),
        ...(open(n) ? [itemOf(entities.MatchSet, entities.MatchSet.key(graduateId), set)] : []),
        ...skills.map((s) =>
          itemOf(
            entities.GraduateSkillPosting,
            entities.GraduateSkillPosting.key(s.uri, '320000', graduateId),
            { graduateId, discoverable: false },
            { graduateId },
          ),
        ),
      ];
    }).flat();
    await Promise.all(
      Array.from({ length: 8 }, (_, w) =>
        putItems(
          table,
          items.filter((_, i) => i % 8 === w),
        ),
      ),
    );
    expect(partitions.graduateSkill(skillUri(1), '320000')).toContain('SKILLGRADS#320000#');

    const chunks = await planPush(deps, toMatchJob(job));
    // Nobody is cut off: every graduate is in exactly one chunk.
    expect(chunks).toHaveLength(Math.ceil(GRADUATES / PUSH_CHUNK_SIZE));
    const order = chunks.flatMap((c) => c.graduateIds);
    expect(order).toHaveLength(GRADUATES);
    expect(new Set(order).size).toBe(GRADUATES);
    // Best potential first, not by id: both skills, then the essential one, then the optional one.
    const rank = { both: 0, essential: 1, optional: 2 } as const;
    const ranks = order.map((g) => rank[holdingOf(Number(g.slice(2)))]);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(order[0]).toBe(id(0));
    // Ties go by id: the last is the optional-only graduate with the highest id.
    const lastOptional = Array.from({ length: GRADUATES }, (_, n) => n)
      .filter((n) => holdingOf(n) === 'optional')
      .at(-1)!;
    expect(order.at(-1)).toBe(id(lastOptional));

    // The chunk handler, as the push worker runs it: four chunks a delivery.
    let considered = 0;
    let recomputed = 0;
    for (let start = 0; start < chunks.length; start += 4) {
      const outcome = await applyPushChunks(deps, chunks.slice(start, start + 4));
      considered += outcome.considered;
      recomputed += outcome.recomputed;
      expect(outcome.superseded).toBe(0);
    }
    const opened = Array.from({ length: GRADUATES }, (_, n) => n).filter(open);
    expect(considered).toBe(GRADUATES);
    expect(recomputed).toBe(opened.length);
    const sets = await deps.matchingIndex.getMatchSets(opened.map(id));
    for (const n of opened) {
      const set = sets.get(id(n))!;
      expect(
        set.matches.map((m) => m.jobId),
        id(n),
      ).toEqual([job.jobId]);
      expect(set.newJobIds).toEqual([job.jobId]);
    }

    // Applying the same chunks again changes nothing (a redelivered SQS message).
    const again = await applyPushChunks(deps, chunks.slice(-2));
    expect(again.recomputed).toBe(0);
  }, 1_800_000);
});
