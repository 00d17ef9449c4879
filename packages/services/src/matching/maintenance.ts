import { type GraduateProfile, isJobOpen, type JobPosting, type RegionPartition } from '@skillpass/domain';
import {
  type JobMatch,
  type MatchJob,
  type MatchProfile,
  newlyEnteredJobIds,
  partitionOfJob,
  partitionsOfInterest,
  postingsOfJob,
  reachableSkills,
  scoreJobForProfile,
  type SkillGraph,
  topCandidatesForJob,
  topJobsForProfile,
} from '@skillpass/matching';
import type { Repositories, StoredCandidate, StoredMatchSet } from '@skillpass/store';

/** How many ranked jobs a graduate keeps, and ranked graduates a job keeps. */
export const TOP_K = 50;
/** A new job is offered to at most this many graduates found through the index. */
const MAX_PUSH_FANOUT = 2_000;

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
  };
}

async function loadOpenMatchJobs(deps: MatchingDeps, ids: readonly string[]): Promise<MatchJob[]> {
  const now = deps.clock();
  return (await deps.matchingIndex.getJobs(ids)).filter((job) => isJobOpen(job, now)).map(toMatchJob);
}

/** Keeps the skill → jobs index in step with a job: postings while open, none once closed. */
export async function indexJob(
  deps: MatchingDeps,
  jobId: string,
  previous?: { skills: readonly string[]; partition: RegionPartition },
) {
  const job = await deps.jobs.get(jobId);
  const now = deps.clock();
  const open = job && isJobOpen(job, now) ? toMatchJob(job) : undefined;
  const current = open
    ? {
        partition: partitionOfJob(open),
        postings: postingsOfJob(open).map(({ skillUri, posting }) => ({
          skillUri,
          importance: posting.importance,
          minProficiency: posting.minProficiency,
          totalWeight: posting.totalWeight,
        })),
      }
    : undefined;
  const before =
    previous ??
    (job ? { skills: job.requiredSkills.map((s) => s.uri), partition: partitionOfJob(toMatchJob(job)) } : undefined);
  await deps.matchingIndex.syncJobPostings(jobId, current, before);
  return { job, open };
}

/** Recomputes and stores a graduate's ranked jobs; the set records the versions it used. */
export async function recomputeMatchesForGraduate(
  deps: MatchingDeps,
  graduateId: string,
): Promise<StoredMatchSet<Explanation> | undefined> {
  const profile = await deps.profiles.get(graduateId);
  if (!profile) return undefined;
  const previous = await deps.matchingIndex.getMatchSet<Explanation>(graduateId);
  const computedAt = deps.clock().toISOString();
  if (!profile.consents.personalisedMatching) {
    const set: StoredMatchSet<Explanation> = {
      graduateId,
      profileVersion: profile.version,
      computedAt,
      mode: 'non-personalised',
      matches: [],
      newJobIds: [],
    };
    await deps.matchingIndex.putMatchSet(set);
    return set;
  }
  const { matches } = await topJobsForProfile(
    toMatchProfile(profile),
    { postings: (skill, partition) => deps.matchingIndex.jobPostings(skill, partition) },
    (ids) => loadOpenMatchJobs(deps, ids),
    deps.taxonomy,
    TOP_K,
  );
  const set: StoredMatchSet<Explanation> = {
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
  await deps.matchingIndex.putMatchSet(set);
  return set;
}

function candidateOf(match: JobMatch): StoredCandidate<Explanation> {
  return {
    jobId: match.jobId,
    jobVersion: match.jobVersion,
    graduateId: match.profileId,
    profileVersion: match.profileVersion,
    score: match.score,
    explanation: match.explanation,
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
  const candidates = matches.map(candidateOf);
  await deps.matchingIndex.replaceCandidates(jobId, candidates);
  return candidates;
}

/**
 * Precise push: offers a new or changed job to the graduates whose skills reach it, and
 * recomputes the lists it would enter (their MatchSet then names it in `newJobIds`).
 */
export async function pushJobToGraduates(deps: MatchingDeps, job: MatchJob): Promise<number> {
  const partition = partitionOfJob(job);
  const reach = reachableSkills(
    job.requiredSkills.map((s) => s.uri),
    deps.taxonomy,
  );
  const lists = await Promise.all(reach.map((skill) => deps.matchingIndex.graduateIdsForSkill(skill, partition)));
  const graduateIds = [...new Set(lists.flat().map((g) => g.graduateId))].sort().slice(0, MAX_PUSH_FANOUT);
  let recomputed = 0;
  for (const profile of await deps.matchingIndex.getProfiles(graduateIds)) {
    if (!profile.consents.personalisedMatching) continue;
    const set = await deps.matchingIndex.getMatchSet<Explanation>(profile.graduateId);
    if (set?.matches.some((m) => m.jobId === job.id && m.jobVersion === job.version)) continue;
    const match = scoreJobForProfile(toMatchProfile(profile), job, deps.taxonomy);
    const floor =
      set && set.matches.length >= TOP_K ? set.matches[set.matches.length - 1]!.score : Number.NEGATIVE_INFINITY;
    if (!match.eligible || match.score < floor) continue;
    await recomputeMatchesForGraduate(deps, profile.graduateId);
    recomputed++;
  }
  return recomputed;
}

/** Keeps a graduate's postings (skill → graduate, per partition of interest) in step with the profile. */
export async function indexGraduate(deps: MatchingDeps, graduateId: string): Promise<GraduateProfile | undefined> {
  const profile = await deps.profiles.get(graduateId);
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

/** After a profile changes, its entries in the candidate lists of its top jobs are refreshed. */
export async function refreshCandidacies(
  deps: MatchingDeps,
  profile: GraduateProfile,
  set: StoredMatchSet<Explanation>,
): Promise<void> {
  if (!profile.consents.discoverable) return;
  for (const match of set.matches) {
    await deps.matchingIndex.putCandidate({
      jobId: match.jobId,
      jobVersion: match.jobVersion,
      graduateId: profile.graduateId,
      profileVersion: profile.version,
      score: match.score,
      explanation: match.explanation,
    });
  }
}
