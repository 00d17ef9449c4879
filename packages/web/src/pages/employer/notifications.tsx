import { useSignal, useSignalEffect } from '@preact/signals';
import { api } from '../../api/client.ts';
import { Skeleton } from '../../components/skeleton.tsx';
import { useTitle } from '../../components/title.ts';
import { formatDateTime, locale, t } from '../../i18n.ts';

type Notification = NonNullable<Awaited<ReturnType<typeof loadNotifications>>>[number];

async function loadNotifications(lang: 'en' | 'zh') {
  const { data } = await api.GET('/v1/employers/me/notifications', { params: { query: { lang, limit: 100 } } });
  return data?.items;
}

/** What happened to the employer's applications that it did not do itself: withdrawals, newest first. */
export default function EmployerNotifications() {
  useTitle(() => t('employerNotifications.title'));
  const items = useSignal<Notification[] | null | 'failed'>(null);
  useSignalEffect(() => {
    loadNotifications(locale.value).then(
      (data) => {
        items.value = data ?? 'failed';
      },
      () => {
        items.value = 'failed';
      },
    );
  });
  const value = items.value;
  return (
    <section>
      <h1>{t('employerNotifications.title')}</h1>
      {value === null && <Skeleton list />}
      {value === 'failed' && <p role="alert">{t('common.error.network')}</p>}
      {Array.isArray(value) && value.length === 0 && <p>{t('employerNotifications.empty')}</p>}
      {Array.isArray(value) && (
        <ul class="plain">
          {value.map((note) => (
            <li key={note.notificationId} class="card">
              <p>{note.title}</p>
              <p class="muted">
                <time dateTime={note.createdAt}>{formatDateTime(note.createdAt)}</time>
              </p>
              <a href={`/employer/applications/${encodeURIComponent(note.applicationId)}`} data-app>
                {t('employerNotifications.open')}
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
