import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerSchoolWithTemplate, skillUri, startTestRuntime, type TestRuntime } from './harness.ts';

let rt: TestRuntime;
const [COMMON, RARE, OTHER_EMPLOYERS] = [skillUri(201), skillUri(202), skillUri(203)];
const idOf = (uri: string) => uri.split('/').pop()!;
let employerA: string;
let employerB: string;

async function postJob(token: string, skills: string[], cityCode = '320500'): Promise<string> {
  const res = await rt.call('POST', '/v1/jobs', {
    token,
    body: {
      title: { en: 'Technician' },
      description: 'Keeps the line running.',
      requiredSkills: skills.map((uri) => ({ uri, importance: 'essential', minProficiency: 1 })),
      place: { kind: 'delta', cityCode },
      closingDate: '2999-01-01',
    },
  });
  expect(res.status).toBe(201);
  return res.body.id;
}

async function graduate(n: number, skills: string[]): Promise<void> {
  const res = await rt.call('PUT', '/v1/profiles/me', {
    token: await rt.token(`grad-insights-${n}`, 'graduate'),
    body: {
      displayName: `Graduate ${n}`,
      contactEmail: `g${n}@example.com`,
      skills: skills.map((uri) => ({ uri, proficiency: 2 })),
      preferredPlaces: [{ kind: 'delta', cityCode: '320500' }],
    },
  });
  expect(res.status).toBe(201);
}

/** Every supply figure anywhere in a response: none may be under k = 10. */
function supplyFigures(value: unknown): number[] {
  if (Array.isArray(value)) return value.flatMap(supplyFigures);
  if (value === null || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  const own =
    'supply' in record && record.supply && typeof record.supply === 'object'
      ? Object.entries(record.supply as Record<string, unknown>)
          .filter(([name, v]) => ['total', 'declared', 'verified'].includes(name) && typeof v === 'number')
          .map(([, v]) => v as number)
      : [];
  return [...own, ...Object.values(record).flatMap(supplyFigures)];
}

beforeAll(async () => {
  rt = await startTestRuntime({ dispatch: true });
  employerA = await rt.token('emp-insights-a', 'employer');
  employerB = await rt.token('emp-insights-b', 'employer');
  // Suzhou: 12 graduates offer COMMON, 3 of them also RARE. Three jobs ask for RARE, one for COMMON.
  for (let n = 0; n < 12; n++) await graduate(n, n < 3 ? [COMMON!, RARE!] : [COMMON!]);
  for (let n = 0; n < 3; n++) await postJob(employerA, [RARE!]);
  await postJob(employerA, [COMMON!]);
  await postJob(employerB, [OTHER_EMPLOYERS!], '330100');
  await registerSchoolWithTemplate(rt.deps.issuers, rt.deps.signingKid, RARE!);
  await rt.dispatcher!.drain();
});
afterAll(async () => rt.close());

describe('GET /v1/insights/shortages', () => {
  it('ranks skills by shortage in a city, suppresses supply under 10 graduates, and names where the skill is taught', async () => {
    const res = await rt.call('GET', '/v1/insights/shortages?city=320500');
    expect(res.status).toBe(200);
    expect(res.body.place).toEqual({ id: 'city:320500', name: { en: 'Suzhou', zh: '苏州' } });
    const rows = res.body.items.map(
      (i: { concept: { uri: string }; figures: { demand: number; supply: unknown; shortageIndex: number } }) => [
        i.concept.uri,
        i.figures.demand,
        i.figures.supply,
        i.figures.shortageIndex,
      ],
    );
    expect(rows).toEqual([
      // 3 graduates: hidden; the index uses 9, a lower bound: (3 + 1) / (9 + 1).
      [RARE, 3, { total: null, declared: null, verified: null, suppressed: true, splitSuppressed: true }, 0.4],
      // 12 graduates, all self-declared: the total shows, the split (12 / 0) would reveal a count under 10.
      [COMMON, 1, { total: 12, declared: null, verified: null, suppressed: false, splitSuppressed: true }, 0.154],
    ]);
    // All of it was posted this week: a week ago nothing asked for it, so the index rose from (0 + 1) / (9 + 1).
    expect(res.body.items[0].trend).toEqual({ previousIndex: 0.1, direction: 'rising', newDemandPreviousFourWeeks: 0 });
    expect(res.body.items[0].figures.newDemand).toBe(3);
    expect(res.body.items[0].teachingTemplates).toMatchObject([
      { issuerId: 'school', region: 'Jiangsu', country: 'CN' },
    ]);
    expect(res.body.total.demand).toBe(4);
    expect(res.body.total.supply.total).toBe(12);
    expect(supplyFigures(res.body).every((n) => n >= 10)).toBe(true);
  });

  it('counts a province as all of its cities, and answers CSV by ?format=csv or Accept', async () => {
    const province = await rt.call('GET', '/v1/insights/shortages?province=320000');
    expect(province.body.items.map((i: { concept: { uri: string } }) => i.concept.uri)).toEqual([RARE, COMMON]);
    const csv = await rt.call('GET', '/v1/insights/shortages?city=320500&format=csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('Content-Type')).toContain('text/csv');
    const lines = (csv.body as string).trim().split('\r\n');
    expect(lines[0]!.split(',').slice(0, 7)).toEqual([
      'rank',
      'uri',
      'label_en',
      'label_zh',
      'place',
      'week',
      'demand',
    ]);
    expect(lines[1]).toContain(`${RARE},`);
    expect(lines[1]).toContain(',suppressed,');
    const byAccept = await rt.call('GET', '/v1/insights/shortages?city=320500', { headers: { Accept: 'text/csv' } });
    expect(byAccept.body).toBe(csv.body);
  });

  it('400 naming the field for no place, a malformed week, or a week in the future', async () => {
    const none = await rt.call('GET', '/v1/insights/shortages');
    expect([none.status, none.body.errors[0].path]).toEqual([400, 'query.city']);
    const bad = await rt.call('GET', '/v1/insights/shortages?city=320500&week=2026-49');
    expect([bad.status, bad.body.errors[0].path]).toEqual([400, 'query.week']);
    const future = await rt.call('GET', '/v1/insights/shortages?city=320500&week=2999-W01');
    expect([future.status, future.body.errors[0].path]).toEqual([400, 'query.week']);
    const unknownCity = await rt.call('GET', '/v1/insights/shortages?city=999999');
    expect([unknownCity.status, unknownCity.body.errors[0].path]).toEqual([400, 'query.city']);
  });
});

describe('GET /v1/insights/skills/{skillId} and /v1/insights/places', () => {
  it('gives a skill week by week: demand against published supply', async () => {
    const res = await rt.call('GET', `/v1/insights/skills/${idOf(COMMON!)}?city=320500&weeks=3`);
    expect(res.status).toBe(200);
    expect(res.body.points).toHaveLength(3);
    const last = res.body.points.at(-1).figures;
    expect([last.demand, last.supply.total]).toEqual([1, 12]);
    // Weeks before anything was posted: nothing.
    expect(res.body.points[0].figures.demand).toBe(0);
    const bad = await rt.call('GET', '/v1/insights/skills/not-a-uuid?city=320500');
    expect([bad.status, bad.body.errors[0].path]).toEqual([400, 'param.skillId']);
  });

  it('lists every Delta place with its open jobs and graduates, small counts suppressed', async () => {
    const res = await rt.call('GET', '/v1/insights/places');
    const byId = new Map(res.body.items.map((i: { place: { id: string } }) => [i.place.id, i]));
    expect(res.body.items).toHaveLength(45);
    expect((byId.get('city:320500') as { figures: { demand: number } }).figures.demand).toBe(4);
    expect(
      (byId.get('city:330100') as { figures: { demand: number; supply: { suppressed: boolean } } }).figures,
    ).toMatchObject({
      demand: 1,
      supply: { suppressed: true },
    });
    expect(supplyFigures(res.body).every((n) => n >= 10)).toBe(true);
  });
});

describe('per-organisation views', () => {
  it('an employer sees supply for the skills its own open jobs require, and nothing of another employer', async () => {
    const res = await rt.call('GET', '/v1/insights/me/supply', { token: employerA });
    expect(res.status).toBe(200);
    const uris = new Set(res.body.items.map((i: { concept: { uri: string } }) => i.concept.uri));
    expect(uris).toEqual(new Set([RARE, COMMON]));
    expect(new Set(res.body.items.map((i: { place: { id: string } }) => i.place.id))).toEqual(
      new Set(['city:320500', 'province:320000']),
    );
    const other = await rt.call('GET', '/v1/insights/me/supply', { token: employerB });
    expect(other.body.items.map((i: { concept: { uri: string } }) => i.concept.uri)).toEqual([
      OTHER_EMPLOYERS,
      OTHER_EMPLOYERS,
    ]);
    expect(supplyFigures(res.body).every((n) => n >= 10)).toBe(true);
  });

  it('a school sees demand for the skills its templates teach; another issuer sees none of it', async () => {
    const school = await rt.token('school', 'issuer');
    const res = await rt.call('GET', '/v1/insights/me/demand?province=320000', { token: school });
    expect(res.status).toBe(200);
    expect(res.body.items).toMatchObject([
      { concept: { uri: RARE }, place: { id: 'province:320000' }, figures: { demand: 3 } },
    ]);
    const other = await rt.call('GET', '/v1/insights/me/demand', { token: await rt.token('another-school', 'issuer') });
    expect(other.body.items).toEqual([]);
    const csv = await rt.call('GET', '/v1/insights/me/demand?province=320000&format=csv', { token: school });
    expect((csv.body as string).split('\r\n')[1]).toContain(`${RARE},`);
  });

  it('401 without a token, 403 for the wrong role', async () => {
    for (const path of ['/v1/insights/me/supply', '/v1/insights/me/demand']) {
      expect((await rt.call('GET', path)).status).toBe(401);
    }
    const graduateToken = await rt.token('grad-insights-0', 'graduate');
    expect((await rt.call('GET', '/v1/insights/me/supply', { token: graduateToken })).status).toBe(403);
    expect((await rt.call('GET', '/v1/insights/me/demand', { token: employerA })).status).toBe(403);
    expect((await rt.call('GET', '/v1/insights/me/supply', { token: await rt.token('school', 'issuer') })).status).toBe(
      403,
    );
  });
});
