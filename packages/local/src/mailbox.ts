import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiApp } from '@skillpass/api';
import type { Mailer, MailToSend } from '@skillpass/services';

/**
 * `GET /v1/dev/mailbox` — what the local mailer "sent", newest first, for the web app's `/dev/mailbox`.
 * Only `npm start` installs it; no Lambda bundle contains it (test/src/dev-sign-in-bundle.test.ts).
 */
export const DEV_MAILBOX_PATH = '/v1/dev/mailbox';

/** A message as the mailbox keeps it: what was sent and when. */
export type MailboxMessage = MailToSend & { sentAt: string };

/**
 * The local mailer: each message is a JSON file named by its id in `dir`, so sending one again
 * replaces the file and the mailbox never holds a message twice. Written to a temporary name and
 * renamed, so a reader never sees half a message.
 */
export function fileMailer(dir: string, clock: () => Date = () => new Date()): Mailer {
  return {
    async send(message) {
      mkdirSync(dir, { recursive: true });
      const { messageId, to, subject, text, html, attachments } = message;
      const stored: MailboxMessage = { messageId, to, subject, text, html, attachments, sentAt: clock().toISOString() };
      const file = join(dir, `${messageId}.json`);
      writeFileSync(`${file}.tmp`, JSON.stringify(stored, null, 2));
      renameSync(`${file}.tmp`, file);
    },
  };
}

/** Every message in the mailbox, newest first. */
export function readMailbox(dir: string): MailboxMessage[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => name.endsWith('.json'));
  } catch {
    return [];
  }
  return names
    .map((name) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as MailboxMessage)
    .sort((a, b) => b.sentAt.localeCompare(a.sentAt) || a.messageId.localeCompare(b.messageId));
}

export function installDevMailbox(app: ApiApp, dir: string): void {
  app.get(DEV_MAILBOX_PATH, (c) => c.json({ items: readMailbox(dir) }));
}
