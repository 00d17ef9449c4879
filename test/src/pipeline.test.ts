import {
  type AppliedBatch,
  applyMatchingEvents,
  CONSUMER_HANDLERS,
  dispatchBatch,
  dispatchEvent,
  type JobEvent,
  startLocalDispatcher,
} from '@skillpass/pipeline';
import { partitions, queryAll } from '@skillpass/store';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { scanTable, skillUri, startTestRuntime, type TestRuntime } from './harness.ts';

let rt: TestRuntime;
beforeAll(async () => {
  rt = await startTestRuntime({ dispatch: false });
});
afterAll(async () => rt.close());

const jobBody = (n: number) => ({
  title: { en: `Welder ${n}` },
  description: 'Welding in Suzhou',
  requiredSkills: [
    { uri: skillUri(1), importance: 'essential' },
    { uri: skillUri(2), importance: 'optional' },
  ],
  place: { kind: 'delta', cityCode: '320500' },
  closingDate: '2999-12-31',
});

describe('stream-driven events through the local dispatcher', () => {
  it('delivers events for items written while no dispatcher ran, exactly once per consumer, across restarts', async () => {
    const employer = await rt.token('emp-pipe', 'employer');
    const graduate = await rt.token('grad-pipe', 'graduate');
    const posted = await rt.call('POST', '/v1/jobs', { token: employer, body: jobBody(1) });
    expect(posted.status).toBe(201);
    await rt.call('PUT', '/v1/profiles/me', {
      token: graduate,
      body: { displayName: 'G', contactEmail: 'g@example.com' },
    });
    const applied = await rt.call('POST', `/v1/jobs/${posted.body.jobId}/applications`, { token: graduate, body: {} });
    expect(applied.status).toBe(201);
    const moved = await rt.call('PATCH', `/v1/applications/${applied.body.applicationId}`, {
      token: employer,
      body: { status: 'viewed' },
    });
    expect(moved.status).toBe(200);

    // Nothing consumed yet: no index postings, no notification.
    const postingPartition = partitions.jobSkill(skillUri(1), '320000');
    expect(await queryAll(rt.table, { partitionKey: postingPartition })).toHaveLength(0);

    const first = await startLocalDispatcher({ table: rt.table, deps: rt.deps, endpoint: inject('dynamoEndpoint') });
    await first.drain();
    await first.stop();
    expect((await queryAll(rt.table, { partitionKey: postingPartition })).map((p) => p.jobId)).toEqual([
      posted.body.jobId,
    ]);
    const notes = await rt.deps.notifications.list('grad-pipe', { limit: 10 });
    expect(notes.items).toHaveLength(1);
    expect(notes.items[0]!.title).toContain('was viewed');

    // A second dispatcher re-reads the stream from the checkpoint: nothing is delivered twice.
    const second = await startLocalDispatcher({ table: rt.table, deps: rt.deps, endpoint: inject('dynamoEndpoint') });
    await second.drain();
    await second.stop();
    expect((await rt.deps.notifications.list('grad-pipe', { limit: 10 })).items).toHaveLength(1);

    // Every consumer named by the routing table ran once per event, no more.
    const consumed = (await scanTable(rt.table))
      .filter((item) => item.entity === 'ConsumedEvent')
      .map((item) => String(item.PK));
    expect(consumed.filter((pk) => pk.startsWith('CONSUMED#applicationNotifier#'))).toHaveLength(1);
    expect(consumed.filter((pk) => pk.startsWith('CONSUMED#jobMatching#'))).toHaveLength(1);
  });

  it('a duplicate delivery of the same event changes nothing', async () => {
    const event = {
      id: 'dup-1:ApplicationStatusChanged',
      type: 'ApplicationStatusChanged' as const,
      source: 'skillpass' as const,
      occurredAt: new Date().toISOString(),
      detail: {
        applicationId: 'a',
        jobId: 'j',
        employerId: 'e',
        graduateId: 'grad-pipe',
        from: 'viewed',
        to: 'interview',
      },
    };
    const before = (await rt.deps.notifications.list('grad-pipe', { limit: 50 })).items.length;
    await dispatchEvent(event, rt.deps);
    await dispatchEvent(event, rt.deps);
    // Even with the consumed-marker gone, the consumer's own write is idempotent.
    await CONSUMER_HANDLERS.applicationNotifier(event, rt.deps);
    expect((await rt.deps.notifications.list('grad-pipe', { limit: 50 })).items).toHaveLength(before + 1);
  });

  it('removes a closed job from the skill index', async () => {
    const employer = await rt.token('emp-close', 'employer');
    const posted = await rt.call('POST', '/v1/jobs', { token: employer, body: jobBody(2) });
    const dispatcher = await startLocalDispatcher({
      table: rt.table,
      deps: rt.deps,
      endpoint: inject('dynamoEndpoint'),
    });
    try {
      await dispatcher.drain();
      const bySkill = () => rt.call('GET', `/v1/jobs?skill=${encodeURIComponent(skillUri(2))}&province=320000`);
      expect((await bySkill()).body.items.map((j: { jobId: string }) => j.jobId)).toContain(posted.body.jobId);
      expect((await rt.call('POST', `/v1/jobs/${posted.body.jobId}/close`, { token: employer })).status).toBe(200);
      await dispatcher.drain();
      expect((await bySkill()).body.items.map((j: { jobId: string }) => j.jobId)).not.toContain(posted.body.jobId);
    } finally {
      await dispatcher.stop();
    }
  });

  it('applies a batch coalesced: one job edited twice is indexed once, its superseded versions cleaned up; a redelivery changes nothing', async () => {
    const employer = await rt.token('emp-batch', 'employer');
    const posted = await rt.call('POST', '/v1/jobs', { token: employer, body: jobBody(3) });
    const jobId = posted.body.jobId;
    let etag = posted.headers.get('etag')!;
    for (const n of [3, 4]) {
      const patched = await rt.call('PATCH', `/v1/jobs/${jobId}`, {
        token: employer,
        headers: { 'If-Match': etag, 'Content-Type': 'application/merge-patch+json' },
        body: { requiredSkills: [{ uri: skillUri(n), importance: 'essential' }] },
      });
      expect(patched.status).toBe(200);
      etag = patched.headers.get('etag')!;
    }
    const batches: AppliedBatch[] = [];
    const dispatcher = await startLocalDispatcher({
      table: rt.table,
      deps: rt.deps,
      endpoint: inject('dynamoEndpoint'),
      onBatch: (batch) => batches.push(batch),
    });
    await dispatcher.drain();
    await dispatcher.stop();
    const jobEvents = batches
      .filter((b) => b.lane === 'foreground')
      .flatMap((b) => b.events)
      .filter((e) => 'jobId' in e.detail && e.detail.jobId === jobId);
    expect(jobEvents.map((e) => e.type)).toEqual(['JobPosted', 'JobUpdated', 'JobUpdated']);
    // The two older versions were superseded by the third before they were applied.
    expect(batches.reduce((n, b) => n + (b.stats?.superseded ?? 0), 0)).toBeGreaterThanOrEqual(2);
    const holding = async () => {
      const held: number[] = [];
      for (const n of [1, 2, 3, 4]) {
        const ids = (await queryAll(rt.table, { partitionKey: partitions.jobSkill(skillUri(n), '320000') })).map(
          (p) => p.jobId,
        );
        if (ids.includes(jobId)) held.push(n);
      }
      return held;
    };
    // Only the current version's skill holds the job; those of the versions before are gone.
    expect(await holding()).toEqual([4]);

    // Delivered again (a retry after a crash): markers skip it; applied again without them: the same rows.
    await dispatchBatch(jobEvents, rt.deps);
    await applyMatchingEvents(
      rt.deps,
      jobEvents.filter((e): e is JobEvent => e.type.startsWith('Job')),
      [],
    );
    expect(await holding()).toEqual([4]);
  });
});

describe('the background lane (statistics after the lists)', () => {
  it('makes the lists final while the statistics are out, checkpoints only past both lanes, and counts once on restart', async () => {
    const employer = await rt.token('emp-lanes', 'employer');
    const graduate = await rt.token('grad-lanes', 'graduate');
    const skill = skillUri(61);
    const counted = async () =>
      (await rt.deps.insights.countersFor([{ place: 'city:340200', week: 'all', concept: `skill:${skill}` }]))[0]
        ?.jobs ?? 0;
    const before = await counted();
    const posted = await rt.call('POST', '/v1/jobs', {
      token: employer,
      body: {
        ...jobBody(61),
        requiredSkills: [{ uri: skill, importance: 'essential' }],
        place: { kind: 'delta', cityCode: '340200' },
      },
    });
    expect(posted.status).toBe(201);
    const saved = await rt.call('PUT', '/v1/profiles/me', {
      token: graduate,
      body: {
        displayName: 'Lanes',
        contactEmail: 'lanes@example.com',
        skills: [{ uri: skill, proficiency: 3 }],
        preferredPlaces: [{ kind: 'delta', cityCode: '340200' }],
        consents: { discoverable: true, personalisedMatching: true },
      },
    });
    expect(saved.status).toBe(201);

    // An outage of the statistics: every recount fails, and so does recording it as a dead letter.
    const outage = () => Promise.reject(new Error('insights unreachable'));
    const down = {
      ...rt.deps,
      insights: Object.assign(Object.create(rt.deps.insights) as typeof rt.deps.insights, {
        recount: outage,
        recountMany: outage,
      }),
      eventLog: Object.assign(Object.create(rt.deps.eventLog) as typeof rt.deps.eventLog, {
        recordDeadLetter: outage,
      }),
    };
    const errors: unknown[] = [];
    const lanes: AppliedBatch['lane'][] = [];
    const first = await startLocalDispatcher({
      table: rt.table,
      deps: down,
      endpoint: inject('dynamoEndpoint'),
      retry: { attempts: 1, backoffMs: 1 },
      pollIntervalMs: 20,
      onError: (error) => errors.push(error),
      onBatch: (batch) => lanes.push(batch.lane),
    });
    // The graduate's list is final although the statistics keep failing behind it.
    await vi.waitFor(
      async () => {
        const set = await rt.deps.matchingIndex.getMatchSet('grad-lanes');
        expect(set?.matches.map((m) => m.jobId)).toContain(posted.body.jobId);
        expect(errors.length).toBeGreaterThanOrEqual(2);
      },
      { timeout: 120_000, interval: 100 },
    );
    await first.stop();
    expect(lanes).toContain('foreground');
    expect(lanes).not.toContain('background');
    expect(await counted()).toBe(before);

    // Restarted with the statistics back: read again from the checkpoint, the job is counted once.
    const second = await startLocalDispatcher({
      table: rt.table,
      deps: rt.deps,
      endpoint: inject('dynamoEndpoint'),
      onBatch: (batch) => lanes.push(batch.lane),
    });
    await second.drain();
    await second.stop();
    expect(lanes).toContain('background');
    expect(await counted()).toBe(before + 1);
    const third = await startLocalDispatcher({ table: rt.table, deps: rt.deps, endpoint: inject('dynamoEndpoint') });
    await third.drain();
    await third.stop();
    expect(await counted()).toBe(before + 1);
  }, 300_000);
});
