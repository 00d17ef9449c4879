import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skillUri, startTestRuntime, type TestRuntime } from './harness.ts';

let rt: TestRuntime;
let employer: string;
beforeAll(async () => {
  rt = await startTestRuntime({ dispatch: true });
  employer = await rt.token('emp-skill-search', 'employer');
});
afterAll(async () => rt.close());

const SKILL = skillUri(40);
const job = (title: string, skills: number[], cityCode: string) => ({
  title: { en: title },
  description: title,
  requiredSkills: skills.map((n) => ({ uri: skillUri(n), importance: 'essential' })),
  place: { kind: 'delta', cityCode },
  closingDate: '2999-12-31',
});

async function post(body: ReturnType<typeof job>): Promise<string> {
  const res = await rt.call('POST', '/v1/jobs', { token: employer, body });
  expect(res.status).toBe(201);
  return res.body.jobId;
}

/** Every page of a search, following the cursor. */
async function pages(query: string): Promise<string[][]> {
  const found: string[][] = [];
  let cursor: string | undefined;
  do {
    const res = await rt.call(
      'GET',
      `/v1/jobs?${query}&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    expect(res.status).toBe(200);
    found.push(res.body.items.map((item: { jobId: string }) => item.jobId));
    cursor = res.body.nextCursor;
  } while (cursor);
  return found;
}

describe('GET /v1/jobs?skill= pages through the skill index, filtering as it walks', () => {
  it('fills each page with matching jobs and reaches every one exactly once, around many jobs that do not match', async () => {
    const matching = [
      await post(job('Suzhou welder 1', [40], '320500')),
      await post(job('Suzhou welder 2', [40, 41], '320500')),
    ];
    for (let i = 0; i < 6; i++) await post(job(`Nanjing welder ${i}`, [40], '320100'));
    for (let i = 0; i < 6; i++) await post(job(`Suzhou painter ${i}`, [42], '320500'));
    matching.push(
      await post(job('Suzhou welder 3', [40], '320500')),
      await post(job('Suzhou welder 4', [40], '320500')),
    );
    for (let i = 0; i < 6; i++) await post(job(`Suzhou painter ${i}`, [42], '320500'));
    await rt.dispatcher!.drain();

    const byCity = await pages(`skill=${encodeURIComponent(SKILL)}&city=320500`);
    expect(byCity.slice(0, -1).every((page) => page.length === 2)).toBe(true);
    expect(byCity[0]).toHaveLength(2);
    expect(byCity.flat().sort()).toEqual([...matching].sort());

    // Across every region partition, with a text filter: the same four.
    const byText = await pages(`skill=${encodeURIComponent(SKILL)}&q=${encodeURIComponent('Suzhou welder')}`);
    expect(byText.flat().sort()).toEqual([...matching].sort());
    expect(byText[0]).toHaveLength(2);

    const all = await pages(`skill=${encodeURIComponent(SKILL)}`);
    expect(all.flat()).toHaveLength(10);
    expect(new Set(all.flat()).size).toBe(10);
  });

  it('refuses a cursor from a search with other filters', async () => {
    const first = await rt.call('GET', `/v1/jobs?skill=${encodeURIComponent(SKILL)}&limit=1`);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const replayed = await rt.call(
      'GET',
      `/v1/jobs?skill=${encodeURIComponent(SKILL)}&city=320500&limit=1&cursor=${encodeURIComponent(first.body.nextCursor)}`,
    );
    expect(replayed.status).toBe(400);
  });
});

describe('GET /v1/jobs is cacheable by a CDN', () => {
  it('says public with a short max-age, and varies on Accept-Language when that chose the language', async () => {
    const byHeader = await rt.call('GET', '/v1/jobs?limit=5', { headers: { 'Accept-Language': 'zh-CN' } });
    expect(byHeader.status).toBe(200);
    expect(byHeader.headers.get('cache-control')).toBe('public, max-age=30');
    expect(byHeader.headers.get('vary')).toContain('Accept-Language');
    const byQuery = await rt.call('GET', '/v1/jobs?limit=5&lang=en');
    expect(byQuery.headers.get('cache-control')).toBe('public, max-age=30');
  });

  it('answers the same to anyone: a token (even a bad one) changes nothing, so a shared cache entry leaks nothing', async () => {
    // CloudFront caches this route with the token taken off (infra/src/web.ts): that is safe only if the answer is
    // public data, the same whoever asks.
    await post(job('Cache probe', [41], '310000'));
    const anonymous = await rt.call('GET', '/v1/jobs?limit=50&lang=en');
    const signedIn = await rt.call('GET', '/v1/jobs?limit=50&lang=en', { token: employer });
    const badToken = await rt.call('GET', '/v1/jobs?limit=50&lang=en', { headers: { Authorization: 'Bearer x.y.z' } });
    expect(anonymous.status).toBe(200);
    expect(anonymous.body.items.length).toBeGreaterThan(0);
    expect(signedIn.status).toBe(200);
    expect(badToken.status).toBe(200);
    expect(signedIn.body).toEqual(anonymous.body);
    expect(badToken.body).toEqual(anonymous.body);
  });

  it('is not sent on a refused search', async () => {
    const res = await rt.call('GET', '/v1/jobs?limit=0');
    expect(res.status).toBe(400);
    expect(res.headers.get('cache-control')).not.toBe('public, max-age=30');
  });
});
