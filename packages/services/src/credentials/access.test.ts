import type { CredentialBatch, Repositories } from '@skillpass/store';
import type { CredentialTemplateInput, IssuedCredential, Issuer } from '@skillpass/domain';
import { describe, expect, it } from 'vitest';
import { batchIdFor, batchReport } from './batches.ts';
import { credentialIdFor, credentialVisibleTo } from './issuance.ts';
import { offerTemplate } from './templates.ts';
import { accreditedUntil } from './trust.ts';

const NOW = new Date('2026-06-01T08:00:00Z');
const issued = {
  credentialId: 'c1',
  issuerId: 'school',
  holder: { kind: 'graduate', graduateId: 'g1' },
} as IssuedCredential;
const credentials = {
  credentials: { get: async (id: string) => (id === 'c1' ? issued : undefined) },
} as unknown as Pick<Repositories, 'credentials'>;

describe('who may read a credential', () => {
  it('its issuer, its graduate holder and administrators; nobody else, and nobody a credential that does not exist', async () => {
    const read = (id: string, admin = false, credentialId = 'c1') =>
      credentialVisibleTo(credentials, credentialId, { id, admin });
    expect(await read('school')).toBe(issued);
    expect(await read('g1')).toBe(issued);
    expect(await read('someone', true)).toBe(issued);
    expect(await read('other-school')).toBeUndefined();
    expect(await read('school', true, 'c2')).toBeUndefined();
  });
});

describe('a batch report', () => {
  const batch: CredentialBatch = {
    batchId: 'b1',
    issuerId: 'school',
    templateId: 'tpl',
    total: 2,
    createdAt: NOW.toISOString(),
  };
  const batches = {
    batches: {
      get: async (id: string) => (id === 'b1' ? batch : undefined),
      listRecipients: async () => ({ items: [{ row: 1, input: {}, status: 'issued', credentialId: 'c1' }] }),
      progress: async () => ({ issued: 1, failed: 0, pending: 1 }),
    },
  } as unknown as Pick<Repositories, 'batches'>;

  it('is shown to the issuer and administrators with its progress and a page of rows', async () => {
    const report = await batchReport(batches, 'b1', { id: 'school', admin: false }, { limit: 10 });
    expect(report).toEqual({
      batch,
      progress: { issued: 1, failed: 0, pending: 1 },
      recipients: { items: [{ row: 1, input: {}, status: 'issued', credentialId: 'c1' }] },
    });
    expect(await batchReport(batches, 'b1', { id: 'admin', admin: true }, { limit: 10 })).toEqual(report);
  });

  it('does not exist for another issuer', async () => {
    expect(await batchReport(batches, 'b1', { id: 'other-school', admin: false }, { limit: 10 })).toBeUndefined();
    expect(await batchReport(batches, 'b2', { id: 'school', admin: false }, { limit: 10 })).toBeUndefined();
  });
});

describe('ids of created records', () => {
  it('follow from issuer and Idempotency-Key, so a retry names the same record; without a key each is new', () => {
    expect(credentialIdFor('school', 'k1', NOW)).toBe(credentialIdFor('school', 'k1', NOW));
    expect(credentialIdFor('school', 'k1', NOW)).not.toBe(credentialIdFor('other', 'k1', NOW));
    expect(credentialIdFor('school', undefined, NOW)).not.toBe(credentialIdFor('school', undefined, NOW));
    expect(batchIdFor('school', 'k1', NOW)).toMatch(/^batch_/);
    expect(batchIdFor('school', 'k1', NOW)).toBe(batchIdFor('school', 'k1', NOW));
    expect(batchIdFor('school', 'k1', NOW)).not.toBe(credentialIdFor('school', 'k1', NOW));
  });
});

describe('offering a template', () => {
  it('needs a registered issuer, and derives the template id from the Idempotency-Key', async () => {
    const created: Array<string | undefined> = [];
    const issuers = {
      issuers: {
        get: async (id: string) => (id === 'school' ? ({ issuerId: id } as Issuer) : undefined),
        createTemplate: async (_issuer: string, _input: CredentialTemplateInput, templateId?: string) => {
          created.push(templateId);
          return { templateId: templateId ?? 'generated' };
        },
      },
      standards: {},
    } as unknown as Pick<Repositories, 'issuers' | 'standards'>;
    const input = {} as CredentialTemplateInput;
    await expect(offerTemplate(issuers, 'unknown', input, 'k1')).rejects.toMatchObject({ kind: 'not-found' });
    await offerTemplate(issuers, 'school', input, 'k1');
    await offerTemplate(issuers, 'school', input, 'k1');
    await offerTemplate(issuers, 'school', input, undefined);
    expect(created[0]).toMatch(/^tpl_/);
    expect(created).toEqual([created[0], created[0], undefined]);
  });
});

describe('accreditation', () => {
  it('trusts an issuer until its latest current accreditation ends, and not after the last one ended', () => {
    const issuer = (...until: string[]) =>
      ({ accreditation: until.map((validUntil) => ({ by: 'x', scope: 'y', validUntil })) }) as Issuer;
    expect(accreditedUntil(issuer('2026-12-31', '2027-06-30', '2025-01-01'), NOW)).toBe('2027-06-30');
    expect(accreditedUntil(issuer('2026-06-01'), NOW)).toBe('2026-06-01');
    expect(accreditedUntil(issuer('2026-05-31'), NOW)).toBeUndefined();
    expect(accreditedUntil(issuer(), NOW)).toBeUndefined();
  });
});
