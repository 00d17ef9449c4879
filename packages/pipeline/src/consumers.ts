import { type ApplicationStatus, applicationStatusSchema, notificationTitle } from '@skillpass/domain';
import type { ConsumerEvent, ConsumerName } from '@skillpass/events';
import { graduateContribution, jobContribution } from '@skillpass/insights';
import { deterministicId, type Notification, type Repositories } from '@skillpass/store';
import {
  type CredentialService,
  deliverIssuedCredential,
  type Mailer,
  type MatchingDeps,
  type PushQueue,
  sendQueuedMail,
} from '@skillpass/services';
import { applyMatchingEvents } from './matching-batch.ts';
import { counterChangesOf } from './platform-counters.ts';

/** What consumers may use: table access through the repositories, the skill graph and the time. */
export type ConsumerDeps = MatchingDeps &
  Pick<Repositories, 'notifications' | 'credentials' | 'eventLog' | 'insights' | 'issuers' | 'outbox' | 'counters'> & {
    /** Reads a held credential's status again, as verification does: one revoked since import stops counting. */
    credentialService: Pick<CredentialService, 'standingOf'>;
    /** Where a job's push goes in chunks (SQS in AWS); without one the push is applied in-process. */
    pushQueue?: PushQueue;
    /** The public origin the links in emails point to (credentialDelivery; the API's deps carry it too). */
    publicOrigin?: string;
    /** Sends the outbox's email (mailSender): a file mailbox locally, SES in AWS. */
    mailer?: Mailer;
  };

/** A consumer that cannot work without a setting fails loudly, so its events are retried and dead-lettered, not lost. */
function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`this consumer has no ${what} configured`);
  return value;
}

/** What a graduate's notification about a job says, given the job's title when the job still exists. */
type JobNotificationFacts = Pick<Notification, 'jobIds' | 'status' | 'jobTitle'> & {
  kind: 'application-status' | 'job-invitation';
};

/**
 * Notifies a graduate about a job (an application's move, an invitation): nothing for an erased
 * graduate, one notification per event (its id is derived from the event's), titled in English here
 * and in the reader's language when read.
 */
async function notifyGraduateAboutJob(
  event: { id: string; occurredAt: string; detail: { graduateId: string; jobId: string } },
  { profiles, jobs, notifications }: Pick<ConsumerDeps, 'profiles' | 'jobs' | 'notifications'>,
  factsOf: (jobTitle: { jobTitle?: { en: string; zh?: string } }) => JobNotificationFacts,
): Promise<void> {
  if (!(await profiles.get(event.detail.graduateId))) return;
  const job = await jobs.get(event.detail.jobId);
  const facts = factsOf(job ? { jobTitle: job.title } : {});
  await notifications.add({
    notificationId: deterministicId('note', event.id),
    graduateId: event.detail.graduateId,
    ...facts,
    title: notificationTitle(facts, 'en'),
    read: false,
    createdAt: event.occurredAt,
  });
}

/** Handles the events its consumer declares in `@skillpass/events` (CONSUMER_SPECS), and only those. */
export type ConsumerHandler<N extends ConsumerName> = (event: ConsumerEvent<N>, deps: ConsumerDeps) => Promise<void>;

/**
 * The consumer handlers, by name: one for every declared consumer, each typed to the events routed to
 * it, so none re-checks `event.type`. Each is idempotent on its own (deterministic keys, writes that
 * converge on the current rows), so a duplicate or late delivery changes nothing.
 */
export const CONSUMER_HANDLERS: { [N in ConsumerName]: ConsumerHandler<N> } = {
  /**
   * Job events: the skill → jobs index, the job's candidates, and the push to graduates. Events of
   * one job may arrive late or out of order: the current row decides, not the event.
   */
  async jobMatching(event, deps) {
    await applyMatchingEvents(deps, [event], []);
  },

  /** Profile events: the skill → graduates index, the graduate's matches, their candidacies. */
  async graduateMatching(event, deps) {
    await applyMatchingEvents(deps, [], [event]);
  },

  async applicationNotifier(event, deps) {
    // An erased graduate gets nothing new written about them.
    const status: ApplicationStatus = applicationStatusSchema().parse(event.detail.to);
    await notifyGraduateAboutJob(event, deps, (jobTitle) => ({
      kind: 'application-status' as const,
      jobIds: [event.detail.jobId],
      status,
      ...jobTitle,
    }));
  },

  /** An employer invites a candidate to apply: the graduate hears of it, worded in their language when read. */
  async invitationNotifier(event, deps) {
    await notifyGraduateAboutJob(event, deps, (jobTitle) => ({
      kind: 'job-invitation' as const,
      jobIds: [event.detail.jobId],
      ...jobTitle,
    }));
  },

  /** A graduate withdrew: the employer hears of it (no name: the job and the application are enough to act). */
  async employerNotifier(event, { jobs, notifications }) {
    const job = await jobs.get(event.detail.jobId);
    await notifications.addForEmployer({
      notificationId: deterministicId('note', event.id),
      employerId: event.detail.employerId,
      kind: 'application-withdrawn',
      applicationId: event.detail.applicationId,
      jobIds: [event.detail.jobId],
      ...(job ? { jobTitle: job.title } : {}),
      read: false,
      createdAt: event.occurredAt,
    });
  },

  /**
   * A graduate's verified skills are exactly the learning outcomes of their active, unexpired
   * credentials: recomputed from the credentials each time, so any order of events converges.
   */
  async credentialSkills(event, { profiles, credentials, clock, credentialService }) {
    // A credential held by someone outside skillpass changes no graduate's skills.
    const graduateId = event.detail.graduateId;
    if (!graduateId) return;
    const now = clock().toISOString();
    const activeHere = (await credentials.listForHolder(graduateId)).filter(
      (c) => c.status === 'active' && (!c.validUntil || c.validUntil > now),
    );
    const issuedHere = activeHere.map((c) => ({ credentialId: c.credentialId, skills: c.skills }));
    // Standard levels come from credentials issued here, whichever province's issuer issued them.
    const standardLevels = activeHere
      .flatMap((c) =>
        c.skillLevelStandard
          ? [
              {
                standardId: c.skillLevelStandard.standardId,
                level: c.skillLevelStandard.level,
                credentialId: c.credentialId,
              },
            ]
          : [],
      )
      .sort(
        (a, b) =>
          a.standardId.localeCompare(b.standardId) || a.level - b.level || a.credentialId.localeCompare(b.credentialId),
      );
    const unexpired = (await credentials.listHeld(graduateId)).filter((c) => !c.validUntil || c.validUntil > now);
    const standings = await Promise.all(unexpired.map((c) => credentialService.standingOf(c.jwt)));
    const brought = unexpired
      .filter((_, i) => standings[i] === 'active')
      .map((c) => ({ credentialId: c.heldId, skills: c.skills }));
    const verified = [
      ...new Map(
        [...issuedHere, ...brought].flatMap((c) =>
          c.skills.map((uri) => [uri, { uri, credentialId: c.credentialId }] as const),
        ),
      ).values(),
    ].sort((a, b) => a.uri.localeCompare(b.uri));
    await profiles.setVerifiedSkills(graduateId, verified, standardLevels);
  },

  /**
   * Skills intelligence: the counters count the job or graduate as its current row says (an erased graduate or a
   * closed job as nothing), the old contribution taken out and the new one put in. The row decides, not the
   * event, so duplicates and late or reordered events converge.
   */
  async skillsInsights(event, { jobs, profiles, insights }) {
    if ('jobId' in event.detail) {
      const jobId = event.detail.jobId;
      await insights.recount(`job#${jobId}`, jobContribution(await jobs.get(jobId)));
    } else {
      const graduateId = event.detail.graduateId;
      await insights.recount(`graduate#${graduateId}`, graduateContribution(await profiles.get(graduateId)));
    }
  },

  /** A credential was issued: a graduate holder is notified, anyone else is mailed (once per credential). */
  async credentialDelivery(event, deps) {
    await deliverIssuedCredential({ ...deps, origin: required(deps.publicOrigin, 'public origin') }, event);
  },

  async mailSender(event, deps) {
    await sendQueuedMail({ ...deps, mailer: required(deps.mailer, 'mailer') }, event.detail.messageId);
  },

  /** Each event is added to the counts exactly once (a marker in the same transaction as the additions). */
  async platformCounters(event, { counters }) {
    await counters.applyOnce(event.id, counterChangesOf(event));
  },

  async matchNotifier(event, { profiles, notifications }) {
    if (!(await profiles.get(event.detail.graduateId))) return;
    await notifications.add({
      notificationId: deterministicId('note', event.id),
      graduateId: event.detail.graduateId,
      kind: 'new-matches',
      title: notificationTitle({ kind: 'new-matches', jobIds: event.detail.newJobIds }, 'en'),
      jobIds: event.detail.newJobIds,
      read: false,
      createdAt: event.occurredAt,
    });
  },
};
