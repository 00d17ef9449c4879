import { useSignal, useSignalEffect } from '@preact/signals';
import { api } from '../../api/client.ts';
import { Skeleton } from '../../components/skeleton.tsx';
import { useTitle } from '../../components/title.ts';
import { formatDate, locale, pick, t } from '../../i18n.ts';

type Job = NonNullable<Awaited<ReturnType<typeof loadJobs>>>['jobs'][number];

async function loadJobs(lang: 'en' | 'zh') {
  const [organisation, jobs] = await Promise.all([
    api.GET('/v1/employers/me'),
    api.GET('/v1/employers/me/jobs', { params: { query: { lang, limit: 100 } } }),
  ]);
  if (!jobs.data || (!organisation.data && organisation.response.status !== 404)) return undefined;
  return { hasOrganisation: Boolean(organisation.data), jobs: jobs.data.items };
}

/** The employer's jobs, open and closed, newest first: the way to each job's candidates and applications. */
export default function Jobs() {
  useTitle(() => t('employerJobs.title'));
  const state = useSignal<{ hasOrganisation: boolean; jobs: Job[] } | null | 'failed'>(null);
  const confirming = useSignal<string | null>(null);
  const closeFailed = useSignal(false);
  const reload = (lang: 'en' | 'zh') =>
    loadJobs(lang).then(
      (data) => {
        state.value = data ?? 'failed';
      },
      () => {
        state.value = 'failed';
      },
    );
  useSignalEffect(() => {
    void reload(locale.value);
  });

  async function close(jobId: string) {
    const { response } = await api
      .POST('/v1/jobs/{id}/close', { params: { path: { id: jobId } } })
      .catch(() => ({ response: undefined }));
    closeFailed.value = !response?.ok;
    confirming.value = null;
    await reload(locale.value);
  }

  const value = state.value;
  return (
    <section>
      <h1>{t('employerJobs.title')}</h1>
      {value === null && <Skeleton list />}
      {value === 'failed' && <p role="alert">{t('common.error.network')}</p>}
      {value && value !== 'failed' && !value.hasOrganisation && (
        <div class="notice">
          <p>{t('employerJobs.noOrganisation')}</p>
          <a class="button primary" href="/employer/organisation" data-app>
            {t('employerJobs.createOrganisation')}
          </a>
        </div>
      )}
      {value && value !== 'failed' && value.hasOrganisation && (
        <p>
          <a class="button primary wide" href="/employer/jobs/new" data-app>
            {t('employerJobs.post')}
          </a>
        </p>
      )}
      {closeFailed.value && (
        <p class="error-summary" role="alert">
          {t('employerJobs.close.failed')}
        </p>
      )}
      {value && value !== 'failed' && value.hasOrganisation && value.jobs.length === 0 && (
        <p>{t('employerJobs.empty')}</p>
      )}
      {value && value !== 'failed' && (
        <ul class="plain">
          {value.jobs.map((job) => (
            <li class="card" key={job.jobId}>
              <h2>{pick(job.title)}</h2>
              <p class="meta">
                {job.placeName} ·{' '}
                <span class={`tag job-${job.status}`}>
                  <span aria-hidden="true">{job.status === 'open' ? '● ' : '■ '}</span>
                  {t(job.status === 'open' ? 'employerJobs.open' : 'employerJobs.closed')}
                </span>
              </p>
              <p class="muted">{t('matches.closes', { date: formatDate(job.closingDate) })}</p>
              <ul class="links">
                <li>
                  <a href={`/employer/jobs/${encodeURIComponent(job.jobId)}/candidates`} data-app>
                    {t('employerJobs.candidates')}
                  </a>
                </li>
                <li>
                  <a href={`/employer/jobs/${encodeURIComponent(job.jobId)}/applications`} data-app>
                    {t('employerJobs.applications')}
                  </a>
                </li>
                {job.status === 'open' && (
                  <li>
                    <a href={`/employer/jobs/${encodeURIComponent(job.jobId)}/edit`} data-app>
                      {t('employerJobs.edit')}
                    </a>
                  </li>
                )}
              </ul>
              {job.status === 'open' &&
                (confirming.value === job.jobId ? (
                  <div class="confirm">
                    <p>{t('employerJobs.close.confirm')}</p>
                    <button type="button" class="button danger" onClick={() => void close(job.jobId)}>
                      {t('employerJobs.close.yes')}
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
                      confirming.value = job.jobId;
                    }}
                  >
                    {t('employerJobs.close')}
                  </button>
                ))}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
