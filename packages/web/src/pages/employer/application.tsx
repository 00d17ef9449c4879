import { useSignal, useSignalEffect } from '@preact/signals';
import { api } from '../../api/client.ts';
import { JobTitle } from '../../components/job-title.tsx';
import { Skeleton } from '../../components/skeleton.tsx';
import { StatusTag } from '../../components/status.tsx';
import { useTitle } from '../../components/title.ts';
import { VerifiedMark } from '../../components/verified.tsx';
import { type EmployerApplication, isErased } from '../../employer/applications.ts';
import { Background } from '../../employer/background.tsx';
import { History } from '../../employer/history.tsx';
import { MoveButtons } from '../../employer/moves.tsx';
import { t } from '../../i18n.ts';
import { labelOf, lookUpLabels } from '../../labels.ts';
import type { MessageKey } from '../../messages/en/index.ts';
import type { PageProps } from '../../page-props.ts';

async function loadApplication(id: string) {
  const { data, response } = await api.GET('/v1/applications/{id}', { params: { path: { id } } });
  if (data && !isErased(data) && data.applicant) void lookUpLabels(data.applicant.skills.map((skill) => skill.uri));
  return data ?? (response.status === 404 ? null : undefined);
}

/**
 * One application as its employer reads it: the applicant's name and contact (shared by applying), skills with the
 * ones a credential backs marked, languages and education; or the anonymised record once the applicant erased
 * their data.
 */
export default function ApplicationPage({ params }: PageProps) {
  const id = params.id ?? '';
  const state = useSignal<EmployerApplication | null | 'failed' | 'loading'>('loading');
  useTitle(() => {
    const value = state.value;
    return value && typeof value === 'object' && !isErased(value) && value.applicant
      ? value.applicant.name
      : t('application.title');
  });
  const reload = () =>
    loadApplication(id).then(
      (data) => {
        state.value = data === undefined ? 'failed' : data;
      },
      () => {
        state.value = 'failed';
      },
    );
  useSignalEffect(() => {
    void reload();
  });

  const value = state.value;
  if (value === 'loading') return <Skeleton />;
  if (value === 'failed' || value === null)
    return (
      <section>
        <h1>{t('application.title')}</h1>
        <p role="alert">{t(value === null ? 'application.notFound' : 'common.error.network')}</p>
      </section>
    );
  const back = (
    <p>
      <a href={`/employer/jobs/${encodeURIComponent(value.jobId)}/applications`} data-app>
        {t('application.back')}
      </a>
    </p>
  );
  const job = (
    <p class="meta">
      <JobTitle jobId={value.jobId} /> · <StatusTag status={value.status} />
    </p>
  );
  if (isErased(value))
    return (
      <section>
        {back}
        <h1>{t('application.erased.title')}</h1>
        {job}
        <p class="notice">{t('application.erased.body')}</p>
        <h2>{t('board.history')}</h2>
        <History history={value.history} />
      </section>
    );
  const applicant = value.applicant;
  return (
    <section>
      {back}
      <h1>{applicant?.name ?? t('application.title')}</h1>
      {job}
      {applicant ? (
        <>
          <h2>{t('application.contact')}</h2>
          <p>
            <a class="contact" href={`mailto:${applicant.contactEmail}`}>
              {applicant.contactEmail}
            </a>
          </p>
          {value.coverNote && (
            <>
              <h2>{t('application.coverNote')}</h2>
              <p class="prose">{value.coverNote}</p>
            </>
          )}
          <h2>{t('profile.skills')}</h2>
          <ul class="plain">
            {applicant.skills.map((skill) => (
              <li class="row" key={skill.uri}>
                <span class="grow">
                  {labelOf(skill.uri)}
                  {skill.proficiency !== undefined && (
                    <span class="muted"> · {t(`profile.proficiency.${skill.proficiency}` as MessageKey)}</span>
                  )}
                </span>
                {skill.verified && <VerifiedMark />}
              </li>
            ))}
          </ul>
          <Background education={applicant.education} languages={applicant.languages} />
        </>
      ) : (
        <p class="notice">{t('application.withdrawn')}</p>
      )}
      <MoveButtons applicationId={value.applicationId} status={value.status} onMoved={reload} />
      <h2>{t('board.history')}</h2>
      <History history={value.history} />
    </section>
  );
}
