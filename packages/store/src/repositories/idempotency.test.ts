import { freshTable } from '../fresh-table.test-support.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Table } from '../client.ts';
import { DynamoIdempotencyRepository } from './idempotency.ts';

let table: Table;
beforeAll(async () => {
  table = await freshTable();
});

const T0 = Date.parse('2026-06-01T08:00:00Z');
/** A repository whose clock reads `seconds` after T0. */
const at = (seconds: number) => new DynamoIdempotencyRepository(table, () => new Date(T0 + seconds * 1000));
const response = { status: 201, headers: { 'content-type': 'application/json' }, body: '{"id":"j1"}' };

describe('idempotency claims', () => {
  it('lets exactly one of many concurrent claims of a key win; the others get the holding record', async () => {
    const claims = await Promise.all(Array.from({ length: 20 }, () => at(0).claim('emp-1', 'k-race', 'hash-a')));
    expect(claims.filter((c) => c.claimed)).toHaveLength(1);
    for (const lost of claims.filter((c) => !c.claimed)) {
      expect(lost).toMatchObject({ claimed: false, existing: { state: 'in-progress', requestHash: 'hash-a' } });
    }
  });

  it('hands a completed key back with its response, and never runs it again', async () => {
    const claim = await at(0).claim('emp-1', 'k-done', 'hash-a');
    if (!claim.claimed) throw new Error('first claim must win');
    await at(1).complete('emp-1', 'k-done', claim.lease, response);
    expect(await at(2).claim('emp-1', 'k-done', 'hash-a')).toMatchObject({
      claimed: false,
      existing: { state: 'done', status: 201, body: '{"id":"j1"}' },
    });
  });

  it('lets a retry of the same request take over a claim whose lease ran out, but not another request', async () => {
    const first = await at(0).claim('emp-1', 'k-crash', 'hash-a');
    expect(first.claimed).toBe(true);
    expect((await at(10).claim('emp-1', 'k-crash', 'hash-a')).claimed).toBe(false);
    expect((await at(60).claim('emp-1', 'k-crash', 'hash-b')).claimed).toBe(false);
    expect((await at(60).claim('emp-1', 'k-crash', 'hash-a')).claimed).toBe(true);
  });

  it('never lets a slow request release or overwrite the claim a retry took over', async () => {
    const slow = await at(0).claim('emp-1', 'k-slow', 'hash-a');
    const retry = await at(60).claim('emp-1', 'k-slow', 'hash-a');
    if (!slow.claimed || !retry.claimed) throw new Error('both claims must win in turn');
    await at(61).release('emp-1', 'k-slow', slow.lease);
    await at(61).complete('emp-1', 'k-slow', slow.lease, { ...response, body: 'from the slow one' });
    // The retry's claim is untouched: still in progress under its own lease.
    expect(await at(62).claim('emp-1', 'k-slow', 'hash-a')).toMatchObject({
      claimed: false,
      existing: { state: 'in-progress', leaseUntil: retry.lease },
    });
    await at(63).complete('emp-1', 'k-slow', retry.lease, response);
    expect(await at(64).claim('emp-1', 'k-slow', 'hash-a')).toMatchObject({
      existing: { state: 'done', body: '{"id":"j1"}' },
    });
  });

  it('frees a key once its record expired, even before DynamoDB deletes it', async () => {
    const claim = await at(0).claim('emp-1', 'k-old', 'hash-a');
    if (!claim.claimed) throw new Error('first claim must win');
    await at(1).complete('emp-1', 'k-old', claim.lease, response);
    expect((await at(25 * 3600).claim('emp-1', 'k-old', 'hash-b')).claimed).toBe(true);
  });

  it('releases a failed request’s claim so that a retry runs it again', async () => {
    const claim = await at(0).claim('emp-1', 'k-fail', 'hash-a');
    if (!claim.claimed) throw new Error('first claim must win');
    await at(1).release('emp-1', 'k-fail', claim.lease);
    expect((await at(2).claim('emp-1', 'k-fail', 'hash-a')).claimed).toBe(true);
  });
});
