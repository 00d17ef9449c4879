import type { ConsumerEvent } from '@skillpass/events';
import { type CounterChange, isoWeekOf } from '@skillpass/store';

/**
 * What one event changes in the platform's counts: profiles (a first version adds one, an erasure
 * takes one away), open jobs, applications, and credentials issued and revoked, for all time and for
 * the ISO week the event happened in.
 */
export function counterChangesOf(event: ConsumerEvent<'platformCounters'>): CounterChange[] {
  const week = isoWeekOf(new Date(event.occurredAt));
  switch (event.type) {
    case 'ProfileSubmitted':
      return event.detail.version === 1 ? [{ counter: 'profiles', period: 'all', by: 1 }] : [];
    case 'ProfileDeleted':
      return [{ counter: 'profiles', period: 'all', by: -1 }];
    case 'JobPosted':
      return [{ counter: 'openJobs', period: 'all', by: 1 }];
    case 'JobClosed':
      return [{ counter: 'openJobs', period: 'all', by: -1 }];
    case 'ApplicationSubmitted':
      return [{ counter: 'applications', period: 'all', by: 1 }];
    case 'CredentialIssued':
      return [
        { counter: 'credentialsIssued', period: 'all', by: 1 },
        { counter: 'credentialsIssued', period: week, by: 1 },
      ];
    case 'CredentialRevoked':
      return [
        { counter: 'credentialsRevoked', period: 'all', by: 1 },
        { counter: 'credentialsRevoked', period: week, by: 1 },
      ];
  }
}
