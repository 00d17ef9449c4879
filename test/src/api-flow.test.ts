import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { occupationUri, scanTable, skillUri, startTestRuntime, type TestRuntime } from './harness.ts';

// Every test makes its own callers (fresh ids) and data, so any one of them passes alone or in any order.
let rt: TestRuntime;

beforeAll(async () => {
  rt = await startTestRuntime({ dispatch: true });
});
afterAll(async () => rt.close());

/** A caller nobody else in this file is: `<name>-<random>`, with a token for `role`. */
async function newCaller(
  name: string,
  role: 'graduate' | 'employer' | 'admin',
): Promise<{ sub: string; token: string }> {
  const sub = `${name}-${randomUUID().slice(0, 8)}`;
  return { sub, token: await rt.token(sub, role) };
}

const profile = (overrides: Record<string, unknown> = {}) => ({
  displayName: 'Alice Zhang',
  contactEmail: 'alice@example.com',
  education: [{ eqfLevel: 6, field: 'Mechatronics', institution: 'Tongji University' }],
  skills: [
    { uri: skillUri(1), proficiency: 3 },
    { uri: skillUri(2), proficiency: 2 },
  ],
  languages: [{ code: 'zh', level: 'C2' }],
  preferredPlaces: [
    { kind: 'delta', cityCode: '310000' },
    { kind: 'elsewhere', country: 'DE', city: 'Munich' },
  ],
  openToRemote: true,
  desiredOccupations: [{ escoUri: occupationUri(1), chinaCode: '6-18-01-01' }],
  chinaSkillLevel: { level: 4 },
  availableFrom: '2027-01-01',
  salaryExpectation: { currency: 'CNY', min: 9000, max: 14000 },
  ...overrides,
});

const job = (overrides: Record<string, unknown> = {}) => ({
  title: { en: 'CNC operator', zh: '数控操作工' },
  description: 'Operate CNC lathes in Suzhou',
  occupation: { escoUri: occupationUri(2) },
  requiredSkills: [
    { uri: skillUri(1), importance: 'essential', minProficiency: 2 },
    { uri: skillUri(3), importance: 'optional' },
  ],
  place: { kind: 'delta', cityCode: '320500' },
  salary: { currency: 'CNY', min: 7000, max: 11000 },
  openings: 3,
  minChinaSkillLevel: 4,
  closingDate: '2999-06-30',
  ...overrides,
});

/** A job posted by `employer`: 201 expected. */
async function postJob(employer: string, overrides: Record<string, unknown> = {}): Promise<string> {
  const created = await rt.call('POST', '/v1/jobs', { token: employer, body: job(overrides) });
  expect(created.status).toBe(201);
  return created.body.id;
}

/** A graduate with a profile, who may apply. */
async function graduateWithProfile(name: string): Promise<{ sub: string; token: string }> {
  const graduate = await newCaller(name, 'graduate');
  const put = await rt.call('PUT', '/v1/profiles/me', {
    token: graduate.token,
    body: profile({ contactEmail: `${graduate.sub}@example.com` }),
  });
  expect(put.status).toBe(201);
  return graduate;
}

const titlesOf = (res: { body: { items: Array<{ title: { en: string } }> } }) =>
  res.body.items.map((j) => j.title.en).sort();

describe('graduate profile', () => {
  it('creates with defaults (not discoverable, personalised), reads with an ETag, patches', async () => {
    const alice = await newCaller('alice', 'graduate');
    const created = await rt.call('PUT', '/v1/profiles/me', { token: alice.token, body: profile() });
    expect(created.status).toBe(201);
    expect(created.body.consents).toEqual({ discoverable: false, personalisedMatching: true });
    expect(created.headers.get('etag')).toBe('"v1"');
    const read = await rt.call('GET', '/v1/profiles/me', { token: alice.token });
    expect(read).toMatchObject({ status: 200, body: { displayName: 'Alice Zhang', graduateId: alice.sub } });
    const patched = await rt.call('PATCH', '/v1/profiles/me', {
      token: alice.token,
      body: { displayName: 'Alice Z.', consents: { discoverable: true } },
      headers: { 'Content-Type': 'application/merge-patch+json' },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      displayName: 'Alice Z.',
      version: 2,
      consents: { discoverable: true, personalisedMatching: true },
    });
    const stale = await rt.call('PUT', '/v1/profiles/me', {
      token: alice.token,
      body: profile(),
      headers: { 'If-Match': '"v1"' },
    });
    expect(stale.status).toBe(412);
  });

  it('400 naming an unknown ESCO skill, unknown fields and too many skills', async () => {
    const { token: bob } = await newCaller('bob', 'graduate');
    const unknownSkill = await rt.call('PUT', '/v1/profiles/me', {
      token: bob,
      body: profile({
        skills: [{ uri: 'http://data.europa.eu/esco/skill/ffffffff-0000-4000-8000-000000000000', proficiency: 2 }],
      }),
    });
    expect(unknownSkill.status).toBe(400);
    expect(unknownSkill.body.errors).toEqual([
      { path: 'skills.0.uri', message: expect.stringContaining('ffffffff-0000-4000-8000-000000000000') },
    ]);
    const unknownField = await rt.call('PUT', '/v1/profiles/me', {
      token: bob,
      body: profile({ favouriteColour: 'red' }),
    });
    expect(unknownField.status).toBe(400);
    expect(unknownField.body.errors[0].path).toBe('favouriteColour');
    const tooMany = await rt.call('PUT', '/v1/profiles/me', {
      token: bob,
      body: profile({ skills: Array.from({ length: 101 }, (_, i) => ({ uri: skillUri(i), proficiency: 1 })) }),
    });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.errors[0].path).toBe('skills');
    expect((await rt.call('GET', '/v1/profiles/me', { token: bob })).status).toBe(404);
  });
});

describe('employers and jobs', () => {
  it('employer organisation round-trips', async () => {
    const { token: acme } = await newCaller('acme', 'employer');
    const { token: globex } = await newCaller('globex', 'employer');
    const put = await rt.call('PUT', '/v1/employers/me', {
      token: acme,
      body: {
        name: { en: 'ACME Precision', zh: '艾克米精密' },
        registeredPlace: { kind: 'delta', cityCode: '320500' },
      },
    });
    expect(put.status).toBe(200);
    expect((await rt.call('GET', '/v1/employers/me', { token: acme })).body.name.zh).toBe('艾克米精密');
    expect((await rt.call('GET', '/v1/employers/me', { token: globex })).status).toBe(404);
  });

  it('POST /v1/jobs → 201 with id and ETag; PATCH needs If-Match (428), refuses stale (412)', async () => {
    const { token: acme } = await newCaller('acme', 'employer');
    const created = await rt.call('POST', '/v1/jobs', { token: acme, body: job() });
    expect(created.status).toBe(201);
    const jobId = created.body.id;
    expect(jobId).toMatch(/^job_/);
    expect(created.headers.get('etag')).toBe('"v1"');
    const patch = (headers: Record<string, string>) =>
      rt.call('PATCH', `/v1/jobs/${jobId}`, {
        token: acme,
        body: { openings: 5 },
        headers: { 'Content-Type': 'application/merge-patch+json', ...headers },
      });
    expect((await patch({})).status).toBe(428);
    const ok = await patch({ 'If-Match': '"v1"' });
    expect(ok).toMatchObject({ status: 200, body: { openings: 5, version: 2 } });
    expect(ok.headers.get('etag')).toBe('"v2"');
    expect((await patch({ 'If-Match': '"v1"' })).status).toBe(412);
  });

  it('PATCH with null removes a member (the occupation, the Chinese title), not just leaves it as stored', async () => {
    const { token: acme } = await newCaller('acme', 'employer');
    const jobId = await postJob(acme);
    const headers = { 'If-Match': '"v1"', 'Content-Type': 'application/merge-patch+json' };
    const body = { occupation: null, title: { zh: null } };
    const patched = await rt.call('PATCH', `/v1/jobs/${jobId}`, { token: acme, body, headers });
    expect(patched.status).toBe(200);
    const read = await rt.call('GET', `/v1/jobs/${jobId}`);
    for (const job of [patched.body, read.body]) {
      expect(job.occupation).toBeUndefined();
      expect(job.title).toEqual({ en: 'CNC operator' });
      expect(job).toMatchObject({ jobId, status: 'open', version: 2, openings: 3 });
    }
  });

  it('another employer cannot change, close or list applications of the job', async () => {
    const { token: acme } = await newCaller('acme', 'employer');
    const { token: globex } = await newCaller('globex', 'employer');
    const jobId = await postJob(acme);
    const headers = { 'If-Match': '"v1"', 'Content-Type': 'application/merge-patch+json' };
    const patch = await rt.call('PATCH', `/v1/jobs/${jobId}`, { token: globex, body: { openings: 1 }, headers });
    expect(patch.status).toBe(403);
    expect(JSON.stringify(patch.body)).not.toContain('CNC');
    expect((await rt.call('POST', `/v1/jobs/${jobId}/close`, { token: globex })).status).toBe(403);
    expect((await rt.call('GET', `/v1/jobs/${jobId}/applications`, { token: globex })).status).toBe(403);
    expect((await rt.call('GET', '/v1/employers/me/jobs', { token: globex })).body.items).toEqual([]);
    expect(
      (await rt.call('GET', '/v1/employers/me/jobs', { token: acme })).body.items.map(
        (j: { jobId: string }) => j.jobId,
      ),
    ).toEqual([jobId]);
    // Nothing changed: the owner's If-Match v1 still holds.
    expect((await rt.call('PATCH', `/v1/jobs/${jobId}`, { token: acme, body: { openings: 1 }, headers })).status).toBe(
      200,
    );
  });

  it('50 concurrent PATCHes with the same ETag: exactly one 200, the rest 412', async () => {
    const { token: acme } = await newCaller('acme', 'employer');
    const jobId = await postJob(acme);
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        rt.call('PATCH', `/v1/jobs/${jobId}`, {
          token: acme,
          body: { openings: i + 1 },
          headers: { 'If-Match': '"v1"', 'Content-Type': 'application/merge-patch+json' },
        }),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 412)).toHaveLength(49);
  });

  it('public search finds open jobs by province, city, occupation and text, with cursor paging', async () => {
    const { token: acme } = await newCaller('acme', 'employer');
    // A word only this test's jobs carry: text search narrows every query below to them.
    const tag = `t${randomUUID().slice(0, 8)}`;
    await postJob(acme, { title: { en: `CNC operator ${tag}` } });
    await postJob(acme, {
      title: { en: `CNC setter ${tag}` },
      occupation: { escoUri: occupationUri(3) },
      place: { kind: 'delta', cityCode: '320200' },
    });
    await postJob(acme, { title: { en: `Welder ${tag}` }, place: { kind: 'delta', cityCode: '330100' } });
    // Same province (Zhejiang) as the welder, another city: only the city filter tells them apart.
    await postJob(acme, {
      title: { en: `Fitter ${tag}` },
      occupation: { escoUri: occupationUri(3) },
      place: { kind: 'delta', cityCode: '330200' },
    });
    const search = (query: string) => rt.call('GET', `/v1/jobs?q=${tag}&limit=100&${query}`);

    const inJiangsu = await search('province=320000');
    expect(inJiangsu.status).toBe(200);
    expect(titlesOf(inJiangsu)).toEqual([`CNC operator ${tag}`, `CNC setter ${tag}`]);
    expect(titlesOf(await search('city=330100'))).toEqual([`Welder ${tag}`]);
    expect(titlesOf(await search(''))).toHaveLength(4);
    expect(titlesOf(await rt.call('GET', `/v1/jobs?q=${encodeURIComponent(`setter ${tag}`)}`))).toEqual([
      `CNC setter ${tag}`,
    ]);
    const byOccupation = await search(`occupation=${encodeURIComponent(occupationUri(2))}`);
    expect(titlesOf(byOccupation)).toEqual([`CNC operator ${tag}`, `Welder ${tag}`]);

    const page1 = await rt.call('GET', `/v1/jobs?q=${tag}&limit=2`);
    expect(page1.body.items).toHaveLength(2);
    const page2 = await rt.call('GET', `/v1/jobs?q=${tag}&limit=2&cursor=${encodeURIComponent(page1.body.nextCursor)}`);
    expect([...titlesOf(page1), ...titlesOf(page2)].sort()).toEqual(titlesOf(await search('')));
    const tampered = await rt.call(
      'GET',
      `/v1/jobs?q=${tag}&limit=2&cursor=${encodeURIComponent(`x${page1.body.nextCursor}`)}`,
    );
    expect(tampered.status).toBe(400);
    expect(tampered.body.errors[0].path).toBe('cursor');
  });

  it('closed jobs and jobs past their closing date leave the public search', async () => {
    const { token: acme } = await newCaller('acme', 'employer');
    const { token: alice } = await graduateWithProfile('alice');
    const tag = `t${randomUUID().slice(0, 8)}`;
    const expired = await postJob(acme, { title: { en: `Expired role ${tag}` }, closingDate: '2020-01-01' });
    const closing = await postJob(acme, { title: { en: `Closing role ${tag}` } });
    await postJob(acme, { title: { en: `Open role ${tag}` } });
    expect((await rt.call('POST', `/v1/jobs/${closing}/close`, { token: acme })).body.status).toBe('closed');
    expect(titlesOf(await rt.call('GET', `/v1/jobs?q=${tag}&limit=100`))).toEqual([`Open role ${tag}`]);
    for (const jobId of [expired, closing]) {
      const applied = await rt.call('POST', `/v1/jobs/${jobId}/applications`, { token: alice, body: {} });
      expect(applied.status).toBe(409);
      expect(applied.body.detail).toContain('closed');
    }
  });

  it('Idempotency-Key: a replay returns the first response and creates nothing; another body → 422', async () => {
    const { token: acme } = await newCaller('acme', 'employer');
    const { token: globex } = await newCaller('globex', 'employer');
    const headers = { 'Idempotency-Key': 'post-job-42' };
    const first = await rt.call('POST', '/v1/jobs', { token: acme, body: job({ title: { en: 'Idem' } }), headers });
    const replay = await rt.call('POST', '/v1/jobs', { token: acme, body: job({ title: { en: 'Idem' } }), headers });
    expect(first.status).toBe(201);
    expect(replay.status).toBe(201);
    expect(replay.body.id).toBe(first.body.id);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    const mine = await rt.call('GET', '/v1/employers/me/jobs?limit=100', { token: acme });
    expect(mine.body.items.map((j: { jobId: string }) => j.jobId)).toEqual([first.body.id]);
    const different = await rt.call('POST', '/v1/jobs', {
      token: acme,
      body: job({ title: { en: 'Other' } }),
      headers,
    });
    expect(different.status).toBe(422);
    // Keys are per caller: another employer's identical key is independent.
    expect((await rt.call('POST', '/v1/jobs', { token: globex, body: job(), headers })).status).toBe(201);
  });
});

describe('applications', () => {
  it('one application per graduate and job: a repeat is 200 with the same application', async () => {
    const { token: acme } = await newCaller('acme', 'employer');
    const { token: alice } = await graduateWithProfile('alice');
    const jobId = await postJob(acme, { title: { en: 'Apply here' } });
    const first = await rt.call('POST', `/v1/jobs/${jobId}/applications`, { token: alice, body: { coverNote: 'Hi' } });
    expect(first.status).toBe(201);
    const again = await rt.call('POST', `/v1/jobs/${jobId}/applications`, { token: alice, body: { coverNote: 'Hi' } });
    expect(again.status).toBe(200);
    expect(again.body.applicationId).toBe(first.body.applicationId);
    expect((await rt.call('GET', '/v1/profiles/me/applications', { token: alice })).body.items).toHaveLength(1);
  });

  it('the owning employer sees it; transitions are enforced with history', async () => {
    const { token: acme } = await newCaller('acme', 'employer');
    const { token: globex } = await newCaller('globex', 'employer');
    const { token: admin } = await newCaller('root', 'admin');
    const { token: alice } = await graduateWithProfile('alice');
    const jobId = await postJob(acme, { title: { en: 'Apply here' } });
    const { applicationId } = (await rt.call('POST', `/v1/jobs/${jobId}/applications`, { token: alice, body: {} }))
      .body;
    const listed = await rt.call('GET', `/v1/jobs/${jobId}/applications`, { token: acme });
    expect(listed.body.items.map((a: { applicationId: string }) => a.applicationId)).toEqual([applicationId]);
    const move = (token: string, status: string) =>
      rt.call('PATCH', `/v1/applications/${applicationId}`, { token, body: { status } });
    expect((await move(acme, 'offer')).status).toBe(409);
    expect((await move(globex, 'viewed')).status).toBe(404);
    expect((await move(alice, 'viewed')).status).toBe(403);
    expect((await move(acme, 'viewed')).status).toBe(200);
    expect((await move(acme, 'interview')).status).toBe(200);
    const offer = await move(acme, 'offer');
    expect(offer.body.history.map((h: { status: string }) => h.status)).toEqual([
      'submitted',
      'viewed',
      'interview',
      'offer',
    ]);
    // No way back from an offer; hired (here by an admin) is final.
    expect((await move(acme, 'viewed')).status).toBe(409);
    expect((await move(admin, 'hired')).status).toBe(200);
    expect((await move(acme, 'rejected')).status).toBe(409);
    expect((await move(admin, 'rejected')).status).toBe(409);
  });

  it("another graduate sees none of Alice's applications", async () => {
    const { token: acme } = await newCaller('acme', 'employer');
    const { token: alice } = await graduateWithProfile('alice');
    const { token: bob } = await graduateWithProfile('bob');
    const jobId = await postJob(acme);
    expect((await rt.call('POST', `/v1/jobs/${jobId}/applications`, { token: alice, body: {} })).status).toBe(201);
    expect((await rt.call('GET', '/v1/profiles/me/applications', { token: alice })).body.items).toHaveLength(1);
    expect((await rt.call('GET', '/v1/profiles/me/applications', { token: bob })).body.items).toEqual([]);
  });
});

describe('data rights', () => {
  it('export holds everything about the caller; erase leaves nothing of theirs in the table', async () => {
    const { token: acme } = await newCaller('acme', 'employer');
    const carol = await newCaller('carol', 'graduate');
    await rt.call('PUT', '/v1/profiles/me', {
      token: carol.token,
      body: profile({ contactEmail: `${carol.sub}@example.com` }),
    });
    const jobId = await postJob(acme);
    const applied = await rt.call('POST', `/v1/jobs/${jobId}/applications`, {
      token: carol.token,
      body: {},
      headers: { 'Idempotency-Key': 'carol-apply-1' },
    });
    await rt.call('PATCH', `/v1/applications/${applied.body.applicationId}`, {
      token: acme,
      body: { status: 'viewed' },
    });
    await rt.dispatcher!.drain();

    const exported = await rt.call('GET', '/v1/profiles/me/export', { token: carol.token });
    expect(exported.status).toBe(200);
    expect(exported.body.data.Profile).toHaveLength(1);
    expect(exported.body.data.Application).toHaveLength(1);
    expect(exported.body.data.Notification).toHaveLength(1);
    expect(exported.body.data.IdempotencyRecord).toHaveLength(1);

    expect((await rt.call('DELETE', '/v1/profiles/me', { token: carol.token })).status).toBe(204);
    await rt.dispatcher!.drain();
    const leftovers = (await scanTable(rt.table)).filter((item) => JSON.stringify(item).includes(carol.sub));
    expect(leftovers).toEqual([]);
    expect((await rt.call('GET', '/v1/profiles/me', { token: carol.token })).status).toBe(404);
    // The employer keeps the application anonymised: its moves, nothing about Carol.
    expect((await rt.call('GET', `/v1/jobs/${jobId}/applications`, { token: acme })).body.items).toEqual([
      expect.objectContaining({ applicantErased: true, status: 'viewed' }),
    ]);
  });
});
