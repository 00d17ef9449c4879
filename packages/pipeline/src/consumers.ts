import { regionPartitionOf } from '@skillpass/domain';
import type { AnyDomainEvent, ConsumerName } from '@skillpass/events';
import { deterministicId, type SkillpassStore } from '@skillpass/store';

export interface ConsumerDeps {
  store: SkillpassStore;
}

export type ConsumerHandler = (event: AnyDomainEvent, deps: ConsumerDeps) => Promise<void>;

const STATUS_WORDS: Record<string, string> = {
  viewed: 'was viewed by the employer',
  interview: 'moved to interview',
  offer: 'received an offer',
  rejected: 'was not successful this time',
};

/**
 * The consumer handlers, by name. Each is idempotent on its own (deterministic keys, puts that
 * converge), so a duplicate delivery changes nothing.
 */
export const CONSUMER_HANDLERS: Record<ConsumerName, ConsumerHandler> = {
  async jobSkillIndex(event, { store }) {
    if (event.type !== 'JobPosted' && event.type !== 'JobUpdated' && event.type !== 'JobClosed') return;
    // Events of one job may arrive late or out of order: the current row decides what is indexed.
    const job = await store.getJob(event.detail.jobId);
    const current =
      job?.status === 'open'
        ? { skills: job.requiredSkills.map((skill) => skill.uri), partition: regionPartitionOf(job.place) }
        : undefined;
    const previous = event.type === 'JobUpdated' ? event.detail.previous : event.detail;
    await store.syncJobPostings(event.detail.jobId, current, previous);
  },

  async applicationNotifier(event, { store }) {
    if (event.type !== 'ApplicationStatusChanged') return;
    // An erased graduate gets nothing new written about them.
    if (!(await store.getProfile(event.detail.graduateId))) return;
    const job = await store.getJob(event.detail.jobId);
    const title = job ? job.title.en : 'a job';
    await store.addNotification({
      notificationId: deterministicId('note', event.id),
      graduateId: event.detail.graduateId,
      kind: 'application-status',
      title: `Your application for ${title} ${STATUS_WORDS[event.detail.to] ?? `is now ${event.detail.to}`}.`,
      jobIds: [event.detail.jobId],
      read: false,
      createdAt: event.occurredAt,
    });
  },
};
