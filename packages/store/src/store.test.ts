import { DomainError } from '@skillpass/domain';
import { freshTable } from './fresh-table.test-support.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Table } from './client.ts';
import { CursorCodec } from './cursor.ts';
import { createItem, deleteItems, getLiveItem, putItems, queryAll, replaceAtVersion } from './items.ts';
import { createRepositories } from './repositories/index.ts';

let table: Table;
beforeAll(async () => {
  table = await freshTable();
});

const profileInput = {
  displayName: 'Ada',
  contactEmail: 'ada@example.com',
  education: [],
  skills: [],
  languages: [],
  preferredPlaces: [],
  openToRemote: false,
  desiredOccupations: [],
  consents: { discoverable: false, personalisedMatching: true },
};

describe('conditional writes', () => {
  it('never overwrites an existing item on create', async () => {
    await createItem(table, { PK: 'X#1', SK: 'X', value: 'first' }, 'thing');
    await expect(createItem(table, { PK: 'X#1', SK: 'X', value: 'second' }, 'thing')).rejects.toMatchObject({
      kind: 'conflict',
    });
    expect((await getLiveItem(table, { PK: 'X#1', SK: 'X' }, new Date()))?.value).toBe('first');
  });

  it('lets exactly one of 20 parallel updates at the same version win, losing no update', async () => {
    await createItem(table, { PK: 'C#1', SK: 'C', version: 1, writer: 'none' }, 'counter');
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, writer) =>
        replaceAtVersion(table, { PK: 'C#1', SK: 'C', version: 2, writer: `w${writer}` }, 1),
      ),
    );
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r) => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(19);
    for (const failure of lost) {
      expect((failure as PromiseRejectedResult).reason).toBeInstanceOf(DomainError);
      expect((failure as PromiseRejectedResult).reason.kind).toBe('precondition-failed');
    }
    const stored = await getLiveItem(table, { PK: 'C#1', SK: 'C' }, new Date());
    expect(stored?.version).toBe(2);
    expect(String(stored?.writer)).toMatch(/^w\d+$/);
  });
});

describe('bulk writes', () => {
  it('store every item of a call in batches sent side by side, the last of two puts of one key winning, and delete them all', async () => {
    const items = Array.from({ length: 230 }, (_, i) => ({
      PK: 'BULK#1',
      SK: `item-${String(i).padStart(3, '0')}`,
      n: i,
    }));
    // Key item-007 put twice in one call (within one batch's worth, which DynamoDB would refuse): the later wins.
    await putItems(table, [...items.slice(0, 10), { PK: 'BULK#1', SK: 'item-007', n: -7 }, ...items.slice(10)]);
    const stored = await queryAll(table, { partitionKey: 'BULK#1' });
    expect(stored).toHaveLength(230);
    expect(stored.find((item) => item.SK === 'item-007')?.n).toBe(-7);
    expect(stored.find((item) => item.SK === 'item-229')?.n).toBe(229);
    await deleteItems(table, [...items, items[3]!]);
    expect(await queryAll(table, { partitionKey: 'BULK#1' })).toEqual([]);
  });
});

describe('TTL', () => {
  it('hides items whose expiry passed even before DynamoDB deletes them', async () => {
    const past = Math.floor(Date.now() / 1000) - 10;
    await createItem(table, { PK: 'T#1', SK: 'T', expiresAt: past }, 'expiring');
    await createItem(table, { PK: 'T#2', SK: 'T', expiresAt: past + 3600 }, 'expiring');
    expect(await getLiveItem(table, { PK: 'T#1', SK: 'T' }, new Date())).toBeUndefined();
    expect(await getLiveItem(table, { PK: 'T#2', SK: 'T' }, new Date())).toBeDefined();
  });
});

describe('profiles and cursors', () => {
  const store = () => createRepositories(table, new CursorCodec('a-secret-for-cursor-tests'));

  it('bumps the version on each save and refuses a stale If-Match version', async () => {
    const first = await store().profiles.update('g-ver', () => profileInput);
    expect(first).toMatchObject({ created: true, profile: { version: 1 } });
    const second = await store().profiles.update('g-ver', () => ({ ...profileInput, displayName: 'Ada L.' }));
    expect(second).toMatchObject({ created: false, profile: { version: 2, displayName: 'Ada L.' } });
    await expect(
      store().profiles.update('g-ver', () => profileInput, { precondition: (version) => version === 1 }),
    ).rejects.toMatchObject({
      kind: 'precondition-failed',
    });
  });

  it('pages through applications with an opaque cursor and rejects a tampered one', async () => {
    const s = store();
    await s.profiles.update('g-page', () => profileInput);
    for (let i = 0; i < 5; i++) {
      const job = await s.jobs.create('emp-page', {
        title: { en: `Job ${i}` },
        description: 'd',
        requiredSkills: [
          {
            uri: 'http://data.europa.eu/esco/skill/00000000-0000-4000-8000-000000000001',
            importance: 'essential',
            minProficiency: 1,
          },
        ],
        place: { kind: 'remote' },
        openings: 1,
        closingDate: '2999-01-01',
      });
      await s.applications.apply('g-page', job.jobId, undefined);
    }
    const first = await s.applications.listForGraduate('g-page', { limit: 2 });
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).toBeTypeOf('string');
    const second = await s.applications.listForGraduate('g-page', { limit: 2, cursor: first.nextCursor });
    expect(second.items.map((a) => a.jobId)).not.toContain(first.items[0]!.jobId);
    const cursor = first.nextCursor!;
    const tampered = `${cursor.slice(0, 5)}${cursor[5] === 'A' ? 'B' : 'A'}${cursor.slice(6)}`;
    await expect(s.applications.listForGraduate('g-page', { limit: 2, cursor: tampered })).rejects.toMatchObject({
      kind: 'validation',
    });
    // A cursor is bound to its query: another graduate's listing refuses it.
    await expect(s.applications.listForGraduate('g-other', { limit: 2, cursor })).rejects.toMatchObject({
      kind: 'validation',
    });
  });
});
