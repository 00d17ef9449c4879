import type { IssuedCredential } from '@skillpass/domain';
import { freshTable } from './fresh-table.test-support.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Table } from './client.ts';
import { CursorCodec } from './cursor.ts';
import { entities, itemOf } from './entities.ts';
import { putItems } from './items.ts';
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

describe('status entries', () => {
  it('hands out each entry once even when 1,000 single claims race for 50 entries', async () => {
    const attempts = Array.from({ length: 1000 }, (_, i) => i % 50);
    const results = await Promise.all(
      attempts.map((index) => store.credentials.claimStatusEntry('race', Math.floor(index / 32), index)),
    );
    expect(results.filter(Boolean)).toHaveLength(50);
    expect((await store.credentials.statusBlock('race', 0))?.taken).toEqual(Array.from({ length: 32 }, (_, i) => i));
    expect((await store.credentials.statusBlock('race', 1))?.taken).toHaveLength(18);
    // A thousand requests to one DynamoDB Local: slow on a loaded machine, so only a hang fails this.
  }, 180_000);

  it('claims whole blocks for a chunk once, never a block a single issuance took an entry of', async () => {
    await store.batches.create(
      { batchId: 'blk', issuerId: 'iss', templateId: 'tpl', total: 1, createdAt: '2026-01-01T00:00:00Z' },
      [{ row: 1, input: {}, status: 'pending' as const }],
    );
    expect(await store.credentials.claimStatusEntry('blocks', 3, 100)).toBe(true);
    expect(await store.batches.claimStatusBlocks('blk', 0, { listId: 'blocks', blocks: [3, 4] })).toEqual({
      taken: [3],
    });
    // Nothing of the refused claim was written.
    expect(await store.credentials.statusBlock('blocks', 4)).toBeUndefined();
    expect((await store.batches.getChunk('blk', 0))?.statusBlocks).toBeUndefined();
    expect(await store.batches.claimStatusBlocks('blk', 0, { listId: 'blocks', blocks: [4, 5] })).toBe('claimed');
    expect((await store.batches.getChunk('blk', 0))?.statusBlocks).toEqual({ listId: 'blocks', blocks: [4, 5] });
    expect(await store.credentials.statusBlock('blocks', 5)).toEqual({ chunk: 'blk#0', taken: [] });
    // A block claimed whole gives no entry out; a chunk claims once (a retry reads the blocks it has).
    expect(await store.credentials.claimStatusEntry('blocks', 4, 200)).toBe(false);
    expect(await store.batches.claimStatusBlocks('blk', 0, { listId: 'blocks', blocks: [6] })).toBe('chunk-has-blocks');
    expect(await store.credentials.statusBlock('blocks', 6)).toBeUndefined();
  }, 60_000);

  it('keeps one permutation key a list, and none for a list whose entries were claimed one by one before blocks', async () => {
    const [a, b] = await Promise.all([
      store.credentials.statusListKey('keyed'),
      store.credentials.statusListKey('keyed'),
    ]);
    expect(a).toHaveLength(32);
    expect(b).toEqual(a);
    await putItems(table, [
      itemOf(entities.StatusIndexClaim, entities.StatusIndexClaim.key('legacy', 7), { credentialId: 'old' }),
    ]);
    expect(await store.credentials.statusListKey('legacy')).toBeUndefined();
  });
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
  const batch = (batchId: string, total: number) => ({
    batchId,
    issuerId: 'iss',
    templateId: 'tpl',
    total,
    createdAt: '2026-01-01T00:00:00Z',
  });

  it('stores a chunk’s credentials and settles its rows in one transaction, once', async () => {
    await store.batches.create(batch('b2', 3), [
      { row: 1, input: { email: 'r1@example.com', name: 'Ruth' }, status: 'pending' as const },
      { row: 2, input: {}, status: 'pending' as const },
      { row: 3, input: {}, status: 'failed' as const, error: 'email: invalid' },
    ]);
    const chunk = (await store.batches.getChunk('b2', 0))!;
    const credentials = [{ row: 1, credential: credential('b2-1', 101, 'g-b2') }];
    const outcomes = new Map([
      [1, { status: 'issued' as const, credentialId: 'b2-1' }],
      [2, { status: 'failed' as const, error: 'holder.graduateId: not found' }],
    ]);
    // Two workers settle the same chunk at once: one transaction wins, the other writes nothing.
    const results = await Promise.all([
      store.batches.settleChunk('b2', chunk, outcomes, credentials),
      store.batches.settleChunk('b2', chunk, outcomes, credentials),
    ]);
    expect(results.sort()).toEqual([false, true]);
    expect(await store.batches.progress('b2')).toEqual({ issued: 1, failed: 2, pending: 0 });
    const rows = await store.batches.listRecipients('b2', { limit: 10 });
    expect(rows.items.map((r) => [r.row, r.status, r.credentialId ?? r.error])).toEqual([
      [1, 'issued', 'b2-1'],
      [2, 'failed', 'holder.graduateId: not found'],
      [3, 'failed', 'email: invalid'],
    ]);
    expect(await store.batches.settleChunk('b2', chunk, outcomes, credentials)).toBe(false);
    // The recipient's address is read from the row the credential was issued for.
    expect(await store.outbox.addressFor('b2-1')).toEqual({
      credentialId: 'b2-1',
      email: 'r1@example.com',
      name: 'Ruth',
    });
    await store.credentials.changeStatus('b2-1', 'suspended');
    expect((await store.outbox.addressFor('b2-1'))?.email).toBe('r1@example.com');
  }, 60_000);

  it('pages rows across chunks in row order, the cursor bound to its batch', async () => {
    await store.batches.create(
      batch('b4', 250),
      Array.from({ length: 250 }, (_, i) => ({ row: i + 1, input: {}, status: 'pending' as const })),
    );
    const rows: number[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await store.batches.listRecipients('b4', { limit: 100, ...(cursor ? { cursor } : {}) });
      rows.push(...page.items.map((r) => r.row));
      cursor = page.nextCursor;
      pages++;
      if (cursor)
        await expect(store.batches.listRecipients('b2', { limit: 1, cursor })).rejects.toMatchObject({
          kind: 'validation',
        });
    } while (cursor);
    expect(pages).toBe(3);
    expect(rows).toEqual(Array.from({ length: 250 }, (_, i) => i + 1));
    const pending: number[] = [];
    for await (const chunks of store.batches.pendingChunks('b4')) pending.push(...chunks.map((c) => c.chunk));
    expect(pending).toEqual([0, 1, 2]);
  }, 60_000);

  it('counts every row in exactly one state while chunks are being settled', async () => {
    // The progress report is what a poller (and the batch-crash test) reads to decide a batch is done.
    const total = 400;
    await store.batches.create(
      batch('b3', total),
      Array.from({ length: total }, (_, i) => ({ row: i + 1, input: {}, status: 'pending' as const })),
    );
    let settling = true;
    const readings: Array<{ issued: number; failed: number; pending: number }> = [];
    const poll = (async () => {
      while (settling) readings.push(await store.batches.progress('b3'));
    })();
    for await (const chunks of store.batches.pendingChunks('b3'))
      for (const chunk of chunks) {
        const rows = chunk.rows.map((r) => r.row);
        await store.batches.settleChunk(
          'b3',
          chunk,
          new Map(rows.map((row) => [row, { status: 'issued' as const, credentialId: `b3-${row}` }])),
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
