import {
  type JobIndexReader,
  type JobPosting,
  type GraduateIndexReader,
  postingsOfJob,
  postingsOfProfile,
} from './ranking.ts';
import type { RegionPartition } from '@skillpass/domain';
import type { MatchJob, MatchProfile } from './types.ts';

const EMPTY: readonly JobPosting[] = [];

/** The skill → jobs index held in memory, for benchmarks, tests and a single-process deployment. */
export class InMemoryJobIndex implements JobIndexReader {
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

/** The skill → graduates index held in memory. */
export class InMemoryGraduateIndex implements GraduateIndexReader {
  readonly #postings = new Map<string, Set<string>>();
  readonly #profiles = new Map<string, MatchProfile>();

  put(profile: MatchProfile): void {
    this.remove(profile.id);
    this.#profiles.set(profile.id, profile);
    for (const { skillUri, partition } of postingsOfProfile(profile)) {
      const key = `${partition}|${skillUri}`;
      const set = this.#postings.get(key) ?? new Set<string>();
      this.#postings.set(key, set);
      set.add(profile.id);
    }
  }

  remove(profileId: string): void {
    const profile = this.#profiles.get(profileId);
    if (!profile) return;
    for (const { skillUri, partition } of postingsOfProfile(profile))
      this.#postings.get(`${partition}|${skillUri}`)?.delete(profileId);
    this.#profiles.delete(profileId);
  }

  async graduateIds(skillUri: string, partition: RegionPartition): Promise<readonly string[]> {
    return [...(this.#postings.get(`${partition}|${skillUri}`) ?? [])];
  }

  async loadProfiles(ids: readonly string[]): Promise<MatchProfile[]> {
    return ids.flatMap((id) => {
      const profile = this.#profiles.get(id);
      return profile ? [profile] : [];
    });
  }
}
