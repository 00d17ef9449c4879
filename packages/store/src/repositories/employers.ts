import { DomainError, type Employer, type EmployerInput } from '@skillpass/domain';
import type { Table } from '../client.ts';
import { entities, itemOf } from '../entities.ts';
import { createItem, getLiveItem, getLiveItems, recordOf, replaceAtVersion } from '../items.ts';
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
}

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
        version: (current?.version ?? 0) + 1,
        createdAt: current?.createdAt ?? now,
        updatedAt: now,
      };
      const item = itemOf(entities.Employer, entities.Employer.key(employerId), employer);
      if (current) await replaceAtVersion(this.table, item, current.version);
      else await createItem(this.table, item, 'employer');
      return employer;
    };
    // Losing a race under the caller's If-Match is the caller's answer; without one the change is retried.
    return precondition ? attempt() : withOptimisticRetry(attempt);
  }
}
