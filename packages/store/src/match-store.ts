import type { GraduateProfile, JobPosting, RegionPartition } from '@skillpass/domain';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Table } from './client.ts';
import { deleteItems, getLiveItem, getLiveItems, type ItemKey, putItems, queryAll, recordOf } from './items.ts';
import { keys } from './keys.ts';

/** One ranked job for a graduate, with the versions it was computed from. */
export interface StoredMatch<Explanation = unknown> {
  jobId: string;
  jobVersion: number;
  score: number;
  explanation: Explanation;
}

export interface StoredMatchSet<Explanation = unknown> {
  graduateId: string;
  profileVersion: number;
  computedAt: string;
  mode: 'personalised' | 'non-personalised';
  matches: StoredMatch<Explanation>[];
  /** Jobs that entered the top list in this computation: the "precise push". */
  newJobIds: string[];
}

/** One ranked graduate for a job; `profileVersion` guards against serving stale results. */
export interface StoredCandidate<Explanation = unknown> {
  jobId: string;
  jobVersion: number;
  graduateId: string;
  profileVersion: number;
  score: number;
  explanation: Explanation;
}

export interface JobPostingEntry {
  jobId: string;
  importance: 'essential' | 'optional';
  minProficiency: 1 | 2 | 3 | 4;
  totalWeight: number;
}

export const matchKeys = {
  matchSet: (graduateId: string): ItemKey => ({ PK: keys.graduatePartition(graduateId), SK: 'MATCHES' }),
  candidatePartition: (jobId: string) => `JOB#${jobId}#CANDS`,
  candidate: (jobId: string, graduateId: string): ItemKey => ({ PK: `JOB#${jobId}#CANDS`, SK: graduateId }),
};

/** Reads and writes of the matching engine's inputs (inverted indexes) and outputs (ranked lists). */
export class DynamoMatchStore {
  constructor(
    private readonly table: Table,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** The postings (open jobs) under a skill in one region partition. */
  async jobPostings(skillUri: string, partition: RegionPartition): Promise<JobPostingEntry[]> {
    const items = await queryAll(this.table, { partitionKey: keys.jobSkillPartition(skillUri, partition) });
    this.itemsRead += items.length;
    return items.map((item) => ({
      jobId: String(item.jobId),
      importance: item.importance === 'optional' ? 'optional' : 'essential',
      minProficiency: (Number(item.minProficiency) || 1) as 1 | 2 | 3 | 4,
      totalWeight: Number(item.totalWeight) || 1,
    }));
  }

  /** How many open jobs in these partitions require a skill: the demand behind skill-gap advice. */
  async countOpenJobsRequiring(skillUri: string, partitions: readonly RegionPartition[]): Promise<number> {
    const counts = await Promise.all(
      partitions.map(async (partition) => {
        const out = await this.table.doc.send(
          new QueryCommand({
            TableName: this.table.name,
            KeyConditionExpression: 'PK = :pk',
            ExpressionAttributeValues: { ':pk': keys.jobSkillPartition(skillUri, partition) },
            Select: 'COUNT',
          }),
        );
        return out.Count ?? 0;
      }),
    );
    return counts.reduce((a, b) => a + b, 0);
  }

  /** Items read through this store: the benchmark's measure of work per recompute. */
  itemsRead = 0;

  /** Graduates posted under a skill in one region partition (only those who allow matching). */
  async graduateIdsForSkill(
    skillUri: string,
    partition: RegionPartition,
  ): Promise<Array<{ graduateId: string; discoverable: boolean }>> {
    const items = await queryAll(this.table, { partitionKey: keys.graduateSkillPartition(skillUri, partition) });
    this.itemsRead += items.length;
    return items.map((item) => ({ graduateId: String(item.graduateId), discoverable: item.discoverable === true }));
  }

  async getJobs(jobIds: readonly string[]): Promise<JobPosting[]> {
    const items = await getLiveItems(this.table, jobIds.map(keys.job), this.clock());
    this.itemsRead += items.length;
    return items.map((item) => recordOf<JobPosting>(item));
  }

  async getProfiles(graduateIds: readonly string[]): Promise<GraduateProfile[]> {
    const items = await getLiveItems(this.table, graduateIds.map(keys.profile), this.clock());
    this.itemsRead += items.length;
    return items.map((item) => recordOf<GraduateProfile>(item));
  }

  /**
   * Makes a graduate's postings (skill → graduate) match their profile. Postings carry
   * `owner`, so erasure removes them with everything else.
   */
  async syncGraduatePostings(
    graduateId: string,
    current: { skills: readonly string[]; partitions: readonly RegionPartition[]; discoverable: boolean } | undefined,
  ): Promise<void> {
    const wanted = new Map(
      (current?.skills ?? []).flatMap((uri) =>
        current!.partitions.map((partition) => {
          const key = keys.graduateSkillPosting(uri, partition, graduateId);
          return [key.PK, key] as const;
        }),
      ),
    );
    const existing = (await queryAll(this.table, { index: 'ByOwner', partitionKey: keys.graduateOwner(graduateId) })).filter(
      (item) => item.entity === 'GraduateSkillPosting',
    );
    await deleteItems(
      this.table,
      existing.filter((item) => !wanted.has(item.PK)).map((item) => ({ PK: item.PK, SK: item.SK })),
    );
    await putItems(
      this.table,
      [...wanted.values()].map((key) => ({
        ...key,
        entity: 'GraduateSkillPosting',
        owner: keys.graduateOwner(graduateId),
        graduateId,
        discoverable: current!.discoverable,
      })),
    );
  }

  async getMatchSet<E>(graduateId: string): Promise<StoredMatchSet<E> | undefined> {
    const item = await getLiveItem(this.table, matchKeys.matchSet(graduateId), this.clock());
    return item ? recordOf<StoredMatchSet<E>>(item) : undefined;
  }

  async putMatchSet<E>(set: StoredMatchSet<E>): Promise<void> {
    await putItems(this.table, [{ ...matchKeys.matchSet(set.graduateId), entity: 'MatchSet', ...set }]);
  }

  async listCandidates<E>(jobId: string): Promise<StoredCandidate<E>[]> {
    const items = await queryAll(this.table, { partitionKey: matchKeys.candidatePartition(jobId) });
    return items.map((item) => recordOf<StoredCandidate<E>>(item));
  }

  /** Replaces a job's stored candidate list with `candidates`. */
  async replaceCandidates<E>(jobId: string, candidates: readonly StoredCandidate<E>[]): Promise<void> {
    const keep = new Set(candidates.map((c) => c.graduateId));
    const existing = await queryAll(this.table, { partitionKey: matchKeys.candidatePartition(jobId) });
    await deleteItems(
      this.table,
      existing.filter((item) => !keep.has(String(item.graduateId))).map((item) => ({ PK: item.PK, SK: item.SK })),
    );
    await putItems(
      this.table,
      candidates.map((candidate) => ({
        ...matchKeys.candidate(jobId, candidate.graduateId),
        entity: 'Candidate',
        owner: keys.graduateOwner(candidate.graduateId),
        ...candidate,
      })),
    );
  }

  /** Upserts or removes one graduate in one job's candidate list. */
  async putCandidate<E>(candidate: StoredCandidate<E>): Promise<void> {
    await putItems(this.table, [
      {
        ...matchKeys.candidate(candidate.jobId, candidate.graduateId),
        entity: 'Candidate',
        owner: keys.graduateOwner(candidate.graduateId),
        ...candidate,
      },
    ]);
  }

  async removeCandidacies(graduateId: string): Promise<void> {
    const owned = await queryAll(this.table, { index: 'ByOwner', partitionKey: keys.graduateOwner(graduateId) });
    await deleteItems(
      this.table,
      owned.filter((item) => item.entity === 'Candidate').map((item) => ({ PK: item.PK, SK: item.SK })),
    );
  }
}
