import type { RegionPartition } from '@skillpass/domain';
import { bestLocationScore } from './compact-index.ts';
import type { JobPosting, RankingStats } from './ranking.ts';
import {
  compareMatches,
  creditForRequiredSkill,
  GRADUATE_SHARE,
  partitionsOfInterest,
  profileSkillMap,
  RELATION_CREDIT,
  scoreJobForProfile,
  SKILL_PRIOR_WEIGHT,
  WEIGHTS,
} from './score.ts';
import type { JobMatch, MatchJob, MatchProfile, Proficiency, SkillGraph } from './types.ts';

/**
 * The top-k query over a store that keeps each posting list in impact order (DynamoDB: the SKILLJOBS
 * lists on GSI1, see docs/matching.md) and reads it a page at a time: a list's head, then more only
 * while a job further down could still enter the top k.
 *
 * Rounds: read the next page of every list still needed; score exactly (by loading the job) every job
 * met whose bound can still reach the k-th score; stop once no unseen job can. A job met so far is
 * bounded by what its postings read earn plus the most the unfinished lists of its partition can add;
 * a job not met, by the unfinished lists alone, each at the impact it was last read at (all below
 * are lower). Both bounds only fall as lists are read and the k-th score only rises, so a job passed
 * over is never needed later: the result is exactly brute force's.
 */

/** A posting read from an impact-ordered list: the stored impact orders it. */
export type ImpactPosting = JobPosting & { impact: number };

/** Reads one page of a list in impact order, from `after` (the previous page's `next`; undefined: the head). */
export interface ImpactPageReader {
  postingsPage(
    skillUri: string,
    partition: RegionPartition,
    page: { limit: number; after?: string },
  ): Promise<{ postings: readonly ImpactPosting[]; next?: string }>;
}

/** The first page of a list; later pages double, so a long list costs few round trips when it must be read. */
const FIRST_PAGE = 16;
const MAX_PAGE = 512;
const ROUNDING_SLACK = 0.05;
const FLOAT_GUARD = 1e-7;
const COVERAGE_POINTS = WEIGHTS.skills * (1 - GRADUATE_SHARE);
const SHARE_POINTS = WEIGHTS.skills * GRADUATE_SHARE;
/** How many jobs are loaded at once when scoring. */
const LOAD_BATCH = 32;

interface ListState {
  skillUri: string;
  partition: RegionPartition;
  /** Credit by minimum proficiency − 1. */
  credits: readonly number[];
  /** The held skills this list's skill makes relevant, and how much (1 itself, a relation's credit for a neighbour). */
  near: ReadonlyMap<string, number>;
  /** Coverage points a posting at impact i can earn: perImpact × i. */
  perImpact: number;
  share: number;
  /** Impact of the last posting read: every posting still unread has at most this much (1 before the first page). */
  frontier: number;
  after?: string;
  pageSize: number;
  finished: boolean;
}

interface Seen {
  partition: RegionPartition;
  totalWeight: number;
  earned: number;
  relevant: Map<string, number>;
}

export async function topJobsByImpactPages(
  profile: MatchProfile,
  reader: ImpactPageReader,
  loadJobs: (jobIds: readonly string[]) => Promise<readonly MatchJob[]>,
  graph: SkillGraph,
  k: number,
): Promise<{ matches: Array<JobMatch & { postedAt: string }>; stats: RankingStats & { pagesRead: number } }> {
  const skills = profileSkillMap(profile);
  const partitions = partitionsOfInterest(profile);
  const lists: ListState[] = [];
  const reachUris = new Set<string>();
  for (const uri of skills.keys()) {
    reachUris.add(uri);
    for (const neighbour of graph.relatedSkills(uri)) reachUris.add(neighbour.uri);
  }
  for (const skillUri of [...reachUris].sort()) {
    const credits = ([1, 2, 3, 4] as const).map(
      (minProficiency: Proficiency) =>
        creditForRequiredSkill(skills, { uri: skillUri, importance: 'essential', minProficiency }, graph).credit,
    );
    const near = new Map<string, number>();
    const relate = (uri: string, weight: number) => {
      if (skills.has(uri)) near.set(uri, Math.max(near.get(uri) ?? 0, weight));
    };
    relate(skillUri, 1);
    for (const n of graph.relatedSkills(skillUri)) relate(n.uri, RELATION_CREDIT[n.kind]);
    const perImpact = COVERAGE_POINTS * Math.max(...credits);
    const share = skills.size === 0 ? 0 : (SHARE_POINTS * near.size) / skills.size;
    for (const partition of partitions)
      lists.push({
        skillUri,
        partition,
        credits,
        near,
        perImpact,
        share,
        frontier: 1,
        pageSize: FIRST_PAGE,
        finished: false,
      });
  }
  const otherParts = new Map(
    partitions.map((p) => [p, WEIGHTS.location * bestLocationScore(profile, p) + WEIGHTS.level]),
  );
  // What the unfinished lists of a partition can still add to a job: coverage and share, each capped.
  const remaining = (partition: RegionPartition) => {
    let coverage = 0;
    let share = 0;
    for (const list of lists)
      if (list.partition === partition && !list.finished) {
        coverage += list.perImpact * list.frontier;
        share += list.share;
      }
    return { coverage, share };
  };

  const seen = new Map<string, Seen>();
  /** Jobs scored or passed over: their later postings are skipped. */
  const done = new Set<string>();
  const top: Array<JobMatch & { postedAt: string }> = [];
  let bar = Number.NEGATIVE_INFINITY;
  let postingsRead = 0;
  let pagesRead = 0;
  let scored = 0;

  for (;;) {
    const reading = lists.filter((list) => !list.finished);
    const pages = await Promise.all(
      reading.map((list) =>
        reader.postingsPage(list.skillUri, list.partition, {
          limit: list.pageSize,
          ...(list.after === undefined ? {} : { after: list.after }),
        }),
      ),
    );
    pagesRead += pages.length;
    for (const [i, list] of reading.entries()) {
      const page = pages[i]!;
      for (const posting of page.postings) {
        postingsRead++;
        list.frontier = posting.impact;
        if (done.has(posting.jobId)) continue;
        const credit = list.credits[posting.minProficiency - 1]!;
        const entry = seen.get(posting.jobId) ?? {
          partition: list.partition,
          totalWeight: posting.totalWeight,
          earned: 0,
          relevant: new Map<string, number>(),
        };
        entry.earned += credit * (posting.importance === 'essential' ? WEIGHTS.essential : WEIGHTS.optional);
        for (const [uri, weight] of list.near) entry.relevant.set(uri, Math.max(entry.relevant.get(uri) ?? 0, weight));
        seen.set(posting.jobId, entry);
      }
      list.after = page.next;
      list.finished = page.next === undefined;
      list.pageSize = Math.min(MAX_PAGE, list.pageSize * 2);
    }

    const left = new Map(partitions.map((p) => [p, remaining(p)]));
    const boundOf = (job: Seen) => {
      const { coverage, share } = left.get(job.partition)!;
      const relevant = [...job.relevant.values()].reduce((a, b) => a + b, 0);
      return (
        Math.min(COVERAGE_POINTS, (COVERAGE_POINTS * job.earned) / (job.totalWeight + SKILL_PRIOR_WEIGHT) + coverage) +
        Math.min(SHARE_POINTS, (SHARE_POINTS * relevant) / Math.max(1, skills.size) + share) +
        otherParts.get(job.partition)!
      );
    };
    const candidates = [...seen.entries()]
      .map(([jobId, job]) => ({ jobId, bound: boundOf(job) }))
      .sort((a, b) => b.bound - a.bound || (a.jobId < b.jobId ? -1 : 1));
    for (let start = 0; start < candidates.length; start += LOAD_BATCH) {
      const batch = candidates.slice(start, start + LOAD_BATCH).filter((c) => c.bound + FLOAT_GUARD >= bar);
      if (batch.length === 0) break;
      for (const c of batch) {
        seen.delete(c.jobId);
        done.add(c.jobId);
      }
      for (const job of await loadJobs(batch.map((c) => c.jobId))) {
        scored++;
        const match = scoreJobForProfile(profile, job, graph, skills);
        if (match.eligible) top.push({ ...match, postedAt: job.postedAt });
      }
      top.sort(byRank);
      top.length = Math.min(top.length, k);
      // Scores are rounded to one decimal: a job up to 0.05 below the k-th can tie it and still win on recency.
      if (top.length >= k) bar = top[k - 1]!.score - ROUNDING_SLACK - FLOAT_GUARD;
    }
    // Jobs met and not scored are below the bar now and stay below it (their bounds only fall): passed for good.
    for (const jobId of seen.keys()) done.add(jobId);
    seen.clear();
    let more = false;
    for (const partition of partitions) {
      const { coverage, share } = left.get(partition)!;
      const unseen = Math.min(COVERAGE_POINTS, coverage) + Math.min(SHARE_POINTS, share) + otherParts.get(partition)!;
      if (unseen + FLOAT_GUARD >= bar && lists.some((l) => l.partition === partition && !l.finished)) more = true;
      else for (const list of lists) if (list.partition === partition) list.finished = true;
    }
    if (!more) break;
  }
  return { matches: top, stats: { postingsRead, candidates: done.size, scored, pagesRead } };
}

const byRank = (a: JobMatch & { postedAt: string }, b: JobMatch & { postedAt: string }) =>
  compareMatches(
    { score: a.score, postedAt: a.postedAt, id: a.jobId },
    { score: b.score, postedAt: b.postedAt, id: b.jobId },
  );

/** Lists in the order the store keeps them, for an in-memory reader: impact descending, then job id. */
export function byImpactOrder(a: ImpactPosting, b: ImpactPosting): number {
  return b.impact - a.impact || (a.jobId < b.jobId ? -1 : a.jobId > b.jobId ? 1 : 0);
}
