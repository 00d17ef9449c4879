import { isoWeekOf } from '@skillpass/store';
import { describe, expect, it } from 'vitest';
import { counterChangesOf } from './platform-counters.ts';

const event = <T extends string>(type: T, detail: object, occurredAt = '2026-12-02T10:00:00.000Z') =>
  ({ id: `e-${type}`, type, source: 'skillpass', occurredAt, detail }) as never;

describe('platform counters', () => {
  it('dates weeks as ISO 8601 does: Monday first, week 1 holds the first Thursday', () => {
    expect(isoWeekOf(new Date('2026-12-02T10:00:00Z'))).toBe('2026-W49');
    expect(isoWeekOf(new Date('2026-12-28T00:00:00Z'))).toBe('2026-W53');
    expect(isoWeekOf(new Date('2027-01-03T23:59:59Z'))).toBe('2026-W53');
    expect(isoWeekOf(new Date('2027-01-04T00:00:00Z'))).toBe('2027-W01');
    expect(isoWeekOf(new Date('2025-12-29T00:00:00Z'))).toBe('2026-W01');
  });

  it('counts a profile on its first version only, a job while open, and credentials by the week they happened in', () => {
    expect(counterChangesOf(event('ProfileSubmitted', { graduateId: 'g', version: 1 }))).toEqual([
      { counter: 'profiles', period: 'all', by: 1 },
    ]);
    expect(counterChangesOf(event('ProfileSubmitted', { graduateId: 'g', version: 2 }))).toEqual([]);
    expect(counterChangesOf(event('ProfileDeleted', { graduateId: 'g' }))).toEqual([
      { counter: 'profiles', period: 'all', by: -1 },
    ]);
    expect(counterChangesOf(event('JobClosed', { jobId: 'j' }))).toEqual([
      { counter: 'openJobs', period: 'all', by: -1 },
    ]);
    expect(counterChangesOf(event('CredentialRevoked', { credentialId: 'c' }, '2027-01-04T00:00:00Z'))).toEqual([
      { counter: 'credentialsRevoked', period: 'all', by: 1 },
      { counter: 'credentialsRevoked', period: '2027-W01', by: 1 },
    ]);
  });
});
