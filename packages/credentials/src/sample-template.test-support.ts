import type { CredentialTemplate } from '@skillpass/domain';

/** A complete credential template for tests and benchmarks (EV battery pack assembly, EQF 4); override what a case needs. */
export function sampleTemplate(overrides: Partial<CredentialTemplate> = {}): CredentialTemplate {
  return {
    templateId: 'tpl',
    issuerId: 'bench-issuer',
    title: { en: 'EV battery pack assembly' },
    description: 'Assemble and test EV battery packs.',
    learningOutcomes: ['http://data.europa.eu/esco/skill/84cc8c9d-db57-42ec-8948-9b632bf06124'],
    workload: { ects: 3 },
    eqfLevel: 4,
    assessmentType: 'practical exam',
    participationForm: 'onsite',
    qualityAssurance: 'external audit',
    version: 1,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    ...overrides,
  };
}
