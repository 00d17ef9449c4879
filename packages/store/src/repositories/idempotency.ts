import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { Table } from '../client.ts';
import { entities, itemOf } from '../entities.ts';
import { epochSeconds, expiryOf, recordOf } from '../items.ts';

export interface IdempotencyRecord {
  requestHash: string;
  state: 'in-progress' | 'done';
  status?: number;
  headers?: Record<string, string>;
  body?: string;
  leaseUntil: number;
}

/**
 * The outcome of a claim: ours to run (with the lease that identifies our claim), or the record
 * that holds the key.
 */
export type IdempotencyClaim = { claimed: true; lease: number } | { claimed: false; existing: IdempotencyRecord };

/** `Idempotency-Key` records: who runs a request, and the response a replay gets. */
export interface IdempotencyRepository {
  /**
   * Claims a key for one request, atomically: it succeeds when no live record holds the key, or
   * when the same request's earlier claim has a lease that ran out (it crashed) — otherwise it
   * returns the record that holds the key. `graduateId` makes the record part of that graduate's data.
   */
  claim(
    principal: string,
    key: string,
    requestHash: string,
    options?: { graduateId?: string },
  ): Promise<IdempotencyClaim>;
  /** Keeps the response for replays; a no-op when our claim was taken over meanwhile. */
  complete(
    principal: string,
    key: string,
    lease: number,
    response: { status: number; headers: Record<string, string>; body: string },
  ): Promise<void>;
  /** Gives our claim up (the request failed), so a retry runs it again; another caller's claim stays. */
  release(principal: string, key: string, lease: number): Promise<void>;
}

/** A write that only our claim may make: the record is still in progress under our lease. */
const OUR_CLAIM = '#state = :inProgress AND leaseUntil = :lease';

/** How long a claimed request may run before a retry may take it over. */
const LEASE_SECONDS = 30;

export class DynamoIdempotencyRepository implements IdempotencyRepository {
  constructor(
    private readonly table: Table,
    private readonly clock: () => Date,
  ) {}

  async claim(
    principal: string,
    key: string,
    requestHash: string,
    options: { graduateId?: string } = {},
  ): Promise<IdempotencyClaim> {
    const at = this.clock();
    const now = epochSeconds(at);
    const record: IdempotencyRecord & { expiresAt: number } = {
      requestHash,
      state: 'in-progress',
      leaseUntil: now + LEASE_SECONDS,
      expiresAt: expiryOf(entities.IdempotencyRecord, at),
    };
    try {
      // One conditional Put, as the Powertools idempotency layer does: no read-then-write window in
      // which two callers could both believe they hold the key.
      await this.table.doc.send(
        new PutCommand({
          TableName: this.table.name,
          Item: itemOf(entities.IdempotencyRecord, entities.IdempotencyRecord.key(principal, key), record, options),
          ConditionExpression:
            'attribute_not_exists(PK) OR expiresAt <= :now OR (#state = :inProgress AND leaseUntil < :now AND requestHash = :hash)',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: { ':now': now, ':inProgress': 'in-progress', ':hash': requestHash },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      return { claimed: true, lease: record.leaseUntil };
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException) || !error.Item) throw error;
      return { claimed: false, existing: recordOf<IdempotencyRecord>(unmarshall(error.Item)) };
    }
  }

  async complete(
    principal: string,
    key: string,
    lease: number,
    response: { status: number; headers: Record<string, string>; body: string },
  ): Promise<void> {
    await this.#ifStillOurs(
      new UpdateCommand({
        TableName: this.table.name,
        Key: entities.IdempotencyRecord.key(principal, key),
        UpdateExpression: 'SET #state = :done, #status = :status, headers = :headers, body = :body',
        ConditionExpression: OUR_CLAIM,
        ExpressionAttributeNames: { '#state': 'state', '#status': 'status' },
        ExpressionAttributeValues: {
          ':inProgress': 'in-progress',
          ':lease': lease,
          ':done': 'done',
          ':status': response.status,
          ':headers': response.headers,
          ':body': response.body,
        },
      }),
    );
  }

  async release(principal: string, key: string, lease: number): Promise<void> {
    await this.#ifStillOurs(
      new DeleteCommand({
        TableName: this.table.name,
        Key: entities.IdempotencyRecord.key(principal, key),
        ConditionExpression: OUR_CLAIM,
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':inProgress': 'in-progress', ':lease': lease },
      }),
    );
  }

  /** Runs a write conditioned on our claim; when a retry took the key over, the write is skipped. */
  async #ifStillOurs(command: UpdateCommand | DeleteCommand): Promise<void> {
    try {
      await this.table.doc.send(command);
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }
}
