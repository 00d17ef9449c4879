import { REGION_PARTITIONS } from '@skillpass/domain';
import * as z from 'zod/mini';

// Built here from the domain's list, not with its first-use schema: the catalogue builds every schema at import.
const RegionPartitionSchema = z.enum(REGION_PARTITIONS);
const SkillUrisSchema = z.array(z.url());

/** The detail of every domain event skillpass emits, by event type (EventBridge `detail-type`). */
export const EVENT_DETAIL_SCHEMAS = {
  ProfileSubmitted: z.object({
    graduateId: z.string(),
    version: z.int().check(z.positive()),
    discoverable: z.boolean(),
    personalisedMatching: z.boolean(),
  }),
  ProfileDeleted: z.object({ graduateId: z.string() }),
  JobPosted: z.object({
    jobId: z.string(),
    employerId: z.string(),
    version: z.int().check(z.positive()),
    skills: SkillUrisSchema,
    partition: RegionPartitionSchema,
  }),
  JobUpdated: z.object({
    jobId: z.string(),
    employerId: z.string(),
    version: z.int().check(z.positive()),
    skills: SkillUrisSchema,
    partition: RegionPartitionSchema,
    previous: z.object({ skills: SkillUrisSchema, partition: RegionPartitionSchema }),
  }),
  JobClosed: z.object({
    jobId: z.string(),
    employerId: z.string(),
    version: z.int().check(z.positive()),
    skills: SkillUrisSchema,
    partition: RegionPartitionSchema,
  }),
  ApplicationSubmitted: z.object({
    applicationId: z.string(),
    jobId: z.string(),
    employerId: z.string(),
    graduateId: z.string(),
  }),
  ApplicationStatusChanged: z.object({
    applicationId: z.string(),
    jobId: z.string(),
    employerId: z.string(),
    graduateId: z.string(),
    from: z.string(),
    to: z.string(),
  }),
  ApplicationWithdrawn: z.object({
    applicationId: z.string(),
    jobId: z.string(),
    employerId: z.string(),
    graduateId: z.string(),
    from: z.string(),
  }),
  CandidateInvited: z.object({
    invitationId: z.string(),
    jobId: z.string(),
    employerId: z.string(),
    graduateId: z.string(),
  }),
  CredentialIssued: z.object({
    credentialId: z.string(),
    issuerId: z.string(),
    graduateId: z.optional(z.string()),
    skills: SkillUrisSchema,
  }),
  CredentialRevoked: z.object({ credentialId: z.string(), issuerId: z.string(), graduateId: z.optional(z.string()) }),
  CredentialSuspended: z.object({ credentialId: z.string(), issuerId: z.string(), graduateId: z.optional(z.string()) }),
  CredentialReinstated: z.object({
    credentialId: z.string(),
    issuerId: z.string(),
    graduateId: z.optional(z.string()),
  }),
  CredentialImported: z.object({ graduateId: z.string(), heldId: z.string(), skills: SkillUrisSchema }),
  /** An email was queued in the outbox (`OutboxMessage`): the sender sends it. */
  MailQueued: z.object({ messageId: z.string() }),
  MatchesComputed: z.object({
    graduateId: z.string(),
    profileVersion: z.int().check(z.positive()),
    newJobIds: z.array(z.string()).check(z.minLength(1)),
  }),
} as const;

export type EventType = keyof typeof EVENT_DETAIL_SCHEMAS;
export const EVENT_TYPES = Object.keys(EVENT_DETAIL_SCHEMAS) as EventType[];
export type EventDetail<T extends EventType> = z.infer<(typeof EVENT_DETAIL_SCHEMAS)[T]>;

export const EVENT_SOURCE = 'skillpass';

export interface DomainEvent<T extends EventType = EventType> {
  /** Unique per change: derived from the stream record, so redelivery keeps the same id. */
  id: string;
  type: T;
  source: typeof EVENT_SOURCE;
  occurredAt: string;
  detail: EventDetail<T>;
}

/** An event of any of the given types, as a union that a check of `type` narrows. */
export type DomainEventOf<T extends EventType> = { [K in T]: DomainEvent<K> }[T];
export type AnyDomainEvent = DomainEventOf<EventType>;

const EnvelopeSchema = z.object({
  id: z.string().check(z.minLength(1)),
  type: z.enum(EVENT_TYPES as [EventType, ...EventType[]]),
  source: z.literal(EVENT_SOURCE),
  occurredAt: z.iso.datetime({ offset: true }),
  detail: z.unknown(),
});

/** Validates an event against the catalogue; throws a readable error naming the bad field. */
export function parseDomainEvent(value: unknown): AnyDomainEvent {
  const envelope = EnvelopeSchema.parse(value);
  const detail = EVENT_DETAIL_SCHEMAS[envelope.type].parse(envelope.detail);
  return { ...envelope, detail } as AnyDomainEvent;
}
