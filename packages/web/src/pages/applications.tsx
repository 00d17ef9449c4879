import { Skeleton } from '../components/skeleton.tsx';
import { useSignal, useSignalEffect } from '@preact/signals';
import { api } from '../api/client.ts';
import { JobTitle } from '../components/job-title.tsx';
import { StatusTag } from '../components/status.tsx';
import { useTitle } from '../components/title.ts';
import { formatDateTime, t } from '../i18n.ts';

type Application = NonNullable<Awaited<ReturnType<typeof loadApplications>>>[number];

async function loadApplications() {
  const { data } = await api.GET('/v1/profiles/me/applications', { params: { query: { limit: 100 } } });
  return data?.items;
}

/** Withdrawing is the graduate's own transition (PATCH /v1/applications/{id} with status withdrawn). */
async function withdraw(applicationId: string): Promise<boolean> {
  const { response } = await api.PATCH('/v1/applications/{id}', {
    params: { path: { id: applicationId } },
    body: { status: 'withdrawn' },
  });
  return response.ok;
}

export default function Applications() {
  useTitle(() => t('applications.title'));
  const items = useSignal<Application[] | null | 'failed'>(null);
  const confirming = useSignal<string | null>(null);
  const failedWithdraw = useSignal(false);
  const reload = () =>
    loadApplications().then(
      (data) => {
        items.value = data ?? 'failed';
      },
      () => {
        items.value = 'failed';
      },
    );
  useSignalEffect(() => {
    void reload();
  });

  const value = items.value;
  return (
    <section>
      <h1>{t('applications.title')}</h1>
      {value === null && <Skeleton list />}
      {value === 'failed' && <p role="alert">{t('common.error.network')}</p>}
      {failedWithdraw.value && (
        <p class="error-summary" role="alert">
          {t('applications.withdraw.failed')}
        </p>
      )}
      {Array.isArray(value) && value.length === 0 && (
        <p>
          {t('applications.empty')}{' '}
          <a href="/matches" data-app>
            {t('nav.matches')}
          </a>
        </p>
      )}
      {Array.isArray(value) && (
        <ul class="plain">
          {value.map((application) => (
            <li class="card" key={application.applicationId}>
              <h2>
                <a href={`/jobs/${encodeURIComponent(application.jobId)}`} data-app>
                  <JobTitle jobId={application.jobId} />
                </a>
              </h2>
              <StatusTag status={application.status} />
              <ol class="timeline" aria-label={t('applications.timeline')}>
                {application.history.map((step) => (
                  <li key={step.at + step.status}>
                    <StatusTag status={step.status} /> <time dateTime={step.at}>{formatDateTime(step.at)}</time>
                  </li>
                ))}
              </ol>
              {!['rejected', 'withdrawn', 'hired'].includes(application.status) &&
                (confirming.value === application.applicationId ? (
                  <div class="confirm">
                    <p>{t('applications.withdraw.confirm')}</p>
                    <button
                      type="button"
                      class="button danger"
                      onClick={async () => {
                        failedWithdraw.value = !(await withdraw(application.applicationId).catch(() => false));
                        confirming.value = null;
                        await reload();
                      }}
                    >
                      {t('applications.withdraw.yes')}
                    </button>
                    <button
                      type="button"
                      class="button"
                      onClick={() => {
                        confirming.value = null;
                      }}
                    >
                      {t('common.cancel')}
                    </button>
                  </div>
                ) : (
                  <button
                    type="button"
                    class="button"
                    onClick={() => {
                      confirming.value = application.applicationId;
                    }}
                  >
                    {t('applications.withdraw')}
                  </button>
                ))}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
