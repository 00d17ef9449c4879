import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { IssuedCredential } from '@skillpass/domain';
import type { Table } from '../client.ts';
import type { CursorCodec } from '../cursor.ts';
import { entities, itemOf, partitions, sortKeyPrefixes } from '../entities.ts';
import {
  createItem,
  getLiveItem,
  isConditionFailure,
  type Page,
  putItems,
  queryAll,
  queryPage,
  recordOf,
} from '../items.ts';
import { credentialItem } from './credentials.ts';

export interface CredentialBatch {
  batchId: string;
  issuerId: string;
  templateId: string;
  total: number;
  createdAt: string;
}

export interface BatchRecipient<Input = unknown> {
  row: number;
  input: Input;
  status: 'pending' | 'issued' | 'failed';
  credentialId?: string;
  error?: string;
}

export type BatchOutcome = { status: 'issued'; credentialId: string } | { status: 'failed'; error: string };

/** Credential batches (a whole class) and their recipients, one row each. */
export interface BatchRepository {
  create<Input>(batch: CredentialBatch, recipients: ReadonlyArray<BatchRecipient<Input>>): Promise<void>;
  get(batchId: string): Promise<CredentialBatch | undefined>;
  listRecipients<Input>(
    batchId: string,
    page: { limit: number; cursor?: string },
  ): Promise<Page<BatchRecipient<Input>>>;
  /**
   * Records one recipient's outcome exactly once: a row leaves `pending` only by a conditional
   * write, so a retried or duplicated worker cannot settle it twice. False: it was settled already.
   */
  settleRecipient(batchId: string, row: number, outcome: BatchOutcome): Promise<boolean>;
  /**
   * Stores rows' new credentials and settles the rows as issued, 50 rows to a transaction: a
   * credential is created (only if absent) together with its row leaving `pending`, or neither.
   * Returns the rows of transactions that lost a race (credential or settled row already there):
   * nothing of those was written, and the caller redoes them one by one.
   */
  recordIssued(
    batchId: string,
    issued: ReadonlyArray<{ row: number; credential: IssuedCredential }>,
  ): Promise<number[]>;
  /** Counts rows by status from the rows themselves, never from a shared counter every worker would contend on. */
  progress(batchId: string): Promise<{ issued: number; failed: number; pending: number }>;
  /** Batches created with pending rows and not yet finished: what a restarted worker resumes. */
  listOpen(): Promise<string[]>;
  /** An issuer's batches, newest first. */
  listForIssuer(issuerId: string, page: { limit: number; cursor?: string }): Promise<Page<CredentialBatch>>;
  /** Takes a batch whose rows are all settled off the open list. */
  markFinished(batch: CredentialBatch): Promise<void>;
}

/** Batch writes of a new batch's rows in flight at once. */
const ROW_WRITERS = 4;

const batchItem = (batch: CredentialBatch, open: boolean) =>
  itemOf(entities.CredentialBatch, entities.CredentialBatch.key(batch.batchId), batch, { ...batch, open });

export class DynamoBatchRepository implements BatchRepository {
  constructor(
    private readonly table: Table,
    private readonly cursors: CursorCodec,
    private readonly clock: () => Date,
  ) {}

  async create<Input>(batch: CredentialBatch, recipients: ReadonlyArray<BatchRecipient<Input>>): Promise<void> {
    // Listed as open before any row exists, so a crash at any later point leaves it to be resumed.
    const open = recipients.some((recipient) => recipient.status === 'pending');
    await createItem(this.table, batchItem(batch, open), 'batch');
    const items = recipients.map((recipient) =>
      itemOf(entities.BatchRecipient, entities.BatchRecipient.key(batch.batchId, recipient.row), recipient),
    );
    // Rows are distinct items, so their batch writes can run side by side: a class of 10,000 is 400 of them.
    const slice = Math.ceil(items.length / ROW_WRITERS);
    await Promise.all(
      Array.from({ length: ROW_WRITERS }, (_, i) => putItems(this.table, items.slice(i * slice, (i + 1) * slice))),
    );
  }

  async get(batchId: string): Promise<CredentialBatch | undefined> {
    const item = await getLiveItem(this.table, entities.CredentialBatch.key(batchId), this.clock());
    return item ? recordOf<CredentialBatch>(item) : undefined;
  }

  async listRecipients<Input>(
    batchId: string,
    page: { limit: number; cursor?: string },
  ): Promise<Page<BatchRecipient<Input>>> {
    const result = await queryPage(
      this.table,
      this.cursors,
      {
        partitionKey: partitions.batch(batchId),
        sortKeyBeginsWith: sortKeyPrefixes.batchRecipient,
        limit: page.limit,
        cursor: page.cursor,
        fingerprint: `batch:${batchId}`,
      },
      this.clock(),
    );
    return { items: result.items.map((item) => recordOf<BatchRecipient<Input>>(item)), nextCursor: result.nextCursor };
  }

  async settleRecipient(batchId: string, row: number, outcome: BatchOutcome): Promise<boolean> {
    const issued = outcome.status === 'issued';
    try {
      await this.table.doc.send(
        new UpdateCommand({
          TableName: this.table.name,
          Key: entities.BatchRecipient.key(batchId, row),
          UpdateExpression: issued
            ? 'SET #status = :to, credentialId = :detail'
            : 'SET #status = :to, #error = :detail',
          ConditionExpression: '#status = :pending',
          ExpressionAttributeNames: { '#status': 'status', ...(issued ? {} : { '#error': 'error' }) },
          ExpressionAttributeValues: {
            ':to': outcome.status,
            ':pending': 'pending',
            ':detail': outcome.status === 'issued' ? outcome.credentialId : outcome.error,
          },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  async recordIssued(
    batchId: string,
    issued: ReadonlyArray<{ row: number; credential: IssuedCredential }>,
  ): Promise<number[]> {
    const chunks = Array.from({ length: Math.ceil(issued.length / 50) }, (_, i) => issued.slice(i * 50, i * 50 + 50));
    const lost = await Promise.all(
      chunks.map(async (chunk) => {
        try {
          await this.table.doc.send(
            new TransactWriteCommand({
              TransactItems: chunk.flatMap(({ row, credential }) => [
                {
                  Put: {
                    TableName: this.table.name,
                    Item: credentialItem(credential),
                    ConditionExpression: 'attribute_not_exists(PK)',
                  },
                },
                {
                  Update: {
                    TableName: this.table.name,
                    Key: entities.BatchRecipient.key(batchId, row),
                    UpdateExpression: 'SET #status = :issued, credentialId = :credentialId',
                    ConditionExpression: '#status = :pending',
                    ExpressionAttributeNames: { '#status': 'status' },
                    ExpressionAttributeValues: {
                      ':issued': 'issued',
                      ':pending': 'pending',
                      ':credentialId': credential.credentialId,
                    },
                  },
                },
              ]),
            }),
          );
          return [];
        } catch (error) {
          if (isConditionFailure(error) || error instanceof TransactionCanceledException)
            return chunk.map((c) => c.row);
          throw error;
        }
      }),
    );
    return lost.flat();
  }

  async progress(batchId: string): Promise<{ issued: number; failed: number; pending: number }> {
    // One pass over the rows, each row counted once in the state it was read in. Three queries, one per
    // state, counted rows settled between them in neither (a poller saw pending 0 with rows missing).
    const counts = { issued: 0, failed: 0, pending: 0 };
    let start: Record<string, unknown> | undefined;
    do {
      const out = await this.table.doc.send(
        new QueryCommand({
          TableName: this.table.name,
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :rows)',
          ProjectionExpression: '#status',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':pk': partitions.batch(batchId), ':rows': sortKeyPrefixes.batchRecipient },
          ExclusiveStartKey: start,
        }),
      );
      for (const item of out.Items ?? []) counts[(item as Pick<BatchRecipient, 'status'>).status]++;
      start = out.LastEvaluatedKey;
    } while (start);
    return counts;
  }

  async listOpen(): Promise<string[]> {
    const items = await queryAll(this.table, { index: 'GSI1', partitionKey: partitions.openBatches() });
    return items.map((item) => recordOf<CredentialBatch>(item).batchId);
  }

  async listForIssuer(issuerId: string, page: { limit: number; cursor?: string }): Promise<Page<CredentialBatch>> {
    const result = await queryPage(
      this.table,
      this.cursors,
      {
        index: 'GSI2',
        partitionKey: partitions.issuerBatches(issuerId),
        newestFirst: true,
        limit: page.limit,
        cursor: page.cursor,
        fingerprint: `issuer-batches:${issuerId}`,
      },
      this.clock(),
    );
    return { items: result.items.map((item) => recordOf<CredentialBatch>(item)), nextCursor: result.nextCursor };
  }

  async markFinished(batch: CredentialBatch): Promise<void> {
    await putItems(this.table, [batchItem(batch, false)]);
  }
}
