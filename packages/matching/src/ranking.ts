import type { RegionPartition } from '@skillpass/domain';
import {
  compareMatches,
  creditForRequiredSkill,
  partitionOfJob,
  partitionsOfInterest,
  profileSkillMap,
  scoreJobForProfile,
  SKILL_PRIOR_WEIGHT,
  skillPoints,
  totalSkillWeight,
  WEIGHTS,
} from './score.ts';
import type { JobMatch, MatchJob, MatchProfile, Proficiency, SkillGraph } from './types.ts';

/** A posting in the skill → jobs index: enough of the job to bound its score without loading it. */
export interface JobPosting {
  jobId: string;
  importance: 'essential' | 'optional';
  minProficiency: Proficiency;
  totalWeight: number;
}

/** Reads the inverted index skill → open jobs, per partition (in memory, or DynamoDB). */
export interface JobIndexReader {
  postings(skillUri: string, partition: RegionPartition): Promise<readonly JobPosting[]>;
}

/** Reads the inverted index skill → graduates who allow matching, per partition of interest. */
export interface GraduateIndexReader {
  graduateIds(skillUri: string, partition: RegionPartition): Promise<readonly string[]>;
}

/**
 * The share of a job's skill weight one posting carries, weight / (total weight + prior): the most of the
 * job-coverage part the posting can earn. Posting lists are ordered by it, highest first, so a list's head
 * holds the jobs its skill matters most to and a list read down to impact i bounds every job below by i.
 */
export function postingImpact(posting: Pick<JobPosting, 'importance' | 'totalWeight'>): number {
  return (
    (posting.importance === 'essential' ? WEIGHTS.essential : WEIGHTS.optional) /
    (posting.totalWeight + SKILL_PRIOR_WEIGHT)
  );
}

/** The postings a job contributes to the index, one per required skill, in its partition, with their impact. */
export function postingsOfJob(
  job: MatchJob,
): Array<{ skillUri: string; partition: RegionPartition; posting: JobPosting; impact: number }> {
  const totalWeight = totalSkillWeight(job);
  const partition = partitionOfJob(job);
  return job.requiredSkills.map((skill) => {
    const posting: JobPosting = {
      jobId: job.id,
      importance: skill.importance,
      minProficiency: skill.minProficiency,
      totalWeight,
    };
    return { skillUri: skill.uri, partition, posting, impact: postingImpact(posting) };
  });
}

/** The skills whose postings can hold a job this profile covers: its own and their neighbours. */
export function reachableSkills(skillUris: Iterable<string>, graph: SkillGraph): string[] {
  const reach = new Set<string>();
  for (const uri of skillUris) {
    reach.add(uri);
    for (const neighbour of graph.relatedSkills(uri)) reach.add(neighbour.uri);
  }
  return [...reach].sort();
}

export interface RankingStats {
  postingsRead: number;
  candidates: number;
  scored: number;
}

const byRank = (a: JobMatch & { postedAt: string }, b: JobMatch & { postedAt: string }) =>
  compareMatches(
    { score: a.score, postedAt: a.postedAt, id: a.jobId },
    { score: b.score, postedAt: b.postedAt, id: b.jobId },
  );

/**
 * A profile's top-k jobs through the index: reads only the postings of its skills and their
 * neighbours in its partitions of interest, bounds each candidate's score from the postings, and
 * loads and scores candidates best-bound first until no remaining one can enter the top k.
 */
export async function topJobsForProfile(
  profile: MatchProfile,
  reader: JobIndexReader,
  loadJobs: (jobIds: readonly string[]) => Promise<readonly MatchJob[]>,
  graph: SkillGraph,
  k: number,
): Promise<{ matches: Array<JobMatch & { postedAt: string }>; stats: RankingStats }> {
  const skills = profileSkillMap(profile);
  const partitions = partitionsOfInterest(profile);
  const earned = new Map<string, { earned: number; totalWeight: number; relevant: Set<string> }>();
  let postingsRead = 0;
  const reach = reachableSkills(skills.keys(), graph);
  // Which of the graduate's skills a posting's skill makes relevant: itself or a neighbour held.
  const heldNear = (skillUri: string) =>
    [skillUri, ...graph.relatedSkills(skillUri).map((n) => n.uri)].filter((uri) => skills.has(uri));
  const creditCache = new Map<string, number>();
  const lists = await Promise.all(
    reach.flatMap((skillUri) =>
      partitions.map(async (partition) => ({ skillUri, postings: await reader.postings(skillUri, partition) })),
    ),
  );
  for (const { skillUri, postings } of lists) {
    const near = postings.length > 0 ? heldNear(skillUri) : [];
    for (const posting of postings) {
      postingsRead++;
      const cacheKey = `${skillUri}|${posting.importance}|${posting.minProficiency}`;
      let credit = creditCache.get(cacheKey);
      if (credit === undefined) {
        credit = creditForRequiredSkill(
          skills,
          { uri: skillUri, importance: posting.importance, minProficiency: posting.minProficiency },
          graph,
        ).credit;
        creditCache.set(cacheKey, credit);
      }
      if (credit === 0) continue;
      const weight = posting.importance === 'essential' ? WEIGHTS.essential : WEIGHTS.optional;
      const entry = earned.get(posting.jobId) ?? {
        earned: 0,
        totalWeight: posting.totalWeight,
        relevant: new Set<string>(),
      };
      entry.earned += credit * weight;
      for (const uri of near) entry.relevant.add(uri);
      earned.set(posting.jobId, entry);
    }
  }
  // The skill part is exact from the postings; location and level can add at most their weights.
  const bounded = [...earned.entries()]
    .map(([jobId, e]) => ({
      jobId,
      bound: skillPoints(e.earned, e.totalWeight, e.relevant.size, skills.size) + WEIGHTS.location + WEIGHTS.level,
    }))
    .sort((a, b) => b.bound - a.bound || (a.jobId < b.jobId ? -1 : 1));
  const top: Array<JobMatch & { postedAt: string }> = [];
  let scored = 0;
  const batchSize = Math.max(k, 32);
  for (let start = 0; start < bounded.length; start += batchSize) {
    // Scores are rounded to one decimal, so a job whose exact score is up to 0.05 below the k-th
    // rounds to a tie with it and may still win on recency: only a bound below that can be skipped.
    const threshold = top.length >= k ? top[k - 1]!.score - 0.05 - 1e-9 : Number.NEGATIVE_INFINITY;
    const batch = bounded.slice(start, start + batchSize).filter((c) => c.bound >= threshold);
    if (batch.length === 0) break;
    for (const job of await loadJobs(batch.map((c) => c.jobId))) {
      scored++;
      const match = scoreJobForProfile(profile, job, graph, skills);
      if (match.eligible) top.push({ ...match, postedAt: job.postedAt });
    }
    top.sort(byRank);
    top.length = Math.min(top.length, k);
  }
  return { matches: top, stats: { postingsRead, candidates: earned.size, scored } };
}

/** The reference: score every job. The index path must give exactly this list. */
export function bruteForceTopJobs(
  profile: MatchProfile,
  jobs: readonly MatchJob[],
  graph: SkillGraph,
  k: number,
): Array<JobMatch & { postedAt: string }> {
  const partitions = new Set(partitionsOfInterest(profile));
  const skills = profileSkillMap(profile);
  return jobs
    .filter((job) => partitions.has(partitionOfJob(job)))
    .map((job) => ({ ...scoreJobForProfile(profile, job, graph, skills), postedAt: job.postedAt }))
    .filter((match) => match.eligible)
    .sort(byRank)
    .slice(0, k);
}

/** The postings a graduate contributes: one per skill and partition of interest. */
export function postingsOfProfile(profile: MatchProfile): Array<{ skillUri: string; partition: RegionPartition }> {
  const partitions = partitionsOfInterest(profile);
  return profile.skills.flatMap((skill) => partitions.map((partition) => ({ skillUri: skill.uri, partition })));
}

/**
 * A job's top-k graduates through the index skill → graduates: reads the postings of the job's
 * skills and their neighbours in the job's partition, then scores those graduates.
 */
export async function topCandidatesForJob(
  job: MatchJob,
  reader: GraduateIndexReader,
  loadProfiles: (graduateIds: readonly string[]) => Promise<readonly MatchProfile[]>,
  graph: SkillGraph,
  k: number,
): Promise<{ matches: JobMatch[]; stats: RankingStats }> {
  const partition = partitionOfJob(job);
  const reach = reachableSkills(
    job.requiredSkills.map((s) => s.uri),
    graph,
  );
  const lists = await Promise.all(reach.map((skillUri) => reader.graduateIds(skillUri, partition)));
  const ids = [...new Set(lists.flat())].sort();
  const profiles = await loadProfiles(ids);
  const matches = profiles
    .map((profile) => scoreJobForProfile(profile, job, graph))
    .filter((m) => m.eligible)
    .sort((a, b) => b.score - a.score || (a.profileId < b.profileId ? -1 : a.profileId > b.profileId ? 1 : 0))
    .slice(0, k);
  return {
    matches,
    stats: { postingsRead: lists.reduce((n, l) => n + l.length, 0), candidates: ids.length, scored: profiles.length },
  };
}

export function bruteForceTopCandidates(
  job: MatchJob,
  profiles: readonly MatchProfile[],
  graph: SkillGraph,
  k: number,
): JobMatch[] {
  const partition = partitionOfJob(job);
  return profiles
    .filter((profile) => partitionsOfInterest(profile).includes(partition))
    .map((profile) => scoreJobForProfile(profile, job, graph))
    .filter((m) => m.eligible)
    .sort((a, b) => b.score - a.score || (a.profileId < b.profileId ? -1 : a.profileId > b.profileId ? 1 : 0))
    .slice(0, k);
}

/** Job ids that entered a graduate's top list: what "precise push" notifies. */
export function newlyEnteredJobIds(previousTop: readonly string[], currentTop: readonly string[]): string[] {
  const before = new Set(previousTop);
  return currentTop.filter((id) => !before.has(id));
}
