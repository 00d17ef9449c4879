import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import {
  type Application,
  type ApplicationStatus,
  assertApplicationTransition,
  DomainError,
  type Employer,
  type EmployerInput,
  type GraduateProfile,
  type GraduateProfileInput,
  isJobOpen,
  type JobPosting,
  type JobPostingInput,
  notFound,
  REGION_PARTITIONS,
  type RegionPartition,
  regionPartitionOf,
} from '@skillpass/domain';
import type { Table } from './client.ts';
import type { CursorCodec } from './cursor.ts';
import { deterministicId, newId } from './ids.ts';
import {
  createItem,
  deleteItems,
  epochSeconds,
  getLiveItem,
  getLiveItems,
  isConditionFailure,
  isLive,
  type Page,
  queryAll,
  putItems,
  queryPage,
  recordOf,
  replaceAtVersion,
  type StoredItem,
} from './items.ts';
import { keys } from './keys.ts';

/** One entry of the skill → open jobs index. */
export interface JobSkillPosting {
  skillUri: string;
  importance: 'essential' | 'optional';
  minProficiency: 1 | 2 | 3 | 4;
  totalWeight: number;
}

export interface JobSearch {
  partition?: RegionPartition;
  cityCode?: string;
  occupation?: string;
  text?: string;
  limit: number;
  cursor?: string;
}

export interface IdempotencyRecord {
  requestHash: string;
  state: 'in-progress' | 'done';
  status?: number;
  headers?: Record<string, string>;
  body?: string;
  leaseUntil: number;
}

export interface Notification {
  notificationId: string;
  graduateId: string;
  kind: 'new-matches' | 'application-status';
  title: string;
  jobIds: string[];
  read: boolean;
  createdAt: string;
}

/** The persistence the API and the consumers need; DynamoDB is one adapter behind it. */
export interface SkillpassStore {
  getProfile(graduateId: string): Promise<GraduateProfile | undefined>;
  updateProfile(
    graduateId: string,
    change: (current: GraduateProfile | undefined) => GraduateProfileInput,
    options?: { ifVersion?: number },
  ): Promise<{ profile: GraduateProfile; created: boolean }>;
  /** Replaces the credential-verified skills of a profile; no write when nothing changed. */
  setVerifiedSkills(graduateId: string, verifiedSkills: GraduateProfile['verifiedSkills']): Promise<void>;
  eraseGraduate(graduateId: string): Promise<{ deletedItems: number }>;
  exportGraduate(graduateId: string): Promise<Record<string, unknown[]>>;
  getEmployer(employerId: string): Promise<Employer | undefined>;
  putEmployer(employerId: string, input: EmployerInput): Promise<Employer>;
  createJob(employerId: string, input: JobPostingInput, options?: { jobId?: string }): Promise<JobPosting>;
  getJob(jobId: string): Promise<JobPosting | undefined>;
  replaceJob(job: JobPosting, expectedVersion: number): Promise<JobPosting>;
  closeJob(jobId: string): Promise<JobPosting>;
  listEmployerJobs(employerId: string, page: { limit: number; cursor?: string }): Promise<Page<JobPosting>>;
  searchOpenJobs(search: JobSearch): Promise<Page<JobPosting>>;
  apply(
    graduateId: string,
    jobId: string,
    coverNote: string | undefined,
  ): Promise<{ application: Application; created: boolean }>;
  getApplication(applicationId: string): Promise<Application | undefined>;
  changeApplicationStatus(applicationId: string, to: ApplicationStatus): Promise<Application>;
  listJobApplications(jobId: string, page: { limit: number; cursor?: string }): Promise<Page<Application>>;
  listGraduateApplications(graduateId: string, page: { limit: number; cursor?: string }): Promise<Page<Application>>;
  getIdempotency(principal: string, key: string): Promise<IdempotencyRecord | undefined>;
  claimIdempotency(principal: string, key: string, requestHash: string, owner?: string): Promise<boolean>;
  takeOverIdempotency(principal: string, key: string, requestHash: string, staleLease: number): Promise<boolean>;
  completeIdempotency(
    principal: string,
    key: string,
    response: { status: number; headers: Record<string, string>; body: string },
  ): Promise<void>;
  releaseIdempotency(principal: string, key: string): Promise<void>;
  syncJobPostings(
    jobId: string,
    current: { partition: RegionPartition; postings: readonly JobSkillPosting[] } | undefined,
    previous: { skills: readonly string[]; partition: RegionPartition } | undefined,
  ): Promise<void>;
  searchOpenJobsBySkill(
    skillUri: string,
    search: { partition?: RegionPartition; limit: number; cursor?: string },
  ): Promise<Page<JobPosting>>;
  addNotification(notification: Notification): Promise<void>;
  listNotifications(graduateId: string, page: { limit: number; cursor?: string }): Promise<Page<Notification>>;
  markNotificationRead(graduateId: string, notificationId: string, read: boolean): Promise<void>;
  getStreamCheckpoint(shardId: string): Promise<string | undefined>;
  saveStreamCheckpoint(shardId: string, sequenceNumber: string): Promise<void>;
  wasConsumed(consumer: string, eventId: string): Promise<boolean>;
  markConsumed(consumer: string, eventId: string): Promise<void>;
  ping(): Promise<void>;
}

const IDEMPOTENCY_WINDOW_SECONDS = 24 * 60 * 60;
const IDEMPOTENCY_LEASE_SECONDS = 30;
const CONSUMED_MARKER_SECONDS = 7 * 24 * 60 * 60;
const MAX_OPTIMISTIC_RETRIES = 5;

export class DynamoSkillpassStore implements SkillpassStore {
  constructor(
    private readonly table: Table,
    private readonly cursors: CursorCodec,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async ping(): Promise<void> {
    await getLiveItem(this.table, keys.seedMarker(), this.clock());
  }

  // Profiles -------------------------------------------------------------------------------

  async getProfile(graduateId: string): Promise<GraduateProfile | undefined> {
    const item = await getLiveItem(this.table, keys.profile(graduateId), this.clock());
    return item ? recordOf<GraduateProfile>(item) : undefined;
  }

  async updateProfile(
    graduateId: string,
    change: (current: GraduateProfile | undefined) => GraduateProfileInput,
    options: { ifVersion?: number } = {},
  ): Promise<{ profile: GraduateProfile; created: boolean }> {
    // Read-modify-write with a version check; consumers also touch the profile (verified skills), so retry on a race.
    for (let attempt = 0; ; attempt++) {
      const current = await this.getProfile(graduateId);
      if (options.ifVersion !== undefined && current?.version !== options.ifVersion) {
        throw new DomainError('precondition-failed', 'The profile changed since that version; read it again.');
      }
      const now = this.clock().toISOString();
      const profile: GraduateProfile = {
        verifiedSkills: current?.verifiedSkills ?? [],
        ...change(current),
        graduateId,
        version: (current?.version ?? 0) + 1,
        createdAt: current?.createdAt ?? now,
        updatedAt: now,
      };
      const item = { ...keys.profile(graduateId), entity: 'Profile', ...profile };
      try {
        if (current) await replaceAtVersion(this.table, item, current.version);
        else await createItem(this.table, item, 'profile');
        return { profile, created: !current };
      } catch (error) {
        const raced = error instanceof DomainError && (error.kind === 'precondition-failed' || error.kind === 'conflict');
        if (!raced || options.ifVersion !== undefined || attempt >= MAX_OPTIMISTIC_RETRIES) throw error;
      }
    }
  }

  async setVerifiedSkills(graduateId: string, verifiedSkills: GraduateProfile['verifiedSkills']): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      const current = await this.getProfile(graduateId);
      if (!current || JSON.stringify(current.verifiedSkills) === JSON.stringify(verifiedSkills)) return;
      const next: GraduateProfile = { ...current, verifiedSkills, version: current.version + 1, updatedAt: this.clock().toISOString() };
      try {
        await replaceAtVersion(this.table, { ...keys.profile(graduateId), entity: 'Profile', ...next }, current.version);
        return;
      } catch (error) {
        if (!(error instanceof DomainError) || attempt >= MAX_OPTIMISTIC_RETRIES) throw error;
      }
    }
  }

  async #graduateItems(graduateId: string): Promise<StoredItem[]> {
    const [own, elsewhere] = await Promise.all([
      queryAll(this.table, { partitionKey: keys.graduatePartition(graduateId) }),
      queryAll(this.table, { index: 'ByOwner', partitionKey: keys.graduateOwner(graduateId) }),
    ]);
    return [...own, ...elsewhere];
  }

  async eraseGraduate(graduateId: string): Promise<{ deletedItems: number }> {
    const items = await this.#graduateItems(graduateId);
    await deleteItems(this.table, items);
    return { deletedItems: items.length };
  }

  async exportGraduate(graduateId: string): Promise<Record<string, unknown[]>> {
    const now = this.clock();
    const grouped: Record<string, unknown[]> = {};
    for (const item of await this.#graduateItems(graduateId)) {
      if (!isLive(item, now)) continue;
      const entity = typeof item.entity === 'string' ? item.entity : 'Other';
      grouped[entity] = [...(grouped[entity] ?? []), recordOf(item)];
    }
    return grouped;
  }

  // Employers and jobs ----------------------------------------------------------------------

  async getEmployer(employerId: string): Promise<Employer | undefined> {
    const item = await getLiveItem(this.table, keys.employer(employerId), this.clock());
    return item ? recordOf<Employer>(item) : undefined;
  }

  async putEmployer(employerId: string, input: EmployerInput): Promise<Employer> {
    for (let attempt = 0; ; attempt++) {
      const current = await this.getEmployer(employerId);
      const now = this.clock().toISOString();
      const employer: Employer = {
        ...input,
        employerId,
        version: (current?.version ?? 0) + 1,
        createdAt: current?.createdAt ?? now,
        updatedAt: now,
      };
      const item = { ...keys.employer(employerId), entity: 'Employer', ...employer };
      try {
        if (current) await replaceAtVersion(this.table, item, current.version);
        else await createItem(this.table, item, 'employer');
        return employer;
      } catch (error) {
        if (!(error instanceof DomainError) || attempt >= MAX_OPTIMISTIC_RETRIES) throw error;
      }
    }
  }

  #jobItem(job: JobPosting): StoredItem {
    const partition = regionPartitionOf(job.place);
    const order = `${job.postedAt}#${job.jobId}`;
    const open = job.status === 'open';
    return {
      ...keys.job(job.jobId),
      entity: 'Job',
      GSI1PK: keys.employerJobs(job.employerId),
      GSI1SK: order,
      // Sparse indexes: a closed job drops out of the open-job partitions.
      ...(open ? { GSI2PK: keys.openJobs(), GSI2SK: order, GSI3PK: keys.openJobsIn(partition), GSI3SK: order } : {}),
      searchText: [job.title.en, job.title.zh ?? '', job.description].join('\n').toLowerCase().slice(0, 4000),
      ...job,
    };
  }

  async createJob(employerId: string, input: JobPostingInput, options: { jobId?: string } = {}): Promise<JobPosting> {
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
    await createItem(this.table, this.#jobItem(job), 'job');
    return job;
  }

  async getJob(jobId: string): Promise<JobPosting | undefined> {
    const item = await getLiveItem(this.table, keys.job(jobId), this.clock());
    return item ? recordOf<JobPosting>(item) : undefined;
  }

  async replaceJob(job: JobPosting, expectedVersion: number): Promise<JobPosting> {
    const next: JobPosting = { ...job, version: expectedVersion + 1, updatedAt: this.clock().toISOString() };
    await replaceAtVersion(this.table, this.#jobItem(next), expectedVersion);
    return next;
  }

  async closeJob(jobId: string): Promise<JobPosting> {
    for (let attempt = 0; ; attempt++) {
      const job = await this.getJob(jobId);
      if (!job) throw notFound('job');
      if (job.status === 'closed') return job;
      try {
        return await this.replaceJob({ ...job, status: 'closed', closedAt: this.clock().toISOString() }, job.version);
      } catch (error) {
        if (!(error instanceof DomainError) || attempt >= MAX_OPTIMISTIC_RETRIES) throw error;
      }
    }
  }

  async listEmployerJobs(employerId: string, page: { limit: number; cursor?: string }): Promise<Page<JobPosting>> {
    const result = await queryPage(
      this.table,
      this.cursors,
      {
        index: 'GSI1',
        partitionKey: keys.employerJobs(employerId),
        newestFirst: true,
        limit: page.limit,
        cursor: page.cursor,
        fingerprint: `employer-jobs:${employerId}`,
      },
      this.clock(),
    );
    return { items: result.items.map((item) => recordOf<JobPosting>(item)), nextCursor: result.nextCursor };
  }

  async searchOpenJobs(search: JobSearch): Promise<Page<JobPosting>> {
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
        partitionKey: search.partition ? keys.openJobsIn(search.partition) : keys.openJobs(),
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

  // Applications ----------------------------------------------------------------------------

  async apply(
    graduateId: string,
    jobId: string,
    coverNote: string | undefined,
  ): Promise<{ application: Application; created: boolean }> {
    const existing = await getLiveItem(this.table, keys.application(graduateId, jobId), this.clock());
    if (existing) return { application: recordOf<Application>(existing), created: false };
    const job = await this.getJob(jobId);
    if (!job) throw notFound('job');
    const now = this.clock();
    if (!isJobOpen(job, now)) throw new DomainError('conflict', 'This job is closed and no longer takes applications.');
    const at = now.toISOString();
    const application: Application = {
      applicationId: deterministicId('app', jobId, graduateId),
      jobId,
      employerId: job.employerId,
      graduateId,
      coverNote,
      status: 'submitted',
      history: [{ status: 'submitted', at }],
      version: 1,
      createdAt: at,
      updatedAt: at,
    };
    try {
      await createItem(this.table, this.#applicationItem(application), 'application');
      return { application, created: true };
    } catch (error) {
      if (!(error instanceof DomainError && error.kind === 'conflict')) throw error;
      const raced = await getLiveItem(this.table, keys.application(graduateId, jobId), this.clock());
      if (!raced) throw error;
      return { application: recordOf<Application>(raced), created: false };
    }
  }

  #applicationItem(application: Application): StoredItem {
    return {
      ...keys.application(application.graduateId, application.jobId),
      entity: 'Application',
      GSI1PK: keys.applicationById(application.applicationId),
      GSI1SK: 'APP',
      GSI2PK: keys.jobApplications(application.jobId),
      GSI2SK: `${application.createdAt}#${application.applicationId}`,
      ...application,
    };
  }

  async getApplication(applicationId: string): Promise<Application | undefined> {
    const page = await queryAll(this.table, { index: 'GSI1', partitionKey: keys.applicationById(applicationId) });
    const item = page.find((candidate) => isLive(candidate, this.clock()));
    return item ? recordOf<Application>(item) : undefined;
  }

  async changeApplicationStatus(applicationId: string, to: ApplicationStatus): Promise<Application> {
    for (let attempt = 0; ; attempt++) {
      const current = await this.getApplication(applicationId);
      if (!current) throw notFound('application');
      assertApplicationTransition(current.status, to);
      const at = this.clock().toISOString();
      const next: Application = {
        ...current,
        status: to,
        history: [...current.history, { status: to, at }],
        version: current.version + 1,
        updatedAt: at,
      };
      try {
        await replaceAtVersion(this.table, this.#applicationItem(next), current.version);
        return next;
      } catch (error) {
        if (!(error instanceof DomainError) || attempt >= MAX_OPTIMISTIC_RETRIES) throw error;
      }
    }
  }

  async listJobApplications(jobId: string, page: { limit: number; cursor?: string }): Promise<Page<Application>> {
    const result = await queryPage(
      this.table,
      this.cursors,
      {
        index: 'GSI2',
        partitionKey: keys.jobApplications(jobId),
        limit: page.limit,
        cursor: page.cursor,
        fingerprint: `job-applications:${jobId}`,
      },
      this.clock(),
    );
    return { items: result.items.map((item) => recordOf<Application>(item)), nextCursor: result.nextCursor };
  }

  async listGraduateApplications(
    graduateId: string,
    page: { limit: number; cursor?: string },
  ): Promise<Page<Application>> {
    const result = await queryPage(
      this.table,
      this.cursors,
      {
        partitionKey: keys.graduatePartition(graduateId),
        sortKeyBeginsWith: 'APP#',
        limit: page.limit,
        cursor: page.cursor,
        fingerprint: `graduate-applications:${graduateId}`,
      },
      this.clock(),
    );
    return { items: result.items.map((item) => recordOf<Application>(item)), nextCursor: result.nextCursor };
  }

  // Idempotency -----------------------------------------------------------------------------

  async getIdempotency(principal: string, key: string): Promise<IdempotencyRecord | undefined> {
    const item = await getLiveItem(this.table, keys.idempotency(principal, key), this.clock());
    return item ? recordOf<IdempotencyRecord>(item) : undefined;
  }

  async claimIdempotency(principal: string, key: string, requestHash: string, owner?: string): Promise<boolean> {
    const now = this.clock();
    try {
      await createItem(
        this.table,
        {
          ...keys.idempotency(principal, key),
          entity: 'IdempotencyRecord',
          ...(owner ? { owner } : {}),
          requestHash,
          state: 'in-progress',
          leaseUntil: epochSeconds(now) + IDEMPOTENCY_LEASE_SECONDS,
          expiresAt: epochSeconds(now) + IDEMPOTENCY_WINDOW_SECONDS,
        },
        'idempotency key',
      );
      return true;
    } catch (error) {
      if (error instanceof DomainError && error.kind === 'conflict') {
        // An expired record still sitting in the table (TTL is lazy) does not block a new claim.
        const existing = await this.getIdempotency(principal, key);
        if (existing) return false;
        await this.releaseIdempotency(principal, key);
        return this.claimIdempotency(principal, key, requestHash, owner);
      }
      throw error;
    }
  }

  /** A claim whose lease ran out (its request crashed) may be taken over by a retry. */
  async takeOverIdempotency(principal: string, key: string, requestHash: string, staleLease: number): Promise<boolean> {
    const now = epochSeconds(this.clock());
    try {
      await this.table.doc.send(
        new UpdateCommand({
          TableName: this.table.name,
          Key: keys.idempotency(principal, key),
          UpdateExpression: 'SET leaseUntil = :lease',
          ConditionExpression: '#state = :inProgress AND leaseUntil = :stale AND requestHash = :hash',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: {
            ':lease': now + IDEMPOTENCY_LEASE_SECONDS,
            ':inProgress': 'in-progress',
            ':stale': staleLease,
            ':hash': requestHash,
          },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  async completeIdempotency(
    principal: string,
    key: string,
    response: { status: number; headers: Record<string, string>; body: string },
  ): Promise<void> {
    await this.table.doc.send(
      new UpdateCommand({
        TableName: this.table.name,
        Key: keys.idempotency(principal, key),
        UpdateExpression: 'SET #state = :done, #status = :status, headers = :headers, body = :body',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeNames: { '#state': 'state', '#status': 'status' },
        ExpressionAttributeValues: {
          ':done': 'done',
          ':status': response.status,
          ':headers': response.headers,
          ':body': response.body,
        },
      }),
    );
  }

  async releaseIdempotency(principal: string, key: string): Promise<void> {
    await deleteItems(this.table, [keys.idempotency(principal, key)]);
  }

  // Inverted index: skill → open jobs, partitioned by region ------------------------------

  /**
   * Makes the postings of a job match `current` (undefined: the job is gone or closed). Each
   * posting carries what the matching engine needs to bound a score without loading the job.
   * Idempotent: replaying it converges on the same items.
   */
  async syncJobPostings(
    jobId: string,
    current: { partition: RegionPartition; postings: readonly JobSkillPosting[] } | undefined,
    previous: { skills: readonly string[]; partition: RegionPartition } | undefined,
  ): Promise<void> {
    const wanted = new Set((current?.postings ?? []).map((p) => `${current?.partition}\u0000${p.skillUri}`));
    const stale = (previous?.skills ?? [])
      .filter((uri) => !wanted.has(`${previous?.partition}\u0000${uri}`))
      .map((uri) => keys.jobSkillPosting(uri, previous!.partition, jobId));
    await deleteItems(this.table, stale);
    if (!current) return;
    await putItems(
      this.table,
      current.postings.map((posting) => ({
        ...keys.jobSkillPosting(posting.skillUri, current.partition, jobId),
        entity: 'JobSkillPosting',
        jobId,
        importance: posting.importance,
        minProficiency: posting.minProficiency,
        totalWeight: posting.totalWeight,
      })),
    );
  }

  async searchOpenJobsBySkill(
    skillUri: string,
    search: { partition?: RegionPartition; limit: number; cursor?: string },
  ): Promise<Page<JobPosting>> {
    // Without a province, walk the region partitions one after another; the cursor remembers which.
    const partitions = search.partition ? [search.partition] : REGION_PARTITIONS;
    const fingerprint = `skill-jobs:${skillUri}:${search.partition ?? '*'}`;
    const position = search.cursor
      ? await this.cursors.decode<{ partitionIndex: number; inner?: string }>(search.cursor, fingerprint)
      : { partitionIndex: 0 };
    const now = this.clock();
    const jobs: JobPosting[] = [];
    let partitionIndex = position.partitionIndex;
    let inner = position.inner;
    while (partitionIndex < partitions.length && jobs.length < search.limit) {
      const partition = partitions[partitionIndex]!;
      const page = await queryPage(
        this.table,
        this.cursors,
        {
          partitionKey: keys.jobSkillPartition(skillUri, partition),
          limit: search.limit - jobs.length,
          cursor: inner,
          fingerprint: `${fingerprint}:${partition}`,
        },
        now,
      );
      const found = await getLiveItems(
        this.table,
        page.items.map((posting) => keys.job(String(posting.jobId))),
        now,
      );
      jobs.push(...found.map((item) => recordOf<JobPosting>(item)).filter((job) => isJobOpen(job, now)));
      inner = page.nextCursor;
      if (!inner) partitionIndex++;
    }
    const nextCursor =
      partitionIndex < partitions.length ? await this.cursors.encode({ partitionIndex, inner }, fingerprint) : undefined;
    return { items: jobs, nextCursor };
  }

  // Notifications and event bookkeeping -----------------------------------------------------

  async addNotification(notification: Notification): Promise<void> {
    try {
      await createItem(
        this.table,
        {
          ...keys.notification(notification.graduateId, notification.createdAt, notification.notificationId),
          entity: 'Notification',
          ...notification,
        },
        'notification',
      );
    } catch (error) {
      if (!(error instanceof DomainError && error.kind === 'conflict')) throw error;
    }
  }

  async listNotifications(graduateId: string, page: { limit: number; cursor?: string }): Promise<Page<Notification>> {
    const result = await queryPage(
      this.table,
      this.cursors,
      {
        partitionKey: keys.graduatePartition(graduateId),
        sortKeyBeginsWith: 'NOTE#',
        newestFirst: true,
        limit: page.limit,
        cursor: page.cursor,
        fingerprint: `notifications:${graduateId}`,
      },
      this.clock(),
    );
    return { items: result.items.map((item) => recordOf<Notification>(item)), nextCursor: result.nextCursor };
  }

  async getStreamCheckpoint(shardId: string): Promise<string | undefined> {
    const item = await getLiveItem(this.table, keys.streamCheckpoint(shardId), this.clock());
    return typeof item?.sequenceNumber === 'string' ? item.sequenceNumber : undefined;
  }

  async saveStreamCheckpoint(shardId: string, sequenceNumber: string): Promise<void> {
    await this.table.doc.send(
      new PutCommand({
        TableName: this.table.name,
        Item: { ...keys.streamCheckpoint(shardId), entity: 'StreamCheckpoint', sequenceNumber },
      }),
    );
  }

  async markNotificationRead(graduateId: string, notificationId: string, read: boolean): Promise<void> {
    const notes = await queryAll(this.table, { partitionKey: keys.graduatePartition(graduateId), sortKeyBeginsWith: 'NOTE#' });
    const note = notes.find((item) => item.notificationId === notificationId);
    if (!note) throw notFound('notification');
    await this.table.doc.send(
      new UpdateCommand({
        TableName: this.table.name,
        Key: { PK: note.PK, SK: note.SK },
        UpdateExpression: 'SET #read = :read',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeNames: { '#read': 'read' },
        ExpressionAttributeValues: { ':read': read },
      }),
    );
  }

  async wasConsumed(consumer: string, eventId: string): Promise<boolean> {
    return (await getLiveItem(this.table, keys.consumed(consumer, eventId), this.clock())) !== undefined;
  }

  /**
   * Written after a consumer succeeded. A crash before this line means a redelivery runs the
   * consumer again, which is safe because every consumer's writes are idempotent.
   */
  async markConsumed(consumer: string, eventId: string): Promise<void> {
    await this.table.doc.send(
      new PutCommand({
        TableName: this.table.name,
        Item: {
          ...keys.consumed(consumer, eventId),
          entity: 'ConsumedEvent',
          expiresAt: epochSeconds(this.clock()) + CONSUMED_MARKER_SECONDS,
        },
      }),
    );
  }
}
