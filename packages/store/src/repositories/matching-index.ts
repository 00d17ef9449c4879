import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { PutCommand, QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { GraduateProfile, JobPosting, RegionPartition } from '@skillpass/domain';
import type { Table } from '../client.ts';
import { entities, itemOf, partitions } from '../entities.ts';
import {
  deleteItems,
  expiryOf,
  getLiveItem,
  getLiveItems,
  isConditionFailure,
  isLive,
  putItems,
  queryAll,
  recordOf,
  type StoredItem,
} from '../items.ts';

/** One entry of the skill → open jobs index: what the engine needs to bound a score without loading the job. */
export interface JobSkillPosting {
  skillUri: string;
  importance: 'essential' | 'optional';
  minProficiency: 1 | 2 | 3 | 4;
  totalWeight: number;
  /** The share of the job's skill weight this posting carries (the matching engine's `postingImpact`): GSI1's order. */
  impact: number;
}

export type JobPostingEntry = Omit<JobSkillPosting, 'skillUri' | 'impact'> & { jobId: string };

/** One graduate's posting under a skill in a partition. */
export interface GraduatePosting {
  skillUri: string;
  partition: RegionPartition;
  graduateId: string;
  discoverable: boolean;
}

/** One page of a skill's postings in impact order; `next` resumes after it (absent: the list is read). */
export interface JobPostingPage {
  postings: Array<JobPostingEntry & { impact: number }>;
  next?: string;
}

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
  /** Counts the writes of this set: a computation replaces the set only at the revision it read. */
  revision?: number;
}

/**
 * A match set as stored: its 50 entries with their explanations are about 39 KB of JSON, 38 write units every time
 * a push or a profile change recomputes the list (the pipeline's heaviest write, docs/scale.md); gzipped into one
 * binary attribute they are a fraction of that. The other fields stay plain: the stream reads `newJobIds`, and the
 * conditional write reads `revision`. A set stored before (plain `matches`) still reads.
 */
export function matchSetItem(set: StoredMatchSet, revision: number): StoredItem {
  const { matches, ...rest } = set;
  return itemOf(entities.MatchSet, entities.MatchSet.key(set.graduateId), {
    ...rest,
    revision,
    matchesGz: gzipSync(JSON.stringify(matches)),
  });
}

function matchSetOf<E>(item: Record<string, unknown>): StoredMatchSet<E> {
  const { matchesGz, ...rest } = recordOf<StoredMatchSet<E> & { matchesGz?: Uint8Array }>(item);
  return matchesGz ? { ...rest, matches: JSON.parse(gunzipSync(matchesGz).toString('utf8')) } : rest;
}

/** One ranked graduate for a job; `profileVersion` guards against serving stale results. */
export interface StoredCandidate<Explanation = unknown> {
  jobId: string;
  jobVersion: number;
  graduateId: string;
  profileVersion: number;
  score: number;
  explanation: Explanation;
  /** When this entry was computed. */
  computedAt?: string;
}

/**
 * Where a job's stored candidate list ends: how many it holds and the last of them (none when empty). A graduate
 * ranked ahead of `last`, or any graduate while `size` is under the list's length, belongs in the list.
 */
export interface CandidateFloor {
  jobId: string;
  size: number;
  last?: { graduateId: string; score: number };
  /**
   * A listed graduate left or fell back since the list was computed, so someone unlisted may now rank above its
   * end: the list is computed again when next read, and every offer is merged meanwhile.
   */
  stale?: true;
}

/**
 * A change seen on the table's stream whose effect on the matching indexes and lists is not yet
 * applied. `kind` is `jobs` (scope: the job's region partition) or `profiles` (scope: `all`).
 */
export interface PendingChange {
  kind: 'jobs' | 'profiles';
  scope: string;
  occurredAt: string;
  eventId: string;
}

/** What is still pending in some scopes: how many changes (counted up to 1,000 a shard) and since when. */
export interface PendingSummary {
  count: number;
  oldestAt?: string;
}

/** Write shards per kind: profile changes of a bulk load spread over several partitions. */
const PENDING_SHARDS: Record<PendingChange['kind'], number> = { jobs: 2, profiles: 8 };
const PENDING_COUNT_LIMIT = 1_000;

const shardOf = (change: PendingChange) =>
  createHash('sha256').update(change.eventId).digest().readUInt16BE(0) % PENDING_SHARDS[change.kind];

const pendingKey = (change: PendingChange) =>
  entities.PendingChange.key(change.kind, change.scope, shardOf(change), change.occurredAt, change.eventId);

/** The matching engine's inputs (inverted indexes skill → jobs and skill → graduates) and outputs (ranked lists). */
export interface MatchingIndexRepository {
  /**
   * Makes a job's postings match `current` (undefined: the job is gone or closed), removing those
   * of `previous` it no longer has. Idempotent: replaying it converges on the same items.
   */
  syncJobPostings(
    jobId: string,
    current: { partition: RegionPartition; postings: readonly JobSkillPosting[] } | undefined,
    previous: ReadonlyArray<{ skills: readonly string[]; partition: RegionPartition }>,
  ): Promise<void>;
  /** The postings (open jobs) under a skill in one region partition. */
  jobPostings(skillUri: string, partition: RegionPartition): Promise<JobPostingEntry[]>;
  /**
   * A page of the postings under a skill in one partition, highest impact first (GSI1): a top-k query reads a
   * list's head and stops when nothing further down can enter the top k. `after` is a previous page's `next`.
   */
  jobPostingsByImpact(
    skillUri: string,
    partition: RegionPartition,
    page: { limit: number; after?: string },
  ): Promise<JobPostingPage>;
  /** How many open jobs in these partitions require a skill: the demand behind skill-gap advice. */
  countOpenJobsRequiring(skillUri: string, partitions: readonly RegionPartition[]): Promise<number>;
  /**
   * Makes a graduate's postings (skill → graduate) match their profile; erasure removes them (they carry `owner`).
   * `existing`: the postings the graduate has now, when the caller keeps them (the local dispatcher's mirror): then
   * they are not queried, and those already as wanted are not written again.
   */
  syncGraduatePostings(
    graduateId: string,
    current: { skills: readonly string[]; partitions: readonly RegionPartition[]; discoverable: boolean } | undefined,
    existing?: readonly GraduatePosting[],
  ): Promise<void>;
  /** Every graduate's postings (a scan): for a process that mirrors the whole index once at start. */
  allGraduatePostings(): Promise<GraduatePosting[]>;
  /** Graduates posted under a skill in one region partition (only those who allow matching). */
  graduateIdsForSkill(
    skillUri: string,
    partition: RegionPartition,
  ): Promise<Array<{ graduateId: string; discoverable: boolean }>>;
  getJobs(jobIds: readonly string[]): Promise<JobPosting[]>;
  getProfiles(graduateIds: readonly string[]): Promise<GraduateProfile[]>;
  getMatchSet<E>(graduateId: string): Promise<StoredMatchSet<E> | undefined>;
  /** Several graduates' sets in one round of batch reads; graduates without one are absent. */
  getMatchSets<E>(graduateIds: readonly string[]): Promise<Map<string, StoredMatchSet<E>>>;
  /**
   * Writes `set` (with the next revision) only if the stored set is still `replacing` (absent when
   * undefined): false when another computation wrote first, so the caller computes again.
   */
  replaceMatchSet<E>(set: StoredMatchSet<E>, replacing: StoredMatchSet<E> | undefined): Promise<boolean>;
  listCandidates<E>(jobId: string): Promise<StoredCandidate<E>[]>;
  /** Replaces a job's stored candidate list with `candidates`. */
  replaceCandidates<E>(jobId: string, candidates: readonly StoredCandidate<E>[]): Promise<void>;
  /** Removes graduates from one job's candidate list. */
  removeCandidates(jobId: string, graduateIds: readonly string[]): Promise<void>;
  /** Upserts graduates in jobs' candidate lists. */
  putCandidates<E>(candidates: readonly StoredCandidate<E>[]): Promise<void>;
  /** Removes a graduate from every job's candidate list, marking those lists stale (someone below may now belong). */
  removeCandidacies(graduateId: string): Promise<void>;
  /** A graduate's entries in jobs' candidate lists (ByOwner). */
  listCandidacies<E>(graduateId: string): Promise<StoredCandidate<E>[]>;
  /** The floors of these jobs' candidate lists, by job id; a job whose floor is unknown is absent. */
  candidateFloors(jobIds: readonly string[]): Promise<Map<string, CandidateFloor>>;
  /** Records where jobs' candidate lists end, after the lists were written. */
  putCandidateFloors(floors: readonly CandidateFloor[]): Promise<void>;
  /** Records changes seen on the stream and not yet applied (idempotent). */
  markPending(changes: readonly PendingChange[]): Promise<void>;
  /** Forgets changes once applied (idempotent). */
  clearPending(changes: readonly PendingChange[]): Promise<void>;
  /** What is pending in these scopes of one kind. */
  pendingIn(kind: PendingChange['kind'], scopes: readonly string[]): Promise<PendingSummary>;
}

const postingEntryOf = (item: Record<string, unknown>): JobPostingEntry => ({
  jobId: String(item.jobId),
  importance: item.importance === 'optional' ? 'optional' : 'essential',
  minProficiency: (Number(item.minProficiency) || 1) as 1 | 2 | 3 | 4,
  totalWeight: Number(item.totalWeight) || 1,
});

/** Floors saying only that these jobs' lists lost an entry: each is computed again when next read. */
export const staleFloorItems = (jobIds: readonly string[]) =>
  jobIds.map((jobId) => {
    const floor: CandidateFloor = { jobId, size: 0, stale: true };
    return itemOf(entities.CandidateFloor, entities.CandidateFloor.key(jobId), floor);
  });

/** A graduate's entries in candidate lists. A plain function, not a private method: wrappers made with `Object.create(repository)` (the mirror, batch reads) must be able to call what uses it. */
async function candidacyItems(table: Table, graduateId: string) {
  const owned = await queryAll(table, { index: 'ByOwner', partitionKey: partitions.ownedBy(graduateId) });
  return owned.filter((item) => item.entity === entities.Candidate.name);
}

const candidateItem = <E>(candidate: StoredCandidate<E>) =>
  itemOf(entities.Candidate, entities.Candidate.key(candidate.jobId, candidate.graduateId), candidate, candidate);

export class DynamoMatchingIndexRepository implements MatchingIndexRepository {
  constructor(
    private readonly table: Table,
    private readonly clock: () => Date,
  ) {}

  async syncJobPostings(
    jobId: string,
    current: { partition: RegionPartition; postings: readonly JobSkillPosting[] } | undefined,
    previous: ReadonlyArray<{ skills: readonly string[]; partition: RegionPartition }>,
  ): Promise<void> {
    const wanted = new Set(
      (current?.postings ?? []).map((p) => entities.JobSkillPosting.key(p.skillUri, current!.partition, jobId).PK),
    );
    const stale = previous.flatMap((before) =>
      before.skills
        .map((uri) => entities.JobSkillPosting.key(uri, before.partition, jobId))
        .filter((key) => !wanted.has(key.PK)),
    );
    await deleteItems(this.table, stale);
    if (!current) return;
    await putItems(
      this.table,
      current.postings.map(({ skillUri, ...posting }) =>
        itemOf(
          entities.JobSkillPosting,
          entities.JobSkillPosting.key(skillUri, current.partition, jobId),
          { jobId, ...posting },
          { skillUri, region: current.partition, jobId, impact: posting.impact },
        ),
      ),
    );
  }

  async jobPostings(skillUri: string, partition: RegionPartition): Promise<JobPostingEntry[]> {
    const items = await queryAll(this.table, { partitionKey: partitions.jobSkill(skillUri, partition) });
    return items.map(postingEntryOf);
  }

  async jobPostingsByImpact(
    skillUri: string,
    partition: RegionPartition,
    page: { limit: number; after?: string },
  ): Promise<JobPostingPage> {
    const out = await this.table.doc.send(
      new QueryCommand({
        TableName: this.table.name,
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk',
        ExpressionAttributeValues: { ':pk': partitions.jobSkill(skillUri, partition) },
        Limit: page.limit,
        // An engine-internal position (never shown to clients): the key DynamoDB returned, as JSON.
        ...(page.after === undefined ? {} : { ExclusiveStartKey: JSON.parse(page.after) as Record<string, unknown> }),
      }),
    );
    return {
      postings: (out.Items ?? []).map((item) => ({ ...postingEntryOf(item), impact: Number(item.impact) })),
      ...(out.LastEvaluatedKey ? { next: JSON.stringify(out.LastEvaluatedKey) } : {}),
    };
  }

  async countOpenJobsRequiring(skillUri: string, regions: readonly RegionPartition[]): Promise<number> {
    const counts = await Promise.all(
      regions.map(async (region) => {
        const out = await this.table.doc.send(
          new QueryCommand({
            TableName: this.table.name,
            KeyConditionExpression: 'PK = :pk',
            ExpressionAttributeValues: { ':pk': partitions.jobSkill(skillUri, region) },
            Select: 'COUNT',
          }),
        );
        return out.Count ?? 0;
      }),
    );
    return counts.reduce((a, b) => a + b, 0);
  }

  async syncGraduatePostings(
    graduateId: string,
    current: { skills: readonly string[]; partitions: readonly RegionPartition[]; discoverable: boolean } | undefined,
    existing?: readonly GraduatePosting[],
  ): Promise<void> {
    const wanted = new Map(
      (current?.skills ?? []).flatMap((uri) =>
        current!.partitions.map((region) => {
          const key = entities.GraduateSkillPosting.key(uri, region, graduateId);
          return [key.PK, key] as const;
        }),
      ),
    );
    const have = existing
      ? existing.map((p) => ({
          ...entities.GraduateSkillPosting.key(p.skillUri, p.partition, graduateId),
          discoverable: p.discoverable,
        }))
      : (await queryAll(this.table, { index: 'ByOwner', partitionKey: partitions.ownedBy(graduateId) }))
          .filter((item) => item.entity === entities.GraduateSkillPosting.name)
          .map((item) => ({ PK: String(item.PK), SK: String(item.SK), discoverable: item.discoverable === true }));
    await deleteItems(
      this.table,
      have.filter((item) => !wanted.has(item.PK)).map((item) => ({ PK: item.PK, SK: item.SK })),
    );
    // Known to be stored as wanted already: not written again (only when the caller vouches for `existing`).
    const unchanged = new Set(
      existing ? have.filter((item) => item.discoverable === current?.discoverable).map((item) => item.PK) : [],
    );
    await putItems(
      this.table,
      [...wanted.values()]
        .filter((key) => !unchanged.has(key.PK))
        .map((key) =>
          itemOf(
            entities.GraduateSkillPosting,
            key,
            { graduateId, discoverable: current!.discoverable },
            { graduateId },
          ),
        ),
    );
  }

  async allGraduatePostings(): Promise<GraduatePosting[]> {
    const postings: GraduatePosting[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const out = await this.table.doc.send(
        new ScanCommand({
          TableName: this.table.name,
          FilterExpression: 'entity = :entity',
          ExpressionAttributeValues: { ':entity': entities.GraduateSkillPosting.name },
          ExclusiveStartKey: startKey,
        }),
      );
      for (const item of out.Items ?? []) {
        const { skillUri, partition } = partitions.parseGraduateSkill(String(item.PK));
        postings.push({
          skillUri,
          partition,
          graduateId: String(item.graduateId),
          discoverable: item.discoverable === true,
        });
      }
      startKey = out.LastEvaluatedKey;
    } while (startKey);
    return postings;
  }

  async graduateIdsForSkill(
    skillUri: string,
    partition: RegionPartition,
  ): Promise<Array<{ graduateId: string; discoverable: boolean }>> {
    const items = await queryAll(this.table, { partitionKey: partitions.graduateSkill(skillUri, partition) });
    return items.map((item) => ({ graduateId: String(item.graduateId), discoverable: item.discoverable === true }));
  }

  async getJobs(jobIds: readonly string[]): Promise<JobPosting[]> {
    const items = await getLiveItems(
      this.table,
      jobIds.map((id) => entities.Job.key(id)),
      this.clock(),
    );
    return items.map((item) => recordOf<JobPosting>(item));
  }

  async getProfiles(graduateIds: readonly string[]): Promise<GraduateProfile[]> {
    const items = await getLiveItems(
      this.table,
      graduateIds.map((id) => entities.Profile.key(id)),
      this.clock(),
    );
    return items.map((item) => recordOf<GraduateProfile>(item));
  }

  async getMatchSet<E>(graduateId: string): Promise<StoredMatchSet<E> | undefined> {
    const item = await getLiveItem(this.table, entities.MatchSet.key(graduateId), this.clock());
    return item ? matchSetOf<E>(item) : undefined;
  }

  async getMatchSets<E>(graduateIds: readonly string[]): Promise<Map<string, StoredMatchSet<E>>> {
    const items = await getLiveItems(
      this.table,
      graduateIds.map((id) => entities.MatchSet.key(id)),
      this.clock(),
    );
    return new Map(items.map((item) => [String(item.graduateId), matchSetOf<E>(item)]));
  }

  async replaceMatchSet<E>(set: StoredMatchSet<E>, replacing: StoredMatchSet<E> | undefined): Promise<boolean> {
    const revision = (replacing?.revision ?? 0) + 1;
    try {
      await this.table.doc.send(
        new PutCommand({
          TableName: this.table.name,
          Item: matchSetItem(set, revision),
          ...(replacing
            ? replacing.revision === undefined
              ? { ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(revision)' }
              : {
                  ConditionExpression: 'revision = :revision',
                  ExpressionAttributeValues: { ':revision': replacing.revision },
                }
            : { ConditionExpression: 'attribute_not_exists(PK)' }),
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  async listCandidates<E>(jobId: string): Promise<StoredCandidate<E>[]> {
    const items = await queryAll(this.table, { partitionKey: partitions.jobCandidates(jobId) });
    return items.map((item) => recordOf<StoredCandidate<E>>(item));
  }

  async replaceCandidates<E>(jobId: string, candidates: readonly StoredCandidate<E>[]): Promise<void> {
    const keep = new Set(candidates.map((c) => c.graduateId));
    const existing = await queryAll(this.table, { partitionKey: partitions.jobCandidates(jobId) });
    await deleteItems(
      this.table,
      existing.filter((item) => !keep.has(String(item.graduateId))).map((item) => ({ PK: item.PK, SK: item.SK })),
    );
    await putItems(this.table, candidates.map(candidateItem));
  }

  async removeCandidates(jobId: string, graduateIds: readonly string[]): Promise<void> {
    await deleteItems(
      this.table,
      graduateIds.map((graduateId) => entities.Candidate.key(jobId, graduateId)),
    );
  }

  async putCandidates<E>(candidates: readonly StoredCandidate<E>[]): Promise<void> {
    await putItems(this.table, candidates.map(candidateItem));
  }

  async removeCandidacies(graduateId: string): Promise<void> {
    const owned = await candidacyItems(this.table, graduateId);
    // Marked first: a crash in between leaves a list recomputed once too often, never one short unmarked.
    await putItems(this.table, staleFloorItems(owned.map((item) => String(item.jobId))));
    await deleteItems(
      this.table,
      owned.map((item) => ({ PK: item.PK, SK: item.SK })),
    );
  }

  async listCandidacies<E>(graduateId: string): Promise<StoredCandidate<E>[]> {
    return (await candidacyItems(this.table, graduateId)).map((item) => recordOf<StoredCandidate<E>>(item));
  }

  async candidateFloors(jobIds: readonly string[]): Promise<Map<string, CandidateFloor>> {
    const items = await getLiveItems(
      this.table,
      jobIds.map((id) => entities.CandidateFloor.key(id)),
      this.clock(),
    );
    return new Map(items.map((item) => [String(item.jobId), recordOf<CandidateFloor>(item)]));
  }

  async putCandidateFloors(floors: readonly CandidateFloor[]): Promise<void> {
    await putItems(
      this.table,
      floors.map((floor) => itemOf(entities.CandidateFloor, entities.CandidateFloor.key(floor.jobId), floor)),
    );
  }

  async markPending(changes: readonly PendingChange[]): Promise<void> {
    const expiresAt = expiryOf(entities.PendingChange, this.clock());
    const unique = new Map(changes.map((change) => [`${pendingKey(change).PK} ${pendingKey(change).SK}`, change]));
    await putItems(
      this.table,
      [...unique.values()].map((change) =>
        itemOf(entities.PendingChange, pendingKey(change), { ...change, expiresAt }),
      ),
    );
  }

  async clearPending(changes: readonly PendingChange[]): Promise<void> {
    await deleteItems(this.table, changes.map(pendingKey));
  }

  async pendingIn(kind: PendingChange['kind'], scopes: readonly string[]): Promise<PendingSummary> {
    const shards = [...new Set(scopes)].flatMap((scope) =>
      Array.from({ length: PENDING_SHARDS[kind] }, (_, shard) => partitions.pendingChanges(kind, scope, shard)),
    );
    const now = this.clock();
    const found = await Promise.all(
      shards.map(async (pk) => {
        const out = await this.table.doc.send(
          new QueryCommand({
            TableName: this.table.name,
            KeyConditionExpression: 'PK = :pk',
            ExpressionAttributeValues: { ':pk': pk },
            ProjectionExpression: 'occurredAt, expiresAt',
            Limit: PENDING_COUNT_LIMIT,
          }),
        );
        return (out.Items ?? []).filter((item) => isLive(item, now)).map((item) => String(item.occurredAt));
      }),
    );
    const all = found.flat().sort();
    return { count: all.length, ...(all[0] ? { oldestAt: all[0] } : {}) };
  }
}
