import type { OutboxMessage } from '@skillpass/store';

/** What a mailer is given: one message of the outbox, with the id it was queued under. */
export type MailToSend = Pick<OutboxMessage, 'messageId' | 'to' | 'subject' | 'text' | 'html' | 'attachments'>;

/**
 * Sends email: a file mailbox locally, Amazon SES in AWS. A throw means "not sent": the pipeline
 * retries the delivery and, after its retries, dead-letters it.
 */
export interface Mailer {
  send(message: MailToSend): Promise<void>;
}
