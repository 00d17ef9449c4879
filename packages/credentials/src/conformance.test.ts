import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CredentialTemplate } from '@skillpass/domain';
import { describe, expect, it } from 'vitest';
import { buildCredential, EU_ELEMENTS_CONTEXT, OB_CONTEXT, VC_CONTEXT } from './credential.ts';

type ContextDefinition = { '@context': Record<string, { '@context'?: Record<string, unknown> } | string> };
const obContext = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../contexts/ob-v3p0-context-3.0.3.json'), 'utf8'),
) as ContextDefinition;

/** Terms a class's scoped context defines, plus the context's top-level terms. */
function termsFor(className: string): Set<string> {
  const top = Object.keys(obContext['@context']);
  const scoped = obContext['@context'][className];
  const inner = typeof scoped === 'object' && scoped['@context'] ? Object.keys(scoped['@context']) : [];
  return new Set([...top, ...inner]);
}

/** Our documented extension (EU micro-credential elements), defined by the inline context after OB's. */
const EXTENSION_TERMS = new Set(['euMicroCredential']);

const template: CredentialTemplate = {
  templateId: 't',
  issuerId: 'i',
  title: { en: 'Welding basics' },
  description: 'Arc welding basics',
  learningOutcomes: ['http://data.europa.eu/esco/skill/530cb489-d900-46ab-9350-4d50ccd49eea'],
  workload: { ects: 2, hours: 50 },
  eqfLevel: 3,
  assessmentType: 'practical',
  participationForm: 'blended',
  qualityAssurance: 'internal',
  version: 1,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
};
const vc = buildCredential({
  credentialUrl: 'https://x.example/credentials/1',
  templateUrl: 'https://x.example/templates/t',
  template,
  issuer: { id: 'https://x.example/issuers/i', name: 'School', country: 'CN', region: 'Zhejiang' },
  holder: { id: 'urn:learner:1', name: 'Learner' },
  skillLabel: () => 'welding techniques',
  validFrom: new Date('2026-01-01T00:00:00Z'),
  grade: 'pass',
  status: { listUrl: 'https://x.example/status-lists/l1', index: 3 },
});

describe('conformance with the Open Badges 3.0.3 context (1EdTech)', () => {
  it('names the VC 2.0 and OB 3.0.3 contexts in that order, then the inline EU elements context, and the OB types', () => {
    expect(vc['@context']).toEqual([VC_CONTEXT, OB_CONTEXT, EU_ELEMENTS_CONTEXT]);
    expect(Object.keys(EU_ELEMENTS_CONTEXT)).toEqual([...EXTENSION_TERMS]);
    expect(vc.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(obContext['@context'].OpenBadgeCredential).toBeDefined();
  });

  it.each([
    ['Profile', () => vc.issuer],
    ['Address', () => vc.issuer.address],
    ['AchievementSubject', () => vc.credentialSubject],
    ['Achievement', () => vc.credentialSubject.achievement],
    ['Alignment', () => vc.credentialSubject.achievement.alignment[0]],
    ['Result', () => vc.credentialSubject.result?.[0]],
  ])('every property of our %s is a term the context defines', (className, pick) => {
    const object = pick() as Record<string, unknown>;
    expect(object, className).toBeDefined();
    expect((object.type as string[])[0]).toBe(className);
    const defined = termsFor(className);
    const undefinedTerms = Object.keys(object).filter((key) => !defined.has(key) && !EXTENSION_TERMS.has(key));
    expect(undefinedTerms, `${className} uses terms outside OB 3.0.3`).toEqual([]);
  });
});
