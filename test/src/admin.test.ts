import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BATTERY_TEMPLATE_BODY } from './battery-template.ts';
import { skillUri, startTestRuntime, type TestRuntime } from './harness.ts';

let rt: TestRuntime;
let admin: string;
let school: string;
let employer: string;

const ORGANISATION = {
  name: { en: 'Suzhou Battery Works', zh: '苏州电池厂' },
  registeredPlace: { kind: 'delta', cityCode: '320500' },
};
const ISSUER = { legalName: { en: 'Wuxi Technical College' }, kind: 'school', country: 'CN', region: 'Jiangsu' };

beforeAll(async () => {
  rt = await startTestRuntime({ dispatch: true });
  admin = await rt.token('operator-1', 'admin');
  school = await rt.token('school-admin-test', 'issuer');
  employer = await rt.token('emp-admin-test', 'employer');
  expect((await rt.call('PUT', '/v1/issuers/me', { token: school, body: ISSUER })).status).toBe(200);
  expect((await rt.call('PUT', '/v1/employers/me', { token: employer, body: ORGANISATION })).status).toBe(200);
});
afterAll(async () => rt.close());

const ROUTES: Array<[string, string, unknown?]> = [
  ['GET', '/v1/admin/issuers/awaiting-accreditation'],
  ['PUT', '/v1/admin/issuers/school-admin-test/accreditation', { validUntil: '2099-12-31' }],
  ['GET', '/v1/admin/employers/awaiting-approval'],
  ['PUT', '/v1/admin/employers/emp-admin-test/approval'],
  ['GET', '/v1/admin/counts'],
];

describe('administration routes', () => {
  it.each(ROUTES)(
    '%s %s: 401 without a token, 403 for every other role, and nothing changed',
    async (method, path, body) => {
      const before = await rt.deps.issuers.get('school-admin-test');
      expect((await rt.call(method, path, { ...(body ? { body } : {}) })).status).toBe(401);
      for (const role of ['graduate', 'employer', 'issuer']) {
        // The issuer and employer the routes name try too: their own record is still not theirs to approve.
        const sub = role === 'issuer' ? 'school-admin-test' : role === 'employer' ? 'emp-admin-test' : 'grad-x';
        const token = await rt.token(sub, role);
        const refused = await rt.call(method, path, { token, ...(body ? { body } : {}) });
        expect(refused.status, `${role}`).toBe(403);
        expect(JSON.stringify(refused.body)).not.toContain('Wuxi');
      }
      expect((await rt.deps.issuers.get('school-admin-test'))?.platformAccreditation).toEqual(
        before?.platformAccreditation,
      );
      expect((await rt.deps.employers.get('emp-admin-test'))?.approval).toBeUndefined();
    },
  );

  it('accredits an issuer until a date: it leaves the waiting list and keeps it through its own edits', async () => {
    const waiting = await rt.call('GET', '/v1/admin/issuers/awaiting-accreditation', { token: admin });
    expect(waiting.status).toBe(200);
    expect(waiting.body.items.map((i: { issuerId: string }) => i.issuerId)).toContain('school-admin-test');

    const past = await rt.call('PUT', '/v1/admin/issuers/school-admin-test/accreditation', {
      token: admin,
      body: { validUntil: '2020-01-01' },
    });
    expect(past.status).toBe(400);
    expect(past.body.errors[0].path).toBe('validUntil');
    const malformed = await rt.call('PUT', '/v1/admin/issuers/school-admin-test/accreditation', {
      token: admin,
      body: { validUntil: 'soon' },
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors[0].path).toBe('validUntil');
    const unknown = await rt.call('PUT', '/v1/admin/issuers/nobody/accreditation', {
      token: admin,
      body: { validUntil: '2099-12-31' },
    });
    expect(unknown.status).toBe(404);

    const accredited = await rt.call('PUT', '/v1/admin/issuers/school-admin-test/accreditation', {
      token: admin,
      body: { validUntil: '2099-12-31' },
    });
    expect(accredited.status).toBe(200);
    expect(accredited.body.platformAccreditation).toMatchObject({ validUntil: '2099-12-31', approvedBy: 'operator-1' });
    const after = await rt.call('GET', '/v1/admin/issuers/awaiting-accreditation', { token: admin });
    expect(after.body.items.map((i: { issuerId: string }) => i.issuerId)).not.toContain('school-admin-test');

    // The issuer edits its record (it cannot send platformAccreditation: the input is strict); the accreditation stays.
    const forged = await rt.call('PUT', '/v1/issuers/me', {
      token: school,
      body: { ...ISSUER, platformAccreditation: { validUntil: '2199-01-01' } },
    });
    expect(forged.status).toBe(400);
    const edited = await rt.call('PUT', '/v1/issuers/me', { token: school, body: { ...ISSUER, region: 'Wuxi' } });
    expect(edited.status).toBe(200);
    expect(edited.body.platformAccreditation).toMatchObject({ validUntil: '2099-12-31' });
  });

  it('approves an employer: it leaves the waiting list and stays approved through its own edits', async () => {
    const waiting = await rt.call('GET', '/v1/admin/employers/awaiting-approval', { token: admin });
    expect(waiting.status).toBe(200);
    expect(waiting.body.items.map((e: { employerId: string }) => e.employerId)).toEqual(['emp-admin-test']);
    expect((await rt.call('PUT', '/v1/admin/employers/nobody/approval', { token: admin })).status).toBe(404);

    const approved = await rt.call('PUT', '/v1/admin/employers/emp-admin-test/approval', { token: admin });
    expect(approved.status).toBe(200);
    expect(approved.body.approval).toMatchObject({ approvedBy: 'operator-1' });
    expect((await rt.call('GET', '/v1/admin/employers/awaiting-approval', { token: admin })).body.items).toEqual([]);

    const edited = await rt.call('PUT', '/v1/employers/me', {
      token: employer,
      body: { ...ORGANISATION, website: 'https://battery.example.cn' },
    });
    expect(edited.status).toBe(200);
    expect(edited.body.approval).toMatchObject({ approvedBy: 'operator-1' });
    expect((await rt.call('GET', '/v1/admin/employers/awaiting-approval', { token: admin })).body.items).toEqual([]);
  });

  it('counts profiles, open jobs, applications and this week’s credentials from the pipeline’s counters', async () => {
    const counts = async () => {
      await rt.dispatcher!.drain();
      const res = await rt.call('GET', '/v1/admin/counts', { token: admin });
      expect(res.status).toBe(200);
      return res.body;
    };
    const start = await counts();
    expect(start.week).toMatch(/^\d{4}-W\d{2}$/);

    const graduate = await rt.token('grad-counted', 'graduate');
    await rt.call('PUT', '/v1/profiles/me', {
      token: graduate,
      body: { displayName: 'Counted', contactEmail: 'c@example.com' },
    });
    // A second version of the same profile is not a second profile.
    await rt.call('PUT', '/v1/profiles/me', {
      token: graduate,
      body: { displayName: 'Counted again', contactEmail: 'c@example.com' },
    });
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
    expect(
      (await rt.call('POST', `/v1/jobs/${posted.body.jobId}/applications`, { token: graduate, body: {} })).status,
    ).toBe(201);
    const template = await rt.call('POST', '/v1/credential-templates', {
      token: school,
      body: { ...BATTERY_TEMPLATE_BODY, learningOutcomes: [skillUri(1)] },
    });
    expect(template.status).toBe(201);
    const issue = () =>
      rt.call('POST', '/v1/credentials', {
        token: school,
        body: { templateId: template.body.templateId, holder: { graduateId: 'grad-counted' } },
      });
    const first = await issue();
    expect(first.status).toBe(201);
    expect((await issue()).status).toBe(201);
    expect((await rt.call('POST', `/v1/credentials/${first.body.id}/revoke`, { token: school, body: {} })).status).toBe(
      200,
    );

    const end = await counts();
    expect(end).toMatchObject({
      profiles: start.profiles + 1,
      openJobs: start.openJobs + 1,
      applications: start.applications + 1,
      credentialsIssuedThisWeek: start.credentialsIssuedThisWeek + 2,
      credentialsRevokedThisWeek: start.credentialsRevokedThisWeek + 1,
    });

    // Closing the job takes it off the open count; erasing the profile takes the profile off.
    expect((await rt.call('POST', `/v1/jobs/${posted.body.jobId}/close`, { token: employer })).status).toBe(200);
    expect((await rt.call('DELETE', '/v1/profiles/me', { token: graduate })).status).toBe(204);
    expect(await counts()).toMatchObject({ profiles: start.profiles, openJobs: start.openJobs });
  });

  it('counts each event once, coalesced or alone, however often it is delivered', async () => {
    const read = async () => (await rt.deps.counters.read([{ counter: 'applications', period: 'test-week' }]))[0];
    const plusOne = [{ counter: 'applications' as const, period: 'test-week', by: 1 }];
    await rt.deps.counters.applyManyOnce([
      { eventId: 'count-a', changes: plusOne },
      { eventId: 'count-b', changes: plusOne },
    ]);
    expect(await read()).toBe(2);
    // A redelivered batch holding one new event: only the new one counts.
    await rt.deps.counters.applyManyOnce([
      { eventId: 'count-a', changes: plusOne },
      { eventId: 'count-c', changes: plusOne },
    ]);
    expect(await read()).toBe(3);
    expect(await rt.deps.counters.applyOnce('count-b', plusOne)).toBe(false);
    // Many at once on the same counter, as parallel consumers in AWS: conflicts are retried, none is lost.
    await Promise.all(Array.from({ length: 20 }, (_, i) => rt.deps.counters.applyOnce(`count-parallel-${i}`, plusOne)));
    expect(await read()).toBe(23);
  });
});
