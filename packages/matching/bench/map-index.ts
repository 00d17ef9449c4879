/**
 * The previous in-memory skill → jobs index (maps of posting objects), kept as the benchmark's
 * baseline: `topJobsForProfile` over it is how top-k ran before the compact index.
 */
import type { RegionPartition } from '@skillpass/domain';
import {
  compareMatches,
  creditForRequiredSkill,
  type JobIndexReader,
  type JobMatch,
  type JobPosting,
  type MatchJob,
  type MatchProfile,
  partitionsOfInterest,
  postingsOfJob,
  profileSkillMap,
  type RankingStats,
  reachableSkills,
  scoreJobForProfile,
  type SkillGraph,
  skillPoints,
  WEIGHTS,
} from '../src/index.ts';

const byRank = (a: JobMatch & { postedAt: string }, b: JobMatch & { postedAt: string }) =>
  compareMatches(
    { score: a.score, postedAt: a.postedAt, id: a.jobId },
    { score: b.score, postedAt: b.postedAt, id: b.jobId },
  );

const EMPTY: readonly JobPosting[] = [];

export class MapJobIndex implements JobIndexReader {
  readonly #postings = new Map<string, Map<RegionPartition, Map<string, JobPosting>>>();
  readonly #jobs = new Map<string, MatchJob>();

  put(job: MatchJob): void {
    this.remove(job.id);
    this.#jobs.set(job.id, job);
    for (const { skillUri, partition, posting } of postingsOfJob(job)) {
      const byPartition = this.#postings.get(skillUri) ?? new Map<RegionPartition, Map<string, JobPosting>>();
      this.#postings.set(skillUri, byPartition);
      const list = byPartition.get(partition) ?? new Map<string, JobPosting>();
      byPartition.set(partition, list);
      list.set(job.id, posting);
    }
  }

  remove(jobId: string): void {
    const job = this.#jobs.get(jobId);
    if (!job) return;
    for (const { skillUri, partition } of postingsOfJob(job))
      this.#postings.get(skillUri)?.get(partition)?.delete(jobId);
    this.#jobs.delete(jobId);
  }

  get size(): number {
    return this.#jobs.size;
  }

  async postings(skillUri: string, partition: RegionPartition): Promise<readonly JobPosting[]> {
    const list = this.#postings.get(skillUri)?.get(partition);
    return list ? [...list.values()] : EMPTY;
  }

  async loadJobs(jobIds: readonly string[]): Promise<MatchJob[]> {
    return jobIds.flatMap((id) => {
      const job = this.#jobs.get(id);
      return job ? [job] : [];
    });
  }
}

/** The previous top-k: every posting of every reachable list accumulated into maps, then best bound first. */
export async function previousTopJobsForProfile(
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
