import { type ApplicationStatus, notFound } from '@skillpass/domain';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Table } from '../client.ts';
import type { CursorCodec } from '../cursor.ts';
import { entities, itemOf, partitions, sortKeyPrefixes } from '../entities.ts';
import { ConditionalWriteFailed, createItem, type Page, queryAll, queryPage, recordOf } from '../items.ts';

export interface Notification {
  notificationId: string;
  graduateId: string;
  kind: 'new-matches' | 'application-status' | 'job-invitation' | 'credential-issued';
  /** The English words, kept for readers of old records; responses are worded from the facts below in their language. */
  title: string;
  jobIds: string[];
  /** The application's new status (application-status). */
  status?: ApplicationStatus;
  /** The job's title when the notification is about one job. */
  jobTitle?: { en: string; zh?: string };
  /** The credential issued and its title (credential-issued). */
  credentialId?: string;
  credentialTitle?: { en: string; zh?: string };
  read: boolean;
  /** When it happened, to the millisecond (the record's own write time): the order of the list. */
  createdAt: string;
}

/** An employer's notification: a graduate withdrew an application to one of its jobs. */
export interface EmployerNotification {
  notificationId: string;
  employerId: string;
  kind: 'application-withdrawn';
  applicationId: string;
  jobIds: string[];
  jobTitle?: { en: string; zh?: string };
  read: boolean;
  createdAt: string;
}

/** Graduates' and employers' notifications, newest first. */
export interface NotificationRepository {
  /** Adds a notification; adding one with the same id and time again changes nothing. */
  add(notification: Notification): Promise<void>;
  list(graduateId: string, page: { limit: number; cursor?: string }): Promise<Page<Notification>>;
  markRead(graduateId: string, notificationId: string, read: boolean): Promise<void>;
  /** The same for an employer's notifications. */
  addForEmployer(notification: EmployerNotification): Promise<void>;
  listForEmployer(employerId: string, page: { limit: number; cursor?: string }): Promise<Page<EmployerNotification>>;
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

  async addForEmployer(notification: EmployerNotification): Promise<void> {
    const key = entities.EmployerNotification.key(
      notification.employerId,
      notification.createdAt,
      notification.notificationId,
    );
    try {
      await createItem(this.table, itemOf(entities.EmployerNotification, key, notification), 'notification');
    } catch (error) {
      if (!(error instanceof ConditionalWriteFailed)) throw error;
    }
  }

  async listForEmployer(
    employerId: string,
    page: { limit: number; cursor?: string },
  ): Promise<Page<EmployerNotification>> {
    const result = await queryPage(
      this.table,
      this.cursors,
      {
        partitionKey: entities.EmployerNotification.key(employerId, '', '').PK,
        sortKeyBeginsWith: sortKeyPrefixes.notification,
        newestFirst: true,
        limit: page.limit,
        cursor: page.cursor,
        fingerprint: `employer-notifications:${employerId}`,
      },
      this.clock(),
    );
    return { items: result.items.map((item) => recordOf<EmployerNotification>(item)), nextCursor: result.nextCursor };
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
