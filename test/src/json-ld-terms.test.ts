/**
 * VC DM 2.0: "unknown JSON-LD terms are refused unless defined by a context" — on every verify path,
 * for a vc+jwt too (its payload is a JSON-LD credential). The credentials here are signed with the
 * platform's own key, so the term is the only thing wrong with them: the same payload without the
 * term verifies and imports.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { envelopedCredential, loadOrCreateLocalSigner, signCompactJws } from '@skillpass/credentials';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skillUri, startTestRuntime, type TestRuntime } from './harness.ts';

const ORIGIN = 'http://localhost:3000';
const keysDir = mkdtempSync(join(tmpdir(), 'json-ld-terms-'));

let rt: TestRuntime;
let school: string;
let graduate: string;
let templateId: string;

beforeAll(async () => {
  rt = await startTestRuntime({ keysDir });
  school = await rt.token('terms-school', 'issuer');
  graduate = await rt.token('terms-grad', 'graduate');
  await rt.call('PUT', '/v1/issuers/me', {
    token: school,
    body: {
      legalName: { en: 'Wuxi Institute of Technology' },
      kind: 'school',
      country: 'CN',
      region: 'Jiangsu',
      accreditation: [{ by: 'Jiangsu HRSS', scope: 'vocational training', validUntil: '2030-12-31' }],
    },
  });
  const profile = { displayName: 'Wang Lei', contactEmail: 'wang@example.com', skills: [] };
  expect((await rt.call('PUT', '/v1/profiles/me', { token: graduate, body: profile })).status).toBe(201);
  const template = await rt.call('POST', '/v1/credential-templates', {
    token: school,
    body: {
      title: { en: 'PLC programming' },
      description: 'Program PLCs for a packaging line.',
      learningOutcomes: [skillUri(3)],
      workload: { hours: 40 },
      eqfLevel: 4,
      assessmentType: 'practical exam',
      participationForm: 'onsite',
      qualityAssurance: 'provincial audit',
    },
  });
  expect(template.status, JSON.stringify(template.body)).toBe(201);
  templateId = template.body.templateId;
});
afterAll(async () => rt.close());

/**
 * A credential issued to the graduate, re-signed by the platform's key — with `extra` merged into its
 * subject — as the platform would sign it: only what `extra` adds differs from a genuine one.
 */
async function resigned(extra: Record<string, unknown>): Promise<string> {
  const issued = await rt.call('POST', '/v1/credentials', {
    token: school,
    body: { templateId, holder: { graduateId: 'terms-grad' } },
  });
  expect(issued.status, JSON.stringify(issued.body)).toBe(201);
  const payload = JSON.parse(Buffer.from((issued.body.jwt as string).split('.')[1]!, 'base64url').toString('utf8'));
  payload.credentialSubject = { ...payload.credentialSubject, ...extra };
  const platformKey = loadOrCreateLocalSigner(keysDir, { alg: 'ES256', keyId: 'k1', kidBaseUrl: `${ORIGIN}/keys` });
  return signCompactJws(payload, platformKey, 'vc+jwt');
}

const UNDEFINED_TERM = { favouriteColour: 'blue' };

describe('unknown JSON-LD terms are refused unless defined by a context', () => {
  it('POST /v1/verify refuses a vc+jwt whose credential uses a term no context defines, naming the term', async () => {
    const control = await rt.call('POST', '/v1/verify', { body: { jwt: await resigned({}) } });
    expect(control.body.verified, JSON.stringify(control.body.checks)).toBe(true);
    const report = (await rt.call('POST', '/v1/verify', { body: { jwt: await resigned(UNDEFINED_TERM) } })).body;
    expect(report.verified).toBe(false);
    expect(report.checks.signature.result).toBe('passed');
    expect(report.checks.format).toEqual({
      result: 'failed',
      message: expect.stringMatching(/favouriteColour: the term favouriteColour is not defined by any/),
    });
  });

  it('POST /credentials/verify refuses an enveloped vc+jwt whose credential uses a term no context defines (400)', async () => {
    const verify = (jws: string) =>
      rt.call('POST', '/credentials/verify', { body: { verifiableCredential: envelopedCredential(jws) } });
    expect((await verify(await resigned({}))).status).toBe(200);
    const res = await verify(await resigned(UNDEFINED_TERM));
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ path: 'checks.format', message: expect.stringMatching(/favouriteColour/) }]);
  });

  it('graduate import refuses a vc+jwt whose credential uses a term no context defines, and keeps nothing', async () => {
    const importIt = (jwt: string) =>
      rt.call('POST', '/v1/profiles/me/credentials', { token: graduate, body: { jwt } });
    const refused = await importIt(await resigned(UNDEFINED_TERM));
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([{ path: 'checks.format', message: expect.stringMatching(/favouriteColour/) }]);
    const held = await rt.call('GET', '/v1/profiles/me/credentials', { token: graduate });
    expect(JSON.stringify(held.body)).not.toContain('favouriteColour');
    expect((await importIt(await resigned({}))).status).toBe(201);
  });

  it('a property named by an absolute IRI needs no context definition and is accepted', async () => {
    const defined = await resigned({ 'https://wuxi.example/vocab#favouriteColour': 'blue' });
    expect((await rt.call('POST', '/v1/verify', { body: { jwt: defined } })).body.verified).toBe(true);
    const res = await rt.call('POST', '/credentials/verify', {
      body: { verifiableCredential: envelopedCredential(defined) },
    });
    expect(res.status).toBe(200);
  });
});
