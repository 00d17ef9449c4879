import { freshTable } from '@skillpass/store/testing';
import { CursorCodec, type Table } from '@skillpass/store';
import { beforeAll, describe, expect, it } from 'vitest';
import { composeConsumerDeps } from './compose.ts';
import type { ConsumerDeps } from './consumers.ts';
import { withPostingsMirror } from './postings-mirror.ts';

const SKILL = 'http://data.europa.eu/esco/skill/mirror-a';
const OTHER = 'http://data.europa.eu/esco/skill/mirror-b';

let table: Table;
let deps: ConsumerDeps;
beforeAll(async () => {
  table = await freshTable();
  deps = composeConsumerDeps({
    table,
    cursors: new CursorCodec('mirror-test-cursor-secret'),
    taxonomy: { relatedSkills: () => [] },
    credentialService: { standingOf: async () => 'unknown' },
  });
});

const posting = { importance: 'essential' as const, minProficiency: 1 as const, totalWeight: 3, impact: 1 / 3 };
const sorted = <T extends { jobId?: string; graduateId?: string }>(entries: T[]) =>
  [...entries].sort((a, b) => String(a.jobId ?? a.graduateId).localeCompare(String(b.jobId ?? b.graduateId)));

/** A list read a page of one at a time in impact order (GSI1's, or the mirror's from memory). */
async function impactOrder(from: ConsumerDeps, skill: string, partition: '310000' | '320000') {
  const read: unknown[] = [];
  let after: string | undefined;
  do {
    const page = await from.matchingIndex.jobPostingsByImpact(skill, partition, {
      limit: 1,
      ...(after ? { after } : {}),
    });
    read.push(...page.postings);
    after = page.next;
  } while (after);
  return read;
}

describe('the postings mirror', () => {
  it('answers every list as the table does, through writes that add, move and remove entries, and queries a list once', async () => {
    // Written before the mirror exists: a graduate already indexed.
    await deps.matchingIndex.syncGraduatePostings('g1', {
      skills: [SKILL],
      partitions: ['320000'],
      discoverable: true,
    });
    const mirrored = await withPostingsMirror(deps);
    const agree = async () => {
      for (const skill of [SKILL, OTHER]) {
        for (const partition of ['310000', '320000'] as const) {
          expect(sorted(await mirrored.matchingIndex.jobPostings(skill, partition))).toEqual(
            sorted(await deps.matchingIndex.jobPostings(skill, partition)),
          );
          expect(sorted(await mirrored.matchingIndex.graduateIdsForSkill(skill, partition))).toEqual(
            sorted(await deps.matchingIndex.graduateIdsForSkill(skill, partition)),
          );
          expect(await impactOrder(mirrored, skill, partition)).toEqual(await impactOrder(deps, skill, partition));
        }
      }
    };
    await agree();

    const index = mirrored.matchingIndex;
    await index.syncJobPostings('j1', { partition: '320000', postings: [{ skillUri: SKILL, ...posting }] }, []);
    // Two more in the same list, one of higher impact: pages come highest impact first, ties by job id.
    const heavier = { importance: 'essential' as const, minProficiency: 2 as const, totalWeight: 2, impact: 3 / 8 };
    await index.syncJobPostings('j0', { partition: '320000', postings: [{ skillUri: SKILL, ...posting }] }, []);
    await index.syncJobPostings('j2', { partition: '320000', postings: [{ skillUri: SKILL, ...heavier }] }, []);
    await index.syncGraduatePostings('g2', {
      skills: [SKILL, OTHER],
      partitions: ['310000', '320000'],
      discoverable: false,
    });
    await agree();
    // The job moves to another province and skill; a graduate drops a skill and their consent to be found.
    await index.syncJobPostings('j1', { partition: '310000', postings: [{ skillUri: OTHER, ...posting }] }, [
      { skills: [SKILL], partition: '320000' },
    ]);
    await index.syncGraduatePostings('g2', { skills: [OTHER], partitions: ['310000'], discoverable: true });
    await index.syncGraduatePostings('g1', undefined);
    await agree();

    // Once read, a list is served from memory: the table changing behind it (which the dispatcher, the only
    // writer of postings, never lets happen) does not show — the proof that no query was made.
    await deps.matchingIndex.syncGraduatePostings('g3', {
      skills: [OTHER],
      partitions: ['310000'],
      discoverable: true,
    });
    expect((await index.graduateIdsForSkill(OTHER, '310000')).map((g) => g.graduateId)).toEqual(['g2']);
  });
});
