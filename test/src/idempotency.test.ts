import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { occupationUri, skillUri, startTestRuntime, type TestRuntime } from './harness.ts';

// The runtime's clock runs `skew` ahead of the system clock: a test moves it past an idempotency lease.
let skewMs = 0;
let rt: TestRuntime;
beforeAll(async () => {
  rt = await startTestRuntime({ clock: () => new Date(Date.now() + skewMs) });
});
afterAll(async () => rt.close());

const LEASE_MS = 30_000;

const job = (title: string) => ({
  title: { en: title },
  description: 'Operate CNC lathes',
  occupation: { escoUri: occupationUri(2) },
  requiredSkills: [{ uri: skillUri(1), importance: 'essential', minProficiency: 2 }],
  place: { kind: 'delta', cityCode: '320500' },
  closingDate: '2999-06-30',
});

/** The hash the Idempotency-Key middleware keeps for a request (packages/api/src/http.ts). */
const requestHash = (method: string, path: string, body: unknown) =>
  createHash('sha256')
    .update(`${method} ${path}\n${JSON.stringify(body)}`)
    .digest('base64url');

/** A fresh employer, with a key another request of theirs already holds ("in progress", as if still running). */
async function employerWithClaimedKey(body: unknown) {
  const sub = `emp-${randomUUID().slice(0, 8)}`;
  const token = await rt.token(sub, 'employer');
  const key = `key-${randomUUID()}`;
  const claim = await rt.deps.idempotency.claim(sub, key, requestHash('POST', '/v1/jobs', body));
  if (!claim.claimed) throw new Error('the fresh key was already held');
  const post = (b: unknown) => rt.call('POST', '/v1/jobs', { token, body: b, headers: { 'Idempotency-Key': key } });
  const myJobs = async () =>
    (await rt.call('GET', '/v1/employers/me/jobs', { token })).body.items as Array<{ jobId: string }>;
  return { sub, key, lease: claim.lease, post, myJobs };
}

describe('Idempotency-Key while the first request is in progress', () => {
  it('409 with Retry-After for the same request, 422 for another body; nothing is created', async () => {
    const body = job('In progress');
    const { post, myJobs } = await employerWithClaimedKey(body);
    const retry = await post(body);
    expect(retry.status).toBe(409);
    expect(retry.headers.get('retry-after')).toBe('1');
    expect(retry.headers.get('content-type')).toBe('application/problem+json');
    expect(retry.body.detail).toContain('still in progress');
    const other = await post(job('Something else'));
    expect(other.status).toBe(422);
    expect(other.body.errors).toEqual([{ path: 'header.Idempotency-Key', message: 'reused with another body' }]);
    expect(await myJobs()).toEqual([]);
  });

  it('a retry after the 30 s lease ran out takes the request over and runs it once; the first holder cannot overwrite it', async () => {
    const body = job('Taken over');
    const { sub, key, lease, post, myJobs } = await employerWithClaimedKey(body);
    skewMs += LEASE_MS - 2_000;
    expect((await post(body)).status).toBe(409);

    skewMs += 4_000;
    // Another body still cannot use the key, lease or not.
    expect((await post(job('Something else'))).status).toBe(422);
    const takenOver = await post(body);
    expect(takenOver.status).toBe(201);
    expect(takenOver.headers.get('idempotent-replayed')).toBeNull();
    expect((await myJobs()).map((j) => j.jobId)).toEqual([takenOver.body.id]);

    // The crashed first holder finishing late is a no-op: replays keep the takeover's response.
    await rt.deps.idempotency.complete(sub, key, lease, { status: 500, headers: {}, body: 'late' });
    const replay = await post(body);
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body.id).toBe(takenOver.body.id);
    expect(await myJobs()).toHaveLength(1);
  });
});

describe('Idempotency-Key after a failure', () => {
  it('a 5xx is not kept: the error is logged and a retry with the same key runs the request', async () => {
    const token = await rt.token(`emp-${randomUUID().slice(0, 8)}`, 'employer');
    const headers = { 'Idempotency-Key': `key-${randomUUID()}` };
    const body = job('After a failure');
    // The deliberate failure's log line is captured for the assertion, not printed.
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const failing = vi.spyOn(rt.deps.jobs, 'create').mockRejectedValueOnce(new Error('table on fire'));
    try {
      const failed = await rt.call('POST', '/v1/jobs', { token, body, headers });
      expect(failed.status).toBe(500);
      expect(failed.headers.get('content-type')).toBe('application/problem+json');
      expect(JSON.stringify(failed.body)).not.toContain('table on fire');
      expect(logged).toHaveBeenCalledTimes(1);
      expect(JSON.parse(String(logged.mock.calls[0]![0]))).toMatchObject({
        level: 'error',
        message: 'unhandled',
        method: 'POST',
        path: '/v1/jobs',
        error: 'Error: table on fire',
      });
    } finally {
      failing.mockRestore();
      logged.mockRestore();
    }
    const retried = await rt.call('POST', '/v1/jobs', { token, body, headers });
    expect(retried.status).toBe(201);
    expect(retried.headers.get('idempotent-replayed')).toBeNull();
  });
});
