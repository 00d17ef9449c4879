import { type DomainEvent, type DomainEventOf, EVENT_TYPES, type EventType } from './catalogue.ts';

/** A consumer of domain events: its name and the event types it handles. */
export interface ConsumerSpec<N extends string = string, T extends EventType = EventType> {
  readonly name: N;
  readonly on: readonly [T, ...T[]];
  /**
   * What it keeps is statistics nobody is waiting on: under a backlog the local dispatcher applies it after the
   * consumers whose lists people read have caught up, instead of in the same batch. (In AWS every consumer is its
   * own Lambda and none waits on another.)
   */
  readonly background?: true;
}

/** Keeps the name and event types as literals, so each handler's event type can be derived from them. */
export function defineConsumer<const N extends string, const T extends EventType>(
  spec: ConsumerSpec<N, T>,
): ConsumerSpec<N, T> {
  return spec;
}

/**
 * Every consumer and the event types it handles: the one statement of event routing. The table
 * (event type → consumers), the CDK stack's EventBridge rules, the local dispatcher and the type
 * of event each handler in `@skillpass/pipeline` receives are all derived from it. It lives here,
 * beside the catalogue and apart from the handlers, because the stack reads it at synth without
 * loading handler code, and the pipeline depends on this package, not the other way round.
 * Each consumer runs as its own Lambda in AWS and in-process locally.
 */
export const CONSUMER_SPECS = [
  defineConsumer({ name: 'jobMatching', on: ['JobPosted', 'JobUpdated', 'JobClosed'] }),
  defineConsumer({ name: 'graduateMatching', on: ['ProfileSubmitted', 'ProfileDeleted'] }),
  defineConsumer({ name: 'applicationNotifier', on: ['ApplicationStatusChanged'] }),
  defineConsumer({ name: 'employerNotifier', on: ['ApplicationWithdrawn'] }),
  defineConsumer({ name: 'invitationNotifier', on: ['CandidateInvited'] }),
  defineConsumer({ name: 'matchNotifier', on: ['MatchesComputed'] }),
  defineConsumer({
    name: 'credentialSkills',
    on: ['CredentialIssued', 'CredentialRevoked', 'CredentialSuspended', 'CredentialReinstated', 'CredentialImported'],
  }),
  // Skills intelligence: demand and supply counters per skill, place and week (docs/insights.md).
  defineConsumer({
    name: 'skillsInsights',
    on: ['JobPosted', 'JobUpdated', 'JobClosed', 'ProfileSubmitted', 'ProfileDeleted'],
    background: true,
  }),
  // Tells a credential's recipient: a notification for a graduate here, an email in the outbox for anyone else.
  defineConsumer({ name: 'credentialDelivery', on: ['CredentialIssued'] }),
  // Sends what the outbox holds (SES in AWS, a file mailbox locally).
  defineConsumer({ name: 'mailSender', on: ['MailQueued'] }),
  // The administrators' platform counts, kept here so that reading them scans nothing.
  defineConsumer({
    name: 'platformCounters',
    on: [
      'ProfileSubmitted',
      'ProfileDeleted',
      'JobPosted',
      'JobClosed',
      'ApplicationSubmitted',
      'CredentialIssued',
      'CredentialRevoked',
    ],
    background: true,
  }),
] as const;

type AnySpec = (typeof CONSUMER_SPECS)[number];
export type ConsumerName = AnySpec['name'];
/** The events a consumer's handler receives: only the types it declares. */
export type ConsumerEvent<N extends ConsumerName> = DomainEventOf<Extract<AnySpec, { name: N }>['on'][number]>;

// The same list, seen with plain types for lookups.
const SPECS: readonly ConsumerSpec<ConsumerName>[] = CONSUMER_SPECS;

export const CONSUMERS: readonly ConsumerName[] = SPECS.map((spec) => spec.name);

/** The consumers declared `background`: applied locally once the others have caught up. */
export const BACKGROUND_CONSUMERS: readonly ConsumerName[] = SPECS.filter((spec) => spec.background).map(
  (spec) => spec.name,
);

/**
 * The routing table (event type → consumers), derived from the consumers' declarations.
 * `fromEntries` forgets its keys; EVENT_TYPES supplies every one, so the record is complete.
 */
export const EVENT_ROUTES: Readonly<Record<EventType, readonly ConsumerName[]>> = Object.fromEntries(
  EVENT_TYPES.map((type) => [type, SPECS.filter((spec) => spec.on.includes(type)).map((spec) => spec.name)]),
) as Record<EventType, ConsumerName[]>;

export function consumersFor(type: EventType): readonly ConsumerName[] {
  return EVENT_ROUTES[type];
}

/** The event types one consumer subscribes to (one EventBridge rule per consumer). */
export function eventTypesFor(consumer: ConsumerName): EventType[] {
  return SPECS.filter((spec) => spec.name === consumer).flatMap((spec) => spec.on);
}

/** Whether a consumer handles this event; narrows the event to the types that consumer declares. */
export function handles<N extends ConsumerName>(consumer: N, event: DomainEvent): event is ConsumerEvent<N> {
  return eventTypesFor(consumer).includes(event.type);
}
