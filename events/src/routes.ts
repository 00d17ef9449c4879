import type { EventType } from './catalogue.ts';

/** Every consumer of domain events. Each runs as its own Lambda in AWS and in-process locally. */
export const CONSUMERS = ['jobMatching', 'graduateMatching', 'applicationNotifier', 'matchNotifier', 'credentialSkills'] as const;
export type ConsumerName = (typeof CONSUMERS)[number];

/**
 * The one routing table: which consumers receive which event types. The CDK stack turns it into
 * EventBridge rules; the local dispatcher reads it to call the same handlers in-process.
 */
export const EVENT_ROUTES: Record<EventType, readonly ConsumerName[]> = {
  ProfileSubmitted: ['graduateMatching'],
  ProfileDeleted: ['graduateMatching'],
  JobPosted: ['jobMatching'],
  JobUpdated: ['jobMatching'],
  JobClosed: ['jobMatching'],
  ApplicationSubmitted: [],
  ApplicationStatusChanged: ['applicationNotifier'],
  MatchesComputed: ['matchNotifier'],
  CredentialIssued: ['credentialSkills'],
  CredentialRevoked: ['credentialSkills'],
  CredentialSuspended: ['credentialSkills'],
  CredentialReinstated: ['credentialSkills'],
  CredentialImported: ['credentialSkills'],
};

export function consumersFor(type: EventType): readonly ConsumerName[] {
  return EVENT_ROUTES[type];
}

/** The event types one consumer subscribes to (one EventBridge rule per consumer). */
export function eventTypesFor(consumer: ConsumerName): EventType[] {
  return (Object.keys(EVENT_ROUTES) as EventType[]).filter((type) => EVENT_ROUTES[type].includes(consumer));
}
