import { getTaxonomy } from '@skillpass/taxonomy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BATTERY_TEMPLATE_BODY } from './battery-template.ts';
import { startTestRuntime, type TestRuntime } from './harness.ts';

const WELDING_TECHNIQUES = 'http://data.europa.eu/esco/skill/530cb489-d900-46ab-9350-4d50ccd49eea';
const WELDER = 'http://data.europa.eu/esco/occupation/7aedaa07-3884-4c5b-88f9-80997b2aa54b';
const UNKNOWN = 'http://data.europa.eu/esco/skill/00000000-0000-0000-0000-000000000000';

let rt: TestRuntime;
let templateUri: string;
beforeAll(async () => {
  rt = await startTestRuntime({ taxonomy: getTaxonomy() });
  const school = await rt.token('labels-school', 'issuer');
  const registered = await rt.call('PUT', '/v1/issuers/me', {
    token: school,
    body: {
      legalName: { en: 'Suzhou Vocational Institute', zh: '苏州职业技术学院' },
      kind: 'school',
      country: 'CN',
      region: 'Jiangsu',
      accreditation: [{ by: 'Jiangsu HRSS', scope: 'vocational training', validUntil: '2030-12-31' }],
    },
  });
  expect(registered.status).toBe(200);
  const template = await rt.call('POST', '/v1/credential-templates', { token: school, body: BATTERY_TEMPLATE_BODY });
  expect(template.status, JSON.stringify(template.body)).toBe(201);
  templateUri = `http://localhost:3000/credential-templates/${template.body.templateId}`;
});
afterAll(async () => rt.close());

const labels = (...uris: string[]) =>
  rt.call('GET', `/v1/labels?${uris.map((uri) => `uri=${encodeURIComponent(uri)}`).join('&')}`);

describe('GET /v1/labels: names by URI in English and Chinese', () => {
  it('names skills and occupations in both languages, one uri or several, without a token', async () => {
    const one = await labels(WELDING_TECHNIQUES);
    expect(one.status).toBe(200);
    expect(one.body.labels).toEqual({ [WELDING_TECHNIQUES]: { en: 'welding techniques', zh: '焊接技术' } });
    const two = await labels(WELDING_TECHNIQUES, WELDER);
    expect(two.body.labels[WELDER]).toEqual({ en: 'welder', zh: '焊工' });
    expect(two.body.attribution).toMatch(/ESCO/);
  });

  it('names a credential template and an issuer of this platform by the URLs credentials give them', async () => {
    const issuerUri = 'http://localhost:3000/issuers/labels-school';
    const res = await labels(templateUri, issuerUri, WELDING_TECHNIQUES);
    expect(res.status).toBe(200);
    expect(res.body.labels[templateUri]).toEqual(BATTERY_TEMPLATE_BODY.title);
    expect(res.body.labels[issuerUri]).toEqual({ en: 'Suzhou Vocational Institute', zh: '苏州职业技术学院' });
  });

  it('leaves out what names nothing known: unknown concepts, templates, other origins, odd template ids', async () => {
    const res = await labels(
      UNKNOWN,
      'http://localhost:3000/credential-templates/tpl_missing',
      'http://localhost:3000/credential-templates/%E0%A4%A',
      'http://localhost:3000/credential-templates/',
      'http://localhost:3000/issuers/nobody',
      'https://elsewhere.example/credential-templates/tpl_missing',
      WELDER,
    );
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.labels)).toEqual([WELDER]);
  });

  it('names the uri parameter when it is missing, empty or repeated too often', async () => {
    for (const path of [
      '/v1/labels',
      '/v1/labels?uri=',
      `/v1/labels?${Array.from({ length: 101 }, () => `uri=${encodeURIComponent(WELDER)}`).join('&')}`,
    ]) {
      const res = await rt.call('GET', path);
      expect(res.status, path).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(JSON.stringify(res.body.errors), path).toContain('query.uri');
    }
  });
});
