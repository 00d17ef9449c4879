import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeProtectedHeader } from 'jose';
import { describe, expect, it } from 'vitest';
import { skillUri, startTestRuntime, type TestRuntime } from './harness.ts';

// docs/credentials.md: rotating is starting with SIGNING_KEY_ID=k2 over the same keys directory, keeping k1's file.

const kidOf = (jwt: string) => decodeProtectedHeader(jwt).kid;
const jwksKids = async (rt: TestRuntime) =>
  ((await rt.call('GET', '/.well-known/jwks.json')).body.keys as Array<{ kid: string }>).map((k) => k.kid);

async function verify(rt: TestRuntime, jwt: string) {
  const report = await rt.call('POST', '/v1/verify', { body: { jwt } });
  expect(report.status).toBe(200);
  return report.body as { verified: boolean; checks: Record<string, { result: string }> };
}

/** Issues one credential to `grad-rot` from the school `school-rot`'s template, through the API. */
async function issue(rt: TestRuntime, templateId: string): Promise<string> {
  const res = await rt.call('POST', '/v1/credentials', {
    token: await rt.token('school-rot', 'issuer'),
    body: { templateId, holder: { graduateId: 'grad-rot' }, grade: 'pass' },
  });
  expect(res.status).toBe(201);
  return res.body.jwt;
}

describe('signing-key rotation', () => {
  it('after a restart with signing key k2, JWKS lists k2 and k1, k1 credentials still verify, new ones are signed with k2', async () => {
    const keysDir = mkdtempSync(join(tmpdir(), 'skillpass-rotation-keys-'));
    const before = await startTestRuntime({ keysDir });
    let oldJwt: string;
    let templateId: string;
    let k1: { kid: string };
    try {
      const school = await before.token('school-rot', 'issuer');
      const registered = await before.call('PUT', '/v1/issuers/me', {
        token: school,
        body: {
          legalName: { en: 'Wuxi Institute of Technology' },
          kind: 'school',
          country: 'CN',
          region: 'Jiangsu',
          accreditation: [{ by: 'Jiangsu HRSS', scope: 'vocational training', validUntil: '2030-12-31' }],
        },
      });
      expect(registered.status).toBe(200);
      await before.call('PUT', '/v1/profiles/me', {
        token: await before.token('grad-rot', 'graduate'),
        body: {
          displayName: 'Zhao Lei',
          contactEmail: 'zhao@example.com',
          skills: [{ uri: skillUri(1), proficiency: 2 }],
        },
      });
      const template = await before.call('POST', '/v1/credential-templates', {
        token: school,
        body: {
          title: { en: 'CNC machining basics' },
          description: 'Set up and run a CNC lathe.',
          learningOutcomes: [skillUri(1)],
          workload: { hours: 40 },
          eqfLevel: 4,
          assessmentType: 'practical exam',
          participationForm: 'onsite',
          qualityAssurance: 'provincial audit',
        },
      });
      expect(template.status).toBe(201);
      templateId = template.body.templateId;
      oldJwt = await issue(before, templateId);
      expect(kidOf(oldJwt)).toBe('http://localhost:3000/keys/k1');
      // Each generation is an ES256 key and its Ed25519 companion (Data Integrity proofs).
      expect(await jwksKids(before)).toEqual([
        'http://localhost:3000/keys/k1',
        'http://localhost:3000/keys/k1-ed25519',
      ]);
      k1 = (await before.call('GET', '/.well-known/jwks.json')).body.keys[0];
      expect((await verify(before, oldJwt)).verified).toBe(true);
    } finally {
      await before.close();
    }

    const after = await startTestRuntime({ keysDir, signingKeyId: 'k2', tableName: before.table.name });
    try {
      expect(await jwksKids(after)).toEqual([
        'http://localhost:3000/keys/k2',
        'http://localhost:3000/keys/k2-ed25519',
        'http://localhost:3000/keys/k1-ed25519',
        'http://localhost:3000/keys/k1',
      ]);
      // k1 is the same key as before the restart, not a new one under the old name.
      const afterKeys = (await after.call('GET', '/.well-known/jwks.json')).body.keys as Array<{ kid: string }>;
      expect(afterKeys.find((k) => k.kid === 'http://localhost:3000/keys/k1')).toEqual(k1);

      const oldReport = await verify(after, oldJwt);
      expect(oldReport.verified).toBe(true);
      for (const check of Object.values(oldReport.checks)) expect(check.result).toBe('passed');

      const newJwt = await issue(after, templateId);
      expect(kidOf(newJwt)).toBe('http://localhost:3000/keys/k2');
      expect((await verify(after, newJwt)).verified).toBe(true);
    } finally {
      await after.close();
    }
  });
});
