import { buildCredential, type VerifiableCredential, type VerificationReport } from '@skillpass/credentials';
import type { GraduateProfile } from '@skillpass/domain';
import { deterministicId, type HeldCredential } from '@skillpass/store';
import { sampleTemplate } from '@skillpass/credentials/testing';
import { describe, expect, it } from 'vitest';
import { type HeldImportDeps, heldCredentialOf, importHeldCredential } from './holder.ts';

const KNOWN = 'http://data.europa.eu/esco/skill/known';
const UNKNOWN = 'http://example.org/not-esco';
const NOW = new Date('2026-06-01T08:00:00Z');
const template = sampleTemplate({ issuerId: 'school', learningOutcomes: [KNOWN, UNKNOWN] });
const vc = buildCredential({
  credentialUrl: 'https://other.example/credentials/1',
  templateUrl: 'https://other.example/credential-templates/tpl',
  template,
  issuer: { id: 'https://other.example/issuers/school', name: 'Other School', country: 'CN', region: 'Jiangsu' },
  holder: { id: 'urn:learner:1' },
  skillLabel: () => 'a skill',
  validFrom: new Date('2026-01-01T00:00:00Z'),
  validUntil: new Date('2028-01-01T00:00:00Z'),
});
const isKnown = (uri: string) => uri === KNOWN;

describe('the imported-credential builder', () => {
  it('keeps the issuer, the achievement name, the known ESCO skills only and the expiry', () => {
    expect(heldCredentialOf('g1', 'jwt', vc, isKnown, NOW)).toEqual({
      heldId: deterministicId('held', 'g1', vc.id),
      graduateId: 'g1',
      jwt: 'jwt',
      issuerId: 'https://other.example/issuers/school',
      title: 'EV battery pack assembly',
      skills: [KNOWN],
      validUntil: '2028-01-01T00:00:00Z',
      importedAt: NOW.toISOString(),
    });
  });

  it('falls back to the credential name, then to "credential"; takes an issuer given as a bare id; omits no expiry', () => {
    const { validUntil: _v, ...noExpiry } = vc;
    const bare = {
      ...noExpiry,
      issuer: 'did:web:other.example',
      name: 'Named credential',
      credentialSubject: { id: 'urn:learner:1', type: [] },
    };
    const held = heldCredentialOf('g1', 'jwt', bare as unknown as VerifiableCredential, isKnown, NOW);
    expect(held).toMatchObject({ issuerId: 'did:web:other.example', title: 'Named credential', skills: [] });
    expect(held).not.toHaveProperty('validUntil');
    const { name: _n, ...unnamed } = bare;
    expect(heldCredentialOf('g1', 'jwt', unnamed as unknown as VerifiableCredential, isKnown, NOW).title).toBe(
      'credential',
    );
  });

  it('gives the same id to the same credential imported twice by one graduate, another to another graduate', () => {
    expect(heldCredentialOf('g1', 'a', vc, isKnown, NOW).heldId).toBe(
      heldCredentialOf('g1', 'b', vc, isKnown, NOW).heldId,
    );
    expect(heldCredentialOf('g2', 'a', vc, isKnown, NOW).heldId).not.toBe(
      heldCredentialOf('g1', 'a', vc, isKnown, NOW).heldId,
    );
  });
});

const passed = { result: 'passed', message: 'ok' } as const;
const allPassed: VerificationReport['checks'] = {
  format: passed,
  signature: passed,
  keyResolution: passed,
  issuerTrusted: passed,
  validityWindow: passed,
  status: passed,
  euMandatoryElements: passed,
};

function importDeps(report: VerificationReport & { jwt: string }, profileExists = true) {
  const stored: HeldCredential[] = [];
  const deps = {
    profiles: { get: async (id: string) => (profileExists ? ({ graduateId: id } as GraduateProfile) : undefined) },
    credentials: { putHeld: async (held: HeldCredential) => void stored.push(held) },
    credentialService: { verifyForImport: async () => report },
    taxonomy: { isKnownSkill: isKnown },
    clock: () => NOW,
  } as unknown as HeldImportDeps;
  return { deps, stored };
}

describe('importing a credential a graduate holds', () => {
  it('stores what verified and answers with the report without the credential', async () => {
    const mine = { ...vc, credentialSubject: { ...vc.credentialSubject, id: 'urn:skillpass:graduate:g1' } };
    const { deps, stored } = importDeps({ verified: true, checks: allPassed, credential: mine, jwt: 'the-jwt' });
    const result = await importHeldCredential(deps, 'g1', 'the-jwt');
    expect(stored).toEqual([result.held]);
    expect(result.held).toMatchObject({ graduateId: 'g1', jwt: 'the-jwt', skills: [KNOWN] });
    expect(result.report).toEqual({ verified: true, checks: allPassed });
  });

  it('refuses a credential that did not verify, naming each failed check, and stores nothing', async () => {
    const checks = { ...allPassed, signature: { result: 'failed', message: 'bad signature' } as const };
    const { deps, stored } = importDeps({ verified: false, checks, credential: vc, jwt: 'x' });
    await expect(importHeldCredential(deps, 'g1', 'x')).rejects.toMatchObject({
      kind: 'unprocessable',
      fieldIssues: [{ path: 'checks.signature', message: 'bad signature' }],
    });
    expect(stored).toEqual([]);
  });

  it('needs the graduate to have a profile', async () => {
    const { deps } = importDeps({ verified: true, checks: allPassed, credential: vc, jwt: 'x' }, false);
    await expect(importHeldCredential(deps, 'g1', 'x')).rejects.toMatchObject({ kind: 'not-found' });
  });
});
