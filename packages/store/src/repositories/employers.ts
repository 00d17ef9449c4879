import type { Employer, EmployerInput } from '@skillpass/domain';
import type { Table } from '../client.ts';
import { entities, itemOf } from '../entities.ts';
import { createItem, getLiveItem, recordOf, replaceAtVersion } from '../items.ts';
import { withOptimisticRetry } from '../optimistic.ts';

/** Employers' organisations. */
export interface EmployerRepository {
  get(employerId: string): Promise<Employer | undefined>;
  put(employerId: string, input: EmployerInput): Promise<Employer>;
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

  put(employerId: string, input: EmployerInput): Promise<Employer> {
    return withOptimisticRetry(async () => {
      const current = await this.get(employerId);
      const now = this.clock().toISOString();
      const employer: Employer = {
        ...input,
        employerId,
        version: (current?.version ?? 0) + 1,
        createdAt: current?.createdAt ?? now,
        updatedAt: now,
      };
      const item = itemOf(entities.Employer, entities.Employer.key(employerId), employer);
      if (current) await replaceAtVersion(this.table, item, current.version);
      else await createItem(this.table, item, 'employer');
      return employer;
    });
  }
}
