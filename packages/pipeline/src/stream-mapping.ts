import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { Application, GraduateProfile, IssuedCredential, JobPosting } from '@skillpass/domain';
import { regionPartitionOf } from '@skillpass/domain';
import { type AnyDomainEvent, EVENT_SOURCE, parseDomainEvent } from '@skillpass/events';

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

type Image = Record<string, unknown> & { entity?: string };

const EVENT_ENTITIES = new Set(['Profile', 'Job', 'Application', 'IssuedCredential', 'HeldCredential', 'MatchSet']);

const jobFacts = (job: JobPosting) => ({
  skills: job.requiredSkills.map((skill) => skill.uri),
  partition: regionPartitionOf(job.place),
});

function occurredAt(record: StreamRecord): string {
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
  const newImage = record.dynamodb?.NewImage ? (unmarshall(record.dynamodb.NewImage) as Image) : undefined;
  const oldImage = record.dynamodb?.OldImage ? (unmarshall(record.dynamodb.OldImage) as Image) : undefined;
  const baseId = record.eventID ?? `${record.dynamodb?.SequenceNumber}`;
  const at = occurredAt(record);
  const events: Array<{ type: string; detail: unknown }> = [];

  if (entity === 'Profile') {
    if (newImage) {
      const profile = newImage as unknown as GraduateProfile;
      events.push({
        type: 'ProfileSubmitted',
        detail: {
          graduateId: profile.graduateId,
          version: profile.version,
          discoverable: profile.consents.discoverable,
          personalisedMatching: profile.consents.personalisedMatching,
        },
      });
    } else if (oldImage) {
      events.push({ type: 'ProfileDeleted', detail: { graduateId: (oldImage as unknown as GraduateProfile).graduateId } });
    }
  } else if (entity === 'Job' && newImage) {
    const job = newImage as unknown as JobPosting;
    const before = oldImage as unknown as JobPosting | undefined;
    const common = { jobId: job.jobId, employerId: job.employerId, version: job.version, ...jobFacts(job) };
    if (!before) events.push({ type: 'JobPosted', detail: common });
    else if (before.status === 'open' && job.status === 'closed') events.push({ type: 'JobClosed', detail: common });
    else if (before.version !== job.version) {
      events.push({ type: 'JobUpdated', detail: { ...common, previous: jobFacts(before) } });
    }
  } else if (entity === 'Application' && newImage) {
    const application = newImage as unknown as Application;
    const before = oldImage as unknown as Application | undefined;
    const refs = {
      applicationId: application.applicationId,
      jobId: application.jobId,
      employerId: application.employerId,
      graduateId: application.graduateId,
    };
    if (!before) events.push({ type: 'ApplicationSubmitted', detail: refs });
    else if (before.status !== application.status) {
      events.push({ type: 'ApplicationStatusChanged', detail: { ...refs, from: before.status, to: application.status } });
    }

  } else if (entity === 'IssuedCredential' && newImage) {
    const credential = newImage as unknown as IssuedCredential;
    const before = oldImage as unknown as IssuedCredential | undefined;
    const refs = {
      credentialId: credential.credentialId,
      issuerId: credential.issuerId,
      ...(credential.holder.kind === 'graduate' ? { graduateId: credential.holder.graduateId } : {}),
    };
    if (!before) events.push({ type: 'CredentialIssued', detail: { ...refs, skills: credential.skills } });
    else if (before.status !== credential.status) {
      const type = { revoked: 'CredentialRevoked', suspended: 'CredentialSuspended', active: 'CredentialReinstated' }[credential.status];
      events.push({ type, detail: refs });
    }
  } else if (entity === 'HeldCredential' && newImage && !oldImage) {
    const held = newImage as { graduateId: string; heldId: string; skills: string[] };
    events.push({ type: 'CredentialImported', detail: { graduateId: held.graduateId, heldId: held.heldId, skills: held.skills } });
  } else if (entity === 'MatchSet' && newImage) {
    const set = newImage as { graduateId: string; profileVersion: number; computedAt: string; newJobIds?: string[] };
    const changed = !oldImage || (oldImage as { computedAt?: string }).computedAt !== set.computedAt;
    if (changed && (set.newJobIds ?? []).length > 0) {
      events.push({
        type: 'MatchesComputed',
        detail: { graduateId: set.graduateId, profileVersion: set.profileVersion, newJobIds: set.newJobIds },
      });
    }
  }

  return events.map((event) =>
    parseDomainEvent({ id: `${baseId}:${event.type}`, type: event.type, source: EVENT_SOURCE, occurredAt: at, detail: event.detail }),
  );
}
