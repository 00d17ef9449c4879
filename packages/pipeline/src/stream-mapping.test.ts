import { marshall } from '@aws-sdk/util-dynamodb';
import { describe, expect, it } from 'vitest';
import { domainEventsFromStreamRecord, type StreamRecord } from './stream-mapping.ts';

const skill = 'http://data.europa.eu/esco/skill/00000000-0000-4000-8000-000000000001';
const job = {
  PK: 'JOB#job_1',
  SK: 'JOB',
  entity: 'Job',
  jobId: 'job_1',
  employerId: 'emp',
  version: 1,
  status: 'open',
  requiredSkills: [{ uri: skill, importance: 'essential', minProficiency: 1 }],
  place: { kind: 'delta', cityCode: '320500' },
};

const record = (eventName: string, newImage?: object, oldImage?: object): StreamRecord => ({
  eventID: 'evt-1',
  eventName,
  dynamodb: {
    ApproximateCreationDateTime: 1_800_000_000,
    ...(newImage ? { NewImage: marshall(newImage, { removeUndefinedValues: true }) } : {}),
    ...(oldImage ? { OldImage: marshall(oldImage, { removeUndefinedValues: true }) } : {}),
  },
});

describe('domainEventsFromStreamRecord', () => {
  it('turns a new job into JobPosted with its skills and region partition', () => {
    const [event, ...rest] = domainEventsFromStreamRecord(record('INSERT', job));
    expect(rest).toHaveLength(0);
    expect(event).toMatchObject({
      id: 'evt-1:JobPosted',
      type: 'JobPosted',
      source: 'skillpass',
      occurredAt: new Date(1_800_000_000_000).toISOString(),
      detail: { jobId: 'job_1', employerId: 'emp', version: 1, skills: [skill], partition: '320000' },
    });
  });

  it('tells a close from an edit, and an edit carries what was indexed before', () => {
    const closed = domainEventsFromStreamRecord(record('MODIFY', { ...job, version: 2, status: 'closed' }, job));
    expect(closed.map((e) => e.type)).toEqual(['JobClosed']);
    const moved = domainEventsFromStreamRecord(
      record('MODIFY', { ...job, version: 2, place: { kind: 'remote' } }, job),
    );
    expect(moved).toMatchObject([
      { type: 'JobUpdated', detail: { partition: 'remote', previous: { partition: '320000' } } },
    ]);
  });

  it('maps profile writes and deletes, and application status changes', () => {
    const profile = {
      entity: 'Profile',
      graduateId: 'g1',
      version: 3,
      consents: { discoverable: true, personalisedMatching: false },
    };
    expect(domainEventsFromStreamRecord(record('MODIFY', profile, profile))).toMatchObject([
      {
        type: 'ProfileSubmitted',
        detail: { graduateId: 'g1', version: 3, discoverable: true, personalisedMatching: false },
      },
    ]);
    expect(domainEventsFromStreamRecord(record('REMOVE', undefined, profile))).toMatchObject([
      { type: 'ProfileDeleted', detail: { graduateId: 'g1' } },
    ]);
    const application = {
      entity: 'Application',
      applicationId: 'a',
      jobId: 'j',
      employerId: 'e',
      graduateId: 'g',
      status: 'submitted',
    };
    expect(domainEventsFromStreamRecord(record('INSERT', application)).map((e) => e.type)).toEqual([
      'ApplicationSubmitted',
    ]);
    expect(
      domainEventsFromStreamRecord(record('MODIFY', { ...application, status: 'viewed' }, application)),
    ).toMatchObject([{ type: 'ApplicationStatusChanged', detail: { from: 'submitted', to: 'viewed' } }]);
    // A withdrawal is its own event (the employer is told), not a status change the graduate would be told of.
    expect(
      domainEventsFromStreamRecord(record('MODIFY', { ...application, status: 'withdrawn' }, application)),
    ).toMatchObject([
      { type: 'ApplicationWithdrawn', detail: { applicationId: 'a', employerId: 'e', from: 'submitted' } },
    ]);
  });

  it('maps a new invitation to CandidateInvited, and nothing for an erased application kept anonymised', () => {
    const invitation = { entity: 'Invitation', invitationId: 'i', jobId: 'j', employerId: 'e', graduateId: 'g' };
    expect(domainEventsFromStreamRecord(record('INSERT', invitation))).toMatchObject([
      { type: 'CandidateInvited', detail: { invitationId: 'i', jobId: 'j', employerId: 'e', graduateId: 'g' } },
    ]);
    // Erased with the graduate: no event.
    expect(domainEventsFromStreamRecord(record('REMOVE', undefined, invitation))).toEqual([]);
    const kept = { entity: 'ErasedApplication', applicationId: 'a', jobId: 'j', employerId: 'e', status: 'offer' };
    expect(domainEventsFromStreamRecord(record('INSERT', kept))).toEqual([]);
    const application = { ...kept, entity: 'Application', graduateId: 'g' };
    expect(domainEventsFromStreamRecord(record('REMOVE', undefined, application))).toEqual([]);
    expect(
      domainEventsFromStreamRecord(record('MODIFY', { ...application, status: 'hired' }, application)),
    ).toMatchObject([{ type: 'ApplicationStatusChanged', detail: { from: 'offer', to: 'hired' } }]);
  });

  it("dates an event by the record's own write time, to the millisecond, not the stream's coarse time", () => {
    const application = {
      entity: 'Application',
      applicationId: 'a',
      jobId: 'j',
      employerId: 'e',
      graduateId: 'g',
      status: 'viewed',
      updatedAt: '2027-01-15T08:30:12.345Z',
    };
    const [event] = domainEventsFromStreamRecord(
      record('MODIFY', application, { ...application, status: 'submitted', updatedAt: '2027-01-15T08:30:01.000Z' }),
    );
    expect(event!.occurredAt).toBe('2027-01-15T08:30:12.345Z');
    // Without one (a delete), the stream's time.
    const [deleted] = domainEventsFromStreamRecord(
      record('REMOVE', undefined, { entity: 'Profile', graduateId: 'g1', updatedAt: '2027-01-15T08:30:12.345Z' }),
    );
    expect(deleted!.occurredAt).toBe(new Date(1_800_000_000_000).toISOString());
  });

  it('maps credential issue and status changes, imports and newly matched jobs', () => {
    const credential = {
      entity: 'IssuedCredential',
      credentialId: 'c1',
      issuerId: 'i1',
      holder: { kind: 'graduate', graduateId: 'g1' },
      status: 'active',
      skills: [skill],
    };
    expect(domainEventsFromStreamRecord(record('INSERT', credential))).toMatchObject([
      { type: 'CredentialIssued', detail: { credentialId: 'c1', issuerId: 'i1', graduateId: 'g1', skills: [skill] } },
    ]);
    const revoked = domainEventsFromStreamRecord(record('MODIFY', { ...credential, status: 'revoked' }, credential));
    expect(revoked).toMatchObject([{ type: 'CredentialRevoked', detail: { credentialId: 'c1', graduateId: 'g1' } }]);
    const external = { ...credential, holder: { kind: 'external', subjectId: 's', emailHash: 'sha256:salt:digest' } };
    expect(domainEventsFromStreamRecord(record('INSERT', external))[0]?.detail).not.toHaveProperty('graduateId');
    const held = { entity: 'HeldCredential', graduateId: 'g1', heldId: 'h1', skills: [skill] };
    expect(domainEventsFromStreamRecord(record('INSERT', held))).toMatchObject([
      { type: 'CredentialImported', detail: { graduateId: 'g1', heldId: 'h1', skills: [skill] } },
    ]);
    const set = {
      entity: 'MatchSet',
      graduateId: 'g1',
      profileVersion: 2,
      computedAt: '2026-01-02T00:00:00Z',
      newJobIds: ['job_1'],
    };
    expect(
      domainEventsFromStreamRecord(record('MODIFY', set, { ...set, computedAt: '2026-01-01T00:00:00Z' })),
    ).toMatchObject([
      { type: 'MatchesComputed', detail: { graduateId: 'g1', profileVersion: 2, newJobIds: ['job_1'] } },
    ]);
    expect(domainEventsFromStreamRecord(record('MODIFY', set, set))).toEqual([]);
  });

  it('maps a new outbox message to MailQueued, and nothing for its marking as sent', () => {
    const message = { PK: 'OUTBOX#mail_1', SK: 'MSG', entity: 'OutboxMessage', messageId: 'mail_1', status: 'queued' };
    expect(domainEventsFromStreamRecord(record('INSERT', message))).toEqual([
      expect.objectContaining({ type: 'MailQueued', detail: { messageId: 'mail_1' } }),
    ]);
    expect(domainEventsFromStreamRecord(record('MODIFY', { ...message, status: 'sent' }, message))).toEqual([]);
  });

  it('ignores bookkeeping items and unchanged rewrites', () => {
    expect(
      domainEventsFromStreamRecord(record('INSERT', { PK: 'CONSUMED#x', SK: 'C', entity: 'ConsumedEvent' })),
    ).toEqual([]);
    expect(domainEventsFromStreamRecord(record('MODIFY', job, job))).toEqual([]);
  });

  it('refuses to emit an event that breaks the catalogue', () => {
    expect(() => domainEventsFromStreamRecord(record('INSERT', { ...job, jobId: undefined }))).toThrow();
    expect(() =>
      domainEventsFromStreamRecord(record('INSERT', { ...job, place: { kind: 'delta', cityCode: '999999' } })),
    ).toThrow();
    expect(() =>
      domainEventsFromStreamRecord(record('INSERT', { entity: 'Profile', graduateId: 'g1', version: 1 })),
    ).toThrow();
  });
});
