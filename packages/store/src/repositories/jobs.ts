import {
  isJobOpen,
  type JobPosting,
  type JobPostingInput,
  notFound,
  REGION_PARTITIONS,
  type RegionPartition,
  regionPartitionOf,
} from '@skillpass/domain';
import type { Table } from '../client.ts';
import type { CursorCodec } from '../cursor.ts';
import { entities, itemOf, partitions } from '../entities.ts';
import { newId } from '../ids.ts';
import {
  createItem,
  getLiveItem,
  getLiveItems,
  isLive,
  keyOf,
  type Page,
  queryAll,
  queryPage,
  recordOf,
  replaceAtVersion,
  type StoredItem,
} from '../items.ts';
import { withOptimisticRetry } from '../optimistic.ts';

export interface JobSearch {
  partition?: RegionPartition;
  cityCode?: string;
  occupation?: string;
  text?: string;
  limit: number;
  cursor?: string;
}

/** Job postings: an employer's jobs and the open-job indexes. */
export interface JobRepository {
  create(employerId: string, input: JobPostingInput, options?: { jobId?: string }): Promise<JobPosting>;
  get(jobId: string): Promise<JobPosting | undefined>;
  /** Writes `job` only if the stored one is still at `expectedVersion` (412 otherwise). */
  replace(job: JobPosting, expectedVersion: number): Promise<JobPosting>;
  /** Closes a job; closing a closed job returns it unchanged. */
  close(jobId: string): Promise<JobPosting>;
  listByEmployer(employerId: string, page: { limit: number; cursor?: string }): Promise<Page<JobPosting>>;
  /** How many of an employer's jobs take applications now (open, closing date not passed). */
  countOpenByEmployer(employerId: string): Promise<number>;
  searchOpen(search: JobSearch): Promise<Page<JobPosting>>;
  /** Open jobs requiring a skill, through the skill → jobs index (per region partition), the filters applied as it walks. */
  searchOpenBySkill(skillUri: string, search: JobSearch): Promise<Page<JobPosting>>;
}

/** Postings read per index query while a filtered skill search walks: a few round trips, not one per job. */
const SKILL_WALK_BATCH = 25;

/** The `city`, `occupation` and `q` filters, as searchOpen applies them in DynamoDB. */
function matchesSearch(item: StoredItem, job: JobPosting, search: JobSearch): boolean {
  return (
    (!search.cityCode || (job.place.kind === 'delta' && job.place.cityCode === search.cityCode)) &&
    (!search.occupation ||
      job.occupation?.escoUri === search.occupation ||
      job.occupation?.chinaCode === search.occupation) &&
    (!search.text || String(item.searchText ?? '').includes(search.text.toLowerCase()))
  );
}

function jobItem(job: JobPosting) {
  const item = itemOf(entities.Job, entities.Job.key(job.jobId), job, {
    jobId: job.jobId,
    employerId: job.employerId,
    postedAt: job.postedAt,
    open: job.status === 'open',
    region: regionPartitionOf(job.place),
  });
  // The lower-cased text `q` searches: a storage attribute, never part of the record.
  const searchText = [job.title.en, job.title.zh ?? '', job.description].join('\n').toLowerCase().slice(0, 4000);
  return { ...item, searchText };
}

export class DynamoJobRepository implements JobRepository {
  constructor(
    private readonly table: Table,
    private readonly cursors: CursorCodec,
    private readonly clock: () => Date,
  ) {}

  async create(employerId: string, input: JobPostingInput, options: { jobId?: string } = {}): Promise<JobPosting> {
    const now = this.clock();
    const job: JobPosting = {
      ...input,
      jobId: options.jobId ?? newId('job', now),
      employerId,
      status: 'open',
      postedAt: now.toISOString(),
      version: 1,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    };
    await createItem(this.table, jobItem(job), 'job');
    return job;
  }

  async get(jobId: string): Promise<JobPosting | undefined> {
    const item = await getLiveItem(this.table, entities.Job.key(jobId), this.clock());
    return item ? recordOf<JobPosting>(item) : undefined;
  }

  async replace(job: JobPosting, expectedVersion: number): Promise<JobPosting> {
    const next: JobPosting = { ...job, version: expectedVersion + 1, updatedAt: this.clock().toISOString() };
    await replaceAtVersion(this.table, jobItem(next), expectedVersion);
    return next;
  }

  close(jobId: string): Promise<JobPosting> {
    return withOptimisticRetry(async () => {
      const job = await this.get(jobId);
      if (!job) throw notFound('job');
      if (job.status === 'closed') return job;
      return this.replace({ ...job, status: 'closed', closedAt: this.clock().toISOString() }, job.version);
    });
  }

  async listByEmployer(employerId: string, page: { limit: number; cursor?: string }): Promise<Page<JobPosting>> {
    const result = await queryPage(
      this.table,
      this.cursors,
      {
        index: 'GSI1',
        partitionKey: partitions.employerJobs(employerId),
        newestFirst: true,
        limit: page.limit,
        cursor: page.cursor,
        fingerprint: `employer-jobs:${employerId}`,
      },
      this.clock(),
    );
    return { items: result.items.map((item) => recordOf<JobPosting>(item)), nextCursor: result.nextCursor };
  }

  async countOpenByEmployer(employerId: string): Promise<number> {
    const now = this.clock();
    const items = await queryAll(this.table, { index: 'GSI1', partitionKey: partitions.employerJobs(employerId) });
    return items.filter((item) => isLive(item, now) && isJobOpen(recordOf<JobPosting>(item), now)).length;
  }

  async searchOpen(search: JobSearch): Promise<Page<JobPosting>> {
    const today = this.clock().toISOString().slice(0, 10);
    const conditions = ['#closing >= :today'];
    const names: Record<string, string> = { '#closing': 'closingDate' };
    const values: Record<string, unknown> = { ':today': today };
    if (search.cityCode) {
      conditions.push('#place.#city = :city');
      names['#place'] = 'place';
      names['#city'] = 'cityCode';
      values[':city'] = search.cityCode;
    }
    if (search.occupation) {
      conditions.push('(#occ.#esco = :occ OR #occ.#cn = :occ)');
      names['#occ'] = 'occupation';
      names['#esco'] = 'escoUri';
      names['#cn'] = 'chinaCode';
      values[':occ'] = search.occupation;
    }
    if (search.text) {
      conditions.push('contains(#text, :text)');
      names['#text'] = 'searchText';
      values[':text'] = search.text.toLowerCase();
    }
    const result = await queryPage(
      this.table,
      this.cursors,
      {
        index: search.partition ? 'GSI3' : 'GSI2',
        partitionKey: search.partition ? partitions.openJobsIn(search.partition) : partitions.openJobs(),
        newestFirst: true,
        limit: search.limit,
        cursor: search.cursor,
        fingerprint: `open-jobs:${JSON.stringify([search.partition, search.cityCode, search.occupation, search.text])}`,
        filter: { expression: conditions.join(' AND '), names, values },
      },
      this.clock(),
    );
    return { items: result.items.map((item) => recordOf<JobPosting>(item)), nextCursor: result.nextCursor };
  }

  async searchOpenBySkill(skillUri: string, search: JobSearch): Promise<Page<JobPosting>> {
    // Without a province, walk the region partitions one after another; the cursor remembers which.
    const regions = search.partition ? [search.partition] : REGION_PARTITIONS;
    const fingerprint = `skill-jobs:${JSON.stringify([skillUri, search.partition, search.cityCode, search.occupation, search.text])}`;
    const position = search.cursor
      ? await this.cursors.decode<{ partitionIndex: number; inner?: string }>(search.cursor, fingerprint)
      : { partitionIndex: 0 };
    const now = this.clock();
    const jobs: JobPosting[] = [];
    let partitionIndex = position.partitionIndex;
    let inner = position.inner;
    while (partitionIndex < regions.length && jobs.length < search.limit) {
      const innerFingerprint = `${fingerprint}:${regions[partitionIndex]}`;
      const page = await queryPage(
        this.table,
        this.cursors,
        {
          partitionKey: partitions.jobSkill(skillUri, regions[partitionIndex]!),
          limit: Math.max(search.limit - jobs.length, SKILL_WALK_BATCH),
          cursor: inner,
          fingerprint: innerFingerprint,
        },
        now,
      );
      const found = await getLiveItems(
        this.table,
        page.items.map((posting) => entities.Job.key(String(posting.jobId))),
        now,
      );
      const byId = new Map(found.map((item) => [String(item.jobId), item]));
      inner = page.nextCursor;
      for (const [i, posting] of page.items.entries()) {
        const item = byId.get(String(posting.jobId));
        const job = item && recordOf<JobPosting>(item);
        if (!item || !job || !isJobOpen(job, now) || !matchesSearch(item, job, search)) continue;
        jobs.push(job);
        // The page is full: the next one resumes right after this posting, even mid-batch.
        if (jobs.length === search.limit && i < page.items.length - 1) {
          inner = await this.cursors.encode(keyOf(posting), innerFingerprint);
          break;
        }
      }
      if (!inner) partitionIndex++;
    }
    const nextCursor =
      partitionIndex < regions.length ? await this.cursors.encode({ partitionIndex, inner }, fingerprint) : undefined;
    return { items: jobs, nextCursor };
  }
}
