import type { GraduateProfile } from '@skillpass/domain';
import { partitionsOfInterest, reachableSkills, scoreJobForProfile } from '@skillpass/matching';
import type { CandidateFloor, StoredCandidate, StoredMatchSet } from '@skillpass/store';
import { beatsFloor, byCandidateRank, floorOf } from './candidate-floor.ts';
import {
  candidateOf,
  type Explanation,
  forEachLimited,
  loadOpenMatchJobs,
  type MatchingDeps,
  TOP_K,
  toMatchProfile,
} from './maintenance.ts';

/** A graduate's entries for the candidate lists of the jobs in their ranked list (none unless discoverable). */
export function candidaciesOf(
  profile: GraduateProfile,
  set: StoredMatchSet<Explanation>,
): StoredCandidate<Explanation>[] {
  if (!profile.consents.discoverable) return [];
  return set.matches.map((match) => ({
    jobId: match.jobId,
    jobVersion: match.jobVersion,
    graduateId: profile.graduateId,
    profileVersion: set.profileVersion,
    score: match.score,
    explanation: match.explanation,
    computedAt: set.computedAt,
  }));
}

/** What a batch's profile changes do to the candidate lists beyond the graduates' own top jobs. */
export interface CandidateOffers {
  /** Entries for lists the graduates now belong in (they beat the list's end) or were already in (refreshed). */
  entries: StoredCandidate<Explanation>[];
  /** Full lists a graduate fell back in or left: someone unlisted may now rank above their end. */
  fellBack: CandidateFloor[];
}

/**
 * The mirror image of a job's push: each discoverable graduate whose profile changed is scored against every open
 * job their skills reach (their own skills and their neighbours, in their places of interest), and offered to the
 * lists whose end they beat. Their top jobs are left out: `candidaciesOf` enters those lists anyway. A list that
 * held them is refreshed, and marked stale when full and they fell back or left it.
 *
 * Floors are read first, 100 to a batch read and shared by the batch's graduates, so only the lists an offer enters
 * are read whole (by the merge). A job whose full list ends above the graduate's 50th score is not even loaded: no job
 * outside their top 50 scores higher than that.
 */
export async function offersBeyondTopJobs(
  deps: MatchingDeps,
  graduates: ReadonlyArray<{ profile: GraduateProfile; set: StoredMatchSet<Explanation> }>,
  concurrency = 8,
): Promise<CandidateOffers> {
  const computedAt = deps.clock().toISOString();
  const offers: StoredCandidate<Explanation>[] = [];
  const listed = new Set<string>();
  const leaving: string[] = [];
  const key = (entry: Pick<StoredCandidate, 'jobId' | 'graduateId'>) => `${entry.jobId} ${entry.graduateId}`;
  // Floors read so far in this call: the batch's graduates reach many of the same jobs.
  const floors = new Map<string, CandidateFloor | undefined>();
  const readFloors = async (jobIds: readonly string[]) => {
    const missing = [...new Set(jobIds.filter((id) => !floors.has(id)))];
    if (missing.length === 0) return;
    const read = await deps.matchingIndex.candidateFloors(missing);
    for (const id of missing) floors.set(id, read.get(id));
  };
  await forEachLimited(graduates, concurrency, async ({ profile, set }) => {
    if (!profile.consents.discoverable || !profile.consents.personalisedMatching || set.mode !== 'personalised') return;
    const matchProfile = toMatchProfile(profile);
    const top = new Map(set.matches.map((m) => [m.jobId, m.score]));
    const reach = reachableSkills(
      matchProfile.skills.map((s) => s.uri),
      deps.taxonomy,
    );
    const [previous, ...lists] = await Promise.all([
      deps.matchingIndex.listCandidacies<Explanation>(profile.graduateId),
      ...partitionsOfInterest(matchProfile).flatMap((partition) =>
        reach.map(async (skill) => (await deps.matchingIndex.jobPostings(skill, partition)).map((p) => p.jobId)),
      ),
    ]);
    const wasListed = new Set(previous.map((entry) => entry.jobId));
    const reached = [...new Set(lists.flat())].filter((jobId) => !top.has(jobId));
    await readFloors(reached);
    // A job outside a full top 50 scores at most the 50th's score: a full list ending above that cannot take them.
    const ceiling = set.matches.length >= TOP_K ? set.matches.at(-1)!.score : Number.POSITIVE_INFINITY;
    const best = { graduateId: profile.graduateId, score: ceiling };
    const open = reached.filter((jobId) => wasListed.has(jobId) || beatsFloor(best, floors.get(jobId), TOP_K));
    const score = new Map(top);
    for (const job of await loadOpenMatchJobs(deps, open)) {
      const match = scoreJobForProfile(matchProfile, job, deps.taxonomy);
      if (!match.eligible) continue;
      score.set(job.id, match.score);
      offers.push(candidateOf(match, computedAt));
    }
    for (const entry of previous) {
      listed.add(key(entry));
      const now = score.get(entry.jobId);
      if (now === undefined || now < entry.score) leaving.push(entry.jobId);
    }
  });
  await readFloors(leaving);
  const fellBack = [...new Set(leaving)].flatMap((jobId) => {
    const floor = floors.get(jobId) ?? { jobId, size: TOP_K };
    // A short list holds everyone eligible it reaches, so one falling back lets nobody else in.
    return floor.stale || floor.size < TOP_K ? [] : [{ ...floor, stale: true as const }];
  });
  return {
    entries: offers.filter((o) => listed.has(key(o)) || beatsFloor(o, floors.get(o.jobId), TOP_K)),
    fellBack,
  };
}

/**
 * Merges graduates' entries into jobs' candidate lists, each list keeping its best TOP_K: per job one
 * read, then only the entries that enter are written and those pushed out deleted, and the list's new
 * floor recorded (still stale if it was). Many graduates of a batch entering one job's list make one
 * merge, not one write each.
 */
export async function mergeCandidacies(
  deps: MatchingDeps,
  entries: readonly StoredCandidate<Explanation>[],
  concurrency = 8,
): Promise<void> {
  const byJob = new Map<string, StoredCandidate<Explanation>[]>();
  for (const entry of entries) byJob.set(entry.jobId, [...(byJob.get(entry.jobId) ?? []), entry]);
  const floors = await deps.matchingIndex.candidateFloors([...byJob.keys()]);
  const written: CandidateFloor[] = [];
  await forEachLimited([...byJob], concurrency, async ([jobId, fresh]) => {
    const stored = await deps.matchingIndex.listCandidates<Explanation>(jobId);
    const freshIds = new Set(fresh.map((entry) => entry.graduateId));
    const merged = [...stored.filter((s) => !freshIds.has(s.graduateId)), ...fresh]
      .sort(byCandidateRank)
      .slice(0, TOP_K);
    const kept = new Set(merged.map((entry) => entry.graduateId));
    await deps.matchingIndex.removeCandidates(
      jobId,
      stored.filter((s) => !kept.has(s.graduateId)).map((s) => s.graduateId),
    );
    await deps.matchingIndex.putCandidates(fresh.filter((entry) => kept.has(entry.graduateId)));
    written.push(floorOf(jobId, merged, floors.get(jobId)?.stale === true));
  });
  await deps.matchingIndex.putCandidateFloors(written);
}
