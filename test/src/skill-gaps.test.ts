import { getTaxonomy } from '@skillpass/taxonomy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerSchoolWithTemplate, startTestRuntime, type TestRuntime } from './harness.ts';

const taxonomy = getTaxonomy();
const WELDER = 'http://data.europa.eu/esco/occupation/7aedaa07-3884-4c5b-88f9-80997b2aa54b';
const [arcWelding, oxyFuelTorch, handleFuels, monitorGauge] = [3, 1, 2, 4].map(
  (i) => taxonomy.occupationSkills(WELDER).essential[i]!,
);
const [processControl, nonFerrous] = taxonomy.occupationSkills(WELDER).optional;

let rt: TestRuntime;
let employer: string;
beforeAll(async () => {
  rt = await startTestRuntime({ dispatch: true, taxonomy });
  employer = await rt.token('emp-gaps', 'employer');
});
afterAll(async () => rt.close());

async function postJob(cityCode: string, essential: string[], optional: string[] = []): Promise<string> {
  const res = await rt.call('POST', '/v1/jobs', {
    token: employer,
    body: {
      title: { en: `Welder ${cityCode}` },
      description: 'Welding',
      requiredSkills: [
        ...essential.map((uri) => ({ uri, importance: 'essential', minProficiency: 2 })),
        ...optional.map((uri) => ({ uri, importance: 'optional', minProficiency: 1 })),
      ],
      place: { kind: 'delta', cityCode },
      closingDate: '2999-01-01',
    },
  });
  expect(res.status).toBe(201);
  return res.body.id;
}

describe('GET /v1/profiles/me/skill-gaps?job=', () => {
  it('lists what I lack for one job, most in demand in my places first, with the credentials that teach it', async () => {
    // The target job, in Ningbo (Zhejiang): four essential skills and two optional ones.
    const target = await postJob(
      '330200',
      [arcWelding!, oxyFuelTorch!, handleFuels!, monitorGauge!],
      [processControl!, nonFerrous!],
    );
    // Demand in Zhejiang, the graduate's province: two more jobs need `monitor gauge`, one more needs `non-ferrous metal processing`.
    await postJob('330100', [monitorGauge!], [nonFerrous!]);
    await postJob('330300', [monitorGauge!]);
    // Not in the graduate's places: counts for nothing here.
    await postJob('320500', [handleFuels!, oxyFuelTorch!]);
    await postJob('320500', [handleFuels!]);
    await rt.dispatcher!.drain();
    const course = await registerSchoolWithTemplate(rt.deps.issuers, rt.deps.signingKid, nonFerrous!);

    const graduate = await rt.token('grad-job-gaps', 'graduate');
    const put = await rt.call('PUT', '/v1/profiles/me', {
      token: graduate,
      body: {
        displayName: 'Chen Jie',
        contactEmail: 'chen@example.com',
        skills: [{ uri: arcWelding, proficiency: 3 }],
        preferredPlaces: [{ kind: 'delta', cityCode: '330100' }],
      },
    });
    expect(put.status).toBe(201);

    const gaps = await rt.call('GET', `/v1/profiles/me/skill-gaps?job=${target}`, { token: graduate });
    expect(gaps.status).toBe(200);
    const summary = gaps.body.items.map((g: { uri: string; importance: string; openJobsRequiring: number }) => [
      taxonomy.labelOf(g.uri),
      g.importance,
      g.openJobsRequiring,
    ]);
    // Most in demand first; at equal demand essential before optional, then by name.
    expect(summary).toEqual([
      ['monitor gauge', 'essential', 3],
      ['non-ferrous metal processing', 'optional', 2],
      ['handle fuels', 'essential', 1],
      ['operate oxy-fuel welding torch', 'essential', 1],
      ['operate automated process control', 'optional', 1],
    ]);
    expect(gaps.body.items[0].label).toBe('monitor gauge');
    const credentials = Object.fromEntries(
      gaps.body.items.map((g: { uri: string; credentials: unknown[] }) => [g.uri, g.credentials]),
    );
    expect(credentials[nonFerrous!]).toEqual([
      { templateId: course.templateId, issuerId: 'school', title: course.title, eqfLevel: 4 },
    ]);
    expect(Object.values(credentials).flat()).toHaveLength(1);

    // In Chinese, labels are Chinese where the taxonomy has them.
    const zh = await rt.call('GET', `/v1/profiles/me/skill-gaps?job=${target}&lang=zh`, { token: graduate });
    const oxyFuel = zh.body.items.find((g: { uri: string }) => g.uri === oxyFuelTorch);
    expect(oxyFuel.label).toBe(taxonomy.labelOf(oxyFuelTorch!, 'zh'));
    expect(oxyFuel.label).not.toBe(taxonomy.labelOf(oxyFuelTorch!));
  });

  it('404 for a job that does not exist; 400 for both job and occupation', async () => {
    const graduate = await rt.token('grad-job-gaps-errors', 'graduate');
    await rt.call('PUT', '/v1/profiles/me', {
      token: graduate,
      body: { displayName: 'Sun Mei', contactEmail: 'sun@example.com' },
    });
    const missing = await rt.call('GET', '/v1/profiles/me/skill-gaps?job=job_missing', { token: graduate });
    expect(missing.status).toBe(404);
    const both = await rt.call(
      'GET',
      `/v1/profiles/me/skill-gaps?job=job_missing&occupation=${encodeURIComponent(WELDER)}`,
      {
        token: graduate,
      },
    );
    expect(both.status).toBe(400);
    expect(both.body.errors[0].path).toBe('query.job');
  });
});
