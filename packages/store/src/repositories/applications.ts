import {
  type ApplicationActor,
  type Application,
  type ApplicationRecord,
  type ApplicationStatus,
  assertApplicationTransition,
  conflict,
  DomainError,
  type ErasedApplication,
  isErasedApplication,
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
  putItems,
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
  /** Applies once (tagged with the fair it was made at, if any): a repeat returns the existing application with `created: false`. */
  apply(
    graduateId: string,
    jobId: string,
    coverNote: string | undefined,
    fairId?: string,
  ): Promise<{ application: Application; created: boolean }>;
  /** A live application, or the anonymised record its employer keeps after the graduate's erasure. */
  get(applicationId: string): Promise<ApplicationRecord | undefined>;
  /** Moves an application along the transitions `by` may make, keeping its history. */
  changeStatus(applicationId: string, to: ApplicationStatus, by: ApplicationActor): Promise<Application>;
  /** A job's applications, oldest first, the anonymised ones of erased graduates among them. */
  listForJob(jobId: string, page: { limit: number; cursor?: string }): Promise<Page<ApplicationRecord>>;
  listForGraduate(graduateId: string, page: { limit: number; cursor?: string }): Promise<Page<Application>>;
  /**
   * Writes, for each of the graduate's applications, the anonymised record its employer keeps once the graduate's
   * data is erased (call before erasing). Rewriting them on a retry converges on the same records.
   */
  keepAnonymised(graduateId: string): Promise<number>;
}

/** The employer's record of an application, without anything about the person who made it. */
export function anonymised(application: Application, erasedAt: string): ErasedApplication {
  return {
    applicationId: application.applicationId,
    jobId: application.jobId,
    employerId: application.employerId,
    applicantErased: true,
    status: application.status,
    history: application.history,
    erasedAt,
    version: application.version,
    createdAt: application.createdAt,
    updatedAt: application.updatedAt,
  };
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
    fairId?: string,
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
      ...(fairId ? { fairId } : {}),
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

  async get(applicationId: string): Promise<ApplicationRecord | undefined> {
    const found = (
      await queryAll(this.table, { index: 'GSI1', partitionKey: partitions.applicationById(applicationId) })
    ).filter((candidate) => isLive(candidate, this.clock()));
    // Between keeping the anonymised record and erasing the graduate both exist: the live one answers.
    const item = found.find((candidate) => candidate.entity === entities.Application.name) ?? found[0];
    return item ? recordOf<ApplicationRecord>(item) : undefined;
  }

  changeStatus(applicationId: string, to: ApplicationStatus, by: ApplicationActor): Promise<Application> {
    return withOptimisticRetry(async () => {
      const current = await this.get(applicationId);
      if (!current) throw notFound('application');
      if (isErasedApplication(current)) {
        throw conflict('The applicant erased their data: this record is kept for your history and cannot move.');
      }
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

  async listForJob(jobId: string, page: { limit: number; cursor?: string }): Promise<Page<ApplicationRecord>> {
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
    const records = result.items.map((item) => recordOf<ApplicationRecord>(item));
    // Mid-erasure an application is there twice: the live one stands for both.
    const live = new Set(records.filter((r) => !isErasedApplication(r)).map((r) => r.applicationId));
    return {
      items: records.filter((r) => !isErasedApplication(r) || !live.has(r.applicationId)),
      nextCursor: result.nextCursor,
    };
  }

  async keepAnonymised(graduateId: string): Promise<number> {
    const items = await queryAll(this.table, {
      partitionKey: partitions.graduate(graduateId),
      sortKeyBeginsWith: sortKeyPrefixes.application,
    });
    const erasedAt = this.clock().toISOString();
    const kept = items.map((item) => anonymised(recordOf<Application>(item), erasedAt));
    await putItems(
      this.table,
      kept.map((record) =>
        itemOf(entities.ErasedApplication, entities.ErasedApplication.key(record.applicationId), record, record),
      ),
    );
    return kept.length;
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
