import { notificationTitle } from '@skillpass/domain';
import { deterministicId, type Repositories } from '@skillpass/store';
import { credentialIssuedMail } from './credential-mail.ts';
import type { Mailer } from './mailer.ts';

/** What telling a credential's recipient needs: the records it is worded from and the public origin of the links. */
export type CredentialDeliveryDeps = Pick<
  Repositories,
  'credentials' | 'issuers' | 'profiles' | 'notifications' | 'outbox'
> & {
  origin: string;
};

/**
 * Tells the recipient of a newly issued credential: a graduate here gets a notification, anyone else
 * an email queued in the outbox (sent by `sendQueuedMail`). Both are written under ids derived from the
 * credential, so a redelivered event, a retry or a second consumer run writes nothing new.
 */
export async function deliverIssuedCredential(
  deps: CredentialDeliveryDeps,
  event: { occurredAt: string; detail: { credentialId: string; issuerId: string; graduateId?: string | undefined } },
): Promise<'notified' | 'queued' | 'nothing'> {
  const { credentialId, graduateId, issuerId } = event.detail;
  // Read together: what the message is worded from, and whom it goes to.
  const [credential, recipient, issuer] = await Promise.all([
    deps.credentials.get(credentialId),
    graduateId ? deps.profiles.get(graduateId) : deps.outbox.addressFor(credentialId),
    deps.issuers.get(issuerId),
  ]);
  // No recipient: an erased graduate gets nothing new written about them; no address means its mail was queued
  // already (and the address forgotten), or the issuer gave none (VC API).
  if (!credential || !recipient) return 'nothing';
  const template = await deps.issuers.getTemplate(credential.templateId);
  if (graduateId) {
    const facts = {
      kind: 'credential-issued' as const,
      jobIds: [],
      ...(template ? { credentialTitle: template.title } : {}),
    };
    await deps.notifications.add({
      notificationId: deterministicId('note', 'credential-issued', credentialId),
      graduateId,
      ...facts,
      credentialId,
      title: notificationTitle(facts, 'en'),
      read: false,
      createdAt: event.occurredAt,
    });
    return 'notified';
  }
  if (!template || !issuer || !('email' in recipient)) return 'nothing';
  await deps.outbox.enqueue(
    credentialIssuedMail({
      origin: deps.origin,
      credential,
      template,
      issuer,
      address: recipient,
      createdAt: event.occurredAt,
    }),
  );
  await deps.outbox.forgetAddress(credentialId);
  return 'queued';
}

/**
 * Sends one queued message and marks it sent. A message sent already is not sent again; a mailer that
 * throws leaves it queued, for the pipeline to retry and, in the end, dead-letter. (A crash between
 * sending and marking sends it once more: at least once, as every mail system that is not the mailbox.)
 */
export async function sendQueuedMail(
  deps: Pick<Repositories, 'outbox'> & { mailer: Mailer; clock: () => Date },
  messageId: string,
): Promise<'sent' | 'already-sent' | 'not-found'> {
  const message = await deps.outbox.get(messageId);
  if (!message) return 'not-found';
  if (message.status === 'sent') return 'already-sent';
  await deps.mailer.send(message);
  await deps.outbox.markSent(messageId, deps.clock().toISOString());
  return 'sent';
}
