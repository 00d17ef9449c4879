import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Table } from '../client.ts';
import { batchRecipientAddress } from './batches.ts';
import { entities, itemOf } from '../entities.ts';
import {
  ConditionalWriteFailed,
  createItem,
  deleteItem,
  expiryOf,
  getLiveItem,
  isConditionFailure,
  putItems,
  recordOf,
} from '../items.ts';

/** Where word of a credential goes when its holder has no account here: the address the issuer gave. */
export interface RecipientAddress {
  credentialId: string;
  email: string;
  name?: string;
}

/** A file sent with a message (the verify QR code). */
export interface MailAttachment {
  filename: string;
  contentType: string;
  /** Base64. */
  content: string;
}

/** One email in the outbox: written once, under an id derived from what it is about, then sent and marked. */
export interface OutboxMessage {
  messageId: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  attachments: MailAttachment[];
  /** What the message is about (the credential), for an operator reading the outbox. */
  about: { credentialId: string };
  status: 'queued';
  createdAt: string;
}

/**
 * A message once sent: the address and the words are gone (an erasure elsewhere must not find the recipient's
 * email kept here); what it was about and when it went stay, for an operator.
 */
export type SentOutboxMessage = Pick<OutboxMessage, 'messageId' | 'subject' | 'about' | 'createdAt'> & {
  status: 'sent';
  sentAt: string;
};

/** The outbox of emails and the recipient addresses they are written from. */
export interface OutboxRepository {
  /**
   * Keeps recipients' addresses until their mail is queued (30 days at most); writing one again changes nothing.
   * A batch writes none: its recipients' addresses are read from their rows.
   */
  rememberAddresses(addresses: readonly RecipientAddress[]): Promise<void>;
  addressFor(credentialId: string): Promise<RecipientAddress | undefined>;
  /** The address is no longer needed once its message is queued (a batch row keeps what the issuer sent). */
  forgetAddress(credentialId: string): Promise<void>;
  /** Queues a message once: false when one with its id is already there (a redelivery), which is left as it is. */
  enqueue(message: OutboxMessage): Promise<boolean>;
  get(messageId: string): Promise<OutboxMessage | SentOutboxMessage | undefined>;
  /** Marks a queued message sent, dropping its address and words; false when it was sent already. */
  markSent(messageId: string, sentAt: string): Promise<boolean>;
}

export class DynamoOutboxRepository implements OutboxRepository {
  constructor(
    private readonly table: Table,
    private readonly clock: () => Date,
  ) {}

  async rememberAddresses(addresses: readonly RecipientAddress[]): Promise<void> {
    const expiresAt = expiryOf(entities.RecipientAddress, this.clock());
    await putItems(
      this.table,
      addresses.map((address) =>
        itemOf(entities.RecipientAddress, entities.RecipientAddress.key(address.credentialId), {
          ...address,
          expiresAt,
        }),
      ),
    );
  }

  async addressFor(credentialId: string): Promise<RecipientAddress | undefined> {
    const item = await getLiveItem(this.table, entities.RecipientAddress.key(credentialId), this.clock());
    return item ? recordOf<RecipientAddress>(item) : batchRecipientAddress(this.table, credentialId, this.clock());
  }

  async forgetAddress(credentialId: string): Promise<void> {
    await deleteItem(this.table, entities.RecipientAddress.key(credentialId));
  }

  async enqueue(message: OutboxMessage): Promise<boolean> {
    const item = itemOf(entities.OutboxMessage, entities.OutboxMessage.key(message.messageId), {
      ...message,
      expiresAt: expiryOf(entities.OutboxMessage, this.clock()),
    });
    try {
      await createItem(this.table, item, 'message');
      return true;
    } catch (error) {
      if (error instanceof ConditionalWriteFailed) return false;
      throw error;
    }
  }

  async get(messageId: string): Promise<OutboxMessage | SentOutboxMessage | undefined> {
    const item = await getLiveItem(this.table, entities.OutboxMessage.key(messageId), this.clock());
    return item ? recordOf<OutboxMessage | SentOutboxMessage>(item) : undefined;
  }

  async markSent(messageId: string, sentAt: string): Promise<boolean> {
    try {
      await this.table.doc.send(
        new UpdateCommand({
          TableName: this.table.name,
          Key: entities.OutboxMessage.key(messageId),
          UpdateExpression: 'SET #status = :sent, sentAt = :at REMOVE #to, #text, html, attachments',
          ConditionExpression: '#status = :queued',
          ExpressionAttributeNames: { '#status': 'status', '#to': 'to', '#text': 'text' },
          ExpressionAttributeValues: { ':sent': 'sent', ':queued': 'queued', ':at': sentAt },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }
}
