import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skillUri, startTestRuntime, type TestRuntime } from './harness.ts';

// Every write of this runtime happens within one minute (the clock starts at a minute's start and moves a
// millisecond per reading): the stream's approximate times would all be that minute, the records' own are not.
const minute = Math.floor(Date.now() / 60_000) * 60_000;
let tick = 0;
let rt: TestRuntime;

beforeAll(async () => {
  rt = await startTestRuntime({ dispatch: true, clock: () => new Date(minute + tick++) });
});
afterAll(async () => rt.close());

async function caller(role: 'graduate' | 'employer' | 'issuer') {
  const sub = `${role}-${randomUUID().slice(0, 8)}`;
  return { sub, token: await rt.token(sub, role) };
}

/** An employer with a job, and a graduate who applied to it: the application's id. */
async function applied() {
  const employer = await caller('employer');
  const graduate = await caller('graduate');
  const job = await rt.call('POST', '/v1/jobs', {
    token: employer.token,
    body: {
      title: { en: 'CNC operator', zh: '数控操作工' },
      description: 'Operate CNC lathes',
      requiredSkills: [{ uri: skillUri(1), importance: 'essential' }],
      place: { kind: 'delta', cityCode: '320500' },
      closingDate: '2999-01-01',
    },
  });
  expect(job.status).toBe(201);
  const profile = await rt.call('PUT', '/v1/profiles/me', {
    token: graduate.token,
    body: { displayName: 'Zhou Min', contactEmail: 'zhou@example.com', skills: [{ uri: skillUri(1), proficiency: 3 }] },
  });
  expect(profile.status).toBe(201);
  const application = await rt.call('POST', `/v1/jobs/${job.body.id}/applications`, {
    token: graduate.token,
    body: { coverNote: 'Hello' },
  });
  expect(application.status).toBe(201);
  return { employer, graduate, jobId: job.body.id as string, id: application.body.applicationId as string };
}

const move = (id: string, token: string | undefined, status: unknown) =>
  rt.call('PATCH', `/v1/applications/${id}`, { ...(token ? { token } : {}), body: { status } });

describe('withdrawing an application', () => {
  it('is the graduate’s own move, from any open status, and tells the employer (in en or zh)', async () => {
    const { employer, graduate, id } = await applied();
    expect((await move(id, employer.token, 'viewed')).status).toBe(200);
    expect((await move(id, employer.token, 'interview')).status).toBe(200);
    const withdrawn = await move(id, graduate.token, 'withdrawn');
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.status).toBe('withdrawn');
    expect(withdrawn.body.history.map((h: { status: string }) => h.status)).toEqual([
      'submitted',
      'viewed',
      'interview',
      'withdrawn',
    ]);
    // Final: neither side moves it again.
    expect((await move(id, graduate.token, 'withdrawn')).status).toBe(409);
    expect((await move(id, employer.token, 'offer')).status).toBe(409);

    await rt.dispatcher!.drain();
    const notes = await rt.call('GET', '/v1/employers/me/notifications', { token: employer.token });
    expect(notes.status).toBe(200);
    expect(notes.body.items).toEqual([
      expect.objectContaining({
        kind: 'application-withdrawn',
        applicationId: id,
        title: 'An applicant withdrew their application for CNC operator.',
        read: false,
      }),
    ]);
    const zh = await rt.call('GET', '/v1/employers/me/notifications?lang=zh', { token: employer.token });
    expect(zh.body.items[0].title).toBe('一位申请人撤回了对「数控操作工」的申请。');
    // The graduate is not told of their own move.
    const mine = await rt.call('GET', '/v1/profiles/me/notifications', { token: graduate.token });
    expect(mine.body.items.map((n: { status?: string }) => n.status)).not.toContain('withdrawn');
  });

  it('works from an offer too', async () => {
    const { employer, graduate, id } = await applied();
    for (const status of ['viewed', 'interview', 'offer'])
      expect((await move(id, employer.token, status)).status).toBe(200);
    expect((await move(id, graduate.token, 'withdrawn')).status).toBe(200);
  });

  it('is refused to the employer (403), and the graduate may set nothing else (403)', async () => {
    const { employer, graduate, id } = await applied();
    const byEmployer = await move(id, employer.token, 'withdrawn');
    expect(byEmployer.status).toBe(403);
    expect(byEmployer.headers.get('content-type')).toBe('application/problem+json');
    for (const status of ['viewed', 'interview', 'offer', 'rejected']) {
      expect((await move(id, graduate.token, status)).status, status).toBe(403);
    }
  });

  it('needs a token (401) and the graduate or employer role (403); another graduate or employer sees no such application (404)', async () => {
    const { id } = await applied();
    expect((await move(id, undefined, 'withdrawn')).status).toBe(401);
    expect((await move(id, (await caller('issuer')).token, 'withdrawn')).status).toBe(403);
    const stranger = await move(id, (await caller('graduate')).token, 'withdrawn');
    expect(stranger.status).toBe(404);
    expect((await move(id, (await caller('employer')).token, 'viewed')).status).toBe(404);
  });

  it('names a bad status in a 400 problem, and an employer notification list needs the employer role', async () => {
    const { graduate, id } = await applied();
    const bad = await move(id, graduate.token, 'gone');
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ path: 'status' })]);
    expect((await rt.call('GET', '/v1/employers/me/notifications')).status).toBe(401);
    expect((await rt.call('GET', '/v1/employers/me/notifications', { token: graduate.token })).status).toBe(403);
    const badLang = await rt.call('GET', '/v1/employers/me/notifications?lang=xx', {
      token: (await caller('employer')).token,
    });
    expect(badLang.body.errors).toEqual([expect.objectContaining({ path: 'query.lang' })]);
  });
});

describe("a graduate's notifications", () => {
  it('keep the millisecond they happened at and come newest first, even within one minute', async () => {
    const { employer, graduate, id } = await applied();
    expect((await move(id, employer.token, 'viewed')).status).toBe(200);
    expect((await move(id, employer.token, 'interview')).status).toBe(200);
    await rt.dispatcher!.drain();
    const res = await rt.call('GET', '/v1/profiles/me/notifications', { token: graduate.token });
    expect(res.status).toBe(200);
    const updates = res.body.items.filter((n: { kind: string }) => n.kind === 'application-status');
    expect(updates.map((n: { status: string }) => n.status)).toEqual(['interview', 'viewed']);
    for (const note of updates) expect(note.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    // Both in the same minute, yet apart and in order.
    expect(updates[0].createdAt.slice(0, 16)).toBe(updates[1].createdAt.slice(0, 16));
    expect(updates[0].createdAt > updates[1].createdAt).toBe(true);
    // The same list read again is in the same order.
    const again = await rt.call('GET', '/v1/profiles/me/notifications', { token: graduate.token });
    expect(again.body.items.map((n: { notificationId: string }) => n.notificationId)).toEqual(
      res.body.items.map((n: { notificationId: string }) => n.notificationId),
    );
  });

  it('are worded in the language asked for', async () => {
    const { employer, graduate, id } = await applied();
    expect((await move(id, employer.token, 'viewed')).status).toBe(200);
    await rt.dispatcher!.drain();
    const en = await rt.call('GET', '/v1/profiles/me/notifications', { token: graduate.token });
    expect(en.body.items[0].title).toBe('Your application for CNC operator was viewed by the employer.');
    const zh = await rt.call('GET', '/v1/profiles/me/notifications', {
      token: graduate.token,
      headers: { 'Accept-Language': 'zh-CN,zh;q=0.9' },
    });
    expect(zh.body.items[0].title).toBe('您对「数控操作工」的申请已被雇主查看。');
    expect(
      (await rt.call('GET', '/v1/profiles/me/notifications?lang=xx', { token: graduate.token })).body.errors,
    ).toEqual([expect.objectContaining({ path: 'query.lang' })]);
  });
});
