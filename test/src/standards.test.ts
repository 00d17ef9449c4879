import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishedStandardsOf } from '@skillpass/services';
import { DynamoStandardRepository } from '@skillpass/store';
import { occupationUri, skillUri, startTestRuntime, type TestRuntime } from './harness.ts';
import { accreditedIssuer, issuerIn, publishedStandard, threeLevels } from './standards-fixture.ts';

const JIANGSU = '320000';
const ZHEJIANG = '330000';
const ANHUI = '340000';
const WELDER = threeLevels(occupationUri(7), [skillUri(701), skillUri(702), skillUri(703)]);

let rt: TestRuntime;
let jiangsu: string;
let jiangsuToo: string;
let zhejiang: string;
let anhui: string;
let unaccredited: string;
let noProvince: string;

beforeAll(async () => {
  rt = await startTestRuntime();
  jiangsu = await accreditedIssuer(rt, 'std-js-1', JIANGSU);
  jiangsuToo = await accreditedIssuer(rt, 'std-js-2', JIANGSU);
  zhejiang = await accreditedIssuer(rt, 'std-zj-1', ZHEJIANG);
  anhui = await accreditedIssuer(rt, 'std-ah-1', ANHUI);
  unaccredited = await rt.token('std-ah-new', 'issuer');
  expect((await rt.call('PUT', '/v1/issuers/me', { token: unaccredited, body: issuerIn(ANHUI, 'New') })).status).toBe(
    200,
  );
  noProvince = await rt.token('std-noprov', 'issuer');
  const { provinceCode: _p, ...withoutProvince } = issuerIn(ZHEJIANG, 'Unplaced');
  expect((await rt.call('PUT', '/v1/issuers/me', { token: noProvince, body: withoutProvince })).status).toBe(200);
  const admin = await rt.token('std-admin', 'admin');
  expect(
    (
      await rt.call('PUT', '/v1/admin/issuers/std-noprov/accreditation', {
        token: admin,
        body: { validUntil: '2099-12-31' },
      })
    ).status,
  ).toBe(200);
});
afterAll(async () => rt.close());

const propose = (token: string, body: unknown = WELDER, headers: Record<string, string> = {}) =>
  rt.call('POST', '/v1/standards', { token, body, headers });
const review = (token: string, id: string, n: number, body: unknown) =>
  rt.call('PUT', `/v1/standards/${id}/versions/${n}/review`, { token, body });

describe('who may use the issuer routes of standards', () => {
  it('refuses without a token (401) and for every role but issuer (403), and writes nothing', async () => {
    const id = (await propose(jiangsu)).body.standard.standardId as string;
    const routes: Array<[string, string, unknown?]> = [
      ['GET', '/v1/standards/awaiting-review'],
      ['GET', `/v1/standards/${id}/history`],
      ['POST', '/v1/standards', WELDER],
      ['POST', `/v1/standards/${id}/versions`, WELDER],
      ['PUT', `/v1/standards/${id}/versions/1/review`, { decision: 'approve' }],
    ];
    for (const [method, path, body] of routes) {
      expect((await rt.call(method, path, body ? { body } : {})).status, `${method} ${path}`).toBe(401);
      for (const role of ['graduate', 'employer', 'organiser']) {
        const token = await rt.token(`std-${role}`, role);
        const refused = await rt.call(method, path, { token, ...(body ? { body } : {}) });
        expect(refused.status, `${role} ${method} ${path}`).toBe(403);
        expect(JSON.stringify(refused.body)).not.toContain('Welder');
      }
      // An administrator passes every role check (the platform's rule) but is no accredited issuer: no writes.
      if (method !== 'GET') {
        const admin = await rt.token('std-operator', 'admin');
        expect((await rt.call(method, path, { token: admin, body })).status, `admin ${method} ${path}`).toBe(403);
      }
    }
    const history = await rt.call('GET', `/v1/standards/${id}/history`, { token: zhejiang });
    expect(history.body.versions.map((v: { status: string }) => v.status)).toEqual(['proposed']);
    // Still awaiting review: not public.
    expect((await rt.call('GET', `/v1/standards/${id}`)).status).toBe(404);
    expect((await rt.call('GET', `/v1/standards/${id}/versions/1`)).status).toBe(404);
    expect(
      (await rt.call('GET', '/v1/standards')).body.items.map((s: { standardId: string }) => s.standardId),
    ).not.toContain(id);
  });

  it('lets only accredited issuers with a province propose', async () => {
    const refused = await propose(unaccredited);
    expect(refused.status).toBe(403);
    expect(refused.body.errors[0].path).toBe('accreditation');
    const unplaced = await propose(noProvince);
    expect(unplaced.status).toBe(403);
    expect(unplaced.body.errors[0].path).toBe('provinceCode');
  });
});

describe('proposals', () => {
  it('refuses a proposal whose higher level drops or lowers a lower level skill, naming the level', async () => {
    const broken = structuredClone(WELDER);
    broken.levels[2]!.skills[0]!.proficiency = 1;
    const refused = await propose(jiangsu, broken);
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0].path).toBe('levels.2.skills');
    const twice = structuredClone(WELDER);
    twice.levels[1]!.level = 5;
    expect((await propose(jiangsu, twice)).body.errors.map((e: { path: string }) => e.path)).toContain(
      'levels.1.level',
    );
    const unknown = structuredClone(WELDER);
    unknown.levels[0]!.skills[0]!.uri = 'http://data.europa.eu/esco/skill/99999999-0000-4000-8000-000000000000';
    const unknownRefused = await propose(jiangsu, unknown);
    expect(unknownRefused.status).toBe(400);
    expect(unknownRefused.body.errors[0].path).toBe('levels.0.skills.0.uri');
  });

  it('makes a retried proposal with the same Idempotency-Key find the first', async () => {
    const first = await propose(jiangsu, WELDER, { 'Idempotency-Key': 'std-retry-1' });
    const again = await propose(jiangsu, WELDER, { 'Idempotency-Key': 'std-retry-1' });
    expect(first.status).toBe(201);
    expect(again.body.standard.standardId).toBe(first.body.standard.standardId);
  });
});

describe('the review by a second issuer of another province', () => {
  it('refuses the proposer, an issuer of its province and an unaccredited one; another province publishes it', async () => {
    const id = (await propose(jiangsu)).body.standard.standardId as string;
    const own = await review(jiangsu, id, 1, { decision: 'approve' });
    expect(own.status).toBe(403);
    expect(own.body.errors[0].path).toBe('reviewer');
    const sameProvince = await review(jiangsuToo, id, 1, { decision: 'approve' });
    expect(sameProvince.status).toBe(403);
    expect(sameProvince.body.errors[0].path).toBe('provinceCode');
    expect((await review(unaccredited, id, 1, { decision: 'approve' })).status).toBe(403);
    const noReason = await review(zhejiang, id, 1, { decision: 'reject' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors[0].path).toBe('reason');
    expect((await review(zhejiang, id, 9, { decision: 'approve' })).status).toBe(404);
    expect((await review(zhejiang, 'std_nothing', 1, { decision: 'approve' })).status).toBe(404);

    const approved = await review(zhejiang, id, 1, { decision: 'approve' });
    expect(approved.status).toBe(200);
    expect(approved.body.standard.publishedVersion).toBe(1);
    expect(approved.body.versions[0].review).toMatchObject({ reviewedBy: 'std-zj-1', reviewerProvince: ZHEJIANG });
    // The same decision again changes nothing; anyone else's review of a reviewed version is a conflict.
    const replay = await review(zhejiang, id, 1, { decision: 'approve' });
    expect(replay.status).toBe(200);
    expect(replay.body.standard.version).toBe(approved.body.standard.version);
    expect((await review(anhui, id, 1, { decision: 'reject', reason: 'late' })).status).toBe(409);

    const published = await rt.call('GET', `/v1/standards/${id}`);
    expect(published.status).toBe(200);
    expect(published.body.versions.map((v: { number: number }) => v.number)).toEqual([1]);
    const version = await rt.call('GET', `/v1/standards/${id}/versions/1`);
    expect(version.body.content.levels.map((l: { level: number }) => l.level)).toEqual([5, 4, 3]);
    expect(
      (await rt.call('GET', '/v1/standards')).body.items.map((s: { standardId: string }) => s.standardId),
    ).toContain(id);
    // The occupation's career page lists it with its levels, highest first (the page's data, read from the table).
    const standards = new DynamoStandardRepository(rt.table, () => new Date());
    const onCareerPage = await publishedStandardsOf({ standards }, occupationUri(7));
    expect(onCareerPage).toContainEqual({ standardId: id, title: WELDER.title, levels: [3, 4, 5] });
    expect(await publishedStandardsOf({ standards }, occupationUri(9))).toEqual([]);
  });

  it('versions: one proposal awaits review at a time, If-Match guards it, a rejection keeps its reason and the published version stays', async () => {
    const id = await publishedStandard(rt, anhui, jiangsu, WELDER);
    const head = await rt.call('GET', `/v1/standards/${id}`);
    const etag = head.headers.get('ETag')!;
    const amended = structuredClone(WELDER);
    amended.levels[2]!.skills[2]!.proficiency = 3;
    const stale = await rt.call('POST', `/v1/standards/${id}/versions`, {
      token: zhejiang,
      body: amended,
      headers: { 'If-Match': '"v1"' },
    });
    expect(stale.status).toBe(412);
    const [a, b] = await Promise.all([
      rt.call('POST', `/v1/standards/${id}/versions`, {
        token: zhejiang,
        body: amended,
        headers: { 'If-Match': etag },
      }),
      rt.call('POST', `/v1/standards/${id}/versions`, { token: jiangsu, body: amended }),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const winner = a.status === 201 ? a : b;
    expect(winner.body.versions.at(-1)).toMatchObject({ number: 2, status: 'proposed', basedOn: 1 });
    const reviewer = a.status === 201 ? anhui : zhejiang;
    const rejected = await review(reviewer, id, 2, { decision: 'reject', reason: 'level 3 asks too much' });
    expect(rejected.status).toBe(200);
    expect(rejected.body.standard.publishedVersion).toBe(1);
    const history = await rt.call('GET', `/v1/standards/${id}/history`, { token: jiangsuToo });
    expect(history.body.versions.map((v: { status: string }) => v.status)).toEqual(['published', 'rejected']);
    expect(history.body.versions[1].review.reason).toBe('level 3 asks too much');
    const publicView = await rt.call('GET', `/v1/standards/${id}`);
    expect(publicView.body.versions.map((v: { number: number }) => v.number)).toEqual([1]);
    expect((await rt.call('GET', `/v1/standards/${id}/versions/2`)).status).toBe(404);
    // Another occupation is another standard.
    const moved = await rt.call('POST', `/v1/standards/${id}/versions`, {
      token: zhejiang,
      body: { ...amended, occupationUri: occupationUri(8) },
    });
    expect(moved.status).toBe(400);
    expect(moved.body.errors[0].path).toBe('occupationUri');
  });

  it('lists what awaits review to issuers', async () => {
    const id = (await propose(anhui)).body.standard.standardId as string;
    const waiting = await rt.call('GET', '/v1/standards/awaiting-review', { token: zhejiang });
    expect(waiting.status).toBe(200);
    expect(waiting.body.items.map((i: { standard: { standardId: string } }) => i.standard.standardId)).toContain(id);
  });
});
