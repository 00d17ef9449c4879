import { Skeleton } from '../components/skeleton.tsx';
import { useSignal, useSignalEffect } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { api } from '../api/client.ts';
import { JobTitle } from '../components/job-title.tsx';
import { useTitle } from '../components/title.ts';
import { formatDateTime, locale, t } from '../i18n.ts';
import type { MessageKey } from '../messages/en/index.ts';

const REFRESH_MS = 30_000;

/** The heading of each kind of notification; the others are about an application. */
const KIND_LABELS: Partial<Record<Notification['kind'], MessageKey>> = {
  'new-matches': 'notifications.kind.matches',
  'credential-issued': 'notifications.kind.credential',
};

type Notification = NonNullable<Awaited<ReturnType<typeof loadNotifications>>>[number];

async function loadNotifications() {
  const { data } = await api.GET('/v1/profiles/me/notifications', { params: { query: { limit: 100 } } });
  // Newest first, to the millisecond: createdAt is an ISO timestamp.
  return data?.items.slice().sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

export default function Notifications() {
  useTitle(() => t('notifications.title'));
  const items = useSignal<Notification[] | null | 'failed'>(null);
  const reload = () =>
    loadNotifications().then(
      (data) => {
        items.value = data ?? 'failed';
      },
      () => {
        items.value = 'failed';
      },
    );
  useSignalEffect(() => {
    // Read again when the language changes: titles come from the API.
    if (locale.value) void reload();
  });
  useEffect(() => {
    // New notifications appear while the page is open: read again every half minute while it is shown, and on return to it.
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') void reload();
    }, REFRESH_MS);
    const onShow = () => {
      if (document.visibilityState === 'visible') void reload();
    };
    document.addEventListener('visibilitychange', onShow);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onShow);
    };
  }, []);

  async function toggle(notification: Notification) {
    await api.PATCH('/v1/profiles/me/notifications/{id}', {
      params: { path: { id: notification.notificationId } },
      body: { read: !notification.read },
    });
    await reload();
  }

  const value = items.value;
  return (
    <section>
      <h1>{t('notifications.title')}</h1>
      {value === null && <Skeleton list />}
      {value === 'failed' && <p role="alert">{t('common.error.network')}</p>}
      {Array.isArray(value) && value.length === 0 && <p>{t('notifications.empty')}</p>}
      {Array.isArray(value) && (
        <ul class="plain">
          {value.map((notification) => (
            <li key={notification.notificationId} class={`card notification${notification.read ? ' read' : ''}`}>
              <h2>
                {!notification.read && <span class="tag new">{t('notifications.unread')}</span>}{' '}
                {t(KIND_LABELS[notification.kind] ?? 'notifications.kind.status')}
              </h2>
              <p>{notification.title}</p>
              <p class="muted">
                <time dateTime={notification.createdAt}>{formatDateTime(notification.createdAt)}</time>
              </p>
              {notification.kind === 'credential-issued' && (
                <p>
                  <a href="/wallet" data-app>
                    {t('nav.wallet')}
                  </a>
                </p>
              )}
              {notification.jobIds.length > 0 && (
                <ul class="links">
                  {notification.jobIds.slice(0, 5).map((jobId) => (
                    <li key={jobId}>
                      <a href={`/jobs/${encodeURIComponent(jobId)}`} data-app>
                        <JobTitle jobId={jobId} />
                      </a>
                    </li>
                  ))}
                </ul>
              )}
              <button type="button" class="button" onClick={() => void toggle(notification)}>
                {t(notification.read ? 'notifications.markUnread' : 'notifications.markRead')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
