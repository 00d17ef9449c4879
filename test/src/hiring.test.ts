import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerSchoolWithTemplate, scanTable, skillUri, startTestRuntime, type TestRuntime } from './harness.ts';

// An employer takes an applicant from application to hire: the graduate is told of each move, the applicant's
// contact and profile summary reach that employer only, and an erased graduate leaves an anonymised record.
let rt: TestRuntime;
let templateId: string;

beforeAll(async () => {
  rt = await startTestRuntime({ dispatch: true });
  templateId = (await registerSchoolWithTemplate(rt.deps.issuers, rt.deps.signingKid, skillUri(2))).templateId;
});
afterAll(async () => rt.close());

async function caller(role: 'graduate' | 'employer' | 'issuer') {
  const sub = `${role}-${randomUUID().slice(0, 8)}`;
  return { sub, token: await rt.token(sub, role) };
}

/** Each graduate's own address, so a leak of one is not mistaken for another test's graduate. */
const contactOf = (graduateId: string) => `${graduateId}@example.com`;

/** An employer's open job, and a discoverable graduate it ranks (claimed skill 1, credential-backed skill 2). */
async function jobAndCandidate() {
  const employer = await caller('employer');
  const graduate = await caller('graduate');
  const job = await rt.call('POST', '/v1/jobs', {
    token: employer.token,
    body: {
      title: { en: 'Battery technician', zh: '电池技术员' },
      description: 'Assemble battery packs',
      requiredSkills: [
        { uri: skillUri(1), importance: 'essential' },
        { uri: skillUri(2), importance: 'optional' },
      ],
      place: { kind: 'delta', cityCode: '320500' },
      closingDate: '2999-01-01',
    },
  });
  expect(job.status).toBe(201);
  const profile = await rt.call('PUT', '/v1/profiles/me', {
    token: graduate.token,
    body: {
      displayName: 'Wang Li',
      contactEmail: contactOf(graduate.sub),
      skills: [{ uri: skillUri(1), proficiency: 3 }],
      languages: [{ code: 'zh', level: 'C2' }],
      education: [{ eqfLevel: 4, field: 'Electrical engineering', institution: 'Suzhou Vocational Institute' }],
      consents: { discoverable: true },
    },
  });
  expect(profile.status).toBe(201);
  const issued = await rt.call('POST', '/v1/credentials', {
    token: await rt.token('school', 'issuer'),
    body: { templateId, holder: { graduateId: graduate.sub } },
  });
  expect(issued.status).toBe(201);
  await rt.dispatcher!.drain();
  return { employer, graduate, jobId: job.body.id as string };
}

async function apply(graduateToken: string, jobId: string): Promise<string> {
  const res = await rt.call('POST', `/v1/jobs/${jobId}/applications`, { token: graduateToken, body: {} });
  expect(res.status).toBe(201);
  return res.body.applicationId;
}

const move = (id: string, token: string, status: string) =>
  rt.call('PATCH', `/v1/applications/${id}`, { token, body: { status } });

const statusesOf = (history: { status: string }[]) => history.map((h) => h.status);

describe('moving an application to hired', () => {
  it('goes viewed → interview → offer → hired, keeps the history, and tells the graduate of every move in en and zh', async () => {
    const { employer, graduate, jobId } = await jobAndCandidate();
    const id = await apply(graduate.token, jobId);
    // Hired only after an offer.
    expect((await move(id, employer.token, 'hired')).status).toBe(409);
    for (const status of ['viewed', 'interview', 'offer', 'hired']) {
      expect((await move(id, employer.token, status)).status, status).toBe(200);
    }
    const read = await rt.call('GET', `/v1/applications/${id}`, { token: employer.token });
    expect(read.body.status).toBe('hired');
    expect(statusesOf(read.body.history)).toEqual(['submitted', 'viewed', 'interview', 'offer', 'hired']);
    // Final: no rejection or withdrawal after hiring.
    expect((await move(id, employer.token, 'rejected')).status).toBe(409);
    expect((await move(id, graduate.token, 'withdrawn')).status).toBe(409);

    await rt.dispatcher!.drain();
    const en = await rt.call('GET', '/v1/profiles/me/notifications?lang=en', { token: graduate.token });
    const updates = en.body.items.filter((n: { kind: string }) => n.kind === 'application-status');
    expect(updates.map((n: { status: string }) => n.status)).toEqual(['hired', 'offer', 'interview', 'viewed']);
    expect(updates[0].title).toBe('Your application for Battery technician was successful: you are hired.');
    const zh = await rt.call('GET', '/v1/profiles/me/notifications?lang=zh', { token: graduate.token });
    expect(zh.body.items[0].title).toBe('您对「电池技术员」的申请已成功，您已被录用。');
  });

  it('can be rejected from an offer, and the graduate hears of it', async () => {
    const { employer, graduate, jobId } = await jobAndCandidate();
    const id = await apply(graduate.token, jobId);
    for (const status of ['viewed', 'interview', 'offer', 'rejected']) {
      expect((await move(id, employer.token, status)).status, status).toBe(200);
    }
    expect((await move(id, employer.token, 'hired')).status).toBe(409);
    await rt.dispatcher!.drain();
    const notes = await rt.call('GET', '/v1/profiles/me/notifications', { token: graduate.token });
    expect(notes.body.items[0]).toMatchObject({ kind: 'application-status', status: 'rejected' });
  });
});

describe("an applicant's contact", () => {
  it("reaches the job's employer once the graduate applies, with skills marked verified, and no one else", async () => {
    const { employer, graduate, jobId } = await jobAndCandidate();
    // Ranked but not applied: no contact anywhere the employer looks.
    const candidates = await rt.call('GET', `/v1/jobs/${jobId}/candidates`, { token: employer.token });
    expect(candidates.body.items.map((c: { graduateId: string }) => c.graduateId)).toContain(graduate.sub);
    const contact = contactOf(graduate.sub);
    expect(JSON.stringify(candidates.body)).not.toContain(contact);

    const id = await apply(graduate.token, jobId);
    const expected = {
      name: 'Wang Li',
      contactEmail: contact,
      skills: [
        { uri: skillUri(1), proficiency: 3, verified: false },
        { uri: skillUri(2), verified: true },
      ],
      languages: [{ code: 'zh', level: 'C2' }],
      education: [{ eqfLevel: 4, field: 'Electrical engineering', institution: 'Suzhou Vocational Institute' }],
    };
    const list = await rt.call('GET', `/v1/jobs/${jobId}/applications`, { token: employer.token });
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([expect.objectContaining({ applicationId: id, applicant: expected })]);
    const one = await rt.call('GET', `/v1/applications/${id}`, { token: employer.token });
    expect(one.status).toBe(200);
    expect(one.body.applicant).toEqual(expected);
    // The graduate reads their own application.
    const own = await rt.call('GET', `/v1/applications/${id}`, { token: graduate.token });
    expect(own.status).toBe(200);
    expect(own.body.graduateId).toBe(graduate.sub);

    // Another employer: 403 on the job's list (jobs are public), 404 for the application; nothing leaked.
    const other = await caller('employer');
    const otherList = await rt.call('GET', `/v1/jobs/${jobId}/applications`, { token: other.token });
    expect(otherList.status).toBe(403);
    const otherOne = await rt.call('GET', `/v1/applications/${id}`, { token: other.token });
    expect(otherOne.status).toBe(404);
    // Another graduate: 403 on the list (wrong role), 404 for the application.
    const stranger = await caller('graduate');
    expect((await rt.call('GET', `/v1/jobs/${jobId}/applications`, { token: stranger.token })).status).toBe(403);
    expect((await rt.call('GET', `/v1/applications/${id}`, { token: stranger.token })).status).toBe(404);
    // An issuer: wrong role. No token: 401.
    expect((await rt.call('GET', `/v1/applications/${id}`, { token: (await caller('issuer')).token })).status).toBe(
      403,
    );
    expect((await rt.call('GET', `/v1/applications/${id}`)).status).toBe(401);
    for (const res of [otherList, otherOne]) {
      expect(JSON.stringify(res.body)).not.toContain('Wang Li');
      expect(JSON.stringify(res.body)).not.toContain(contact);
    }

    // Withdrawing takes the consent back: the employer keeps the application, not the contact.
    expect((await move(id, graduate.token, 'withdrawn')).status).toBe(200);
    const after = await rt.call('GET', `/v1/applications/${id}`, { token: employer.token });
    expect(after.body.status).toBe('withdrawn');
    expect(after.body.applicant).toBeUndefined();
    expect(JSON.stringify(after.body)).not.toContain(contact);
  });
});

describe('inviting a candidate to apply', () => {
  it('notifies the graduate in en and zh, is idempotent, and shares no contact until they apply', async () => {
    const { employer, graduate, jobId } = await jobAndCandidate();
    const path = `/v1/jobs/${jobId}/candidates/${graduate.sub}/invitation`;
    const invitedFlag = async () =>
      (await rt.call('GET', `/v1/jobs/${jobId}/candidates`, { token: employer.token })).body.items.find(
        (c: { graduateId: string }) => c.graduateId === graduate.sub,
      )?.invited;
    expect(await invitedFlag()).toBe(false);
    const invited = await rt.call('POST', path, { token: employer.token, body: { message: 'We liked your profile' } });
    // The candidates list says so, for the console's "invited" state.
    expect(await invitedFlag()).toBe(true);
    expect(invited.status).toBe(201);
    expect(invited.body).toMatchObject({ jobId, graduateId: graduate.sub, message: 'We liked your profile' });
    const again = await rt.call('POST', path, { token: employer.token });
    expect(again.status).toBe(200);
    expect(again.body.invitationId).toBe(invited.body.invitationId);

    await rt.dispatcher!.drain();
    const en = await rt.call('GET', '/v1/profiles/me/notifications?lang=en', { token: graduate.token });
    const invitations = en.body.items.filter((n: { kind: string }) => n.kind === 'job-invitation');
    expect(invitations).toEqual([
      expect.objectContaining({
        jobIds: [jobId],
        title: 'An employer invites you to apply for Battery technician. Whether you apply is up to you.',
      }),
    ]);
    const zh = await rt.call('GET', '/v1/profiles/me/notifications?lang=zh', { token: graduate.token });
    expect(zh.body.items.find((n: { kind: string }) => n.kind === 'job-invitation').title).toBe(
      '有雇主邀请您申请「电池技术员」，是否申请由您决定。',
    );
    const mine = await rt.call('GET', '/v1/profiles/me/invitations', { token: graduate.token });
    expect(mine.body.items).toEqual([expect.objectContaining({ jobId, employerId: employer.sub })]);

    // Invited, not applied: still no contact.
    const list = await rt.call('GET', `/v1/jobs/${jobId}/applications`, { token: employer.token });
    expect(list.body.items).toEqual([]);
    expect(JSON.stringify(list.body)).not.toContain(contactOf(graduate.sub));
    // The graduate accepts by applying; a further invitation is then a 409.
    await apply(graduate.token, jobId);
    expect((await rt.call('POST', path, { token: employer.token })).status).toBe(409);
  });

  it('reaches ranked, consenting candidates of my own jobs only', async () => {
    const { employer, graduate, jobId } = await jobAndCandidate();
    const path = `/v1/jobs/${jobId}/candidates/${graduate.sub}/invitation`;
    expect((await rt.call('POST', path)).status).toBe(401);
    expect((await rt.call('POST', path, { token: graduate.token })).status).toBe(403);
    expect((await rt.call('POST', path, { token: (await caller('issuer')).token })).status).toBe(403);
    const other = await rt.call('POST', path, { token: (await caller('employer')).token });
    expect(other.status).toBe(403);
    expect(JSON.stringify(other.body)).not.toContain('Wang');
    // A graduate who did not opt in is no candidate: 404, exactly as for one who does not exist.
    const hidden = await caller('graduate');
    expect(
      (
        await rt.call('PUT', '/v1/profiles/me', {
          token: hidden.token,
          body: {
            displayName: 'Hidden',
            contactEmail: 'h@example.com',
            skills: [{ uri: skillUri(1), proficiency: 3 }],
          },
        })
      ).status,
    ).toBe(201);
    await rt.dispatcher!.drain();
    const notConsenting = await rt.call('POST', `/v1/jobs/${jobId}/candidates/${hidden.sub}/invitation`, {
      token: employer.token,
    });
    expect(notConsenting.status).toBe(404);
    const nobody = await rt.call('POST', `/v1/jobs/${jobId}/candidates/nobody/invitation`, { token: employer.token });
    expect(nobody.status).toBe(404);
    expect(notConsenting.body.detail).toBe(nobody.body.detail);
    // Closed job: 409.
    expect((await rt.call('POST', `/v1/jobs/${jobId}/close`, { token: employer.token })).status).toBe(200);
    expect((await rt.call('POST', path, { token: employer.token })).status).toBe(409);
    // Nothing invited the graduate.
    expect((await rt.call('GET', '/v1/profiles/me/invitations', { token: graduate.token })).body.items).toEqual([]);
  });
});

describe("a graduate's erasure", () => {
  it('leaves the employer an anonymised application with its history, and nothing personal anywhere', async () => {
    const { employer, graduate, jobId } = await jobAndCandidate();
    const id = await apply(graduate.token, jobId);
    for (const status of ['viewed', 'interview']) expect((await move(id, employer.token, status)).status).toBe(200);
    expect(
      (await rt.call('POST', `/v1/jobs/${jobId}/candidates/${graduate.sub}/invitation`, { token: employer.token }))
        .status,
    ).toBe(409);
    expect((await rt.call('DELETE', '/v1/profiles/me', { token: graduate.token })).status).toBe(204);
    await rt.dispatcher!.drain();

    const list = await rt.call('GET', `/v1/jobs/${jobId}/applications`, { token: employer.token });
    expect(list.body.items).toHaveLength(1);
    const [kept] = list.body.items;
    expect(kept).toMatchObject({ applicationId: id, jobId, applicantErased: true, status: 'interview' });
    expect(statusesOf(kept.history)).toEqual(['submitted', 'viewed', 'interview']);
    expect(kept).not.toHaveProperty('graduateId');
    expect(kept).not.toHaveProperty('applicant');
    const one = await rt.call('GET', `/v1/applications/${id}`, { token: employer.token });
    expect(one.body).toEqual(kept);
    // Kept for history: it no longer moves.
    expect((await move(id, employer.token, 'offer')).status).toBe(409);
    // Another employer still sees nothing.
    expect((await rt.call('GET', `/v1/applications/${id}`, { token: (await caller('employer')).token })).status).toBe(
      404,
    );

    // Nothing in the table names the graduate (their id is also their address's local part) any more.
    const leftovers = (await scanTable(rt.table)).filter((item) => JSON.stringify(item).includes(graduate.sub));
    expect(leftovers.map((item) => item.entity)).toEqual([]);
  });
});
