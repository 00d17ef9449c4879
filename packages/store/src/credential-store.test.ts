import type { IssuedCredential } from '@skillpass/domain';
import { freshTable } from './fresh-table.test-support.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Table } from './client.ts';
import { CursorCodec } from './cursor.ts';
import { createRepositories, type Repositories } from './repositories/index.ts';

let table: Table;
let store: Repositories;
beforeAll(async () => {
  table = await freshTable();
  store = createRepositories(table, new CursorCodec('cursor-secret-for-credential-tests'));
});

const credential = (id: string, index: number, graduateId = 'g1', statusListId = 'list-1'): IssuedCredential => ({
  credentialId: id,
  issuerId: 'iss',
  templateId: 'tpl',
  holder: { kind: 'graduate', graduateId },
  status: 'active',
  statusListIndex: index,
  statusListId,
  skills: [],
  validFrom: '2026-01-01T00:00:00Z',
  jwt: 'x.y.z',
  version: 1,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
});

describe('status index claims', () => {
  it('hands out each index once even when 1,000 claims race for 50 indexes', async () => {
    const attempts = Array.from({ length: 1000 }, (_, i) => ({ index: i % 50, credentialId: `c${i}` }));
    const results = await Promise.all(
      attempts.map((a) => store.credentials.claimStatusIndex('race', a.index, a.credentialId)),
    );
    expect(results.filter(Boolean)).toHaveLength(50);
    expect(await store.credentials.isStatusIndexTaken('race', 7)).toBe(true);
    expect(await store.credentials.isStatusIndexTaken('race', 50)).toBe(false);
    // A thousand requests to one DynamoDB Local: slow on a loaded machine, so only a hang fails this.
  }, 180_000);

  it('claims a block all or nothing, naming the indexes already taken', async () => {
    expect(await store.credentials.claimStatusIndex('block', 5, 'earlier')).toBe(true);
    const block = [3, 4, 5, 6].map((index) => ({ index, credentialId: `b${index}` }));
    expect(await store.credentials.claimStatusIndexes('block', block)).toEqual([5]);
    // Nothing of the refused block was written.
    expect(await store.credentials.isStatusIndexTaken('block', 3)).toBe(false);
    const retry = [3, 4, 7, 6].map((index) => ({ index, credentialId: `b${index}` }));
    expect(await store.credentials.claimStatusIndexes('block', retry)).toEqual([]);
    for (const index of [3, 4, 6, 7]) expect(await store.credentials.isStatusIndexTaken('block', index)).toBe(true);
  }, 180_000);
});

describe('credential status', () => {
  it('suspends, reinstates and revokes, flipping the list bits in the same transaction; revocation is final', async () => {
    await store.credentials.create(credential('cred-a', 17));
    await store.credentials.changeStatus('cred-a', 'suspended');
    expect(await store.credentials.getStatusList('list-1', 131072)).toMatchObject({ suspended: [17], revoked: [] });
    await store.credentials.changeStatus('cred-a', 'active');
    expect(await store.credentials.getStatusList('list-1', 131072)).toMatchObject({ suspended: [], revoked: [] });
    await store.credentials.changeStatus('cred-a', 'revoked');
    expect(await store.credentials.getStatusList('list-1', 131072)).toMatchObject({ suspended: [], revoked: [17] });
    await expect(store.credentials.changeStatus('cred-a', 'active')).rejects.toMatchObject({ kind: 'conflict' });
    expect((await store.credentials.get('cred-a'))?.status).toBe('revoked');
  });

  it('lists a graduate holder’s credentials', async () => {
    // Its own holder and list, so it does not depend on the test above having run.
    await store.credentials.create(credential('cred-b', 18, 'g-list', 'list-2'));
    await store.credentials.create(credential('cred-c', 19, 'g-list', 'list-2'));
    expect((await store.credentials.listForHolder('g-list')).map((c) => c.credentialId).sort()).toEqual([
      'cred-b',
      'cred-c',
    ]);
  });
});

describe('batches', () => {
  it('settles each recipient exactly once, keeping the counters exact under retries', async () => {
    await store.batches.create(
      { batchId: 'b1', issuerId: 'iss', templateId: 'tpl', total: 3, createdAt: '2026-01-01T00:00:00Z' },
      [0, 1, 2].map((row) => ({ row, input: { email: `r${row}@example.com` }, status: 'pending' as const })),
    );
    const settle = (row: number) =>
      row === 2
        ? store.batches.settleRecipient('b1', row, { status: 'failed', error: 'bad email' })
        : store.batches.settleRecipient('b1', row, { status: 'issued', credentialId: `c-${row}` });
    const outcomes = await Promise.all([settle(0), settle(0), settle(1), settle(2), settle(1), settle(2)]);
    expect(outcomes.filter(Boolean)).toHaveLength(3);
    expect(await store.batches.progress('b1')).toEqual({ issued: 2, failed: 1, pending: 0 });
    const recipients = await store.batches.listRecipients('b1', { limit: 10 });
    expect(recipients.items.map((r) => r.status)).toEqual(['issued', 'issued', 'failed']);
    expect(recipients.items[2]!.error).toBe('bad email');
  });

  it('stores a row’s credential and settles the row in one transaction, once', async () => {
    await store.batches.create(
      { batchId: 'b2', issuerId: 'iss', templateId: 'tpl', total: 2, createdAt: '2026-01-01T00:00:00Z' },
      [1, 2].map((row) => ({ row, input: {}, status: 'pending' as const })),
    );
    const rows = [1, 2].map((row) => ({ row, credential: credential(`b2-${row}`, 100 + row, 'g-b2') }));
    // Two workers record the same rows at once: one transaction wins, the other writes nothing.
    const [first, second] = await Promise.all([
      store.batches.recordIssued('b2', rows),
      store.batches.recordIssued('b2', rows),
    ]);
    expect([first, second].map((lost) => lost.length).sort()).toEqual([0, 2]);
    expect(await store.batches.progress('b2')).toEqual({ issued: 2, failed: 0, pending: 0 });
    expect((await store.credentials.getMany(['b2-1', 'b2-2', 'missing'])).map((c) => c.credentialId)).toEqual([
      'b2-1',
      'b2-2',
    ]);
    expect(await store.batches.recordIssued('b2', rows)).toEqual([1, 2]);
  }, 60_000);

  it('counts every row in exactly one state while rows are being settled', async () => {
    // The progress report is what a poller (and the batch-crash test) reads to decide a batch is done:
    // counting each state in its own query let rows settled between the queries be counted in none.
    const total = 400;
    await store.batches.create(
      { batchId: 'b3', issuerId: 'iss', templateId: 'tpl', total, createdAt: '2026-01-01T00:00:00Z' },
      Array.from({ length: total }, (_, i) => ({ row: i + 1, input: {}, status: 'pending' as const })),
    );
    let settling = true;
    const readings: Array<{ issued: number; failed: number; pending: number }> = [];
    const poll = (async () => {
      while (settling) readings.push(await store.batches.progress('b3'));
    })();
    for (let start = 1; start <= total; start += 50) {
      const rows = Array.from({ length: 50 }, (_, i) => start + i);
      await store.batches.recordIssued(
        'b3',
        rows.map((row) => ({ row, credential: credential(`b3-${row}`, 1_000 + row, 'g-b3', 'list-b3') })),
      );
    }
    settling = false;
    await poll;
    readings.push(await store.batches.progress('b3'));
    expect(readings.length).toBeGreaterThan(1);
    for (const reading of readings) expect(reading.issued + reading.failed + reading.pending).toBe(total);
    expect(readings.at(-1)).toEqual({ issued: total, failed: 0, pending: 0 });
  }, 300_000);
});
