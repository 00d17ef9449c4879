import { createApp } from '@skillpass/api';
import { connectTable } from '@skillpass/store';
import { createLocalJWKSet } from 'jose';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { apiDepsFor, startTestRuntime, type TestRuntime } from './harness.ts';

let rt: TestRuntime;
let employer: string;
beforeAll(async () => {
  rt = await startTestRuntime();
  employer = await rt.token('emp-errors', 'employer');
});
afterAll(async () => rt.close());

const expectProblem = (res: { status: number; headers: Headers; body: Record<string, unknown> }, status: number) => {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toBe('application/problem+json');
  expect(res.body).toMatchObject({ status, type: expect.stringContaining('/problems/'), title: expect.any(String) });
  expect(res.body.detail).toEqual(expect.any(String));
};

describe('errors are RFC 9457 problem+json', () => {
  it('unknown route → 404', async () => {
    expectProblem(await rt.call('GET', '/v1/nope'), 404);
  });

  it('malformed JSON → 400', async () => {
    expectProblem(await rt.call('POST', '/v1/jobs', { token: employer, rawBody: '{"title": ' }), 400);
  });

  it('wrong content type → 415 naming the header', async () => {
    const res = await rt.call('POST', '/v1/jobs', {
      token: employer,
      rawBody: 'title=x',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expectProblem(res, 415);
    expect(res.body.errors).toEqual([expect.objectContaining({ path: 'header.Content-Type' })]);
  });

  it('oversize body → 413', async () => {
    const res = await rt.call('POST', '/v1/jobs', {
      token: employer,
      rawBody: JSON.stringify({ d: 'x'.repeat(300_000) }),
    });
    expectProblem(res, 413);
  });

  it('validation failures name each invalid field by path', async () => {
    const res = await rt.call('POST', '/v1/jobs', {
      token: employer,
      body: {
        title: { en: '' },
        description: 'x',
        requiredSkills: [{ uri: 'not-a-uri', importance: 'essential' }],
        place: { kind: 'delta', cityCode: '999999' },
        closingDate: '2030-01-01',
        surprise: true,
      },
    });
    expectProblem(res, 400);
    const paths = (res.body.errors as Array<{ path: string }>).map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['title.en', 'requiredSkills.0.uri', 'place.cityCode', 'surprise']));
    // Each message says what is wrong, not just "Invalid input".
    expect(res.body.errors).toContainEqual({
      path: 'title.en',
      message: 'Too small: expected string to have >=1 characters',
    });
  });

  it('a bad query parameter is a 400 naming it', async () => {
    const res = await rt.call('GET', '/v1/jobs?limit=5000');
    expectProblem(res, 400);
    expect(res.body.errors).toEqual([{ path: 'query.limit', message: 'Too big: expected number to be <=100' }]);
  });
});

describe('docs endpoints', () => {
  it('GET /health answers 200 while the table answers', async () => {
    const res = await rt.call('GET', '/health');
    expect(res).toMatchObject({ status: 200, body: { status: 'ok' } });
  });

  it('GET /health answers 503 problem+json when the table does not answer', async () => {
    const missing = connectTable({ tableName: 'no-such-table', endpoint: inject('dynamoEndpoint'), region: 'local' });
    const app = createApp(apiDepsFor(missing, { issuer: 'x', audience: 'y', keys: createLocalJWKSet({ keys: [] }) }));
    const res = await app.request('/health');
    expect(res.status).toBe(503);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
  });

  it('GET /openapi.json is an OpenAPI 3.1 document covering every route with security and problems', async () => {
    const res = await rt.call('GET', '/openapi.json');
    expect(res.status).toBe(200);
    const doc = res.body;
    expect(doc.openapi).toMatch(/^3\.1\./);
    expect(doc.info.description).toContain('This service uses the ESCO classification of the European Commission.');
    for (const path of [
      '/v1/profiles/me',
      '/v1/jobs',
      '/v1/jobs/{id}',
      '/v1/jobs/{id}/applications',
      '/v1/applications/{id}',
      '/v1/profiles/me/matches',
      '/v1/jobs/{id}/candidates',
      '/v1/skills',
      '/v1/credentials',
      '/v1/credential-batches',
      '/v1/verify',
      '/verify',
      '/docs',
      '/.well-known/jwks.json',
      '/keys/{keyId}',
      '/issuers/{issuerId}',
      '/credential-templates/{templateId}',
    ]) {
      expect(doc.paths[path], path).toBeDefined();
    }
    expect(doc.paths['/v1/profiles/me'].put.security).toEqual([{ bearer: [] }]);
    expect(doc.paths['/v1/jobs'].post.responses['400'].content['application/problem+json']).toBeDefined();
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.components.schemas.GraduateProfile).toBeDefined();
  });

  it('GET /docs renders the reference page', async () => {
    const res = await rt.call('GET', '/docs');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(String(res.body)).toContain('/openapi.json');
  });
});
