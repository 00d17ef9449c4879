import { type Approval, DomainError, type Employer, type EmployerInput, notFound } from '@skillpass/domain';
import type { Table } from '../client.ts';
import { entities, itemOf, partitions } from '../entities.ts';
import { createItem, getLiveItem, getLiveItems, queryAll, recordOf, replaceAtVersion } from '../items.ts';
import { withOptimisticRetry } from '../optimistic.ts';

/** Employers' organisations. */
export interface EmployerRepository {
  get(employerId: string): Promise<Employer | undefined>;
  /** Several organisations in one BatchGet (a page of jobs names its employers): absent ones are left out. */
  getMany(employerIds: readonly string[]): Promise<Map<string, Employer>>;
  /** Creates or replaces the organisation (with a `precondition`, only at a version it accepts). */
  put(
    employerId: string,
    input: EmployerInput,
    options?: { precondition?: (currentVersion: number | undefined) => boolean },
  ): Promise<Employer>;
  /**
   * Creates or changes the organisation from what it is now (`undefined` when absent). With a `precondition` (the
   * caller's If-Match), only if it accepts the version read (412 otherwise).
   */
  update(
    employerId: string,
    change: (current: Employer | undefined) => EmployerInput,
    options?: { precondition?: (currentVersion: number | undefined) => boolean },
  ): Promise<Employer>;
  /** Organisations no administrator has approved yet, oldest first. */
  listAwaitingApproval(): Promise<Employer[]>;
  /** An administrator approves the organisation (again: the newer approval stands). 404 when it does not exist. */
  approve(employerId: string, approval: Approval): Promise<Employer>;
}

/** The stored item: listed as awaiting approval until an administrator approves it. */
const employerItem = (employer: Employer) =>
  itemOf(entities.Employer, entities.Employer.key(employer.employerId), employer, {
    ...employer,
    awaitingApproval: !employer.approval,
  });

export class DynamoEmployerRepository implements EmployerRepository {
  constructor(
    private readonly table: Table,
    private readonly clock: () => Date,
  ) {}

  async get(employerId: string): Promise<Employer | undefined> {
    const item = await getLiveItem(this.table, entities.Employer.key(employerId), this.clock());
    return item ? recordOf<Employer>(item) : undefined;
  }

  async getMany(employerIds: readonly string[]): Promise<Map<string, Employer>> {
    const keys = [...new Set(employerIds)].map((id) => entities.Employer.key(id));
    const items = await getLiveItems(this.table, keys, this.clock());
    return new Map(items.map((item) => recordOf<Employer>(item)).map((employer) => [employer.employerId, employer]));
  }

  put(
    employerId: string,
    input: EmployerInput,
    options: { precondition?: (currentVersion: number | undefined) => boolean } = {},
  ): Promise<Employer> {
    return this.update(employerId, () => input, options);
  }

  update(
    employerId: string,
    change: (current: Employer | undefined) => EmployerInput,
    options: { precondition?: (currentVersion: number | undefined) => boolean } = {},
  ): Promise<Employer> {
    const { precondition } = options;
    const attempt = async () => {
      const current = await this.get(employerId);
      if (precondition && !precondition(current?.version)) {
        throw new DomainError('precondition-failed', 'The organisation changed since that version; read it again.');
      }
      const now = this.clock().toISOString();
      const employer: Employer = {
        ...change(current),
        employerId,
        // The organisation edits its own fields; an approval is an administrator's and survives them.
        ...(current?.approval ? { approval: current.approval } : {}),
        version: (current?.version ?? 0) + 1,
        createdAt: current?.createdAt ?? now,
        updatedAt: now,
      };
      const item = employerItem(employer);
      if (current) await replaceAtVersion(this.table, item, current.version);
      else await createItem(this.table, item, 'employer');
      return employer;
    };
    // Losing a race under the caller's If-Match is the caller's answer; without one the change is retried.
    return precondition ? attempt() : withOptimisticRetry(attempt);
  }

  async listAwaitingApproval(): Promise<Employer[]> {
    const items = await queryAll(this.table, {
      index: 'GSI1',
      partitionKey: partitions.employersAwaitingApproval(),
    });
    return items.map((item) => recordOf<Employer>(item));
  }

  approve(employerId: string, approval: Approval): Promise<Employer> {
    return withOptimisticRetry(async () => {
      const current = await this.get(employerId);
      if (!current) throw notFound('employer');
      const employer: Employer = {
        ...current,
        approval,
        version: current.version + 1,
        updatedAt: this.clock().toISOString(),
      };
      await replaceAtVersion(this.table, employerItem(employer), current.version);
      return employer;
    });
  }
}
