import { type GraduateProfile, isJobOpen, type JobPosting, type RegionPartition } from '@skillpass/domain';
import {
  type JobMatch,
  type MatchJob,
  type MatchProfile,
  newlyEnteredJobIds,
  partitionOfJob,
  partitionsOfInterest,
  postingsOfJob,
  RELATION_CREDIT,
  scoreJobForProfile,
  type SkillGraph,
  topCandidatesForJob,
  topJobsByImpactPages,
  WEIGHTS,
} from '@skillpass/matching';
import type { PendingChange, Repositories, StoredCandidate, StoredMatchSet } from '@skillpass/store';
import { floorOf } from './candidate-floor.ts';

/** How many ranked jobs a graduate keeps, and ranked graduates a job keeps. */
export const TOP_K = 50;
/** Graduates per push chunk: one SQS message in AWS (well under its 256 KB), one unit of work locally. */
export const PUSH_CHUNK_SIZE = 500;
/** How often a computation that lost a race for a graduate's set computes again before giving up (and retrying later). */
const MAX_SET_ATTEMPTS = 8;

export type Explanation = JobMatch['explanation'];

/** What matching runs on: profiles, jobs, the matching indexes, the skill graph and the time. */
export type MatchingDeps = Pick<Repositories, 'profiles' | 'jobs' | 'matchingIndex'> & {
  taxonomy: SkillGraph;
  clock: () => Date;
};

export function toMatchJob(job: JobPosting): MatchJob {
  return {
    id: job.jobId,
    version: job.version,
    requiredSkills: job.requiredSkills,
    place: job.place,
    ...(job.minEqfLevel !== undefined ? { minEqfLevel: job.minEqfLevel } : {}),
    ...(job.minChinaSkillLevel !== undefined ? { minChinaSkillLevel: job.minChinaSkillLevel } : {}),
    ...(job.requiredStandardLevel ? { requiredStandardLevel: job.requiredStandardLevel } : {}),
    postedAt: job.postedAt,
  };
}

/** A credential-verified skill counts as held (at proficiency 3) even if the graduate did not list it. */
export function toMatchProfile(profile: GraduateProfile): MatchProfile {
  const verified = new Set(profile.verifiedSkills.map((v) => v.uri));
  const skills = profile.skills.map((s) => ({ uri: s.uri, proficiency: s.proficiency, verified: verified.has(s.uri) }));
  for (const uri of verified)
    if (!skills.some((s) => s.uri === uri)) skills.push({ uri, proficiency: 3, verified: true });
  const eqf = profile.education.map((e) => e.eqfLevel);
  return {
    id: profile.graduateId,
    version: profile.version,
    skills,
    preferredPlaces: profile.preferredPlaces,
    openToRemote: profile.openToRemote,
    ...(eqf.length > 0 ? { eqfLevel: Math.max(...eqf) } : {}),
    ...(profile.chinaSkillLevel ? { chinaSkillLevel: profile.chinaSkillLevel.level } : {}),
    ...(profile.verifiedStandardLevels?.length ? { standardLevels: profile.verifiedStandardLevels } : {}),
  };
}

export async function loadOpenMatchJobs(deps: MatchingDeps, ids: readonly string[]): Promise<MatchJob[]> {
  const now = deps.clock();
  return (await deps.matchingIndex.getJobs(ids)).filter((job) => isJobOpen(job, now)).map(toMatchJob);
}

/**
 * Keeps the skill → jobs index in step with a job: postings while open, none once closed. `previous`
 * names the skills and partitions of the versions the events being applied replaced (all of them when
 * several events of the job are applied at once), whose postings go unless the current job still has them.
 */
export async function indexJob(
  deps: MatchingDeps,
  jobId: string,
  previous: ReadonlyArray<{ skills: readonly string[]; partition: RegionPartition }> = [],
) {
  const job = await deps.jobs.get(jobId);
  const now = deps.clock();
  const open = job && isJobOpen(job, now) ? toMatchJob(job) : undefined;
  const current = open
    ? {
        partition: partitionOfJob(open),
        postings: postingsOfJob(open).map(({ skillUri, posting, impact }) => ({
          skillUri,
          importance: posting.importance,
          minProficiency: posting.minProficiency,
          totalWeight: posting.totalWeight,
          impact,
        })),
      }
    : undefined;
  const before = [
    ...previous,
    ...(job ? [{ skills: job.requiredSkills.map((s) => s.uri), partition: partitionOfJob(toMatchJob(job)) }] : []),
  ];
  await deps.matchingIndex.syncJobPostings(jobId, current, before);
  return { job, open };
}

/**
 * Recomputes and stores a graduate's ranked jobs; the set records the versions it used. The write
 * is conditional on the set read first, so a computation that raced another one (a push merging a
 * new job, say) computes again from the newer index instead of overwriting it.
 */
export async function recomputeMatchesForGraduate(
  deps: MatchingDeps,
  graduateId: string,
): Promise<StoredMatchSet<Explanation> | undefined> {
  for (let attempt = 1; ; attempt++) {
    const [profile, previous] = await Promise.all([
      deps.profiles.get(graduateId),
      deps.matchingIndex.getMatchSet<Explanation>(graduateId),
    ]);
    if (!profile) return undefined;
    const set = await computeMatchSet(deps, profile, previous);
    if (await deps.matchingIndex.replaceMatchSet(set, previous)) return set;
    if (attempt >= MAX_SET_ATTEMPTS) throw new Error(`the match set of ${graduateId} kept changing while computed`);
  }
}

/**
 * Recomputes the ranked jobs of many graduates whose current profiles the caller has just read,
 * reading their stored sets in one batch read (or taking `knownSets`, read as part of the same work)
 * instead of a profile read and a set read each. Each write is still conditional on the set read: a
 * graduate whose set changed meanwhile is done again alone, as `recomputeMatchesForGraduate` does.
 */
export async function recomputeMatchesForProfiles(
  deps: MatchingDeps,
  profiles: readonly GraduateProfile[],
  options: { concurrency?: number; knownSets?: ReadonlyMap<string, StoredMatchSet<Explanation>> } = {},
): Promise<Map<string, StoredMatchSet<Explanation>>> {
  const sets =
    options.knownSets ?? (await deps.matchingIndex.getMatchSets<Explanation>(profiles.map((p) => p.graduateId)));
  const computed = new Map<string, StoredMatchSet<Explanation>>();
  await forEachLimited(profiles, options.concurrency ?? 8, async (profile) => {
    const previous = sets.get(profile.graduateId);
    const set = await computeMatchSet(deps, profile, previous);
    const stored = (await deps.matchingIndex.replaceMatchSet(set, previous))
      ? set
      : await recomputeMatchesForGraduate(deps, profile.graduateId);
    if (stored) computed.set(profile.graduateId, stored);
  });
  return computed;
}

async function computeMatchSet(
  deps: MatchingDeps,
  profile: GraduateProfile,
  previous: StoredMatchSet<Explanation> | undefined,
): Promise<StoredMatchSet<Explanation>> {
  const computedAt = deps.clock().toISOString();
  const graduateId = profile.graduateId;
  if (!profile.consents.personalisedMatching) {
    return {
      graduateId,
      profileVersion: profile.version,
      computedAt,
      mode: 'non-personalised',
      matches: [],
      newJobIds: [],
    };
  }
  // The impact-ordered heads of the posting lists (GSI1), read further only while a job below could still enter the
  // top k: a common skill's long list is not read whole (docs/matching.md).
  const { matches } = await topJobsByImpactPages(
    toMatchProfile(profile),
    { postingsPage: (skill, partition, page) => deps.matchingIndex.jobPostingsByImpact(skill, partition, page) },
    (ids) => loadOpenMatchJobs(deps, ids),
    deps.taxonomy,
    TOP_K,
  );
  return {
    graduateId,
    profileVersion: profile.version,
    computedAt,
    mode: 'personalised',
    matches: matches.map((m) => ({
      jobId: m.jobId,
      jobVersion: m.jobVersion,
      score: m.score,
      explanation: m.explanation,
    })),
    // Only after a first computation is anything "new": a fresh profile's whole list is not a push.
    newJobIds: previous
      ? newlyEnteredJobIds(
          previous.matches.map((m) => m.jobId),
          matches.map((m) => m.jobId),
        )
      : [],
  };
}

export function candidateOf(match: JobMatch, computedAt: string): StoredCandidate<Explanation> {
  return {
    jobId: match.jobId,
    jobVersion: match.jobVersion,
    graduateId: match.profileId,
    profileVersion: match.profileVersion,
    score: match.score,
    explanation: match.explanation,
    computedAt,
  };
}

/** Recomputes and stores a job's ranked candidates: discoverable graduates only. */
export async function recomputeCandidatesForJob(
  deps: MatchingDeps,
  jobId: string,
): Promise<StoredCandidate<Explanation>[]> {
  const job = await deps.jobs.get(jobId);
  const now = deps.clock();
  if (!job || !isJobOpen(job, now)) {
    await deps.matchingIndex.replaceCandidates(jobId, []);
    await deps.matchingIndex.putCandidateFloors([floorOf(jobId, [])]);
    return [];
  }
  const { matches } = await topCandidatesForJob(
    toMatchJob(job),
    {
      graduateIds: async (skill, partition) =>
        (await deps.matchingIndex.graduateIdsForSkill(skill, partition))
          .filter((g) => g.discoverable)
          .map((g) => g.graduateId),
    },
    async (ids) =>
      (await deps.matchingIndex.getProfiles(ids))
        .filter((p) => p.consents.discoverable && p.consents.personalisedMatching)
        .map(toMatchProfile),
    deps.taxonomy,
    TOP_K,
  );
  const computedAt = now.toISOString();
  const candidates = matches.map((match) => candidateOf(match, computedAt));
  await deps.matchingIndex.replaceCandidates(jobId, candidates);
  await deps.matchingIndex.putCandidateFloors([floorOf(jobId, candidates)]);
  return candidates;
}

/** A slice of a job's push: graduates the job's skills reach, in the order of their score potential. */
export interface PushChunk {
  jobId: string;
  jobVersion: number;
  graduateIds: string[];
  /** The pending-change entry this chunk clears once applied (when the push runs off the event's path). */
  pending?: PendingChange;
}

/** Where push chunks go: SQS in AWS; without a queue they are applied in-process, at once. */
export interface PushQueue {
  enqueue(chunks: readonly PushChunk[]): Promise<void>;
}

/**
 * Every graduate a job's skills reach in its partition, best score potential first: the weighted
 * credit they can earn on its required skills from the skills they are indexed under (an upper
 * bound of the skill part of their score), not their id. Nobody is left out; the chunks only order the work.
 */
export async function planPush(deps: MatchingDeps, job: MatchJob): Promise<PushChunk[]> {
  const partition = partitionOfJob(job);
  // skill held → the required skills it earns credit on, and how much at most.
  const credits = new Map<string, Array<{ required: string; credit: number }>>();
  const add = (held: string, required: string, credit: number) =>
    credits.set(held, [...(credits.get(held) ?? []), { required, credit }]);
  for (const required of job.requiredSkills) {
    const weight = required.importance === 'essential' ? WEIGHTS.essential : WEIGHTS.optional;
    add(required.uri, required.uri, weight);
    for (const neighbour of deps.taxonomy.relatedSkills(required.uri)) {
      add(neighbour.uri, required.uri, weight * RELATION_CREDIT[neighbour.kind]);
    }
  }
  const held = [...credits.keys()].sort();
  const lists = await Promise.all(held.map((skill) => deps.matchingIndex.graduateIdsForSkill(skill, partition)));
  const best = new Map<string, Map<string, number>>();
  held.forEach((skill, i) => {
    for (const { graduateId } of lists[i]!) {
      const perRequired = best.get(graduateId) ?? new Map<string, number>();
      for (const { required, credit } of credits.get(skill)!) {
        perRequired.set(required, Math.max(perRequired.get(required) ?? 0, credit));
      }
      best.set(graduateId, perRequired);
    }
  });
  const ranked = [...best.entries()]
    .map(([graduateId, perRequired]) => ({
      graduateId,
      potential: [...perRequired.values()].reduce((a, b) => a + b, 0),
    }))
    .sort((a, b) => b.potential - a.potential || (a.graduateId < b.graduateId ? -1 : 1));
  const chunks: PushChunk[] = [];
  for (let start = 0; start < ranked.length; start += PUSH_CHUNK_SIZE) {
    chunks.push({
      jobId: job.id,
      jobVersion: job.version,
      graduateIds: ranked.slice(start, start + PUSH_CHUNK_SIZE).map((r) => r.graduateId),
    });
  }
  return chunks;
}

/** Runs `work` over `items` with at most `limit` at a time. */
export async function forEachLimited<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

export interface PushOutcome {
  /** Graduates a current chunk named, each scored against its job. */
  considered: number;
  /** Graduates whose list the job entered (or changed in), recomputed once however many jobs entered it. */
  recomputed: number;
  /** Chunks of a job version that is closed or superseded: the newer version's own push covers them. */
  superseded: number;
}

/**
 * Applies push chunks, of one or several jobs: each named graduate is scored against the job, and a
 * graduate whose stored list the job would enter (or whose entry is of an older job version) has the
 * list recomputed — once, however many of the jobs enter it. Graduates in `skip` are left out (their
 * lists were recomputed after these jobs were indexed). Idempotent: a job already in a list at its
 * version changes nothing.
 */
export async function applyPushChunks(
  deps: MatchingDeps,
  chunks: readonly PushChunk[],
  options: { skip?: ReadonlySet<string>; concurrency?: number } = {},
): Promise<PushOutcome> {
  const now = deps.clock();
  const current = new Map(
    (await deps.matchingIndex.getJobs([...new Set(chunks.map((c) => c.jobId))]))
      .filter((job) => isJobOpen(job, now))
      .map((job) => [job.jobId, toMatchJob(job)]),
  );
  const live = chunks.filter((chunk) => current.get(chunk.jobId)?.version === chunk.jobVersion);
  const jobsOf = new Map<string, MatchJob[]>();
  for (const chunk of live) {
    for (const graduateId of chunk.graduateIds) {
      if (options.skip?.has(graduateId)) continue;
      jobsOf.set(graduateId, [...(jobsOf.get(graduateId) ?? []), current.get(chunk.jobId)!]);
    }
  }
  const ids = [...jobsOf.keys()];
  const [profiles, sets] = await Promise.all([
    deps.matchingIndex.getProfiles(ids),
    deps.matchingIndex.getMatchSets<Explanation>(ids),
  ]);
  const toRecompute: string[] = [];
  for (const profile of profiles) {
    if (!profile.consents.personalisedMatching) continue;
    const set = sets.get(profile.graduateId);
    // No list yet: the graduate's own event computes it, from an index that already holds these jobs.
    if (!set) continue;
    const matchProfile = toMatchProfile(profile);
    const floor = set.matches.length >= TOP_K ? set.matches[set.matches.length - 1]!.score : Number.NEGATIVE_INFINITY;
    const enters = jobsOf.get(profile.graduateId)!.some((job) => {
      const listed = set.matches.find((m) => m.jobId === job.id);
      if (listed?.jobVersion === job.version) return false;
      if (listed) return true;
      const match = scoreJobForProfile(matchProfile, job, deps.taxonomy);
      return match.eligible && match.score >= floor;
    });
    if (enters) toRecompute.push(profile.graduateId);
  }
  // Profiles and sets were read above: recomputing needs neither read again.
  const readProfiles = new Map(profiles.map((p) => [p.graduateId, p]));
  await recomputeMatchesForProfiles(
    deps,
    toRecompute.map((id) => readProfiles.get(id)!),
    { knownSets: sets, ...(options.concurrency ? { concurrency: options.concurrency } : {}) },
  );
  const superseded = chunks.length - live.length;
  const outcome = { considered: ids.length, recomputed: toRecompute.length, superseded };
  await deps.matchingIndex.clearPending(chunks.flatMap((c) => (c.pending ? [c.pending] : [])));
  return outcome;
}

/**
 * The precise push of a new or changed job: every graduate its skills reach is considered, best
 * potential first, and the lists it would enter are recomputed (their MatchSet then names it in
 * `newJobIds`). With a queue the chunks go there, each marked pending until applied.
 */
export async function pushJobToGraduates(
  deps: MatchingDeps & { pushQueue?: PushQueue },
  job: MatchJob,
  source?: { eventId: string; occurredAt: string },
): Promise<number> {
  const chunks = await planPush(deps, job);
  if (!deps.pushQueue) return (await applyPushChunks(deps, chunks)).recomputed;
  const partition = partitionOfJob(job);
  const marked = chunks.map((chunk, i) => ({
    ...chunk,
    ...(source
      ? {
          pending: {
            kind: 'jobs' as const,
            scope: partition,
            occurredAt: source.occurredAt,
            eventId: `${source.eventId}#push${i}`,
          },
        }
      : {}),
  }));
  await deps.matchingIndex.markPending(marked.flatMap((c) => (c.pending ? [c.pending] : [])));
  await deps.pushQueue.enqueue(marked);
  return 0;
}

/** Keeps a graduate's postings (skill → graduate, per partition of interest) in step with the profile. */
export async function indexGraduate(
  deps: MatchingDeps,
  graduateId: string,
  read?: { profile: GraduateProfile | undefined },
): Promise<GraduateProfile | undefined> {
  // `read`: the profile as the caller has just read it (undefined: erased), so it is not read twice.
  const profile = read ? read.profile : await deps.profiles.get(graduateId);
  if (!profile?.consents.personalisedMatching) {
    await deps.matchingIndex.syncGraduatePostings(graduateId, undefined);
    await deps.matchingIndex.removeCandidacies(graduateId);
    return profile;
  }
  const matchProfile = toMatchProfile(profile);
  await deps.matchingIndex.syncGraduatePostings(graduateId, {
    skills: matchProfile.skills.map((s) => s.uri),
    partitions: partitionsOfInterest(matchProfile),
    discoverable: profile.consents.discoverable,
  });
  if (!profile.consents.discoverable) await deps.matchingIndex.removeCandidacies(graduateId);
  return profile;
}

/**
 * The same deps with the index reads a batch repeats (postings per skill and partition, whole or a page in
 * impact order, jobs and profiles by id) read once and shared: many graduates of one batch read the same postings. Made
 * after the batch's index writes, so it sees them; writes and match sets are never cached.
 */
export function withBatchReads<D extends MatchingDeps>(deps: D): D {
  const index = deps.matchingIndex;
  const memo = <T>(cache: Map<string, Promise<T>>, key: string, read: () => Promise<T>) => {
    let value = cache.get(key);
    if (!value) {
      value = read();
      cache.set(key, value);
    }
    return value;
  };
  const jobPostings = new Map<string, ReturnType<typeof index.jobPostings>>();
  const impactPages = new Map<string, ReturnType<typeof index.jobPostingsByImpact>>();
  const graduates = new Map<string, ReturnType<typeof index.graduateIdsForSkill>>();
  const byId = <T>(read: (ids: readonly string[]) => Promise<T[]>, idOf: (item: T) => string) => {
    const loaded = new Map<string, T | undefined>();
    const inFlight = new Map<string, Promise<void>>();
    return async (ids: readonly string[]): Promise<T[]> => {
      const missing = [...new Set(ids.filter((id) => !inFlight.has(id)))];
      if (missing.length > 0) {
        const reading = read(missing).then((items) => {
          const found = new Map(items.map((item) => [idOf(item), item]));
          for (const id of missing) loaded.set(id, found.get(id));
        });
        for (const id of missing) inFlight.set(id, reading);
      }
      await Promise.all(ids.map((id) => inFlight.get(id)));
      return ids.flatMap((id) => {
        const value = loaded.get(id);
        return value === undefined ? [] : [value];
      });
    };
  };
  const jobs = byId<JobPosting>(
    (ids) => index.getJobs(ids),
    (job) => job.jobId,
  );
  const profiles = byId<GraduateProfile>(
    (ids) => index.getProfiles(ids),
    (profile) => profile.graduateId,
  );
  const cached: MatchingDeps['matchingIndex'] = Object.assign(Object.create(index) as typeof index, {
    jobPostings: (skill: string, partition: RegionPartition) =>
      memo(jobPostings, `${partition} ${skill}`, () => index.jobPostings(skill, partition)),
    jobPostingsByImpact: (skill: string, partition: RegionPartition, page: { limit: number; after?: string }) =>
      memo(impactPages, `${partition} ${skill} ${page.limit} ${page.after ?? ''}`, () =>
        index.jobPostingsByImpact(skill, partition, page),
      ),
    graduateIdsForSkill: (skill: string, partition: RegionPartition) =>
      memo(graduates, `${partition} ${skill}`, () => index.graduateIdsForSkill(skill, partition)),
    getJobs: jobs,
    getProfiles: profiles,
  });
  return { ...deps, matchingIndex: cached };
}
