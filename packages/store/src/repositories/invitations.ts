import type { Invitation } from '@skillpass/domain';
import type { Table } from '../client.ts';
import { entities, itemOf, partitions, sortKeyPrefixes } from '../entities.ts';
import { deterministicId } from '../ids.ts';
import { ConditionalWriteFailed, createItem, getLiveItem, queryAll, recordOf } from '../items.ts';

/**
 * Employers' invitations to apply, one per graduate and job. They live in the graduate's partition, so they are
 * exported and erased with the graduate's data.
 */
export interface InvitationRepository {
  /** Invites once: a repeat returns the first invitation with `created: false`. */
  invite(input: {
    jobId: string;
    employerId: string;
    graduateId: string;
    message?: string | undefined;
  }): Promise<{ invitation: Invitation; created: boolean }>;
  get(graduateId: string, jobId: string): Promise<Invitation | undefined>;
  listForGraduate(graduateId: string): Promise<Invitation[]>;
}

export class DynamoInvitationRepository implements InvitationRepository {
  constructor(
    private readonly table: Table,
    private readonly clock: () => Date,
  ) {}

  async invite(input: {
    jobId: string;
    employerId: string;
    graduateId: string;
    message?: string | undefined;
  }): Promise<{ invitation: Invitation; created: boolean }> {
    const existing = await this.get(input.graduateId, input.jobId);
    if (existing) return { invitation: existing, created: false };
    const at = this.clock().toISOString();
    const invitation: Invitation = {
      invitationId: deterministicId('inv', input.jobId, input.graduateId),
      jobId: input.jobId,
      employerId: input.employerId,
      graduateId: input.graduateId,
      ...(input.message ? { message: input.message } : {}),
      version: 1,
      createdAt: at,
      updatedAt: at,
    };
    const key = entities.Invitation.key(input.graduateId, input.jobId);
    try {
      await createItem(this.table, itemOf(entities.Invitation, key, invitation), 'invitation');
      return { invitation, created: true };
    } catch (error) {
      // A concurrent invitation of the same graduate to the same job won: answer with it.
      if (!(error instanceof ConditionalWriteFailed)) throw error;
      const raced = await this.get(input.graduateId, input.jobId);
      if (!raced) throw error;
      return { invitation: raced, created: false };
    }
  }

  async get(graduateId: string, jobId: string): Promise<Invitation | undefined> {
    const item = await getLiveItem(this.table, entities.Invitation.key(graduateId, jobId), this.clock());
    return item ? recordOf<Invitation>(item) : undefined;
  }

  async listForGraduate(graduateId: string): Promise<Invitation[]> {
    const items = await queryAll(this.table, {
      partitionKey: partitions.graduate(graduateId),
      sortKeyBeginsWith: sortKeyPrefixes.invitation,
    });
    return items.map((item) => recordOf<Invitation>(item)).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }
}
