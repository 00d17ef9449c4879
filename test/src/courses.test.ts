import { randomUUID } from 'node:crypto';
import { completionCredentialId } from '@skillpass/services';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanTable, skillUri, startTestRuntime, type TestRuntime } from './harness.ts';

// Guidance courses through the API against DynamoDB Local: publishing and editing, the public list, enrolment
// within seats (also under a race for the last seats), completion issuing the credential exactly once, the
// credential reaching the graduate's matches through the pipeline, and who may do what.
let rt: TestRuntime;
beforeAll(async () => {
  rt = await startTestRuntime({ dispatch: true });
});
afterAll(async () => rt.close());

const TAUGHT = skillUri(701);
const HELD = skillUri(702);
const SUZHOU = '320500';
const HANGZHOU = '330100';
const today = () => new Date().toISOString().slice(0, 10);

async function caller(role: string) {
  const sub = `${role}-${randomUUID().slice(0, 8)}`;
  return { sub, token: await rt.token(sub, role) };
}

async function issuerWithTemplate(skill = TAUGHT) {
  const issuer = await caller('issuer');
  const registered = await rt.call('PUT', '/v1/issuers/me', {
    token: issuer.token,
    body: {
      legalName: { en: 'Suzhou Vocational Institute', zh: '苏州职业技术学院' },
      kind: 'school',
      country: 'CN',
      region: 'Jiangsu',
    },
  });
  expect(registered.status).toBe(200);
  const template = await rt.call('POST', '/v1/credential-templates', {
    token: issuer.token,
    body: {
      title: { en: 'Battery pack assembly', zh: '电池包装配' },
      description: 'Assemble battery packs.',
      learningOutcomes: [skill],
      workload: { hours: 40 },
      eqfLevel: 4,
      assessmentType: 'practical exam',
      participationForm: 'onsite',
      qualityAssurance: 'provincial audit',
    },
  });
  expect(template.status).toBe(201);
  return { ...issuer, templateId: template.body.templateId as string };
}

const courseBody = (templateId: string, overrides: Record<string, unknown> = {}) => ({
  templateId,
  title: { en: 'Battery pack assembly, evening class', zh: '电池包装配夜校班' },
  startsOn: today(),
  endsOn: '2999-06-30',
  format: 'on-site',
  place: { cityCode: SUZHOU, address: '1 Renai Road, Suzhou Industrial Park' },
  seats: 3,
  ...overrides,
});

async function publish(token: string, body: object) {
  const res = await rt.call('POST', '/v1/courses', { token, body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.courseId as string;
}

async function graduateWithProfile(skills = [{ uri: HELD, proficiency: 3 }]) {
  const graduate = await caller('graduate');
  const put = await rt.call('PUT', '/v1/profiles/me', {
    token: graduate.token,
    body: {
      displayName: `Grad ${graduate.sub}`,
      contactEmail: `${graduate.sub}@example.com`,
      skills,
      preferredPlaces: [{ kind: 'delta', cityCode: SUZHOU }],
    },
  });
  expect(put.status).toBe(201);
  return graduate;
}

const enrol = (token: string, courseId: string) => rt.call('POST', `/v1/courses/${courseId}/enrolments`, { token });

describe('publishing and editing a course', () => {
  it('publishes a template as a course, checks what it names, and edits it only at the version read', async () => {
    const school = await issuerWithTemplate();
    const other = await issuerWithTemplate();
    const bad = await rt.call('POST', '/v1/courses', {
      token: school.token,
      body: courseBody(other.templateId, { endsOn: '2000-01-01', place: undefined }),
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['endsOn', 'place']);
    const notMine = await rt.call('POST', '/v1/courses', { token: school.token, body: courseBody(other.templateId) });
    expect(notMine.status).toBe(400);
    expect(notMine.body.errors).toEqual([expect.objectContaining({ path: 'templateId' })]);

    const created = await rt.call('POST', '/v1/courses', {
      token: school.token,
      body: courseBody(school.templateId),
      headers: { 'Idempotency-Key': `k-${randomUUID()}` },
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('ETag')).toBe('"v1"');
    const courseId = created.body.courseId;
    const read = await rt.call('GET', `/v1/courses/${courseId}?lang=zh`);
    expect(read.body).toMatchObject({ seatsLeft: 3, issuerName: '苏州职业技术学院', skills: [{ uri: TAUGHT }] });

    const patch = (body: object, headers: Record<string, string> = {}) =>
      rt.call('PATCH', `/v1/courses/${courseId}`, {
        token: school.token,
        rawBody: JSON.stringify(body),
        headers: { 'Content-Type': 'application/merge-patch+json', ...headers },
      });
    expect((await patch({ seats: 5 })).status).toBe(428);
    const changed = await patch({ seats: 5, title: { en: 'Battery pack assembly' } }, { 'If-Match': '"v1"' });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ seats: 5, version: 2, title: { zh: '电池包装配夜校班' } });
    expect((await patch({ seats: 6 }, { 'If-Match': '"v1"' })).status).toBe(412);
    const template = await patch({ templateId: other.templateId }, { 'If-Match': '"v2"' });
    expect(template.status).toBe(400);
    expect(template.body.errors[0].path).toBe('templateId');
    const online = await patch({ format: 'online' }, { 'If-Match': '"v2"' });
    expect(online.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['onlineUrl', 'place']);

    // Seats never go below those taken.
    for (const token of [(await graduateWithProfile()).token, (await graduateWithProfile()).token]) {
      expect((await enrol(token, courseId)).status).toBe(201);
    }
    expect((await patch({ seats: 0 }, { 'If-Match': '"v2"' })).status).toBe(400);
    const belowTaken = await patch({ seats: 1 }, { 'If-Match': '"v2"' });
    expect(belowTaken.status).toBe(409);
    expect(belowTaken.body.errors).toEqual([expect.objectContaining({ path: 'seats' })]);
    const taken = await patch({ seats: 2 }, { 'If-Match': '"v2"' });
    expect(taken.body).toMatchObject({ seats: 2, enrolled: 2, version: 3 });

    // Cancelled: off the list, closed to enrolment and edits; cancelling again changes nothing.
    const cancelled = await rt.call('POST', `/v1/courses/${courseId}/cancel`, { token: school.token });
    expect(cancelled.body).toMatchObject({ status: 'cancelled', enrolled: 2 });
    expect((await rt.call('POST', `/v1/courses/${courseId}/cancel`, { token: school.token })).body.version).toBe(
      cancelled.body.version,
    );
    const list = await rt.call('GET', `/v1/courses?skill=${encodeURIComponent(TAUGHT)}`);
    expect(list.body.items.map((c: { courseId: string }) => c.courseId)).not.toContain(courseId);
    expect((await enrol((await graduateWithProfile()).token, courseId)).status).toBe(409);
    expect((await patch({ seats: 9 }, { 'If-Match': `"v${cancelled.body.version}"` })).status).toBe(409);
    const mine = await rt.call('GET', '/v1/issuers/me/courses', { token: school.token });
    expect(mine.body.items).toEqual([expect.objectContaining({ courseId, status: 'cancelled' })]);
  });

  it('lists open courses by the skill their credential certifies and by place (online ones everywhere)', async () => {
    const skill = skillUri(720);
    const school = await issuerWithTemplate(skill);
    const suzhou = await publish(school.token, courseBody(school.templateId));
    const hangzhou = await publish(
      school.token,
      courseBody(school.templateId, { place: { cityCode: HANGZHOU, address: 'West Lake' } }),
    );
    const online = await publish(
      school.token,
      courseBody(school.templateId, { format: 'online', place: undefined, onlineUrl: 'https://meet.example.cn/x' }),
    );
    await publish(school.token, courseBody(school.templateId, { startsOn: '2001-01-01', endsOn: '2001-01-02' }));
    const ids = async (query: string) =>
      (await rt.call('GET', `/v1/courses?skill=${encodeURIComponent(skill)}${query}`)).body.items
        .map((c: { courseId: string }) => c.courseId)
        .sort();
    expect(await ids('')).toEqual([suzhou, hangzhou, online].sort());
    expect(await ids(`&city=${SUZHOU}`)).toEqual([suzhou, online].sort());
    expect(await ids('&province=330000')).toEqual([hangzhou, online].sort());
    expect((await rt.call('GET', `/v1/courses?skill=${encodeURIComponent(skillUri(721))}`)).body.items).toEqual([]);
    expect((await rt.call('GET', '/v1/courses?city=999999')).status).toBe(400);
  });
});

describe('enrolment', () => {
  it('takes a seat once, frees it on cancelling, refuses a full course, and lists my courses', async () => {
    const school = await issuerWithTemplate();
    const courseId = await publish(school.token, courseBody(school.templateId, { seats: 2 }));
    const [a, b, c] = [await graduateWithProfile(), await graduateWithProfile(), await graduateWithProfile()];
    expect((await enrol(a.token, courseId)).status).toBe(201);
    const again = await enrol(a.token, courseId);
    expect(again.status).toBe(200);
    expect(again.body.status).toBe('enrolled');
    expect((await enrol(b.token, courseId)).status).toBe(201);
    const full = await enrol(c.token, courseId);
    expect(full.status).toBe(409);
    expect(full.body.detail).toMatch(/no seat left/);

    // Another graduate cannot cancel a's place: they have none, and a's stays.
    expect((await rt.call('DELETE', `/v1/courses/${courseId}/enrolments/me`, { token: c.token })).status).toBe(404);
    const left = await rt.call('DELETE', `/v1/courses/${courseId}/enrolments/me`, { token: a.token });
    expect(left.body.status).toBe('cancelled');
    expect((await rt.call('DELETE', `/v1/courses/${courseId}/enrolments/me`, { token: a.token })).status).toBe(200);
    expect((await rt.call('GET', `/v1/courses/${courseId}`)).body.seatsLeft).toBe(1);
    expect((await enrol(c.token, courseId)).status).toBe(201);
    expect((await enrol(a.token, courseId)).status).toBe(409);

    const mine = await rt.call('GET', '/v1/profiles/me/courses', { token: c.token });
    expect(mine.body.items).toEqual([
      expect.objectContaining({
        enrolment: expect.objectContaining({ status: 'enrolled' }),
        course: expect.objectContaining({ courseId }),
      }),
    ]);
    const theirs = await rt.call('GET', '/v1/profiles/me/courses', { token: a.token });
    expect(theirs.body.items.map((i: { enrolment: { status: string } }) => i.enrolment.status)).toEqual(['cancelled']);
    const noProfile = await caller('graduate');
    expect((await enrol(noProfile.token, courseId)).status).toBe(409);

    // Erasing an account gives its seat back.
    expect((await rt.call('DELETE', '/v1/profiles/me', { token: c.token })).status).toBe(204);
    expect((await rt.call('GET', `/v1/courses/${courseId}`)).body.seatsLeft).toBe(1);
    expect((await enrol(a.token, 'course_missing')).status).toBe(404);
  });

  it('never overbooks: many graduates racing for the last seats get exactly those seats', async () => {
    const school = await issuerWithTemplate();
    const courseId = await publish(school.token, courseBody(school.templateId, { seats: 5 }));
    for (let i = 0; i < 3; i++) expect((await enrol((await graduateWithProfile()).token, courseId)).status).toBe(201);
    const racers = await Promise.all(Array.from({ length: 24 }, () => graduateWithProfile()));
    // Each racer also sends a duplicate: a double click must not take a second seat.
    const results = await Promise.all(racers.flatMap((g) => [enrol(g.token, courseId), enrol(g.token, courseId)]));
    const statuses = results.map((r) => r.status);
    expect(statuses.every((s) => s === 200 || s === 201 || s === 409)).toBe(true);
    const winners = new Set(
      results.flatMap((r, i) => (r.status === 200 || r.status === 201 ? [racers[Math.floor(i / 2)]!.sub] : [])),
    );
    expect(winners.size).toBe(2);
    const course = await rt.call('GET', `/v1/courses/${courseId}`);
    expect(course.body).toMatchObject({ enrolled: 5, seatsLeft: 0 });
    const roster = await rt.call('GET', `/v1/courses/${courseId}/roster`, { token: school.token });
    expect(roster.body.items.filter((e: { status: string }) => e.status === 'enrolled')).toHaveLength(5);
  }, 120_000);
});

describe('completion', () => {
  it('issues the course credential exactly once, even retried, raced or after a crash, and improves the match', async () => {
    const school = await issuerWithTemplate();
    const courseId = await publish(school.token, courseBody(school.templateId));
    const employer = await caller('employer');
    const job = await rt.call('POST', '/v1/jobs', {
      token: employer.token,
      body: {
        title: { en: 'Battery technician', zh: '电池技术员' },
        description: 'Assemble packs',
        requiredSkills: [
          { uri: TAUGHT, importance: 'essential' },
          { uri: HELD, importance: 'essential' },
        ],
        place: { kind: 'delta', cityCode: SUZHOU },
        closingDate: '2999-12-31',
      },
    });
    expect(job.status).toBe(201);
    const jobId = job.body.id as string;
    const [learner, crashed, outsider] = [
      await graduateWithProfile(),
      await graduateWithProfile(),
      await caller('graduate'),
    ];
    const scoreOf = async (token: string) => {
      const matches = await rt.call('GET', '/v1/profiles/me/matches', { token });
      return matches.body.items.find((m: { job: { jobId: string } }) => m.job.jobId === jobId)?.score as number;
    };
    let before = 0;
    await expect.poll(async () => (before = await scoreOf(learner.token)), { timeout: 60_000 }).toBeGreaterThan(0);

    // The skill-gap view offers the course under the missing skill.
    const gaps = await rt.call('GET', `/v1/profiles/me/skill-gaps?job=${jobId}`, { token: learner.token });
    const gap = gaps.body.items.find((g: { uri: string }) => g.uri === TAUGHT);
    expect(gap.courses).toContainEqual(expect.objectContaining({ courseId, seatsLeft: 3, cityCode: SUZHOU }));
    expect((await enrol(learner.token, courseId)).status).toBe(201);
    expect((await enrol(crashed.token, courseId)).status).toBe(201);

    const complete = (graduateIds: string[], token = school.token) =>
      rt.call('POST', `/v1/courses/${courseId}/completions`, { token, body: { graduateIds } });
    const refused = await complete([learner.sub, outsider.sub]);
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([expect.objectContaining({ path: 'graduateIds.1' })]);
    expect(
      (await rt.call('GET', `/v1/courses/${courseId}/roster`, { token: school.token })).body.items.every(
        (e: { status: string }) => e.status === 'enrolled',
      ),
    ).toBe(true);

    // A crash after issuing and before recording: the credential exists, the enrolment is still open.
    const crashedId = completionCredentialId(school.sub, courseId, crashed.sub);
    await rt.deps.credentialService.issue(
      school.sub,
      { templateId: school.templateId, holder: { graduateId: crashed.sub } },
      crashedId,
    );

    const raced = await Promise.all([complete([learner.sub, crashed.sub]), complete([learner.sub])]);
    expect(raced.map((r) => r.status)).toEqual([200, 200]);
    const retried = await complete([learner.sub, crashed.sub]);
    expect(retried.body.items).toEqual([
      {
        graduateId: learner.sub,
        credentialId: completionCredentialId(school.sub, courseId, learner.sub),
        alreadyCompleted: true,
      },
      { graduateId: crashed.sub, credentialId: crashedId, alreadyCompleted: true },
    ]);
    const credentials = (await scanTable(rt.table)).filter(
      (item) => item.entity === 'IssuedCredential' && item.templateId === school.templateId,
    );
    expect(credentials.map((c) => (c.holder as { graduateId: string }).graduateId).sort()).toEqual(
      [learner.sub, crashed.sub].sort(),
    );
    const roster = await rt.call('GET', `/v1/courses/${courseId}/roster`, { token: school.token });
    expect(
      roster.body.items.map((e: { status: string; displayName: string }) => [e.status, e.displayName]).sort(),
    ).toEqual(
      [
        ['completed', `Grad ${crashed.sub}`],
        ['completed', `Grad ${learner.sub}`],
      ].sort(),
    );
    // A completed course cannot be left, and completing it again is not a new enrolment.
    expect((await rt.call('DELETE', `/v1/courses/${courseId}/enrolments/me`, { token: learner.token })).status).toBe(
      409,
    );
    expect((await enrol(learner.token, courseId)).body.status).toBe('completed');

    // In the wallet, and through the pipeline into the matches: the missing skill is now verified.
    const wallet = await rt.call('GET', '/v1/profiles/me/credentials', { token: learner.token });
    expect(wallet.body.issued.map((c: { credentialId: string }) => c.credentialId)).toContain(
      completionCredentialId(school.sub, courseId, learner.sub),
    );
    await expect.poll(() => scoreOf(learner.token), { timeout: 60_000 }).toBeGreaterThan(before);
  }, 180_000);

  it('waits for the course to start', async () => {
    const school = await issuerWithTemplate();
    const courseId = await publish(school.token, courseBody(school.templateId, { startsOn: '2999-01-01' }));
    const graduate = await graduateWithProfile();
    expect((await enrol(graduate.token, courseId)).status).toBe(201);
    const early = await rt.call('POST', `/v1/courses/${courseId}/completions`, {
      token: school.token,
      body: { graduateIds: [graduate.sub] },
    });
    expect(early.status).toBe(409);
  });
});

describe('who may do what', () => {
  it('asks for a token and the right role on every protected route, and hides other issuers’ courses', async () => {
    const school = await issuerWithTemplate();
    const other = await issuerWithTemplate();
    const courseId = await publish(school.token, courseBody(school.templateId));
    const graduate = await graduateWithProfile();
    expect((await enrol(graduate.token, courseId)).status).toBe(201);
    const employer = await caller('employer');
    const issuerRoutes: Array<[string, string, object | undefined]> = [
      ['POST', '/v1/courses', courseBody(school.templateId)],
      ['PATCH', `/v1/courses/${courseId}`, { seats: 4 }],
      ['POST', `/v1/courses/${courseId}/cancel`, undefined],
      ['GET', '/v1/issuers/me/courses', undefined],
      ['GET', `/v1/courses/${courseId}/roster`, undefined],
      ['POST', `/v1/courses/${courseId}/completions`, { graduateIds: [graduate.sub] }],
    ];
    const graduateRoutes: Array<[string, string, object | undefined]> = [
      ['POST', `/v1/courses/${courseId}/enrolments`, undefined],
      ['DELETE', `/v1/courses/${courseId}/enrolments/me`, undefined],
      ['GET', '/v1/profiles/me/courses', undefined],
    ];
    const send = (method: string, path: string, body: object | undefined, token?: string) =>
      rt.call(method, path, {
        ...(token ? { token } : {}),
        ...(body
          ? method === 'PATCH'
            ? {
                rawBody: JSON.stringify(body),
                headers: { 'Content-Type': 'application/merge-patch+json', 'If-Match': '"v1"' },
              }
            : { body }
          : {}),
      });
    for (const [method, path, body] of [...issuerRoutes, ...graduateRoutes]) {
      expect((await send(method, path, body)).status, `${method} ${path}`).toBe(401);
    }
    for (const [method, path, body] of issuerRoutes) {
      expect((await send(method, path, body, graduate.token)).status, `${method} ${path}`).toBe(403);
      expect((await send(method, path, body, employer.token)).status, `${method} ${path}`).toBe(403);
    }
    for (const [method, path, body] of graduateRoutes) {
      expect((await send(method, path, body, school.token)).status, `${method} ${path}`).toBe(403);
    }
    // Another issuer: the course's roster, completions, edits and cancelling do not exist for them.
    for (const [method, path, body] of issuerRoutes.slice(1).filter(([, p]) => p.includes(courseId))) {
      const res = await send(method, path, body, other.token);
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(JSON.stringify(res.body)).not.toContain(graduate.sub);
    }
    expect((await rt.call('GET', '/v1/issuers/me/courses', { token: other.token })).body.items).toEqual([]);
    const roster = await rt.call('GET', `/v1/courses/${courseId}/roster`, { token: school.token });
    expect(roster.body.items).toEqual([expect.objectContaining({ graduateId: graduate.sub, status: 'enrolled' })]);
    // Another graduate sees none of this graduate's enrolments.
    const stranger = await graduateWithProfile();
    expect((await rt.call('GET', '/v1/profiles/me/courses', { token: stranger.token })).body.items).toEqual([]);
  });
});
