import {
  type ApplicationActor,
  type Application,
  type ApplicationStatus,
  assertApplicationTransition,
  DomainError,
  isJobOpen,
  notFound,
} from '@skillpass/domain';
import type { Table } from '../client.ts';
import type { CursorCodec } from '../cursor.ts';
import { entities, itemOf, partitions, sortKeyPrefixes } from '../entities.ts';
import { deterministicId } from '../ids.ts';
import {
  ConditionalWriteFailed,
  createItem,
  getLiveItem,
  isLive,
  type Page,
  queryAll,
  queryPage,
  recordOf,
  replaceAtVersion,
} from '../items.ts';
import { withOptimisticRetry } from '../optimistic.ts';
import type { JobRepository } from './jobs.ts';

/** Applications: one per graduate and job, listed by graduate and by job. */
export interface ApplicationRepository {
  /** Applies once: a repeat returns the existing application with `created: false`. */
  apply(
    graduateId: string,
    jobId: string,
    coverNote: string | undefined,
  ): Promise<{ application: Application; created: boolean }>;
  get(applicationId: string): Promise<Application | undefined>;
  /** Moves an application along the transitions `by` may make, keeping its history. */
  changeStatus(applicationId: string, to: ApplicationStatus, by: ApplicationActor): Promise<Application>;
  listForJob(jobId: string, page: { limit: number; cursor?: string }): Promise<Page<Application>>;
  listForGraduate(graduateId: string, page: { limit: number; cursor?: string }): Promise<Page<Application>>;
}

const applicationItem = (application: Application) =>
  itemOf(
    entities.Application,
    entities.Application.key(application.graduateId, application.jobId),
    application,
    application,
  );

export class DynamoApplicationRepository implements ApplicationRepository {
  constructor(
    private readonly table: Table,
    private readonly cursors: CursorCodec,
    private readonly jobs: Pick<JobRepository, 'get'>,
    private readonly clock: () => Date,
  ) {}

  async apply(
    graduateId: string,
    jobId: string,
    coverNote: string | undefined,
  ): Promise<{ application: Application; created: boolean }> {
    const key = entities.Application.key(graduateId, jobId);
    const existing = await getLiveItem(this.table, key, this.clock());
    if (existing) return { application: recordOf<Application>(existing), created: false };
    const job = await this.jobs.get(jobId);
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
      await createItem(this.table, applicationItem(application), 'application');
      return { application, created: true };
    } catch (error) {
      // A concurrent apply of the same graduate to the same job won: answer with its application.
      if (!(error instanceof ConditionalWriteFailed)) throw error;
      const raced = await getLiveItem(this.table, key, this.clock());
      if (!raced) throw error;
      return { application: recordOf<Application>(raced), created: false };
    }
  }

  async get(applicationId: string): Promise<Application | undefined> {
    const found = await queryAll(this.table, {
      index: 'GSI1',
      partitionKey: partitions.applicationById(applicationId),
    });
    const item = found.find((candidate) => isLive(candidate, this.clock()));
    return item ? recordOf<Application>(item) : undefined;
  }

  changeStatus(applicationId: string, to: ApplicationStatus, by: ApplicationActor): Promise<Application> {
    return withOptimisticRetry(async () => {
      const current = await this.get(applicationId);
      if (!current) throw notFound('application');
      assertApplicationTransition(current.status, to, by);
      const at = this.clock().toISOString();
      const next: Application = {
        ...current,
        status: to,
        history: [...current.history, { status: to, at }],
        version: current.version + 1,
        updatedAt: at,
      };
      await replaceAtVersion(this.table, applicationItem(next), current.version);
      return next;
    });
  }

  async listForJob(jobId: string, page: { limit: number; cursor?: string }): Promise<Page<Application>> {
    const result = await queryPage(
      this.table,
      this.cursors,
      {
        index: 'GSI2',
        partitionKey: partitions.jobApplications(jobId),
        limit: page.limit,
        cursor: page.cursor,
        fingerprint: `job-applications:${jobId}`,
      },
      this.clock(),
    );
    return { items: result.items.map((item) => recordOf<Application>(item)), nextCursor: result.nextCursor };
  }

  async listForGraduate(graduateId: string, page: { limit: number; cursor?: string }): Promise<Page<Application>> {
    const result = await queryPage(
      this.table,
      this.cursors,
      {
        partitionKey: partitions.graduate(graduateId),
        sortKeyBeginsWith: sortKeyPrefixes.application,
        limit: page.limit,
        cursor: page.cursor,
        fingerprint: `graduate-applications:${graduateId}`,
      },
      this.clock(),
    );
    return { items: result.items.map((item) => recordOf<Application>(item)), nextCursor: result.nextCursor };
  }
}
