import { useSignal, useSignalEffect } from '@preact/signals';
import { api } from '../../api/client.ts';
import { JobTitle } from '../../components/job-title.tsx';
import { Skeleton } from '../../components/skeleton.tsx';
import { StatusTag } from '../../components/status.tsx';
import { useTitle } from '../../components/title.ts';
import { BOARD_COLUMNS, type EmployerApplication, isErased } from '../../employer/applications.ts';
import { History } from '../../employer/history.tsx';
import { MoveButtons } from '../../employer/moves.tsx';
import { formatDate, t } from '../../i18n.ts';
import type { PageProps } from '../../page-props.ts';

async function loadApplications(jobId: string) {
  const { data } = await api.GET('/v1/jobs/{id}/applications', {
    params: { path: { id: jobId }, query: { limit: 100 } },
  });
  return data?.items;
}

/**
 * A job's applications in columns by status (stacked on a phone), each moved along with buttons for the moves the
 * domain allows from where it stands, its history one tap away.
 */
export default function Board({ params }: PageProps) {
  const jobId = params.id ?? '';
  useTitle(() => t('board.title'));
  const items = useSignal<EmployerApplication[] | null | 'failed'>(null);
  const reload = () =>
    loadApplications(jobId).then(
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
    <section class="wide-page">
      <p>
        <a href="/employer/jobs" data-app>
          {t('jobForm.back')}
        </a>
      </p>
      <h1>{t('board.title')}</h1>
      <p class="lead">
        <JobTitle jobId={jobId} />
      </p>
      <p>
        <a href={`/employer/jobs/${encodeURIComponent(jobId)}/candidates`} data-app>
          {t('employerJobs.candidates')}
        </a>
      </p>
      {value === null && <Skeleton list />}
      {value === 'failed' && <p role="alert">{t('common.error.network')}</p>}
      {Array.isArray(value) && value.length === 0 && <p>{t('board.empty')}</p>}
      {Array.isArray(value) && value.length > 0 && (
        <div class="board">
          {BOARD_COLUMNS.map((status) => {
            const column = value.filter((application) => application.status === status);
            return (
              <section class="column" key={status} aria-labelledby={`column-${status}`}>
                <h2 id={`column-${status}`}>
                  <StatusTag status={status} /> <span class="count">{column.length}</span>
                </h2>
                <ul class="plain">
                  {column.map((application) => (
                    <ApplicationCard key={application.applicationId} application={application} onMoved={reload} />
                  ))}
                </ul>
              </section>
            );
          })}
        </div>
      )}
    </section>
  );
}

function ApplicationCard({ application, onMoved }: { application: EmployerApplication; onMoved: () => void }) {
  const erased = isErased(application);
  const name = erased ? t('board.erased') : (application.applicant?.name ?? t('board.noLongerShared'));
  return (
    <li class="card application-card">
      <h3>
        <a href={`/employer/applications/${encodeURIComponent(application.applicationId)}`} data-app>
          {name}
        </a>
      </h3>
      <p class="muted">{t('board.applied', { date: formatDate(application.createdAt) })}</p>
      {!erased && (
        <MoveButtons applicationId={application.applicationId} status={application.status} onMoved={onMoved} />
      )}
      <details>
        <summary>{t('board.history')}</summary>
        <History history={application.history} />
      </details>
    </li>
  );
}
