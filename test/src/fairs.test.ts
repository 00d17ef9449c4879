import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skillUri, startTestRuntime, type TestRuntime } from './harness.ts';

// Joint job fairs through the API: an organiser's cross-province fair, employers' booths, graduates' fair lists,
// bookings, check-in by code, fair-tagged applications and the report; and who may do what.
let rt: TestRuntime;
beforeAll(async () => {
  rt = await startTestRuntime();
});
afterAll(async () => rt.close());

const SUZHOU = '320500';
const HANGZHOU = '330100';
const FAIR = {
  title: { en: 'Delta Autumn Job Fair', zh: '长三角秋季联合招聘会' },
  startsOn: '2999-10-01',
  endsOn: '2999-10-02',
  format: 'on-site',
  venues: [
    { cityCode: SUZHOU, name: 'Suzhou International Expo Centre' },
    { cityCode: HANGZHOU, name: 'Hangzhou Expo Centre' },
  ],
  sessions: [
    { sector: 'manufacturing', title: { en: 'Manufacturing', zh: '制造业' } },
    { sector: 'ict', title: { en: 'Information technology', zh: '信息技术' } },
  ],
};

async function caller(role: string) {
  const sub = `${role}-${randomUUID().slice(0, 8)}`;
  return { sub, token: await rt.token(sub, role) };
}

async function organiserWithFair() {
  const organiser = await caller('organiser');
  const fair = await rt.call('POST', '/v1/fairs', { token: organiser.token, body: FAIR });
  expect(fair.status).toBe(201);
  return { organiser, fairId: fair.body.fairId as string };
}

async function employerWithBooth(fairId: string, cityCode: string, sector: string, slots: object[]) {
  const employer = await caller('employer');
  const job = await rt.call('POST', '/v1/jobs', {
    token: employer.token,
    body: {
      title: { en: `Technician in ${cityCode}`, zh: '技术员' },
      description: 'Assemble and test',
      requiredSkills: [{ uri: skillUri(1), importance: 'essential' }],
      place: { kind: 'delta', cityCode },
      closingDate: '2999-12-31',
    },
  });
  expect(job.status).toBe(201);
  const jobId = job.body.id as string;
  const booth = await rt.call('POST', `/v1/fairs/${fairId}/booths`, {
    token: employer.token,
    body: { jobIds: [jobId], cityCode, sector, slots },
  });
  expect(booth.status).toBe(201);
  return { employer, jobId };
}

async function graduateRegistered(fairId: string, crossRegion: boolean) {
  const graduate = await caller('graduate');
  const profile = await rt.call('PUT', '/v1/profiles/me', {
    token: graduate.token,
    body: {
      displayName: `Grad ${graduate.sub}`,
      contactEmail: `${graduate.sub}@example.com`,
      skills: [{ uri: skillUri(1), proficiency: 3 }],
      preferredPlaces: [{ kind: 'delta', cityCode: SUZHOU }],
    },
  });
  expect(profile.status).toBe(201);
  const registration = await rt.call('POST', `/v1/fairs/${fairId}/registrations`, {
    token: graduate.token,
    body: { homeCityCode: SUZHOU, crossRegion },
  });
  expect(registration.status).toBe(201);
  return { graduate, code: registration.body.checkInCode as string };
}

const SLOT = { startsAt: '2999-10-01T10:00:00+08:00', capacity: 1 };
const LATER = { startsAt: '2999-10-01T11:00:00+08:00', capacity: 2 };

describe('a cross-province job fair', () => {
  it('gives each graduate a ranked fair list, books slots within capacity, checks in by code and reports', async () => {
    const { organiser, fairId } = await organiserWithFair();
    const suzhou = await employerWithBooth(fairId, SUZHOU, 'manufacturing', [SLOT, LATER]);
    const hangzhou = await employerWithBooth(fairId, HANGZHOU, 'ict', [{ ...SLOT }]);
    const local = await graduateRegistered(fairId, false);
    const mobile = await graduateRegistered(fairId, true);

    // Without the cross-region opt-in only the home/interest province's booth shows; with it, both.
    const localList = await rt.call('GET', `/v1/fairs/${fairId}/my-list`, { token: local.graduate.token });
    expect(localList.status).toBe(200);
    expect(localList.body.booths.map((b: { employerId: string }) => b.employerId)).toEqual([suzhou.employer.sub]);
    expect(localList.body.boothsInOtherProvinces).toBe(1);
    expect(localList.body.provincesOfInterest).toEqual(['320000']);
    const mobileList = await rt.call('GET', `/v1/fairs/${fairId}/my-list`, { token: mobile.graduate.token });
    expect(mobileList.body.booths).toHaveLength(2);
    // Scored by the matching engine: the Suzhou job is in the graduate's preferred place, so it ranks first.
    expect(mobileList.body.booths[0].employerId).toBe(suzhou.employer.sub);
    expect(mobileList.body.booths[0].score).toBeGreaterThan(mobileList.body.booths[1].score);
    expect(mobileList.body.booths[0].jobs[0]).toMatchObject({ jobId: suzhou.jobId, summary: expect.any(String) });

    // Slots: capacity holds, one booking per booth, never two at one time.
    const book = (token: string, employerId: string, slotId: string) =>
      rt.call('POST', `/v1/fairs/${fairId}/bookings`, { token, body: { employerId, slotId } });
    expect((await book(local.graduate.token, suzhou.employer.sub, 's1')).status).toBe(201);
    const full = await book(mobile.graduate.token, suzhou.employer.sub, 's1');
    expect(full.status).toBe(409);
    expect(full.body.detail).toMatch(/full/);
    expect((await book(local.graduate.token, suzhou.employer.sub, 's2')).body.detail).toMatch(/already booked/);
    const clash = await book(local.graduate.token, hangzhou.employer.sub, 's1');
    expect(clash.status).toBe(409);
    expect(clash.body.detail).toMatch(/at that time/);
    expect((await book(mobile.graduate.token, hangzhou.employer.sub, 's1')).status).toBe(201);
    expect((await book(mobile.graduate.token, hangzhou.employer.sub, 's9')).status).toBe(404);

    // Check-in by the code the graduate shows; a second scan keeps the first time.
    const checkIn = (token: string, code: string) =>
      rt.call('POST', `/v1/fairs/${fairId}/check-ins`, { token, body: { code } });
    const first = await checkIn(suzhou.employer.token, local.code.toLowerCase());
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ displayName: `Grad ${local.graduate.sub}`, alreadyCheckedIn: false });
    const again = await checkIn(organiser.token, local.code);
    expect(again.body).toMatchObject({ alreadyCheckedIn: true, checkedInAt: first.body.checkedInAt });
    expect((await checkIn(organiser.token, 'ABCDEFGHJKLM')).status).toBe(404);
    const booth = await rt.call('GET', `/v1/fairs/${fairId}/booths/mine`, { token: suzhou.employer.token });
    expect(booth.body.bookings).toEqual([
      expect.objectContaining({ graduateId: local.graduate.sub, slotId: 's1', checkedIn: true }),
    ]);

    // Applying from the fair tags the application; a job that is not at the fair cannot be tagged.
    const applied = await rt.call('POST', `/v1/jobs/${hangzhou.jobId}/applications`, {
      token: mobile.graduate.token,
      body: { fairId },
    });
    expect(applied.status).toBe(201);
    expect(applied.body.fairId).toBe(fairId);
    const other = await employerWithBooth((await organiserWithFair()).fairId, SUZHOU, 'ict', []);
    const notAtFair = await rt.call('POST', `/v1/jobs/${other.jobId}/applications`, {
      token: mobile.graduate.token,
      body: { fairId },
    });
    expect(notAtFair.status).toBe(422);
    expect(JSON.stringify(notAtFair.body)).toContain('fairId');
    for (const status of ['viewed', 'interview', 'offer']) {
      const moved = await rt.call('PATCH', `/v1/applications/${applied.body.applicationId}`, {
        token: hangzhou.employer.token,
        body: { status },
      });
      expect(moved.status).toBe(200);
    }

    const report = await rt.call('GET', `/v1/fairs/${fairId}/report`, { token: organiser.token });
    expect(report.status).toBe(200);
    expect(report.body.totals).toEqual({
      registrations: 2,
      checkIns: 1,
      applications: 1,
      interviews: 2,
      offers: 1,
      hires: 0,
    });
    expect(report.body.flows).toEqual([{ from: '320000', to: '330000', applications: 1, offers: 1, hires: 0 }]);
    expect(report.body.bySector).toEqual([
      { sector: 'ict', applications: 1, interviews: 1, offers: 1, hires: 0 },
      { sector: 'manufacturing', applications: 0, interviews: 1, offers: 0, hires: 0 },
    ]);
    const csv = await rt.call('GET', `/v1/fairs/${fairId}/report`, {
      token: organiser.token,
      headers: { Accept: 'text/csv' },
    });
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.body).toContain('flow,320000>330000,,,1,,1,0');
    expect(csv.body).toContain('total,all,2,1,1,2,1,0');
  });
});

describe('who may do what at a fair', () => {
  it('asks for a token (401) and the right role (403) on every protected route', async () => {
    const { fairId } = await organiserWithFair();
    const routes: Array<[string, string, object | undefined, string]> = [
      ['POST', '/v1/fairs', FAIR, 'graduate'],
      ['GET', '/v1/organisers/me/fairs', undefined, 'employer'],
      ['GET', `/v1/fairs/${fairId}/report`, undefined, 'employer'],
      ['POST', `/v1/fairs/${fairId}/booths`, { jobIds: ['j'], cityCode: SUZHOU }, 'graduate'],
      ['GET', '/v1/employers/me/booths', undefined, 'organiser'],
      ['GET', `/v1/fairs/${fairId}/booths/mine`, undefined, 'graduate'],
      ['POST', `/v1/fairs/${fairId}/registrations`, { homeCityCode: SUZHOU }, 'employer'],
      ['GET', '/v1/profiles/me/fairs', undefined, 'organiser'],
      ['GET', `/v1/fairs/${fairId}/registrations/me`, undefined, 'employer'],
      ['GET', `/v1/fairs/${fairId}/my-list`, undefined, 'organiser'],
      ['POST', `/v1/fairs/${fairId}/bookings`, { employerId: 'e', slotId: 's1' }, 'employer'],
      ['POST', `/v1/fairs/${fairId}/check-ins`, { code: 'ABCDEFGHJKLM' }, 'graduate'],
      ['DELETE', `/v1/fairs/${fairId}/bookings/e`, undefined, 'employer'],
      ['DELETE', `/v1/fairs/${fairId}/registrations/me`, undefined, 'organiser'],
    ];
    for (const [method, path, body, wrongRole] of routes) {
      const anonymous = await rt.call(method, path, body ? { body } : {});
      expect(anonymous.status, `${method} ${path}`).toBe(401);
      const wrong = await rt.call(method, path, { token: (await caller(wrongRole)).token, ...(body ? { body } : {}) });
      expect(wrong.status, `${method} ${path} as ${wrongRole}`).toBe(403);
    }
    // The fair itself is public.
    expect((await rt.call('GET', `/v1/fairs/${fairId}`)).status).toBe(200);
  });

  it("keeps another organiser's, employer's and graduate's fair data to themselves", async () => {
    const { organiser, fairId } = await organiserWithFair();
    const { employer } = await employerWithBooth(fairId, SUZHOU, 'manufacturing', [SLOT]);
    const { graduate, code } = await graduateRegistered(fairId, false);
    const stranger = await caller('organiser');
    const otherEmployer = await caller('employer');
    const otherGraduate = await caller('graduate');

    const report = await rt.call('GET', `/v1/fairs/${fairId}/report`, { token: stranger.token });
    expect(report.status).toBe(404);
    const mine = await rt.call('GET', '/v1/organisers/me/fairs', { token: stranger.token });
    expect(mine.body.items).toEqual([]);
    const ownList = await rt.call('GET', '/v1/organisers/me/fairs', { token: organiser.token });
    expect(ownList.body.items.map((f: { fairId: string }) => f.fairId)).toEqual([fairId]);
    // An admin may read any report.
    expect(
      (await rt.call('GET', `/v1/fairs/${fairId}/report`, { token: await rt.token('root', 'admin') })).status,
    ).toBe(200);

    // An employer without a booth neither checks in nor reads the booth of another.
    const checkIn = await rt.call('POST', `/v1/fairs/${fairId}/check-ins`, {
      token: otherEmployer.token,
      body: { code },
    });
    expect(checkIn.status).toBe(404);
    expect(JSON.stringify(checkIn.body)).not.toContain(graduate.sub);
    expect((await rt.call('GET', `/v1/fairs/${fairId}/booths/mine`, { token: otherEmployer.token })).status).toBe(404);
    const otherBooths = await rt.call('GET', '/v1/employers/me/booths', { token: otherEmployer.token });
    expect(otherBooths.body.items).toEqual([]);
    const ownBooths = await rt.call('GET', '/v1/employers/me/booths', { token: employer.token });
    expect(ownBooths.body.items).toHaveLength(1);

    // Another graduate sees neither the registration nor a fair list, and cannot tag an application with the fair.
    expect((await rt.call('GET', `/v1/fairs/${fairId}/registrations/me`, { token: otherGraduate.token })).status).toBe(
      404,
    );
    expect((await rt.call('GET', `/v1/fairs/${fairId}/my-list`, { token: otherGraduate.token })).status).toBe(404);
    const theirs = await rt.call('GET', '/v1/profiles/me/fairs', { token: otherGraduate.token });
    expect(theirs.body.items).toEqual([]);
    const booking = await rt.call('POST', `/v1/fairs/${fairId}/bookings`, {
      token: otherGraduate.token,
      body: { employerId: employer.sub, slotId: 's1' },
    });
    expect(booking.status).toBe(404);
  });

  it('refuses inconsistent input with a 400 naming the field, and a second registration or booth with a 409', async () => {
    const { fairId } = await organiserWithFair();
    const organiser = await caller('organiser');
    const backwards = await rt.call('POST', '/v1/fairs', {
      token: organiser.token,
      body: { ...FAIR, startsOn: '2999-10-03' },
    });
    expect(backwards.status).toBe(400);
    expect(JSON.stringify(backwards.body)).toContain('endsOn');
    const noVenue = await rt.call('POST', '/v1/fairs', { token: organiser.token, body: { ...FAIR, venues: [] } });
    expect(noVenue.status).toBe(400);
    expect(JSON.stringify(noVenue.body)).toContain('venues');

    const { employer, jobId } = await employerWithBooth(fairId, SUZHOU, 'ict', []);
    const again = await rt.call('POST', `/v1/fairs/${fairId}/booths`, {
      token: employer.token,
      body: { jobIds: [jobId], cityCode: SUZHOU },
    });
    expect(again.status).toBe(409);
    const notAVenue = await rt.call('POST', `/v1/fairs/${fairId}/booths`, {
      token: employer.token,
      body: { jobIds: [jobId], cityCode: '320100', sector: 'retail' },
    });
    expect(notAVenue.status).toBe(400);
    expect(JSON.stringify(notAVenue.body)).toContain('cityCode');
    expect(JSON.stringify(notAVenue.body)).toContain('sector');
    const elsewhere = await caller('employer');
    const notTheirs = await rt.call('POST', `/v1/fairs/${fairId}/booths`, {
      token: elsewhere.token,
      body: { jobIds: [jobId], cityCode: SUZHOU },
    });
    expect(notTheirs.status).toBe(400);
    expect(JSON.stringify(notTheirs.body)).toContain('jobIds');

    const { graduate } = await graduateRegistered(fairId, false);
    const twice = await rt.call('POST', `/v1/fairs/${fairId}/registrations`, {
      token: graduate.token,
      body: { homeCityCode: SUZHOU },
    });
    expect(twice.status).toBe(409);
  });
});

describe('giving a place back', () => {
  const book = (fairId: string, token: string, employerId: string) =>
    rt.call('POST', `/v1/fairs/${fairId}/bookings`, { token, body: { employerId, slotId: 's1' } });
  const bookingsAt = async (fairId: string, employerToken: string) =>
    (await rt.call('GET', `/v1/fairs/${fairId}/booths/mine`, { token: employerToken })).body.bookings.map(
      (b: { graduateId: string }) => b.graduateId,
    );

  it('frees the slot when a graduate cancels a booking or withdraws, and only their own', async () => {
    const { fairId } = await organiserWithFair();
    const { employer } = await employerWithBooth(fairId, SUZHOU, 'manufacturing', [SLOT]);
    const first = await graduateRegistered(fairId, false);
    const second = await graduateRegistered(fairId, false);
    const stranger = await graduateRegistered(fairId, false);

    expect((await book(fairId, first.graduate.token, employer.sub)).status).toBe(201);
    expect((await book(fairId, second.graduate.token, employer.sub)).status).toBe(409);

    // Another graduate's cancel addresses their own (absent) booking: a 404, and the first booking stays.
    const notTheirs = await rt.call('DELETE', `/v1/fairs/${fairId}/bookings/${employer.sub}`, {
      token: stranger.graduate.token,
    });
    expect(notTheirs.status).toBe(404);
    expect(await bookingsAt(fairId, employer.token)).toEqual([first.graduate.sub]);

    const cancel = () =>
      rt.call('DELETE', `/v1/fairs/${fairId}/bookings/${employer.sub}`, { token: first.graduate.token });
    expect((await cancel()).status).toBe(204);
    expect((await cancel()).status).toBe(404);
    expect((await book(fairId, second.graduate.token, employer.sub)).status).toBe(201);

    // Withdrawing gives the booked place back and retires the check-in code.
    const withdraw = await rt.call('DELETE', `/v1/fairs/${fairId}/registrations/me`, { token: second.graduate.token });
    expect(withdraw.status).toBe(204);
    expect(await bookingsAt(fairId, employer.token)).toEqual([]);
    expect(
      (await rt.call('GET', `/v1/fairs/${fairId}/registrations/me`, { token: second.graduate.token })).status,
    ).toBe(404);
    const staleCode = await rt.call('POST', `/v1/fairs/${fairId}/check-ins`, {
      token: employer.token,
      body: { code: second.code },
    });
    expect(staleCode.status).toBe(404);
    expect((await book(fairId, first.graduate.token, employer.sub)).status).toBe(201);

    // After check-in the registration is part of the report: withdrawing is a 409 and changes nothing.
    expect(
      (await rt.call('POST', `/v1/fairs/${fairId}/check-ins`, { token: employer.token, body: { code: first.code } }))
        .status,
    ).toBe(200);
    const late = await rt.call('DELETE', `/v1/fairs/${fairId}/registrations/me`, { token: first.graduate.token });
    expect(late.status).toBe(409);
    expect(await bookingsAt(fairId, employer.token)).toEqual([first.graduate.sub]);
  });

  it('frees the places an erased graduate had booked', async () => {
    const { fairId } = await organiserWithFair();
    const { employer } = await employerWithBooth(fairId, SUZHOU, 'manufacturing', [SLOT]);
    const leaving = await graduateRegistered(fairId, false);
    const waiting = await graduateRegistered(fairId, false);
    expect((await book(fairId, leaving.graduate.token, employer.sub)).status).toBe(201);
    expect((await book(fairId, waiting.graduate.token, employer.sub)).status).toBe(409);

    expect((await rt.call('DELETE', '/v1/profiles/me', { token: leaving.graduate.token })).status).toBe(204);
    expect(await bookingsAt(fairId, employer.token)).toEqual([]);
    expect((await book(fairId, waiting.graduate.token, employer.sub)).status).toBe(201);
  });
});
