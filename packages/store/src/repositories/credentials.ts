import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { PutCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { assertCredentialStatusChange, DomainError, type IssuedCredential, notFound } from '@skillpass/domain';
import type { Table } from '../client.ts';
import { entities, itemOf, partitions, sortKeyPrefixes } from '../entities.ts';
import {
  ConditionalWriteFailed,
  createItem,
  getLiveItem,
  getLiveItems,
  isConditionFailure,
  putItems,
  queryAll,
  recordOf,
} from '../items.ts';

export const FIRST_STATUS_LIST = 'l1';

/** Status lists are `l1`, `l2`, …: the number, or undefined for anything else. */
export function statusListNumber(listId: string): number | undefined {
  const match = /^l([1-9]\d{0,5})$/.exec(listId);
  return match ? Number(match[1]) : undefined;
}

export const nextStatusListId = (listId: string): string => `l${(statusListNumber(listId) ?? 1) + 1}`;

export interface StatusListState {
  listId: string;
  size: number;
  revoked: number[];
  suspended: number[];
  version: number;
}

/** A credential a graduate brought from elsewhere. */
export interface HeldCredential {
  heldId: string;
  graduateId: string;
  jwt: string;
  issuerId: string;
  title: string;
  skills: string[];
  validUntil?: string;
  importedAt: string;
}

/** Credentials issued here with their status lists, and credentials graduates brought from elsewhere. */
export interface CredentialRepository {
  create(credential: IssuedCredential): Promise<void>;
  get(credentialId: string): Promise<IssuedCredential | undefined>;
  listForHolder(graduateId: string): Promise<IssuedCredential[]>;
  /**
   * Moves a credential between active, suspended and revoked (revocation is final), flipping its
   * bit in the status list in the same transaction, so the list never disagrees with the credential.
   */
  changeStatus(credentialId: string, to: IssuedCredential['status']): Promise<IssuedCredential>;
  /**
   * Stores a credential's Data Integrity proofs once: the first writer wins and every caller gets
   * the proofs stored (a proof is another securing of the same content, so the version stays).
   */
  addProofs(credentialId: string, proof: ReadonlyArray<Record<string, unknown>>): Promise<IssuedCredential>;
  /**
   * Claims a status-list index for a credential. The conditional create makes the claim atomic,
   * so two concurrent issuances never share an index; false means it was taken, pick another.
   */
  claimStatusIndex(listId: string, index: number, credentialId: string): Promise<boolean>;
  /**
   * Claims a block of status-list indexes (at most 100, distinct) in one transaction: all or none.
   * Returns the indexes that were taken already, so the caller picks others for those; empty: all claimed.
   */
  claimStatusIndexes(listId: string, claims: ReadonlyArray<{ index: number; credentialId: string }>): Promise<number[]>;
  /** The credentials among these ids that exist (one batch read per 100). */
  getMany(credentialIds: readonly string[]): Promise<IssuedCredential[]>;
  isStatusIndexTaken(listId: string, index: number): Promise<boolean>;
  /** The list new credentials take their index from. */
  currentStatusList(): Promise<string>;
  /** Moves new issuances from list `from` to `to`; a no-op when another issuance already moved it on. */
  advanceStatusList(from: string, to: string): Promise<void>;
  /** A list is served once credentials may point at it: the first up to the current one. */
  isStatusListInUse(listId: string): Promise<boolean>;
  getStatusList(listId: string, size: number): Promise<StatusListState>;
  /** Keeps a credential brought from elsewhere in the graduate's partition, so erasure removes it. */
  putHeld(held: HeldCredential): Promise<void>;
  listHeld(graduateId: string): Promise<HeldCredential[]>;
}

/** The stored item of an issued credential (a batch writes it in its own transaction). */
export const credentialItem = (credential: IssuedCredential) =>
  itemOf(entities.IssuedCredential, entities.IssuedCredential.key(credential.credentialId), credential, {
    ...credential,
    ...(credential.holder.kind === 'graduate' ? { holderGraduateId: credential.holder.graduateId } : {}),
  });

/** The status-list update for each target status: which bit sets to add and remove. */
const STATUS_LIST_UPDATE: Record<IssuedCredential['status'], string> = {
  revoked: 'ADD revoked :i DELETE suspended :i SET version = if_not_exists(version, :zero) + :one',
  suspended: 'ADD suspended :i SET version = if_not_exists(version, :zero) + :one',
  active: 'DELETE suspended :i SET version = if_not_exists(version, :zero) + :one',
};

export class DynamoCredentialRepository implements CredentialRepository {
  constructor(
    private readonly table: Table,
    private readonly clock: () => Date,
  ) {}

  async create(credential: IssuedCredential): Promise<void> {
    await createItem(this.table, credentialItem(credential), 'credential');
  }

  async get(credentialId: string): Promise<IssuedCredential | undefined> {
    const item = await getLiveItem(this.table, entities.IssuedCredential.key(credentialId), this.clock());
    return item ? recordOf<IssuedCredential>(item) : undefined;
  }

  async listForHolder(graduateId: string): Promise<IssuedCredential[]> {
    const items = await queryAll(this.table, { index: 'GSI2', partitionKey: partitions.holderCredentials(graduateId) });
    return items.map((item) => recordOf<IssuedCredential>(item));
  }

  async changeStatus(credentialId: string, to: IssuedCredential['status']): Promise<IssuedCredential> {
    const current = await this.get(credentialId);
    if (!current) throw notFound('credential');
    assertCredentialStatusChange(current.status, to);
    if (current.status === to) return current;
    const next: IssuedCredential = {
      ...current,
      status: to,
      version: current.version + 1,
      updatedAt: this.clock().toISOString(),
    };
    try {
      await this.table.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.table.name,
                Item: credentialItem(next),
                ConditionExpression: 'version = :expected',
                ExpressionAttributeValues: { ':expected': current.version },
              },
            },
            {
              Update: {
                TableName: this.table.name,
                Key: entities.StatusList.key(current.statusListId),
                UpdateExpression: STATUS_LIST_UPDATE[to],
                ExpressionAttributeValues: { ':i': new Set([current.statusListIndex]), ':zero': 0, ':one': 1 },
              },
            },
          ],
        }),
      );
    } catch (error) {
      if (isConditionFailure(error)) {
        throw new DomainError('conflict', 'The credential changed at the same time; read it again.');
      }
      throw error;
    }
    return next;
  }

  async addProofs(credentialId: string, proof: ReadonlyArray<Record<string, unknown>>): Promise<IssuedCredential> {
    try {
      await this.table.doc.send(
        new UpdateCommand({
          TableName: this.table.name,
          Key: entities.IssuedCredential.key(credentialId),
          UpdateExpression: 'SET #proof = :proof',
          ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(#proof)',
          ExpressionAttributeNames: { '#proof': 'proof' },
          ExpressionAttributeValues: { ':proof': proof },
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
    const stored = await this.get(credentialId);
    if (!stored) throw notFound('credential');
    return stored;
  }

  async claimStatusIndex(listId: string, index: number, credentialId: string): Promise<boolean> {
    try {
      await createItem(
        this.table,
        itemOf(entities.StatusIndexClaim, entities.StatusIndexClaim.key(listId, index), { credentialId }),
        'status index',
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalWriteFailed) return false;
      throw error;
    }
  }

  async claimStatusIndexes(
    listId: string,
    claims: ReadonlyArray<{ index: number; credentialId: string }>,
  ): Promise<number[]> {
    if (claims.length === 0) return [];
    try {
      await this.table.doc.send(
        new TransactWriteCommand({
          TransactItems: claims.map(({ index, credentialId }) => ({
            Put: {
              TableName: this.table.name,
              Item: itemOf(entities.StatusIndexClaim, entities.StatusIndexClaim.key(listId, index), { credentialId }),
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          })),
        }),
      );
      return [];
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      // Nothing was written. Indexes whose condition failed are taken; a conflict with another transaction is retried.
      const reasons = error.CancellationReasons ?? [];
      const taken = claims.filter((_, i) => reasons[i]?.Code === 'ConditionalCheckFailed').map((c) => c.index);
      if (taken.length === 0 && !reasons.some((r) => r.Code === 'TransactionConflict')) throw error;
      return taken.length > 0 ? taken : claims.map((c) => c.index);
    }
  }

  async getMany(credentialIds: readonly string[]): Promise<IssuedCredential[]> {
    const items = await getLiveItems(
      this.table,
      credentialIds.map((id) => entities.IssuedCredential.key(id)),
      this.clock(),
    );
    return items.map((item) => recordOf<IssuedCredential>(item));
  }

  async isStatusIndexTaken(listId: string, index: number): Promise<boolean> {
    return (await getLiveItem(this.table, entities.StatusIndexClaim.key(listId, index), this.clock())) !== undefined;
  }

  async currentStatusList(): Promise<string> {
    const item = await getLiveItem(this.table, entities.CurrentStatusList.key(), this.clock());
    return typeof item?.listId === 'string' ? item.listId : FIRST_STATUS_LIST;
  }

  async advanceStatusList(from: string, to: string): Promise<void> {
    try {
      await this.table.doc.send(
        new PutCommand({
          TableName: this.table.name,
          Item: itemOf(entities.CurrentStatusList, entities.CurrentStatusList.key(), {
            listId: to,
            updatedAt: this.clock().toISOString(),
          }),
          ConditionExpression:
            from === FIRST_STATUS_LIST ? 'attribute_not_exists(PK) OR listId = :from' : 'listId = :from',
          ExpressionAttributeValues: { ':from': from },
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  }

  async isStatusListInUse(listId: string): Promise<boolean> {
    const number = statusListNumber(listId);
    return number !== undefined && number <= (statusListNumber(await this.currentStatusList()) ?? 1);
  }

  async getStatusList(listId: string, size: number): Promise<StatusListState> {
    const item = await getLiveItem(this.table, entities.StatusList.key(listId), this.clock());
    const numbers = (value: unknown) => (value instanceof Set ? [...value].map(Number).sort((a, b) => a - b) : []);
    return {
      listId,
      size,
      revoked: numbers(item?.revoked),
      suspended: numbers(item?.suspended),
      version: typeof item?.version === 'number' ? item.version : 0,
    };
  }

  async putHeld(held: HeldCredential): Promise<void> {
    await putItems(this.table, [
      itemOf(entities.HeldCredential, entities.HeldCredential.key(held.graduateId, held.heldId), held),
    ]);
  }

  async listHeld(graduateId: string): Promise<HeldCredential[]> {
    const items = await queryAll(this.table, {
      partitionKey: partitions.graduate(graduateId),
      sortKeyBeginsWith: sortKeyPrefixes.heldCredential,
    });
    return items.map((item) => recordOf<HeldCredential>(item));
  }
}
