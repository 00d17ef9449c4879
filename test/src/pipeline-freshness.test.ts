import { type ConsumerDeps, startLocalDispatcher } from '@skillpass/pipeline';
import { getTaxonomy } from '@skillpass/taxonomy';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTestRuntime, type TestRuntime } from './harness.ts';

const taxonomy = getTaxonomy();
const WELDER = 'http://data.europa.eu/esco/occupation/7aedaa07-3884-4c5b-88f9-80997b2aa54b';
const welder = taxonomy.occupationSkills(WELDER);

const jobBody = (title: string) => ({
  title: { en: title },
  description: title,
  requiredSkills: welder.essential.slice(0, 4).map((uri) => ({ uri, importance: 'essential', minProficiency: 1 })),
  place: { kind: 'delta', cityCode: '320500' },
  closingDate: '2999-01-01',
});
const profileBody = (name: string) => ({
  displayName: name,
  contactEmail: `${name.toLowerCase()}@example.com`,
  skills: welder.essential.slice(0, 4).map((uri) => ({ uri, proficiency: 3 })),
  preferredPlaces: [{ kind: 'delta', cityCode: '320500' }],
  consents: { discoverable: true },
});

/** A gate the matching consumer waits on: while closed, the dispatcher has read (and marked) changes it cannot apply. */
function gate() {
  let open: () => void = () => {};
  let opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return {
    wait: () => opened,
    open: () => open(),
    close: () => {
      opened = new Promise<void>((resolve) => {
        open = resolve;
      });
    },
  };
}

let rt: TestRuntime;
beforeAll(async () => {
  rt = await startTestRuntime({ dispatch: false, taxonomy });
});
afterAll(async () => rt.close());

describe('ranked lists say whether they are up to date', () => {
  it('during a backlog a graduate sees upToDate false with the pending job changes, then true with the job once applied', async () => {
    const employer = await rt.token('emp-fresh', 'employer');
    const graduate = await rt.token('grad-fresh', 'graduate');
    const applying = gate();
    // The dispatcher's matching index waits on the gate before indexing a job: it has read the job, not applied it.
    const index = rt.deps.matchingIndex;
    const gated: ConsumerDeps['matchingIndex'] = Object.assign(Object.create(index) as typeof index, {
      syncJobPostings: async (...args: Parameters<typeof index.syncJobPostings>) => {
        await applying.wait();
        return index.syncJobPostings(...args);
      },
    });
    applying.open();
    const dispatcher = await startLocalDispatcher({
      table: rt.table,
      deps: { ...rt.deps, matchingIndex: gated },
      endpoint: inject('dynamoEndpoint'),
      pollIntervalMs: 50,
    });
    try {
      expect((await rt.call('PUT', '/v1/profiles/me', { token: graduate, body: profileBody('Fresh') })).status).toBe(
        201,
      );
      await dispatcher.drain();
      const quiet = await rt.call('GET', '/v1/profiles/me/matches', { token: graduate });
      expect(quiet.status).toBe(200);
      expect(quiet.body).toMatchObject({ upToDate: true, lag: { pendingChanges: 0 } });
      expect(quiet.body.items).toHaveLength(0);

      applying.close();
      const posted = await rt.call('POST', '/v1/jobs', { token: employer, body: jobBody('Welder, backlog') });
      expect(posted.status).toBe(201);
      // The reader marks the job's change pending as soon as it reads it, long before it can apply it.
      let during = await rt.call('GET', '/v1/profiles/me/matches', { token: graduate });
      for (let i = 0; i < 300 && during.body.upToDate; i++) {
        await new Promise((r) => setTimeout(r, 100));
        during = await rt.call('GET', '/v1/profiles/me/matches', { token: graduate });
      }
      expect(during.status).toBe(200);
      expect(during.body.upToDate).toBe(false);
      expect(during.body.lag.pendingChanges).toBe(1);
      expect(Date.parse(during.body.lag.pendingSince)).not.toBeNaN();
      expect(Date.parse(during.body.computedAt)).not.toBeNaN();
      expect(during.body.items).toHaveLength(0);

      applying.open();
      await dispatcher.drain();
      const after = await rt.call('GET', '/v1/profiles/me/matches', { token: graduate });
      expect(after.body).toMatchObject({ upToDate: true, lag: { pendingChanges: 0 } });
      expect(after.body.lag.pendingSince).toBeUndefined();
      expect(after.body.items.map((m: { job: { jobId: string } }) => m.job.jobId)).toEqual([posted.body.id]);
    } finally {
      applying.open();
      await dispatcher.stop();
    }
  });

  it("during a backlog an employer's candidates say upToDate false, then list the new graduate once applied", async () => {
    const employer = await rt.token('emp-fresh-c', 'employer');
    const graduate = await rt.token('grad-fresh-c', 'graduate');
    const applying = gate();
    const index = rt.deps.matchingIndex;
    const gated: ConsumerDeps['matchingIndex'] = Object.assign(Object.create(index) as typeof index, {
      syncGraduatePostings: async (...args: Parameters<typeof index.syncGraduatePostings>) => {
        await applying.wait();
        return index.syncGraduatePostings(...args);
      },
    });
    applying.open();
    const dispatcher = await startLocalDispatcher({
      table: rt.table,
      deps: { ...rt.deps, matchingIndex: gated },
      endpoint: inject('dynamoEndpoint'),
      pollIntervalMs: 50,
    });
    try {
      const posted = await rt.call('POST', '/v1/jobs', { token: employer, body: jobBody('Welder, candidates') });
      expect(posted.status).toBe(201);
      await dispatcher.drain();
      const path = `/v1/jobs/${posted.body.id}/candidates`;
      const before = await rt.call('GET', path, { token: employer });
      expect(before.status).toBe(200);
      expect(before.body.upToDate).toBe(true);
      const known = before.body.items.map((c: { graduateId: string }) => c.graduateId);
      expect(known).not.toContain('grad-fresh-c');

      applying.close();
      expect(
        (await rt.call('PUT', '/v1/profiles/me', { token: graduate, body: profileBody('Candidate') })).status,
      ).toBe(201);
      let during = await rt.call('GET', path, { token: employer });
      for (let i = 0; i < 300 && during.body.upToDate; i++) {
        await new Promise((r) => setTimeout(r, 100));
        during = await rt.call('GET', path, { token: employer });
      }
      expect(during.body.upToDate).toBe(false);
      expect(during.body.lag.pendingChanges).toBeGreaterThanOrEqual(1);
      expect(during.body.items.map((c: { graduateId: string }) => c.graduateId)).not.toContain('grad-fresh-c');

      applying.open();
      await dispatcher.drain();
      const after = await rt.call('GET', path, { token: employer });
      expect(after.body.upToDate).toBe(true);
      expect(after.body.items.map((c: { graduateId: string }) => c.graduateId)).toContain('grad-fresh-c');
    } finally {
      applying.open();
      await dispatcher.stop();
    }
  });
});
