import { randomUUID } from 'node:crypto';
import { getTaxonomy } from '@skillpass/taxonomy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime, type TestRuntime } from './harness.ts';

// Job and match responses name the employer and label places and skills in the asked language; employers have a
// public page. The real taxonomy, so that Chinese labels exist.
const taxonomy = getTaxonomy();
const WELDER = 'http://data.europa.eu/esco/occupation/7aedaa07-3884-4c5b-88f9-80997b2aa54b';
const skills = taxonomy.occupationSkills(WELDER).essential.slice(0, 3);
const zhSkill = skills.find((uri) => taxonomy.labelOf(uri, 'zh') !== taxonomy.labelOf(uri, 'en'));

let rt: TestRuntime;
const ids = { named: '', unnamed: '', other: '' };
const tokens: Record<string, string> = {};
const jobIds: Record<string, string> = {};

const job = (title: string, cityCode: string) => ({
  title: { en: title, zh: `${title}（中文）` },
  description: title,
  occupation: { escoUri: WELDER },
  requiredSkills: skills.map((uri) => ({ uri, importance: 'essential', minProficiency: 1 })),
  place: { kind: 'delta', cityCode },
  closingDate: '2999-01-01',
});

beforeAll(async () => {
  rt = await startTestRuntime({ dispatch: true, taxonomy });
  for (const key of Object.keys(ids) as Array<keyof typeof ids>) {
    ids[key] = `emp-${key}-${randomUUID().slice(0, 8)}`;
    tokens[key] = await rt.token(ids[key], 'employer');
  }
  const put = await rt.call('PUT', '/v1/employers/me', {
    token: tokens.named,
    body: {
      name: { en: 'Delta Welding Ltd', zh: '长三角焊接有限公司' },
      registeredPlace: { kind: 'delta', cityCode: '320500' },
      description: { en: 'We weld battery trays.', zh: '我们焊接电池托盘。' },
      website: 'https://welding.example.com',
      unifiedSocialCreditCode: '91320500MA1XXXXX0X',
    },
  });
  expect(put.status).toBe(200);
  for (const [key, employer, city] of [
    ['named1', 'named', '320500'],
    ['named2', 'named', '340100'],
    ['closed', 'named', '320500'],
    ['unnamed', 'unnamed', '310000'],
  ] as const) {
    const res = await rt.call('POST', '/v1/jobs', { token: tokens[employer], body: job(`Welder ${key}`, city) });
    expect(res.status).toBe(201);
    jobIds[key] = res.body.id;
  }
  expect((await rt.call('POST', `/v1/jobs/${jobIds.closed}/close`, { token: tokens.named })).status).toBe(200);
  await rt.dispatcher!.drain();
});
afterAll(async () => rt.close());

describe('jobs for people to read', () => {
  it('name the employer, the place and the skills in English by default', async () => {
    const res = await rt.call('GET', `/v1/jobs/${jobIds.named1}`);
    expect(res.status).toBe(200);
    expect(res.body.employer).toEqual({ id: ids.named, name: 'Delta Welding Ltd' });
    expect(res.body.placeName).toBe('Suzhou');
    expect(res.body.labels[skills[0]!]).toBe(taxonomy.labelOf(skills[0]!, 'en'));
    expect(res.body.labels[WELDER]).toBe(taxonomy.labelOf(WELDER, 'en'));
    // The posting itself is unchanged.
    expect(res.body.title.en).toBe('Welder named1');
  });

  it('in Chinese when lang=zh or Accept-Language prefers it, lang winning over the header', async () => {
    const byQuery = await rt.call('GET', `/v1/jobs/${jobIds.named1}?lang=zh`);
    expect(byQuery.body.employer.name).toBe('长三角焊接有限公司');
    expect(byQuery.body.placeName).toBe('苏州');
    if (zhSkill) expect(byQuery.body.labels[zhSkill]).toBe(taxonomy.labelOf(zhSkill, 'zh'));
    const byHeader = await rt.call('GET', `/v1/jobs/${jobIds.named1}`, {
      headers: { 'Accept-Language': 'fr;q=1, zh-CN;q=0.9, en;q=0.5' },
    });
    expect(byHeader.body.placeName).toBe('苏州');
    expect(byHeader.headers.get('vary')).toContain('Accept-Language');
    const queryWins = await rt.call('GET', `/v1/jobs/${jobIds.named1}?lang=en`, {
      headers: { 'Accept-Language': 'zh-CN' },
    });
    expect(queryWins.body.placeName).toBe('Suzhou');
  });

  it('leave the name out while the employer has not registered its organisation', async () => {
    const res = await rt.call('GET', `/v1/jobs/${jobIds.unnamed}`);
    expect(res.body.employer).toEqual({ id: ids.unnamed });
    expect(res.body.placeName).toBe('Shanghai');
  });

  it('name every employer of a search page', async () => {
    const res = await rt.call('GET', '/v1/jobs?q=welder&lang=zh&limit=100');
    expect(res.status).toBe(200);
    const byId = new Map(res.body.items.map((j: { jobId: string }) => [j.jobId, j]));
    expect(byId.get(jobIds.named2)).toMatchObject({ employer: { name: '长三角焊接有限公司' }, placeName: '合肥' });
    expect(byId.get(jobIds.unnamed)).toMatchObject({ employer: { id: ids.unnamed } });
    expect(byId.has(jobIds.closed)).toBe(false);
  });

  it('refuse a language other than en or zh, naming the parameter', async () => {
    const res = await rt.call('GET', `/v1/jobs/${jobIds.named1}?lang=fr`);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(res.body.errors).toEqual([expect.objectContaining({ path: 'query.lang' })]);
  });

  it("label the employer's own list too", async () => {
    const res = await rt.call('GET', '/v1/employers/me/jobs?lang=zh', { token: tokens.named });
    expect(res.status).toBe(200);
    expect(res.body.items.map((j: { placeName: string }) => j.placeName).sort()).toEqual(['合肥', '苏州', '苏州']);
  });

  it('name the employer and the place of each match', async () => {
    const graduate = await rt.token(`grad-${randomUUID().slice(0, 8)}`, 'graduate');
    const put = await rt.call('PUT', '/v1/profiles/me', {
      token: graduate,
      body: {
        displayName: 'Li Lei',
        contactEmail: 'li@example.com',
        skills: skills.map((uri) => ({ uri, proficiency: 3 })),
        preferredPlaces: [{ kind: 'delta', cityCode: '320500' }],
        consents: { personalisedMatching: true },
      },
    });
    expect(put.status).toBe(201);
    await rt.dispatcher!.drain();
    const matches = await rt.call('GET', '/v1/profiles/me/matches', {
      token: graduate,
      headers: { 'Accept-Language': 'zh' },
    });
    expect(matches.status).toBe(200);
    const named = matches.body.items.find((m: { job: { jobId: string } }) => m.job.jobId === jobIds.named1);
    expect(named.job).toMatchObject({
      employer: { id: ids.named, name: '长三角焊接有限公司' },
      placeName: '苏州',
    });
  });
});

describe('GET /v1/employers/{id}: the public page of an employer', () => {
  it('shows name, city, description and open jobs, to anyone, without private fields', async () => {
    const res = await rt.call('GET', `/v1/employers/${ids.named}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      id: ids.named,
      name: 'Delta Welding Ltd',
      names: { en: 'Delta Welding Ltd', zh: '长三角焊接有限公司' },
      city: 'Suzhou',
      registeredPlace: { kind: 'delta', cityCode: '320500' },
      description: 'We weld battery trays.',
      website: 'https://welding.example.com',
      // The closed job does not count.
      openJobs: 2,
    });
    const zh = await rt.call('GET', `/v1/employers/${ids.named}`, { headers: { 'Accept-Language': 'zh-Hans-CN' } });
    expect(zh.body).toMatchObject({ name: '长三角焊接有限公司', city: '苏州', description: '我们焊接电池托盘。' });
  });

  it('is the same for another employer or a graduate: public data only, whoever asks', async () => {
    for (const token of [tokens.other!, await rt.token('grad-reader', 'graduate')]) {
      const res = await rt.call('GET', `/v1/employers/${ids.named}`, { token });
      expect(res.status).toBe(200);
      expect(res.body).not.toHaveProperty('unifiedSocialCreditCode');
      expect(res.body).not.toHaveProperty('version');
    }
  });

  it('is a 404 problem for an employer without an organisation, and a 400 naming a bad lang', async () => {
    const missing = await rt.call('GET', `/v1/employers/${ids.unnamed}`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toBe('application/problem+json');
    const bad = await rt.call('GET', `/v1/employers/${ids.named}?lang=de`);
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ path: 'query.lang' })]);
  });

  it('leaves GET /v1/employers/me to the employer itself', async () => {
    expect((await rt.call('GET', '/v1/employers/me')).status).toBe(401);
    const mine = await rt.call('GET', '/v1/employers/me', { token: tokens.named });
    expect(mine.body.unifiedSocialCreditCode).toBe('91320500MA1XXXXX0X');
  });
});
