import { randomBytes } from 'node:crypto';
import { PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { assertCredentialStatusChange, DomainError, type IssuedCredential, notFound } from '@skillpass/domain';
import type { Table } from '../client.ts';
import type { CursorCodec } from '../cursor.ts';
import { entities, itemOf, partitions, sortKeyPrefixes } from '../entities.ts';
import {
  ConditionalWriteFailed,
  createItem,
  getLiveItem,
  getLiveItems,
  isConditionFailure,
  type Page,
  putItems,
  queryAll,
  queryPage,
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
  /** An issuer's credentials, newest first; `q` matches the holder's name or the number, `templateId` the template. */
  listForIssuer(
    issuerId: string,
    query: { limit: number; cursor?: string; q?: string; templateId?: string },
  ): Promise<Page<IssuedCredential>>;
  /**
   * Moves a credential between active, suspended and revoked (revocation is final), flipping its
   * bit in the status list in the same transaction, so the list never disagrees with the credential.
   */
  changeStatus(
    credentialId: string,
    to: IssuedCredential['status'],
    why?: { reason?: string | undefined; reasonPublic?: boolean | undefined },
  ): Promise<IssuedCredential>;
  /**
   * Stores a credential's Data Integrity proofs once: the first writer wins and every caller gets
   * the proofs stored (a proof is another securing of the same content, so the version stays).
   */
  addProofs(credentialId: string, proof: ReadonlyArray<Record<string, unknown>>): Promise<IssuedCredential>;
  /**
   * Claims one entry of a status list for a single issuance, in the block its place in the list's permutation falls
   * in: a conditional update of that block, so two issuances never share an entry and no batch claims the block
   * whole afterwards (nor may one claimed whole give entries out). False: taken, pick another.
   */
  claimStatusEntry(listId: string, block: number, index: number): Promise<boolean>;
  /** What a block of a list holds: the chunk that claimed it whole, or the entries single issuances took. */
  statusBlock(listId: string, block: number): Promise<{ chunk?: string; taken: number[] } | undefined>;
  /**
   * The secret key of a list's permutation of its entries, made on first use. Undefined for a list whose entries were
   * claimed one by one before blocks existed: its entries cannot be claimed in blocks, so issuance moves past it.
   */
  statusListKey(listId: string): Promise<Buffer | undefined>;
  /** The credentials among these ids that exist (one batch read per 100). */
  getMany(credentialIds: readonly string[]): Promise<IssuedCredential[]>;
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

/**
 * The holder's name as signed into the credential (`credentialSubject.name` of the vc+jwt payload): the record keeps
 * no copy of it, so an issuer's search reads it from here. Absent when the payload names no one.
 */
function holderNameIn(jwt: string): string | undefined {
  try {
    const payload = JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8'));
    const name = payload?.credentialSubject?.name;
    return typeof name === 'string' ? name : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The stored item of an issued credential (a batch writes it in its own transaction, naming the batch row it was
 * issued for: `<batchId>#<row>`, where its recipient's address is kept).
 */
export const credentialItem = (credential: IssuedCredential, batchRow?: string) => ({
  ...itemOf(entities.IssuedCredential, entities.IssuedCredential.key(credential.credentialId), credential, {
    ...credential,
    ...(credential.holder.kind === 'graduate' ? { holderGraduateId: credential.holder.graduateId } : {}),
  }),
  // What an issuer's search matches, lower-cased: the holder's name and the credential's number.
  searchText: [holderNameIn(credential.jwt), credential.credentialId].filter(Boolean).join('\n').toLowerCase(),
  ...(batchRow ? { batchRow } : {}),
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
    private readonly cursors: CursorCodec,
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

  async listForIssuer(
    issuerId: string,
    query: { limit: number; cursor?: string; q?: string; templateId?: string },
  ): Promise<Page<IssuedCredential>> {
    const filters: string[] = [];
    const values: Record<string, unknown> = {};
    if (query.templateId) {
      filters.push('templateId = :template');
      values[':template'] = query.templateId;
    }
    if (query.q) {
      filters.push('contains(searchText, :q)');
      values[':q'] = query.q.toLowerCase();
    }
    const result = await queryPage(
      this.table,
      this.cursors,
      {
        index: 'GSI1',
        partitionKey: partitions.issuerCredentials(issuerId),
        newestFirst: true,
        limit: query.limit,
        cursor: query.cursor,
        fingerprint: `issuer-credentials:${issuerId}:${query.templateId ?? ''}:${query.q ?? ''}`,
        ...(filters.length ? { filter: { expression: filters.join(' AND '), values } } : {}),
      },
      this.clock(),
    );
    return { items: result.items.map((item) => recordOf<IssuedCredential>(item)), nextCursor: result.nextCursor };
  }

  async changeStatus(
    credentialId: string,
    to: IssuedCredential['status'],
    why: { reason?: string | undefined; reasonPublic?: boolean | undefined } = {},
  ): Promise<IssuedCredential> {
    const item = await getLiveItem(this.table, entities.IssuedCredential.key(credentialId), this.clock());
    if (!item) throw notFound('credential');
    const current = recordOf<IssuedCredential>(item);
    assertCredentialStatusChange(current.status, to);
    if (current.status === to) return current;
    const at = this.clock().toISOString();
    const change = { status: to, at, ...(why.reason ? { reason: why.reason } : {}), reasonPublic: !!why.reasonPublic };
    const next: IssuedCredential = {
      ...current,
      status: to,
      statusChanges: [...(current.statusChanges ?? []), change],
      version: current.version + 1,
      updatedAt: at,
    };
    try {
      await this.table.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.table.name,
                Item: credentialItem(next, typeof item.batchRow === 'string' ? item.batchRow : undefined),
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

  async claimStatusEntry(listId: string, block: number, index: number): Promise<boolean> {
    try {
      await this.table.doc.send(
        new UpdateCommand({
          TableName: this.table.name,
          Key: entities.StatusBlock.key(listId, block),
          UpdateExpression: 'SET entity = :entity ADD taken :index',
          ConditionExpression: 'attribute_not_exists(#chunk) AND NOT contains(taken, :one)',
          ExpressionAttributeNames: { '#chunk': 'chunk' },
          ExpressionAttributeValues: {
            ':entity': entities.StatusBlock.name,
            ':index': new Set([index]),
            ':one': index,
          },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  async statusBlock(listId: string, block: number): Promise<{ chunk?: string; taken: number[] } | undefined> {
    const item = await getLiveItem(this.table, entities.StatusBlock.key(listId, block), this.clock());
    if (!item) return undefined;
    const taken = item.taken instanceof Set ? [...item.taken].map(Number).sort((a, b) => a - b) : [];
    return { ...(typeof item.chunk === 'string' ? { chunk: item.chunk } : {}), taken };
  }

  async statusListKey(listId: string): Promise<Buffer | undefined> {
    const key = entities.StatusListKey.key(listId);
    const stored = await getLiveItem(this.table, key, this.clock());
    if (typeof stored?.key === 'string') return Buffer.from(stored.key, 'base64');
    const legacy = await this.table.doc.send(
      new QueryCommand({
        TableName: this.table.name,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': partitions.statusIndexes(listId) },
        Limit: 1,
      }),
    );
    if ((legacy.Items ?? []).length > 0) return undefined;
    try {
      await createItem(
        this.table,
        itemOf(entities.StatusListKey, key, { key: randomBytes(32).toString('base64') }),
        'status list key',
      );
    } catch (error) {
      if (!(error instanceof ConditionalWriteFailed)) throw error;
    }
    // Whoever made it first, every reader uses the one stored.
    const made = await getLiveItem(this.table, key, this.clock());
    return Buffer.from(String(made?.key), 'base64');
  }

  async getMany(credentialIds: readonly string[]): Promise<IssuedCredential[]> {
    const items = await getLiveItems(
      this.table,
      credentialIds.map((id) => entities.IssuedCredential.key(id)),
      this.clock(),
    );
    return items.map((item) => recordOf<IssuedCredential>(item));
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
