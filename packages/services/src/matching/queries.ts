import { type GraduateProfile, isJobOpen, type JobPosting } from '@skillpass/domain';
import { partitionsOfInterest, scoreJobForProfile } from '@skillpass/matching';
import {
  type Explanation,
  type MatchingDeps,
  recomputeCandidatesForJob,
  recomputeMatchesForGraduate,
  toMatchJob,
  toMatchProfile,
} from './maintenance.ts';

/** One job on a graduate's list, scored against the current profile and job. */
export interface RankedJob {
  job: JobPosting;
  score: number;
  explanation: Explanation;
}

/** One graduate on a job's candidate list, scored against the current profile and job. */
export interface RankedCandidate {
  profile: GraduateProfile;
  score: number;
  explanation: Explanation;
}

/** Whether a stored list is up to date, and what it lags: changes seen but not yet applied to the indexes. */
export interface Freshness {
  upToDate: boolean;
  /** Changes (job changes for a graduate's list, profile changes for a job's) not yet applied, counted up to 1,000 a shard. */
  pendingChanges: number;
  /** When the oldest of them was written. */
  pendingSince?: string;
}

const freshnessOf = (pending: { count: number; oldestAt?: string }, ownVersionCurrent: boolean): Freshness => ({
  upToDate: ownVersionCurrent && pending.count === 0,
  pendingChanges: pending.count,
  ...(pending.oldestAt ? { pendingSince: pending.oldestAt } : {}),
});

/**
 * A graduate's ranked open jobs. The stored list is used while it was computed from the current
 * profile; otherwise it is recomputed first. A job edited since is scored again before it is shown.
 */
export async function rankedJobsFor(
  deps: MatchingDeps,
  profile: GraduateProfile,
): Promise<{ computedAt: string; ranked: RankedJob[]; freshness: Freshness }> {
  // Job changes not yet applied to the index of the graduate's places: the list may lack them.
  const pendingJobs = deps.matchingIndex.pendingIn('jobs', partitionsOfInterest(toMatchProfile(profile)));
  pendingJobs.catch(() => {}); // awaited below; this only keeps an early failure from going unhandled
  let set = await deps.matchingIndex.getMatchSet<Explanation>(profile.graduateId);
  if (!set || set.profileVersion !== profile.version || set.mode !== 'personalised') {
    set = await recomputeMatchesForGraduate(deps, profile.graduateId);
  }
  if (!set) {
    return { computedAt: deps.clock().toISOString(), ranked: [], freshness: freshnessOf(await pendingJobs, true) };
  }
  const now = deps.clock();
  const jobs = new Map(
    (await deps.matchingIndex.getJobs(set.matches.map((m) => m.jobId))).map((job) => [job.jobId, job]),
  );
  const matchProfile = toMatchProfile(profile);
  const ranked = set.matches
    .flatMap((m) => {
      const job = jobs.get(m.jobId);
      if (!job || !isJobOpen(job, now)) return [];
      if (job.version === m.jobVersion) return [{ job, score: m.score, explanation: m.explanation }];
      const fresh = scoreJobForProfile(matchProfile, toMatchJob(job), deps.taxonomy);
      return fresh.eligible ? [{ job, score: fresh.score, explanation: fresh.explanation }] : [];
    })
    .sort((a, b) => b.score - a.score || (a.job.postedAt < b.job.postedAt ? 1 : -1));
  return {
    computedAt: set.computedAt,
    ranked,
    freshness: freshnessOf(await pendingJobs, set.profileVersion === profile.version),
  };
}

/** Without personalised matching: the newest open jobs in the graduate's places, newest first. */
export async function newestJobsInPlacesOf(deps: MatchingDeps, profile: GraduateProfile): Promise<JobPosting[]> {
  const regions = partitionsOfInterest(toMatchProfile(profile));
  const pages = await Promise.all(regions.map((partition) => deps.jobs.searchOpen({ partition, limit: 100 })));
  return pages
    .flatMap((page) => page.items)
    .sort((a, b) => (a.postedAt < b.postedAt ? 1 : a.postedAt > b.postedAt ? -1 : 0));
}

/**
 * A job's ranked candidates: the stored list while it was computed from the current job version and
 * is not stale, recomputed otherwise. Consent is checked at read time too, so a graduate who withdrew it
 * disappears at once; a profile changed since is scored again.
 */
export async function rankedCandidatesFor(
  deps: MatchingDeps,
  job: JobPosting,
): Promise<{ computedAt: string; ranked: RankedCandidate[]; freshness: Freshness }> {
  // Profile changes not yet applied to the graduate index: the list may lack (or misrank) them.
  const pendingProfiles = deps.matchingIndex.pendingIn('profiles', ['all']);
  pendingProfiles.catch(() => {}); // awaited below; this only keeps an early failure from going unhandled
  const [listed, floors] = await Promise.all([
    deps.matchingIndex.listCandidates<Explanation>(job.jobId),
    deps.matchingIndex.candidateFloors([job.jobId]),
  ]);
  let stored = listed;
  // Stale: a listed graduate left or fell back since, so someone unlisted may now belong in the list.
  if (stored.length === 0 || stored.some((s) => s.jobVersion !== job.version) || floors.get(job.jobId)?.stale) {
    stored = await recomputeCandidatesForJob(deps, job.jobId);
  }
  const profiles = new Map(
    (await deps.matchingIndex.getProfiles(stored.map((s) => s.graduateId))).map((p) => [p.graduateId, p]),
  );
  const matchJob = toMatchJob(job);
  const ranked = stored
    .flatMap((s) => {
      const profile = profiles.get(s.graduateId);
      if (!profile?.consents.discoverable || !profile.consents.personalisedMatching) return [];
      if (profile.version === s.profileVersion) return [{ profile, score: s.score, explanation: s.explanation }];
      const fresh = scoreJobForProfile(toMatchProfile(profile), matchJob, deps.taxonomy);
      return fresh.eligible ? [{ profile, score: fresh.score, explanation: fresh.explanation }] : [];
    })
    .sort((a, b) => b.score - a.score || (a.profile.graduateId < b.profile.graduateId ? -1 : 1));
  const computedAt = stored.reduce<string | undefined>(
    (latest, s) => (s.computedAt && (!latest || s.computedAt > latest) ? s.computedAt : latest),
    undefined,
  );
  return {
    computedAt: computedAt ?? deps.clock().toISOString(),
    ranked,
    freshness: freshnessOf(
      await pendingProfiles,
      stored.every((s) => s.jobVersion === job.version),
    ),
  };
}
