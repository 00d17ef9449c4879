import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { useTitle } from '../components/title.ts';
import { Skeleton } from '../components/skeleton.tsx';
import { formatDateTime, t } from '../i18n.ts';

/** A message as the local file mailer keeps it (packages/local/src/mailbox.ts); not in the OpenAPI document. */
interface MailboxMessage {
  messageId: string;
  to: string;
  subject: string;
  text: string;
  attachments: Array<{ filename: string; contentType: string; content: string }>;
  sentAt: string;
}

/**
 * The local mailbox: what the platform "sent" under `npm start`. Its API route exists only there, so
 * elsewhere the page says it is unavailable.
 */
export default function DevMailbox() {
  useTitle(() => t('mailbox.title'));
  const messages = useSignal<MailboxMessage[] | null | 'unavailable'>(null);
  useEffect(() => {
    fetch('/v1/dev/mailbox')
      .then(async (response) => {
        messages.value = response.ok ? ((await response.json()) as { items: MailboxMessage[] }).items : 'unavailable';
      })
      .catch(() => {
        messages.value = 'unavailable';
      });
  }, []);
  const value = messages.value;
  return (
    <section>
      <h1>{t('mailbox.title')}</h1>
      <p class="lead">{t('mailbox.lead')}</p>
      {value === null && <Skeleton list />}
      {value === 'unavailable' && <p class="notice">{t('mailbox.unavailable')}</p>}
      {Array.isArray(value) && value.length === 0 && <p>{t('mailbox.empty')}</p>}
      {Array.isArray(value) && (
        <ul class="plain">
          {value.map((message) => {
            const qr = message.attachments.find((a) => a.contentType === 'image/svg+xml');
            return (
              <li key={message.messageId} class="card">
                <h2>{message.subject}</h2>
                <p class="meta">{t('mailbox.to', { address: message.to })}</p>
                <p class="muted">
                  <time dateTime={message.sentAt}>{formatDateTime(message.sentAt)}</time>
                </p>
                <p class="prose">{message.text}</p>
                {qr && (
                  <img
                    src={`data:${qr.contentType};base64,${qr.content}`}
                    alt={t('mailbox.qr')}
                    width={160}
                    height={160}
                  />
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
