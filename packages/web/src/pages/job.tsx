import { Skeleton } from '../components/skeleton.tsx';
import { useSignal, useSignalEffect } from '@preact/signals';
import { api } from '../api/client.ts';
import type { components } from '../api/schema.d.ts';
import { CityDemand } from '../components/city-demand.tsx';
import { Courses } from '../components/courses.tsx';
import { EmployerCard } from '../components/employer-card.tsx';
import { StatusTag } from '../components/status.tsx';
import { useTitle } from '../components/title.ts';
import { employerName } from '../graduate/explanation.ts';
import { labelOf, remember } from '../labels.ts';
import { placeName } from '../graduate/places.ts';
import { formatDate, formatNumber, locale, pick, t } from '../i18n.ts';
import type { PageProps } from '../page-props.ts';
import { StandardRequirement } from '../standards/requirement.tsx';

type Job = NonNullable<Awaited<ReturnType<typeof loadJob>>>;
type Application = components['schemas']['Application'];

async function loadJob(id: string, lang: 'en' | 'zh') {
  const { data } = await api.GET('/v1/jobs/{id}', { params: { path: { id }, query: { lang } } });
  if (data) remember(lang, data.labels);
  return data;
}

export default function JobPage({ params }: PageProps) {
  const id = params.id ?? '';
  const job = useSignal<Job | null | 'failed'>(null);
  const note = useSignal('');
  const applied = useSignal<Application | null>(null);
  const problem = useSignal<'closed' | 'failed' | null>(null);
  const busy = useSignal(false);
  useTitle(() => (job.value && job.value !== 'failed' ? pick(job.value.title) : t('job.title')));

  useSignalEffect(() => {
    loadJob(id, locale.value).then(
      (data) => {
        job.value = data ?? 'failed';
      },
      () => {
        job.value = 'failed';
      },
    );
  });

  async function apply(event: Event) {
    event.preventDefault();
    busy.value = true;
    problem.value = null;
    try {
      const { data, response } = await api.POST('/v1/jobs/{id}/applications', {
        params: { path: { id } },
        body: note.value.trim() ? { coverNote: note.value.trim() } : {},
      });
      if (data) applied.value = data;
      else problem.value = response.status === 409 ? 'closed' : 'failed';
    } catch {
      problem.value = 'failed';
    } finally {
      busy.value = false;
    }
  }

  const value = job.value;
  if (value === null) return <Skeleton />;
  if (value === 'failed')
    return (
      <section>
        <h1>{t('job.title')}</h1>
        <p role="alert">{t('job.notFound')}</p>
      </section>
    );
  return (
    <section>
      <p>
        <a href="/matches" data-app>
          {t('job.back')}
        </a>
      </p>
      <h1>{pick(value.title)}</h1>
      <p class="meta">
        {employerName(value)} · {placeName(value.place)}
      </p>
      {value.salary && (
        <p>
          {t(value.salary.period === 'year' ? 'job.salary.year' : 'job.salary.month', {
            min: formatNumber(value.salary.min),
            max: formatNumber(value.salary.max),
            currency: value.salary.currency,
          })}
        </p>
      )}
      <p class="muted">{t('matches.closes', { date: formatDate(value.closingDate) })}</p>
      <h2>{t('job.description')}</h2>
      <p class="prose">{value.description}</p>
      <h2>{t('job.skills')}</h2>
      <ul class="tags">
        {value.requiredSkills.map((skill) => (
          <li key={skill.uri}>
            {labelOf(skill.uri)}
            {skill.importance === 'essential' && <span class="muted"> · {t('job.essential')}</span>}
          </li>
        ))}
      </ul>
      {value.requiredStandardLevel && (
        <>
          <h2>{t('job.standard')}</h2>
          <StandardRequirement
            standardId={value.requiredStandardLevel.standardId}
            level={value.requiredStandardLevel.level}
          />
        </>
      )}
      <EmployerCard employerId={value.employerId} />
      <Courses jobId={id} />
      <CityDemand />
      <h2>{t('job.apply')}</h2>
      {applied.value ? (
        <div class="notice ok" role="status">
          <p>{t('job.applied')}</p>
          <StatusTag status={applied.value.status} />
          <p>
            <a href="/applications" data-app>
              {t('nav.applications')}
            </a>
          </p>
        </div>
      ) : (
        <form onSubmit={apply} noValidate>
          {problem.value && (
            <div class="error-summary" role="alert">
              <p>{t(problem.value === 'closed' ? 'job.error.closed' : 'common.error.network')}</p>
            </div>
          )}
          <p class="hint">{t('job.privacy')}</p>
          <label for="cover">{t('job.coverNote')}</label>
          <p class="hint" id="cover-hint">
            {t('job.coverNote.hint')}
          </p>
          <textarea
            id="cover"
            maxLength={5000}
            aria-describedby="cover-hint"
            value={note.value}
            onInput={(event) => {
              note.value = event.currentTarget.value;
            }}
          />
          <button type="submit" class="button primary" disabled={busy.value}>
            {t('job.applyButton')}
          </button>
        </form>
      )}
    </section>
  );
}
