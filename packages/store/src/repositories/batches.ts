import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { IssuedCredential } from '@skillpass/domain';
import type { Table } from '../client.ts';
import type { CursorCodec } from '../cursor.ts';
import { entities, itemOf, partitions, sortKeyPrefixes } from '../entities.ts';
import { createItem, getLiveItem, type Page, putItems, queryAll, queryPage, recordOf } from '../items.ts';
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

/** The status list and the blocks of it (32 entries each, by place in the list's permutation) a chunk's rows take. */
export interface ChunkStatusBlocks {
  listId: string;
  blocks: number[];
}

/**
 * Up to 96 consecutive rows, one item: a chunk is recorded in one write, claims its status entries in one small
 * transaction and is settled in the same transaction that stores its credentials, so every row's credential and
 * status entry exist once however often the chunk is worked on.
 */
export interface BatchChunk<Input = unknown> {
  chunk: number;
  rows: Array<BatchRecipient<Input>>;
  pending: number;
  issued: number;
  failed: number;
  /** Set once, before any row of the chunk is signed, so a retried chunk signs with the same entries. */
  statusBlocks?: ChunkStatusBlocks;
}

/** Rows to a chunk: with its status blocks and settlement a chunk's transaction stays within DynamoDB's 100 items. */
export const BATCH_CHUNK_ROWS = 96;
export const chunkOfRow = (row: number): number => Math.floor((row - 1) / BATCH_CHUNK_ROWS);

/** Credential batches (a whole class) and their recipients, 96 rows to an item. */
export interface BatchRepository {
  create<Input>(batch: CredentialBatch, recipients: ReadonlyArray<BatchRecipient<Input>>): Promise<void>;
  get(batchId: string): Promise<CredentialBatch | undefined>;
  /** A page of rows in row order; the cursor names the next row. */
  listRecipients<Input>(
    batchId: string,
    page: { limit: number; cursor?: string },
  ): Promise<Page<BatchRecipient<Input>>>;
  /** The chunks with rows still pending, in row order, a query page at a time. */
  pendingChunks<Input>(batchId: string): AsyncGenerator<Array<BatchChunk<Input>>>;
  getChunk<Input>(batchId: string, chunk: number): Promise<BatchChunk<Input> | undefined>;
  /**
   * Claims whole status blocks for a pending chunk and records them on it, in one transaction. `claimed`; the blocks
   * another claim holds (nothing written: draw others for those); or `chunk-has-blocks` when the chunk already has
   * its blocks or is settled (read it again).
   */
  claimStatusBlocks(
    batchId: string,
    chunk: number,
    claim: ChunkStatusBlocks,
  ): Promise<'claimed' | 'chunk-has-blocks' | { taken: number[] }>;
  /**
   * Stores a chunk's new credentials (each only if absent) and settles every pending row of it with its outcome, all
   * in one transaction. False: the chunk was settled already (by another run), and nothing was written.
   */
  settleChunk(
    batchId: string,
    chunk: BatchChunk,
    outcomes: ReadonlyMap<number, BatchOutcome>,
    credentials: ReadonlyArray<{ row: number; credential: IssuedCredential }>,
  ): Promise<boolean>;
  /** Counts rows by status from the chunks' own counts, each chunk read once. */
  progress(batchId: string): Promise<{ issued: number; failed: number; pending: number }>;
  /** Batches created with pending rows and not yet finished: what a restarted worker resumes. */
  listOpen(): Promise<string[]>;
  /** An issuer's batches, newest first. */
  listForIssuer(issuerId: string, page: { limit: number; cursor?: string }): Promise<Page<CredentialBatch>>;
  /** Takes a batch whose rows are all settled off the open list. */
  markFinished(batch: CredentialBatch): Promise<void>;
}

/** Batch writes of a new batch's chunks in flight at once. */
const CHUNK_WRITERS = 4;

const batchItem = (batch: CredentialBatch, open: boolean) =>
  itemOf(entities.CredentialBatch, entities.CredentialBatch.key(batch.batchId), batch, { ...batch, open });

const chunkKey = (batchId: string, chunk: number) => entities.BatchChunk.key(batchId, chunk);

/** How a credential's item names the batch row it was issued for (where its recipient's address is). */
const batchRowOf = (batchId: string, row: number) => `${batchId}#${row}`;

const cancellationCodes = (error: TransactionCanceledException) =>
  (error.CancellationReasons ?? []).map((reason) => reason.Code ?? 'None');

export class DynamoBatchRepository implements BatchRepository {
  constructor(
    private readonly table: Table,
    private readonly cursors: CursorCodec,
    private readonly clock: () => Date,
  ) {}

  async create<Input>(batch: CredentialBatch, recipients: ReadonlyArray<BatchRecipient<Input>>): Promise<void> {
    // Listed as open before any chunk exists, so a crash at any later point leaves it to be resumed.
    const open = recipients.some((recipient) => recipient.status === 'pending');
    await createItem(this.table, batchItem(batch, open), 'batch');
    const chunks = new Map<number, Array<BatchRecipient<Input>>>();
    for (const recipient of recipients) {
      const chunk = chunkOfRow(recipient.row);
      chunks.set(chunk, [...(chunks.get(chunk) ?? []), recipient]);
    }
    const items = [...chunks].map(([chunk, rows]) => {
      const count = (status: BatchRecipient['status']) => rows.filter((r) => r.status === status).length;
      const record: BatchChunk<Input> = {
        chunk,
        rows,
        pending: count('pending'),
        issued: count('issued'),
        failed: count('failed'),
      };
      return itemOf(entities.BatchChunk, chunkKey(batch.batchId, chunk), record);
    });
    // Chunks are distinct items, so their batch writes can run side by side.
    const slice = Math.ceil(items.length / CHUNK_WRITERS);
    await Promise.all(
      Array.from({ length: CHUNK_WRITERS }, (_, i) => putItems(this.table, items.slice(i * slice, (i + 1) * slice))),
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
    const fingerprint = `batch-rows:${batchId}`;
    const from = page.cursor ? (await this.cursors.decode<{ row: number }>(page.cursor, fingerprint)).row : 1;
    // One chunk past the page's last row, to know whether rows follow it.
    const chunks = await this.#chunks<Input>(batchId, {
      first: chunkOfRow(from),
      last: chunkOfRow(from + page.limit - 1) + 1,
    });
    const rows = chunks.flatMap((c) => c.rows).filter((r) => r.row >= from);
    const items = rows.slice(0, page.limit);
    const next = rows.length > items.length ? items.at(-1)!.row + 1 : undefined;
    return {
      items,
      ...(next === undefined ? {} : { nextCursor: await this.cursors.encode({ row: next }, fingerprint) }),
    };
  }

  async *pendingChunks<Input>(batchId: string): AsyncGenerator<Array<BatchChunk<Input>>> {
    let start: Record<string, unknown> | undefined;
    do {
      const out = await this.table.doc.send(
        new QueryCommand({
          TableName: this.table.name,
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :chunks)',
          FilterExpression: '#pending > :zero',
          ExpressionAttributeNames: { '#pending': 'pending' },
          ExpressionAttributeValues: {
            ':pk': partitions.batch(batchId),
            ':chunks': sortKeyPrefixes.batchChunk,
            ':zero': 0,
          },
          ExclusiveStartKey: start,
        }),
      );
      const chunks = (out.Items ?? []).map((item) => recordOf<BatchChunk<Input>>(item));
      if (chunks.length > 0) yield chunks;
      start = out.LastEvaluatedKey;
    } while (start);
  }

  async getChunk<Input>(batchId: string, chunk: number): Promise<BatchChunk<Input> | undefined> {
    const item = await getLiveItem(this.table, chunkKey(batchId, chunk), this.clock());
    return item ? recordOf<BatchChunk<Input>>(item) : undefined;
  }

  async claimStatusBlocks(
    batchId: string,
    chunk: number,
    claim: ChunkStatusBlocks,
  ): Promise<'claimed' | 'chunk-has-blocks' | { taken: number[] }> {
    try {
      await this.table.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            ...claim.blocks.map((block) => ({
              Put: {
                TableName: this.table.name,
                Item: itemOf(entities.StatusBlock, entities.StatusBlock.key(claim.listId, block), {
                  chunk: `${batchId}#${chunk}`,
                }),
                ConditionExpression: 'attribute_not_exists(PK)',
              },
            })),
            {
              Update: {
                TableName: this.table.name,
                Key: chunkKey(batchId, chunk),
                UpdateExpression: 'SET statusBlocks = :claim',
                ConditionExpression: 'attribute_not_exists(statusBlocks) AND #pending > :zero',
                ExpressionAttributeNames: { '#pending': 'pending' },
                ExpressionAttributeValues: { ':claim': claim, ':zero': 0 },
              },
            },
          ],
        }),
      );
      return 'claimed';
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const codes = cancellationCodes(error);
      if (codes[claim.blocks.length] === 'ConditionalCheckFailed') return 'chunk-has-blocks';
      // Blocks another claim holds, or was writing at the same moment (a conflict): draw others for those.
      const taken = claim.blocks.filter(
        (_, i) => codes[i] === 'ConditionalCheckFailed' || codes[i] === 'TransactionConflict',
      );
      return { taken: taken.length > 0 ? taken : claim.blocks };
    }
  }

  async settleChunk(
    batchId: string,
    chunk: BatchChunk,
    outcomes: ReadonlyMap<number, BatchOutcome>,
    credentials: ReadonlyArray<{ row: number; credential: IssuedCredential }>,
  ): Promise<boolean> {
    const rows = chunk.rows.map((row): BatchRecipient => {
      const outcome = row.status === 'pending' ? outcomes.get(row.row) : undefined;
      if (!outcome) return row;
      return outcome.status === 'issued'
        ? { ...row, status: 'issued', credentialId: outcome.credentialId }
        : { ...row, status: 'failed', error: outcome.error };
    });
    const count = (status: BatchRecipient['status']) => rows.filter((r) => r.status === status).length;
    if (count('pending') > 0) throw new Error(`chunk ${chunk.chunk} of ${batchId}: a pending row has no outcome`);
    const transaction = new TransactWriteCommand({
      TransactItems: [
        ...credentials.map(({ row, credential }) => ({
          Put: {
            TableName: this.table.name,
            Item: credentialItem(credential, batchRowOf(batchId, row)),
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        })),
        {
          Update: {
            TableName: this.table.name,
            Key: chunkKey(batchId, chunk.chunk),
            UpdateExpression: 'SET #rows = :rows, #pending = :zero, issued = :issued, failed = :failed',
            ConditionExpression: '#pending > :zero',
            ExpressionAttributeNames: { '#rows': 'rows', '#pending': 'pending' },
            ExpressionAttributeValues: {
              ':rows': rows,
              ':zero': 0,
              ':issued': count('issued'),
              ':failed': count('failed'),
            },
          },
        },
      ],
    });
    for (let attempt = 0; ; attempt++) {
      try {
        await this.table.doc.send(transaction);
        return true;
      } catch (error) {
        if (!(error instanceof TransactionCanceledException)) throw error;
        const codes = cancellationCodes(error);
        if (codes[credentials.length] === 'ConditionalCheckFailed') return false;
        // A credential there while its row is pending would be a second issuance: never write over it.
        if (codes.includes('ConditionalCheckFailed'))
          throw new Error(`chunk ${chunk.chunk} of ${batchId}: a credential exists for a pending row`);
        // Another run writing the same chunk at the same moment: try again, then leave it to the queue's retry.
        if (attempt >= 4) throw error;
        await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
      }
    }
  }

  async progress(batchId: string): Promise<{ issued: number; failed: number; pending: number }> {
    // One pass over the chunks, each counted in the state it was read in (a chunk's counts change in one write).
    const counts = { issued: 0, failed: 0, pending: 0 };
    let start: Record<string, unknown> | undefined;
    do {
      const out = await this.table.doc.send(
        new QueryCommand({
          TableName: this.table.name,
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :chunks)',
          ProjectionExpression: '#pending, issued, failed',
          ExpressionAttributeNames: { '#pending': 'pending' },
          ExpressionAttributeValues: { ':pk': partitions.batch(batchId), ':chunks': sortKeyPrefixes.batchChunk },
          ExclusiveStartKey: start,
        }),
      );
      for (const item of (out.Items ?? []) as Array<Pick<BatchChunk, 'pending' | 'issued' | 'failed'>>) {
        counts.pending += item.pending;
        counts.issued += item.issued;
        counts.failed += item.failed;
      }
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

  /** Chunks `first` to `last` of a batch (those that exist), in order. */
  async #chunks<Input>(batchId: string, range: { first: number; last: number }): Promise<Array<BatchChunk<Input>>> {
    const items = await queryAll(this.table, {
      partitionKey: partitions.batch(batchId),
      sortKeyBetween: [chunkKey(batchId, range.first).SK, chunkKey(batchId, range.last).SK],
    });
    return items.map((item) => recordOf<BatchChunk<Input>>(item));
  }
}

/**
 * The address of a batch recipient who has no account here, read from the row their credential was issued for (the
 * row keeps what the issuer sent, so a batch writes no separate address item per credential).
 */
export async function batchRecipientAddress(
  table: Table,
  credentialId: string,
  now: Date,
): Promise<{ credentialId: string; email: string; name?: string } | undefined> {
  const out = await table.doc.send(
    new GetCommand({
      TableName: table.name,
      Key: entities.IssuedCredential.key(credentialId),
      ProjectionExpression: 'batchRow',
      ConsistentRead: true,
    }),
  );
  const batchRow = out.Item?.batchRow;
  if (typeof batchRow !== 'string') return undefined;
  const cut = batchRow.lastIndexOf('#');
  const [batchId, row] = [batchRow.slice(0, cut), Number(batchRow.slice(cut + 1))];
  const item = await getLiveItem(table, chunkKey(batchId, chunkOfRow(row)), now);
  const input = item
    ? recordOf<BatchChunk<{ email?: string; name?: string }>>(item).rows.find((r) => r.row === row)?.input
    : undefined;
  return input?.email ? { credentialId, email: input.email, ...(input.name ? { name: input.name } : {}) } : undefined;
}
