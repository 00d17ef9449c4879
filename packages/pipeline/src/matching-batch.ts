import type { GraduateProfile } from '@skillpass/domain';
import type { AnyDomainEvent, ConsumerEvent } from '@skillpass/events';
import {
  applyPushChunks,
  forEachLimited,
  indexGraduate,
  indexJob,
  type MatchingDeps,
  type PushChunk,
  type PushQueue,
  planPush,
  pushJobToGraduates,
  recomputeCandidatesForJob,
  recomputeMatchesForProfiles,
  withBatchReads,
  candidaciesOf,
  type Explanation,
  mergeCandidacies,
  offersBeyondTopJobs,
} from '@skillpass/services';
import type { PendingChange, Repositories, StoredCandidate, StoredMatchSet } from '@skillpass/store';

export type JobEvent = ConsumerEvent<'jobMatching'>;
export type ProfileEvent = ConsumerEvent<'graduateMatching'>;

/** What matching maintenance runs on; `pushQueue` sends pushes off the event's path (SQS in AWS). */
export type MatchingBatchDeps = MatchingDeps & Pick<Repositories, 'profiles'> & { pushQueue?: PushQueue };

/** What a batch did, for logs and the bench. */
export interface MatchingBatchStats {
  jobEvents: number;
  profileEvents: number;
  /** Distinct jobs and graduates worked on: the events coalesced into these. */
  jobs: number;
  graduates: number;
  /** Events a newer version of the same row had already superseded: only cheap clean-up ran for them. */
  superseded: number;
  /** Graduates a push considered, and whose lists it recomputed. */
  pushConsidered: number;
  pushRecomputed: number;
  /** Milliseconds spent indexing, on the graduates' lists and candidacies, and on the jobs' candidates and push. */
  phases: { index: number; graduates: number; jobs: number };
}

/**
 * The pending-change entries an event stands for: a job change in its partition(s), or a profile
 * change. The stream reader writes them before delivery; matching clears them once applied.
 */
export function pendingChangesOf(event: AnyDomainEvent): PendingChange[] {
  const base = { occurredAt: event.occurredAt, eventId: event.id };
  switch (event.type) {
    case 'JobPosted':
    case 'JobClosed':
      return [{ kind: 'jobs', scope: event.detail.partition, ...base }];
    case 'JobUpdated':
      return [...new Set([event.detail.partition, event.detail.previous.partition])].map((scope) => ({
        kind: 'jobs' as const,
        scope,
        ...base,
      }));
    case 'ProfileSubmitted':
    case 'ProfileDeleted':
      return [{ kind: 'profiles', scope: 'all', ...base }];
    default:
      return [];
  }
}

const groupBy = <T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> => {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
};

/**
 * Applies a batch of job and profile events to the matching indexes and lists, coalesced: each job
 * and each graduate is worked on once however many of its events the batch holds, and events a newer
 * version of the row has superseded only clean up (the newer version's own event does the rest).
 *
 * Order: every job and graduate of the batch is indexed first; then the batch's graduates get their
 * lists (from an index that holds the batch's jobs) and candidacies; then the batch's jobs get their
 * candidates (from an index that holds the batch's graduates) and push to the graduates they reach,
 * except those just recomputed. Index reads are shared across the batch (`withBatchReads`).
 * Idempotent like each step, so a batch redelivered after a crash converges on the same rows.
 */
export async function applyMatchingEvents(
  deps: MatchingBatchDeps,
  jobEvents: readonly JobEvent[],
  profileEvents: readonly ProfileEvent[],
  options: { concurrency?: number } = {},
): Promise<MatchingBatchStats> {
  const concurrency = options.concurrency ?? 8;
  let superseded = 0;
  const t0 = performance.now();

  // 1. Index: jobs and graduates, each once.
  const jobsToFinish: Array<{ jobId: string; last: JobEvent }> = [];
  const openJobs: Array<{ job: NonNullable<Awaited<ReturnType<typeof indexJob>>['open']>; last: JobEvent }> = [];
  const jobGroups = [...groupBy(jobEvents, (e) => e.detail.jobId)];
  const profileGroups = [...groupBy(profileEvents, (e) => e.detail.graduateId)];
  const graduates: Array<{ graduateId: string; profile: Awaited<ReturnType<typeof indexGraduate>> }> = [];
  const currentProfiles = new Map<string, GraduateProfile>();
  await Promise.all([
    forEachLimited(jobGroups, concurrency, async ([jobId, events]) => {
      // Every version these events saw goes unless the current row still has it.
      const seen = events.flatMap((e) => [
        { skills: e.detail.skills, partition: e.detail.partition },
        ...(e.type === 'JobUpdated' ? [e.detail.previous] : []),
      ]);
      const { job, open } = await indexJob(deps, jobId, seen);
      const last = events.reduce((a, b) => (b.detail.version >= a.detail.version ? b : a));
      if (job && job.version > last.detail.version) {
        superseded += events.length;
        return;
      }
      superseded += events.length - 1;
      jobsToFinish.push({ jobId, last });
      if (open) openJobs.push({ job: open, last });
    }),
    (async () => {
      // The batch's profiles in batch reads, not one read per graduate (and not again to index or rank them).
      const read = await deps.matchingIndex.getProfiles(profileGroups.map(([graduateId]) => graduateId));
      for (const profile of read) currentProfiles.set(profile.graduateId, profile);
    })().then(() =>
      forEachLimited(profileGroups, concurrency, async ([graduateId, events]) => {
        const current = currentProfiles.get(graduateId);
        const outdated = events.every(
          (e) => e.type === 'ProfileSubmitted' && current && e.detail.version < current.version,
        );
        if (current && outdated) {
          superseded += events.length;
          return;
        }
        superseded += events.length - 1;
        graduates.push({ graduateId, profile: await indexGraduate(deps, graduateId, { profile: current }) });
      }),
    ),
  ]);

  const batch = withBatchReads(deps);
  const t1 = performance.now();

  // 2. The batch's graduates: their lists and candidacies.
  const recomputed = new Set<string>();
  const candidacies: StoredCandidate<Explanation>[] = [];
  const ranked = graduates.flatMap(({ profile }) => (profile ? [profile] : []));
  const sets = await recomputeMatchesForProfiles(batch, ranked, { concurrency });
  const withSets: Array<{ profile: GraduateProfile; set: StoredMatchSet<Explanation> }> = [];
  for (const profile of ranked) {
    const set = sets.get(profile.graduateId);
    if (set) {
      candidacies.push(...candidaciesOf(profile, set));
      withSets.push({ profile, set });
    }
    if (set?.mode === 'personalised') recomputed.add(profile.graduateId);
  }

  // Their entries in the lists of their top jobs and of the other jobs whose list they now belong in, one merge per
  // job for the whole batch; lists they fell back in are marked stale first (computed again when next read).
  const offers = await offersBeyondTopJobs(batch, withSets, concurrency);
  await deps.matchingIndex.putCandidateFloors(offers.fellBack);
  await mergeCandidacies(deps, [...candidacies, ...offers.entries], concurrency);
  // An erasure may have landed while this ran: then nothing derived may stay behind.
  const ids = graduates.map((g) => g.graduateId);
  const still = new Set((await deps.matchingIndex.getProfiles(ids)).map((p) => p.graduateId));
  await forEachLimited(
    ids.filter((id) => !still.has(id)),
    concurrency,
    async (graduateId) => void (await deps.profiles.erase(graduateId)),
  );

  const t2 = performance.now();

  // 3. The batch's jobs: candidates, then the push.
  await forEachLimited(jobsToFinish, concurrency, async ({ jobId }) => {
    await recomputeCandidatesForJob(batch, jobId);
  });
  let pushConsidered = 0;
  let pushRecomputed = 0;
  if (deps.pushQueue) {
    for (const { job, last } of openJobs) {
      await pushJobToGraduates(batch, job, { eventId: last.id, occurredAt: last.occurredAt });
    }
  } else {
    const chunks: PushChunk[] = [];
    for (const { job } of openJobs) chunks.push(...(await planPush(batch, job)));
    const outcome = await applyPushChunks(batch, chunks, { skip: recomputed, concurrency });
    pushConsidered = outcome.considered;
    pushRecomputed = outcome.recomputed;
  }

  await deps.matchingIndex.clearPending([...jobEvents, ...profileEvents].flatMap(pendingChangesOf));
  return {
    jobEvents: jobEvents.length,
    profileEvents: profileEvents.length,
    jobs: jobGroups.length,
    graduates: profileGroups.length,
    superseded,
    pushConsidered,
    pushRecomputed,
    phases: { index: t1 - t0, graduates: t2 - t1, jobs: performance.now() - t2 },
  };
}
