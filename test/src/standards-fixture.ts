import { expect } from 'vitest';
import type { TestRuntime } from './harness.ts';

/** An issuer registration in a Delta province (GB/T 2260 code). */
export const issuerIn = (provinceCode: string, name: string) => ({
  legalName: { en: name },
  kind: 'training-centre',
  country: 'CN',
  region: provinceCode,
  provinceCode,
});

/** Registers an issuer and has an administrator accredit it; returns its token. */
export async function accreditedIssuer(rt: TestRuntime, sub: string, provinceCode: string): Promise<string> {
  const token = await rt.token(sub, 'issuer');
  const saved = await rt.call('PUT', '/v1/issuers/me', { token, body: issuerIn(provinceCode, `Centre ${sub}`) });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  const admin = await rt.token('standards-operator', 'admin');
  const accredited = await rt.call('PUT', `/v1/admin/issuers/${sub}/accreditation`, {
    token: admin,
    body: { validUntil: '2099-12-31' },
  });
  expect(accredited.status).toBe(200);
  return token;
}

/** Levels 5 → 3 of a standard over `skills`: each higher level keeps the lower ones' skills and adds or raises one. */
export const threeLevels = (occupationUri: string, skills: readonly [string, string, string]) => ({
  occupationUri,
  title: { en: 'Welder', zh: '焊工' },
  levels: [
    { level: 5, skills: [{ uri: skills[0], proficiency: 1 }] },
    {
      level: 4,
      skills: [
        { uri: skills[0], proficiency: 2 },
        { uri: skills[1], proficiency: 1 },
      ],
    },
    {
      level: 3,
      skills: [
        { uri: skills[0], proficiency: 3 },
        { uri: skills[1], proficiency: 2 },
        { uri: skills[2], proficiency: 2 },
      ],
    },
  ],
});

/** A standard proposed by `proposer` and approved by `reviewer` (who must be of another province): its id. */
export async function publishedStandard(
  rt: TestRuntime,
  proposer: string,
  reviewer: string,
  content: ReturnType<typeof threeLevels>,
): Promise<string> {
  const proposed = await rt.call('POST', '/v1/standards', { token: proposer, body: content });
  expect(proposed.status, JSON.stringify(proposed.body)).toBe(201);
  const id = proposed.body.standard.standardId as string;
  const approved = await rt.call('PUT', `/v1/standards/${id}/versions/1/review`, {
    token: reviewer,
    body: { decision: 'approve' },
  });
  expect(approved.status, JSON.stringify(approved.body)).toBe(200);
  return id;
}
