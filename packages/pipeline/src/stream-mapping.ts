import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { builtOnFirstUse, jobPlaceSchema, regionPartitionOf } from '@skillpass/domain';
import { type AnyDomainEvent, EVENT_SOURCE, type EventType, parseDomainEvent } from '@skillpass/events';
import * as z from 'zod/mini';

/** The part of a DynamoDB stream record we read; Lambda's event and the Streams API share it. */
export interface StreamRecord {
  eventID?: string;
  eventName?: 'INSERT' | 'MODIFY' | 'REMOVE' | string;
  dynamodb?: {
    ApproximateCreationDateTime?: number | Date;
    NewImage?: Record<string, AttributeValue>;
    OldImage?: Record<string, AttributeValue>;
    SequenceNumber?: string;
  };
}

/**
 * A table item as the stream carries it. Its fields are read as `unknown` and copied into the event:
 * the catalogue then checks every event, so a missing or mistyped field fails there, by name. Only
 * what the mapping computes with is narrowed first (nested maps, a job's place and skills).
 */
type Image = Record<string, unknown>;

const EVENT_ENTITIES = new Set([
  'Profile',
  'Job',
  'Application',
  'Invitation',
  'IssuedCredential',
  'HeldCredential',
  'MatchSet',
  'OutboxMessage',
]);

const isImage = (value: unknown): value is Image =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
/** A nested map of an image; empty when absent, so its fields read as undefined and fail the catalogue check. */
const mapIn = (image: Image, field: string): Image => {
  const value = image[field];
  return isImage(value) ? value : {};
};

// The job fields a partition and skill list are computed from, checked as the domain defines them.
const jobFactsSchema = builtOnFirstUse(() =>
  z.object({ requiredSkills: z.array(z.object({ uri: z.string() })), place: jobPlaceSchema() }),
);

function jobFacts(image: Image) {
  const job = jobFactsSchema().parse(image);
  return { skills: job.requiredSkills.map((skill) => skill.uri), partition: regionPartitionOf(job.place) };
}

const CREDENTIAL_STATUS_EVENTS = new Map<unknown, EventType>([
  ['revoked', 'CredentialRevoked'],
  ['suspended', 'CredentialSuspended'],
  ['active', 'CredentialReinstated'],
]);

/**
 * When the change happened: the record's own write time (`updatedAt`, a match set's `computedAt`, a held credential's
 * `importedAt`, all to the millisecond from the handlers' clock), else the stream's approximate time. The stream's
 * time is coarse (whole seconds in Lambda, whole minutes in DynamoDB Local), so two changes close together would
 * share it, and whatever is ordered by event time (notifications) would come out in arbitrary order.
 */
function occurredAt(record: StreamRecord, image: Image | undefined): string {
  for (const field of ['updatedAt', 'computedAt', 'importedAt']) {
    const value = image?.[field];
    if (typeof value === 'string' && !Number.isNaN(Date.parse(value))) return new Date(value).toISOString();
  }
  const at = record.dynamodb?.ApproximateCreationDateTime;
  if (at instanceof Date) return at.toISOString();
  // Lambda gives seconds; DynamoDB Local's Streams API gives a Date.
  return new Date(typeof at === 'number' ? at * 1000 : Date.now()).toISOString();
}

/**
 * The one place domain events come from: a change to the table. A handler's write and the event
 * it implies are the same DynamoDB write, so no crash can separate them.
 */
export function domainEventsFromStreamRecord(record: StreamRecord): AnyDomainEvent[] {
  // Only the entities that carry domain meaning are decoded; bookkeeping items are skipped unread.
  const entity = record.dynamodb?.NewImage?.entity?.S ?? record.dynamodb?.OldImage?.entity?.S;
  if (!entity || !EVENT_ENTITIES.has(entity)) return [];
  const newImage: Image | undefined = record.dynamodb?.NewImage ? unmarshall(record.dynamodb.NewImage) : undefined;
  const oldImage: Image | undefined = record.dynamodb?.OldImage ? unmarshall(record.dynamodb.OldImage) : undefined;
  const baseId = record.eventID ?? `${record.dynamodb?.SequenceNumber}`;
  const at = occurredAt(record, newImage);
  // An unknown credential status leaves the type undefined, which the catalogue refuses.
  const events: Array<{ type: EventType | undefined; detail: Image }> = [];

  if (entity === 'Profile') {
    if (newImage) {
      const consents = mapIn(newImage, 'consents');
      events.push({
        type: 'ProfileSubmitted',
        detail: {
          graduateId: newImage.graduateId,
          version: newImage.version,
          discoverable: consents.discoverable,
          personalisedMatching: consents.personalisedMatching,
        },
      });
    } else if (oldImage) {
      events.push({ type: 'ProfileDeleted', detail: { graduateId: oldImage.graduateId } });
    }
  } else if (entity === 'Job' && newImage) {
    const job = newImage;
    const before = oldImage;
    const common = { jobId: job.jobId, employerId: job.employerId, version: job.version, ...jobFacts(job) };
    if (!before) events.push({ type: 'JobPosted', detail: common });
    else if (before.status === 'open' && job.status === 'closed') events.push({ type: 'JobClosed', detail: common });
    else if (before.version !== job.version) {
      events.push({ type: 'JobUpdated', detail: { ...common, previous: jobFacts(before) } });
    }
  } else if (entity === 'Application' && newImage) {
    const application = newImage;
    const before = oldImage;
    const refs = {
      applicationId: application.applicationId,
      jobId: application.jobId,
      employerId: application.employerId,
      graduateId: application.graduateId,
    };
    if (!before) events.push({ type: 'ApplicationSubmitted', detail: refs });
    else if (before.status !== application.status && application.status === 'withdrawn') {
      events.push({ type: 'ApplicationWithdrawn', detail: { ...refs, from: before.status } });
    } else if (before.status !== application.status) {
      events.push({
        type: 'ApplicationStatusChanged',
        detail: { ...refs, from: before.status, to: application.status },
      });
    }
  } else if (entity === 'Invitation' && newImage && !oldImage) {
    const invitation = newImage;
    events.push({
      type: 'CandidateInvited',
      detail: {
        invitationId: invitation.invitationId,
        jobId: invitation.jobId,
        employerId: invitation.employerId,
        graduateId: invitation.graduateId,
      },
    });
  } else if (entity === 'IssuedCredential' && newImage) {
    const credential = newImage;
    const before = oldImage;
    const holder = mapIn(credential, 'holder');
    const refs = {
      credentialId: credential.credentialId,
      issuerId: credential.issuerId,
      ...(holder.kind === 'graduate' ? { graduateId: holder.graduateId } : {}),
    };
    if (!before) events.push({ type: 'CredentialIssued', detail: { ...refs, skills: credential.skills } });
    else if (before.status !== credential.status) {
      events.push({ type: CREDENTIAL_STATUS_EVENTS.get(credential.status), detail: refs });
    }
  } else if (entity === 'HeldCredential' && newImage && !oldImage) {
    const held = newImage;
    events.push({
      type: 'CredentialImported',
      detail: { graduateId: held.graduateId, heldId: held.heldId, skills: held.skills },
    });
  } else if (entity === 'OutboxMessage' && newImage && !oldImage) {
    events.push({ type: 'MailQueued', detail: { messageId: newImage.messageId } });
  } else if (entity === 'MatchSet' && newImage) {
    const set = newImage;
    const changed = !oldImage || oldImage.computedAt !== set.computedAt;
    if (changed && Array.isArray(set.newJobIds) && set.newJobIds.length > 0) {
      events.push({
        type: 'MatchesComputed',
        detail: { graduateId: set.graduateId, profileVersion: set.profileVersion, newJobIds: set.newJobIds },
      });
    }
  }

  return events.map((event) =>
    parseDomainEvent({
      id: `${baseId}:${event.type}`,
      type: event.type,
      source: EVENT_SOURCE,
      occurredAt: at,
      detail: event.detail,
    }),
  );
}
