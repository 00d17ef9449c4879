import { getTaxonomy } from '@skillpass/taxonomy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerSchoolWithTemplate, scanTable, startTestRuntime, type TestRuntime } from './harness.ts';

const taxonomy = getTaxonomy();
const WELDER_ID = '7aedaa07-3884-4c5b-88f9-80997b2aa54b';
const WELDER = `http://data.europa.eu/esco/occupation/${WELDER_ID}`;
/** Named in Chinese only since session 7's occupation names (ISCO 8212). */
const WIRE_HARNESS_ASSEMBLER_ID = 'cb8be514-9388-4ef0-a58d-cff496747610';
const HAN = /\p{Script=Han}/u;
const likesComputers = { S1: 2, S2: 4, S3: 1, S4: 2, S5: 5, S6: 1, S7: 1, S8: 1 };
const likesBuilding = { S1: 1, S2: 1, S3: 1, S4: 1, S5: 1, S6: 4, S7: 5, S8: 4 };

let rt: TestRuntime;
beforeAll(async () => {
  rt = await startTestRuntime({ taxonomy });
});
afterAll(async () => rt.close());

describe('the career assessment (public, stateless)', () => {
  it('serves the questionnaire in both languages: eight ESCO activity areas with example activities', async () => {
    const res = await rt.call('GET', '/v1/careers/assessment');
    expect(res.status).toBe(200);
    expect(res.body.areas.map((a: { code: string }) => a.code)).toEqual([
      'S1',
      'S2',
      'S3',
      'S4',
      'S5',
      'S6',
      'S7',
      'S8',
    ]);
    const computers = res.body.areas[4];
    expect(computers.label).toEqual({ en: 'working with computers', zh: '使用计算机工作' });
    expect(computers.activities.map((a: { code: string }) => a.code)).toContain('S5.1');
    expect(res.body.attribution).toMatch(/ESCO/);
  });

  it('suggests different occupations for different answers, each with the liked activities it relies on', async () => {
    const computers = await rt.call('POST', '/v1/careers/assessment/score', {
      body: { ratings: likesComputers, especially: ['S5.1'], lang: 'zh' },
    });
    expect(computers.status).toBe(200);
    expect(computers.body.occupations).toHaveLength(10);
    const first = computers.body.occupations[0];
    expect(first.reasons[0].code).toMatch(/^S[25]/);
    expect(first.reasons[0].label).toMatch(/\p{Script=Han}/u);
    expect(computers.body.preferences[0]).toMatchObject({ code: 'S5', rating: 5 });

    const building = await rt.call('POST', '/v1/careers/assessment/score', { body: { ratings: likesBuilding } });
    expect(building.status).toBe(200);
    const uris = (r: typeof building) => r.body.occupations.map((o: { uri: string }) => o.uri);
    expect(uris(building)).not.toEqual(uris(computers));
    expect(building.body.occupations[0].reasons[0].code).toMatch(/^S[678]/);
  });

  it('answers bad input with a 400 naming the field, and stores nothing', async () => {
    const before = (await scanTable(rt.table)).length;
    const missing = await rt.call('POST', '/v1/careers/assessment/score', {
      body: { ratings: { ...likesComputers, S8: undefined } },
    });
    expect(missing.status).toBe(400);
    expect(JSON.stringify(missing.body)).toContain('ratings.S8');
    const outOfScale = await rt.call('POST', '/v1/careers/assessment/score', {
      body: { ratings: { ...likesComputers, S1: 6 } },
    });
    expect(outOfScale.status).toBe(400);
    const unknownGroup = await rt.call('POST', '/v1/careers/assessment/score', {
      body: { ratings: likesComputers, especially: ['S5.1', 'S9.9'] },
    });
    expect(unknownGroup.status).toBe(400);
    expect(JSON.stringify(unknownGroup.body)).toContain('especially.1');
    expect((await scanTable(rt.table)).length).toBe(before);
  });
});

describe('saving an assessment (the graduate’s own data)', () => {
  const path = '/v1/profiles/me/career-assessment';

  it('needs a graduate: 401 without a token, 403 for another role', async () => {
    expect((await rt.call('GET', path)).status).toBe(401);
    expect((await rt.call('PUT', path, { body: { ratings: likesComputers } })).status).toBe(401);
    expect((await rt.call('DELETE', path)).status).toBe(401);
    const employer = await rt.token('careers-employer', 'employer');
    expect((await rt.call('GET', path, { token: employer })).status).toBe(403);
    expect((await rt.call('PUT', path, { token: employer, body: { ratings: likesComputers } })).status).toBe(403);
    expect((await rt.call('DELETE', path, { token: employer })).status).toBe(403);
  });

  it('keeps one graduate’s answers from every other graduate, and deletes them on request and on erasure', async () => {
    const ana = await rt.token('careers-ana', 'graduate');
    const bo = await rt.token('careers-bo', 'graduate');
    expect((await rt.call('GET', path, { token: ana })).status).toBe(404);

    const saved = await rt.call('PUT', path, { token: ana, body: { ratings: likesComputers, especially: ['S5.1'] } });
    expect(saved.status).toBe(200);
    expect(saved.body.ratings).toEqual(likesComputers);
    expect(saved.body.result.occupations.length).toBeGreaterThan(0);

    const read = await rt.call('GET', `${path}?lang=en`, { token: ana });
    expect(read.status).toBe(200);
    expect(read.body.result.occupations).toEqual(saved.body.result.occupations);
    // Another graduate sees only their own (nothing), never Ana's.
    const other = await rt.call('GET', path, { token: bo });
    expect(other.status).toBe(404);
    expect(JSON.stringify(other.body)).not.toContain('S5.1');
    expect((await rt.call('DELETE', path, { token: bo })).status).toBe(204);
    expect((await rt.call('GET', path, { token: ana })).status).toBe(200);

    expect((await rt.call('DELETE', path, { token: ana })).status).toBe(204);
    expect((await rt.call('GET', path, { token: ana })).status).toBe(404);

    // Erasing the account takes a saved assessment with it.
    await rt.call('PUT', '/v1/profiles/me', {
      token: ana,
      body: { displayName: 'Ana', contactEmail: 'ana@example.com', skills: [] },
    });
    expect((await rt.call('PUT', path, { token: ana, body: { ratings: likesBuilding } })).status).toBe(200);
    expect((await rt.call('DELETE', '/v1/profiles/me', { token: ana })).status).toBe(204);
    const left = (await scanTable(rt.table)).filter((item) => item.entity === 'CareerAssessment');
    expect(left).toEqual([]);
  });
});

describe('career pages (public)', () => {
  it('describes an occupation: ESCO description (English), skills, ISCO group in the page’s language, related occupations, templates', async () => {
    const welding = taxonomy.occupationSkills(WELDER).essential[0]!;
    const template = await registerSchoolWithTemplate(rt.deps.issuers, rt.deps.signingKid, welding);
    const res = await rt.call('GET', `/v1/careers/${WELDER_ID}?lang=zh`);
    expect(res.status).toBe(200);
    expect(res.body.label).toBe('焊工');
    expect(res.body.labels).toEqual({ en: 'welder', zh: '焊工' });
    expect(res.body.description.lang).toBe('en');
    expect(res.body.isco).toEqual({
      code: '7212',
      label: '焊工和火焰切割工',
      major: { code: '7', label: '工艺和相关行业工人' },
    });
    const english = await rt.call('GET', `/v1/careers/${WELDER_ID}?lang=en`);
    expect(english.body.isco.label).toBe('Welders and flamecutters');
    expect(res.body.essentialSkills.map((s: { uri: string }) => s.uri)).toEqual(
      taxonomy.occupationSkills(WELDER).essential,
    );
    expect(res.body.related.length).toBeGreaterThan(0);
    expect(res.body.templates).toContainEqual(
      expect.objectContaining({ templateId: template.templateId, teaches: [welding] }),
    );
    expect(res.body.levelStandards).toEqual([]);
  });

  it('browses and searches occupations in the chosen language; unknown or malformed ids are 404 / 400', async () => {
    const search = await rt.call('GET', '/v1/careers?q=焊工&lang=zh');
    expect(search.status).toBe(200);
    expect(search.body.items[0]).toEqual({ uri: WELDER, label: '焊工' });
    const browse = await rt.call('GET', '/v1/careers?lang=en&limit=5&offset=5');
    expect(browse.body.items).toHaveLength(5);
    expect(browse.body.total).toBe(3007);
    expect((await rt.call('GET', '/v1/careers/00000000-0000-0000-0000-000000000000')).status).toBe(404);
    expect((await rt.call('GET', '/v1/careers/not-an-id')).status).toBe(400);
  });

  it('names every occupation in Chinese: pages, related occupations and the whole browse list', async () => {
    const page = await rt.call('GET', `/v1/careers/${WIRE_HARNESS_ASSEMBLER_ID}?lang=zh`);
    expect(page.status).toBe(200);
    expect(page.body.labels).toEqual({ en: 'wire harness assembler', zh: '线束装配工' });
    expect(page.body.label).toBe('线束装配工');
    expect(page.body.related.length).toBeGreaterThan(0);
    for (const related of page.body.related) expect(related.label, related.uri).toMatch(HAN);
    const labels: string[] = [];
    for (let offset = 0; offset < 3007; offset += 100) {
      const browse = await rt.call('GET', `/v1/careers?lang=zh&limit=100&offset=${offset}`);
      labels.push(...browse.body.items.map((item: { label: string }) => item.label));
    }
    expect(labels).toHaveLength(3007);
    expect(labels.filter((label) => !HAN.test(label))).toEqual([]);
    expect(new Set(labels).size).toBe(3007);
  });
});
