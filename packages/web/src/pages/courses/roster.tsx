import { useSignal, useSignalEffect } from '@preact/signals';
import { api } from '../../api/client.ts';
import { Skeleton } from '../../components/skeleton.tsx';
import { useTitle } from '../../components/title.ts';
import { formatDate, pick, t } from '../../i18n.ts';
import type { PageProps } from '../../page-props.ts';

type Roster = NonNullable<Awaited<ReturnType<typeof loadRoster>>>;

async function loadRoster(courseId: string) {
  const { data } = await api.GET('/v1/courses/{courseId}/roster', { params: { path: { courseId } } });
  return data;
}

/** Who enrolled in a course, and the form that records who completed it (each then gets the credential, once). */
export default function RosterPage({ params }: PageProps) {
  const courseId = params.id ?? '';
  const roster = useSignal<Roster | null | 'failed'>(null);
  const ticked = useSignal<ReadonlySet<string>>(new Set());
  const message = useSignal<{ ok: boolean; text: string } | null>(null);
  const busy = useSignal(false);
  useTitle(() =>
    roster.value && roster.value !== 'failed'
      ? t('roster.title', { title: pick(roster.value.course.title) })
      : t('issuerCourses.roster'),
  );
  const load = () =>
    loadRoster(courseId).then(
      (data) => {
        roster.value = data ?? 'failed';
      },
      () => {
        roster.value = 'failed';
      },
    );
  useSignalEffect(() => {
    void load();
  });
  const record = async (event: Event) => {
    event.preventDefault();
    const graduateIds = [...ticked.value];
    if (graduateIds.length === 0) {
      message.value = { ok: false, text: t('roster.noneTicked') };
      return;
    }
    busy.value = true;
    try {
      const { data, response } = await api.POST('/v1/courses/{courseId}/completions', {
        params: { path: { courseId } },
        body: { graduateIds },
      });
      if (data) {
        const again = data.items.filter((i) => i.alreadyCompleted).length;
        message.value = {
          ok: true,
          text: [
            t('roster.recorded', { count: data.items.length - again }),
            ...(again ? [t('roster.recorded.again', { count: again })] : []),
          ].join(' '),
        };
        ticked.value = new Set();
        await load();
      } else {
        message.value = { ok: false, text: t(response.status === 409 ? 'roster.notStarted' : 'courses.error.failed') };
      }
    } catch {
      message.value = { ok: false, text: t('courses.error.failed') };
    } finally {
      busy.value = false;
    }
  };
  const value = roster.value;
  if (value === null) return <Skeleton />;
  if (value === 'failed')
    return (
      <section>
        <h1>{t('issuerCourses.roster')}</h1>
        <p role="alert">{t('common.error.network')}</p>
      </section>
    );
  const open = value.items.filter((e) => e.status !== 'cancelled');
  return (
    <section>
      <p>
        <a href="/issuer/courses" data-app>
          {t('courseEditor.back')}
        </a>
      </p>
      <h1>{t('roster.title', { title: pick(value.course.title) })}</h1>
      <p class="meta">
        {t('courses.dates', { from: formatDate(value.course.startsOn), to: formatDate(value.course.endsOn) })} ·{' '}
        {t('issuerCourses.taken', { taken: value.course.enrolled, seats: value.course.seats })}
      </p>
      {message.value && (
        <p class={message.value.ok ? 'notice ok' : 'error-summary'} role="status">
          {message.value.text}
        </p>
      )}
      {open.length === 0 ? (
        <p>{t('roster.none')}</p>
      ) : (
        <form onSubmit={record}>
          <fieldset>
            <legend>{t('roster.pick')}</legend>
            <p class="hint">{t('roster.pick.hint')}</p>
            {open.map((entry) =>
              entry.status === 'completed' ? (
                <p key={entry.graduateId} class="choice">
                  <span class="tag status-hired">✓ {t('courses.status.completed')}</span> {entry.displayName}
                  {entry.credentialId && (
                    <span class="muted"> · {t('roster.credential', { id: entry.credentialId })}</span>
                  )}
                </p>
              ) : (
                <label class="choice" key={entry.graduateId}>
                  <input
                    type="checkbox"
                    checked={ticked.value.has(entry.graduateId)}
                    onChange={(e) => {
                      const next = new Set(ticked.value);
                      if (e.currentTarget.checked) next.add(entry.graduateId);
                      else next.delete(entry.graduateId);
                      ticked.value = next;
                    }}
                  />
                  {entry.displayName || entry.graduateId}
                </label>
              ),
            )}
          </fieldset>
          {open.some((e) => e.status === 'enrolled') && (
            <button type="submit" class="button primary wide" disabled={busy.value}>
              {t('roster.record')}
            </button>
          )}
        </form>
      )}
    </section>
  );
}
