import { notFound } from '@skillpass/domain';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Table } from '../client.ts';
import type { CursorCodec } from '../cursor.ts';
import { entities, itemOf, partitions, sortKeyPrefixes } from '../entities.ts';
import { ConditionalWriteFailed, createItem, type Page, queryAll, queryPage, recordOf } from '../items.ts';

export interface Notification {
  notificationId: string;
  graduateId: string;
  kind: 'new-matches' | 'application-status';
  title: string;
  jobIds: string[];
  read: boolean;
  createdAt: string;
}

/** A graduate's notifications, newest first. */
export interface NotificationRepository {
  /** Adds a notification; adding one with the same id and time again changes nothing. */
  add(notification: Notification): Promise<void>;
  list(graduateId: string, page: { limit: number; cursor?: string }): Promise<Page<Notification>>;
  markRead(graduateId: string, notificationId: string, read: boolean): Promise<void>;
}

export class DynamoNotificationRepository implements NotificationRepository {
  constructor(
    private readonly table: Table,
    private readonly cursors: CursorCodec,
    private readonly clock: () => Date,
  ) {}

  async add(notification: Notification): Promise<void> {
    const key = entities.Notification.key(notification.graduateId, notification.createdAt, notification.notificationId);
    try {
      await createItem(this.table, itemOf(entities.Notification, key, notification), 'notification');
    } catch (error) {
      if (!(error instanceof ConditionalWriteFailed)) throw error;
    }
  }

  async list(graduateId: string, page: { limit: number; cursor?: string }): Promise<Page<Notification>> {
    const result = await queryPage(
      this.table,
      this.cursors,
      {
        partitionKey: partitions.graduate(graduateId),
        sortKeyBeginsWith: sortKeyPrefixes.notification,
        newestFirst: true,
        limit: page.limit,
        cursor: page.cursor,
        fingerprint: `notifications:${graduateId}`,
      },
      this.clock(),
    );
    return { items: result.items.map((item) => recordOf<Notification>(item)), nextCursor: result.nextCursor };
  }

  async markRead(graduateId: string, notificationId: string, read: boolean): Promise<void> {
    const notes = await queryAll(this.table, {
      partitionKey: partitions.graduate(graduateId),
      sortKeyBeginsWith: sortKeyPrefixes.notification,
    });
    const note = notes.find((item) => item.notificationId === notificationId);
    if (!note) throw notFound('notification');
    await this.table.doc.send(
      new UpdateCommand({
        TableName: this.table.name,
        Key: { PK: note.PK, SK: note.SK },
        UpdateExpression: 'SET #read = :read',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeNames: { '#read': 'read' },
        ExpressionAttributeValues: { ':read': read },
      }),
    );
  }
}
