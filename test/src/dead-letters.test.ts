import { type ConsumerDeps, replayDeadLetter, startLocalDispatcher } from '@skillpass/pipeline';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { skillUri, startTestRuntime, type TestRuntime } from './harness.ts';

let rt: TestRuntime;
beforeAll(async () => {
  rt = await startTestRuntime({ dispatch: false });
});
afterAll(async () => rt.close());

const POISON = 'grad-poison';
let failures = 0;

/** The runtime's consumer deps, except that the notification store rejects every write for one graduate. */
function poisonedDeps(): ConsumerDeps {
  const real = rt.deps.notifications;
  const notifications = Object.assign(Object.create(real) as typeof real, {
    add: async (note: Parameters<typeof real.add>[0]) => {
      if (note.graduateId === POISON) {
        failures++;
        throw new Error('notification store rejects this one');
      }
      await real.add(note);
    },
  });
  return { ...rt.deps, notifications };
}

/** A graduate applies to the job and the employer moves the application on: one ApplicationStatusChanged event. */
async function applicationViewed(jobId: string, employer: string, graduateId: string, to = 'viewed') {
  const graduate = await rt.token(graduateId, 'graduate');
  await rt.call('PUT', '/v1/profiles/me', {
    token: graduate,
    body: { displayName: graduateId, contactEmail: 'g@example.com' },
  });
  const applied = await rt.call('POST', `/v1/jobs/${jobId}/applications`, { token: graduate, body: {} });
  expect(applied.status).toBe(201);
  const moved = await rt.call('PATCH', `/v1/applications/${applied.body.applicationId}`, {
    token: employer,
    body: { status: to },
  });
  expect(moved.status).toBe(200);
}

const notesOf = async (graduateId: string) => (await rt.deps.notifications.list(graduateId, { limit: 10 })).items;

describe('a poison event', () => {
  it('is dead-lettered once after its retries while the rest of its batch is delivered; a restart does not retry it; a replay applies it', async () => {
    const employer = await rt.token('emp-poison', 'employer');
    const posted = await rt.call('POST', '/v1/jobs', {
      token: employer,
      body: {
        title: { en: 'Welder' },
        description: 'Welding in Suzhou',
        requiredSkills: [{ uri: skillUri(1), importance: 'essential' }],
        place: { kind: 'delta', cityCode: '320500' },
        closingDate: '2999-12-31',
      },
    });
    expect(posted.status).toBe(201);
    for (const graduateId of ['grad-ok-1', POISON, 'grad-ok-2'])
      await applicationViewed(posted.body.jobId, employer, graduateId);

    const errors: unknown[] = [];
    const options = {
      table: rt.table,
      endpoint: inject('dynamoEndpoint'),
      retry: { attempts: 3, backoffMs: 10 },
      onError: (error: unknown) => errors.push(error),
    };
    const first = await startLocalDispatcher({ ...options, deps: poisonedDeps() });
    await first.drain();
    await first.stop();

    // The batch failed once, then the poison delivery was tried 3 times on its own; the others went through.
    expect(errors).toHaveLength(1);
    expect(failures).toBe(1 + 3);
    expect(await notesOf('grad-ok-1')).toHaveLength(1);
    expect(await notesOf('grad-ok-2')).toHaveLength(1);
    expect(await notesOf(POISON)).toHaveLength(0);
    const letters = await rt.deps.eventLog.listDeadLetters();
    expect(letters).toHaveLength(1);
    expect(letters[0]).toMatchObject({
      consumer: 'applicationNotifier',
      attempts: 3,
      error: 'notification store rejects this one',
      event: { type: 'ApplicationStatusChanged', detail: { graduateId: POISON } },
    });

    // Restarted, still poisoned, with a new event behind the old ones: the checkpoint moved past the
    // poison (not tried again), and what came after it is delivered.
    await applicationViewed(posted.body.jobId, employer, 'grad-ok-3');
    const second = await startLocalDispatcher({ ...options, deps: poisonedDeps() });
    await second.drain();
    await second.stop();
    expect(failures).toBe(4);
    expect(await notesOf('grad-ok-3')).toHaveLength(1);
    expect(await rt.deps.eventLog.listDeadLetters()).toHaveLength(1);

    // The cause fixed, the operator replays the letter: applied once, and the letter is gone.
    expect(await replayDeadLetter(rt.deps, 'applicationNotifier', letters[0]!.eventId)).toBe('replayed');
    expect(await replayDeadLetter(rt.deps, 'applicationNotifier', letters[0]!.eventId)).toBe('not-found');
    expect((await notesOf(POISON)).map((n) => n.title)).toEqual([expect.stringContaining('was viewed')]);
    expect(await rt.deps.eventLog.listDeadLetters()).toEqual([]);
  });

  it('a replay that fails again keeps the letter, with the new error and one more attempt', async () => {
    const event = {
      id: 'replay-fails:ApplicationStatusChanged',
      type: 'ApplicationStatusChanged' as const,
      source: 'skillpass' as const,
      occurredAt: new Date().toISOString(),
      detail: { applicationId: 'a', jobId: 'j', employerId: 'e', graduateId: POISON, from: 'viewed', to: 'interview' },
    };
    await rt.deps.eventLog.recordDeadLetter({ consumer: 'applicationNotifier', event, error: 'first', attempts: 5 });
    await expect(replayDeadLetter(poisonedDeps(), 'applicationNotifier', event.id)).rejects.toThrow('rejects');
    expect(await rt.deps.eventLog.getDeadLetter('applicationNotifier', event.id)).toMatchObject({
      attempts: 6,
      error: 'notification store rejects this one',
    });
  });
});
