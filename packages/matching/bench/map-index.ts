/**
 * The previous in-memory skill → jobs index (maps of posting objects), kept as the benchmark's
 * baseline: `topJobsForProfile` over it is how top-k ran before the compact index.
 */
import type { RegionPartition } from '@skillpass/domain';
import {
  compareMatches,
  type JobIndexReader,
  type JobMatch,
  type JobPosting,
  type MatchJob,
  postingsOfJob,
} from '../src/index.ts';

const _byRank = (a: JobMatch & { postedAt: string }, b: JobMatch & { postedAt: string }) =>
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
