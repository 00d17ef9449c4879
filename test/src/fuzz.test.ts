import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skillUri, startTestRuntime, type TestRuntime } from './harness.ts';

let rt: TestRuntime;
let tokens: Record<string, string>;
let jobId: string;
let applicationId: string;

beforeAll(async () => {
  rt = await startTestRuntime();
  tokens = {
    graduate: await rt.token('fuzz-grad', 'graduate'),
    employer: await rt.token('fuzz-emp', 'employer'),
  };
  await rt.call('PUT', '/v1/profiles/me', {
    token: tokens.graduate,
    body: { displayName: 'F', contactEmail: 'f@example.com' },
  });
  jobId = (
    await rt.call('POST', '/v1/jobs', {
      token: tokens.employer,
      body: {
        title: { en: 'Fuzz' },
        description: 'd',
        requiredSkills: [{ uri: skillUri(1), importance: 'essential' }],
        place: { kind: 'remote' },
        closingDate: '2999-01-01',
      },
    })
  ).body.id;
  applicationId = (await rt.call('POST', `/v1/jobs/${jobId}/applications`, { token: tokens.graduate, body: {} })).body
    .applicationId;
});
afterAll(async () => rt.close());

/** Bodies that look almost right as well as plain garbage: near-misses reach deeper validation. */
const plausibleValue = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(
    skillUri(1),
    'http://data.europa.eu/esco/skill/x',
    '320500',
    '2999-01-01',
    'remote',
    'delta',
    -1,
    1e308,
  ),
);
const bodyArb = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
  fc
    .dictionary(
      fc.constantFrom(
        'title',
        'description',
        'requiredSkills',
        'place',
        'closingDate',
        'skills',
        'displayName',
        'contactEmail',
        'consents',
        'status',
        'coverNote',
        'name',
        'registeredPlace',
        '__proto__',
        'constructor',
      ),
      fc.oneof(
        plausibleValue,
        fc.array(
          fc.dictionary(fc.constantFrom('uri', 'importance', 'proficiency', 'kind', 'cityCode', 'en'), plausibleValue),
          { maxLength: 3 },
        ),
      ),
    )
    .map((v) => JSON.stringify(v)),
  fc.string({ maxLength: 200 }),
  fc.constant('{"a":'),
  fc.constant(''),
);
const headerArb = fc.record(
  {
    'Content-Type': fc.constantFrom(
      'application/json',
      'application/merge-patch+json',
      'text/plain',
      'application/json; charset=utf-8',
      '',
      'application/xml',
    ),
    'If-Match': fc.oneof(fc.constantFrom('"v1"', '"v2"', '*', 'W/"v1"'), fc.string({ maxLength: 20 })),
    'Idempotency-Key': fc.string({ maxLength: 300 }),
  },
  { requiredKeys: [] },
);

const routes = () => [
  { method: 'PUT', path: '/v1/profiles/me', token: tokens.graduate },
  { method: 'PATCH', path: '/v1/profiles/me', token: tokens.graduate },
  { method: 'PUT', path: '/v1/employers/me', token: tokens.employer },
  { method: 'POST', path: '/v1/jobs', token: tokens.employer },
  { method: 'PATCH', path: `/v1/jobs/${jobId}`, token: tokens.employer },
  { method: 'POST', path: `/v1/jobs/${jobId}/applications`, token: tokens.graduate },
  { method: 'PATCH', path: `/v1/applications/${applicationId}`, token: tokens.employer },
  { method: 'POST', path: `/v1/jobs/${jobId}/close`, token: tokens.employer },
];

describe('fuzzing the write routes', () => {
  it('never answers 5xx and every error is problem+json', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: 7 }),
        bodyArb,
        headerArb,
        fc.boolean(),
        async (routeIndex, body, headers, withToken) => {
          const route = routes()[routeIndex]!;
          const res = await rt.app.request(route.path, {
            method: route.method,
            body,
            headers: {
              ...Object.fromEntries(Object.entries(headers).filter(([, v]) => /^[\x20-\x7e]*$/.test(v))),
              'Content-Length': String(Buffer.byteLength(body)),
              ...(withToken ? { Authorization: `Bearer ${route.token}` } : {}),
            },
          });
          expect(res.status, `${route.method} ${route.path} ${body}`).toBeLessThan(500);
          if (res.status >= 400) expect(res.headers.get('content-type')).toBe('application/problem+json');
        },
      ),
      { numRuns: 600 },
    );
  });

  it('random query strings on the public search never 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(
          fc.constantFrom('province', 'city', 'skill', 'occupation', 'q', 'cursor', 'limit', 'other'),
          fc.oneof(
            fc.string({ maxLength: 40 }),
            fc.constantFrom('320000', '320500', 'remote', skillUri(1), '0', '101', '-5'),
          ),
        ),
        async (query) => {
          const res = await rt.app.request(`/v1/jobs?${new URLSearchParams(query)}`);
          expect(res.status).toBeLessThan(500);
          if (res.status >= 400) expect(res.headers.get('content-type')).toBe('application/problem+json');
        },
      ),
      { numRuns: 300 },
    );
  });
});
