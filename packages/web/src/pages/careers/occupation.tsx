import { useSignal, useSignalEffect } from '@preact/signals';
import { api } from '../../api/client.ts';
import { hasRole } from '../../auth.ts';
import { Skeleton } from '../../components/skeleton.tsx';
import { useTitle } from '../../components/title.ts';
import { placeName } from '../../graduate/places.ts';
import { careerPath, occupationUriOf } from '../../careers/links.ts';
import { locale, pick, t } from '../../i18n.ts';
import type { PageProps } from '../../page-props.ts';

type Career = NonNullable<Awaited<ReturnType<typeof loadCareer>>>;
type Jobs = NonNullable<Awaited<ReturnType<typeof loadJobs>>>;
type Gaps = NonNullable<Awaited<ReturnType<typeof loadGaps>>>;
const SHOWN_JOBS = 5;
const SHOWN_GAPS = 10;
const percent = (share: number) => `${Math.round(share * 100)}%`;

async function loadCareer(id: string, lang: 'en' | 'zh') {
  const { data } = await api.GET('/v1/careers/{id}', { params: { path: { id }, query: { lang } } });
  return data;
}
async function loadJobs(occupation: string, lang: 'en' | 'zh') {
  const { data } = await api.GET('/v1/jobs', { params: { query: { occupation, lang, limit: SHOWN_JOBS } } });
  return data?.items;
}
async function loadGaps(occupation: string, lang: 'en' | 'zh') {
  const { data } = await api.GET('/v1/profiles/me/skill-gaps', { params: { query: { occupation, lang } } });
  return data?.items;
}

/** One occupation as a career page: what it is, its skills and levels, and the ways towards it. */
export default function CareerPage({ params }: PageProps) {
  const id = params.id ?? '';
  const career = useSignal<Career | null | 'failed'>(null);
  const jobs = useSignal<Jobs | null>(null);
  /** `undefined`: the graduate has no profile yet, so there is nothing to compare with. */
  const gaps = useSignal<Gaps | null | undefined>(null);
  const graduate = hasRole('graduate');
  useTitle(() => (career.value && career.value !== 'failed' ? career.value.label : t('careers.title')));

  useSignalEffect(() => {
    const lang = locale.value;
    const uri = occupationUriOf(id);
    loadCareer(id, lang).then(
      (data) => {
        career.value = data ?? 'failed';
      },
      () => {
        career.value = 'failed';
      },
    );
    loadJobs(uri, lang).then(
      (items) => {
        jobs.value = items ?? [];
      },
      () => {
        jobs.value = [];
      },
    );
    if (graduate)
      loadGaps(uri, lang).then(
        (items) => {
          gaps.value = items;
        },
        () => {
          gaps.value = [];
        },
      );
  });

  const value = career.value;
  const zh = locale.value === 'zh';
  if (value === null) return <Skeleton list />;
  if (value === 'failed')
    return (
      <section>
        <h1>{t('careers.title')}</h1>
        <p role="alert">{t('career.notFound')}</p>
      </section>
    );
  const essentialGaps = (gaps.value ?? []).filter((g) => g.importance === 'essential').slice(0, SHOWN_GAPS);
  return (
    <section class="career">
      <p>
        <a href="/careers" data-app>
          {t('career.back')}
        </a>
      </p>
      {/* An occupation without a Chinese name (none today; a new ESCO release may add some) is marked English. */}
      <h1 lang={zh && !value.labels.zh ? 'en' : undefined}>{value.label}</h1>
      {zh && value.labels.zh && (
        <p class="muted" lang="en">
          {value.labels.en}
        </p>
      )}
      <p class="meta">{t('career.isco', { code: value.isco.code, label: value.isco.label })}</p>
      <p class="muted">{t('career.major', { label: value.isco.major.label })}</p>

      <h2>{t('career.what')}</h2>
      {value.description ? (
        <>
          {zh && <p class="hint">{t('career.englishOnly')}</p>}
          <p class="prose" lang="en">
            {value.description.text}
          </p>
        </>
      ) : (
        <p>{t('career.noDescription')}</p>
      )}

      {value.activities.length > 0 && (
        <>
          <h2>{t('career.activities')}</h2>
          <p class="hint">{t('career.activitiesHint')}</p>
          <ul class="tags">
            {value.activities.slice(0, 5).map((a) => (
              <li key={a.code}>
                {a.label} · {percent(a.share)}
              </li>
            ))}
          </ul>
        </>
      )}

      <h2>{t('career.essential')}</h2>
      <ul class="tags">
        {value.essentialSkills.map((s) => (
          <li key={s.uri}>{s.label}</li>
        ))}
      </ul>
      {value.optionalSkills.length > 0 && (
        <details>
          <summary>{t('career.optional', { count: value.optionalSkills.length })}</summary>
          <ul class="tags">
            {value.optionalSkills.map((s) => (
              <li key={s.uri}>{s.label}</li>
            ))}
          </ul>
        </details>
      )}

      <h2>{t('career.gaps')}</h2>
      {!graduate ? (
        <p class="hint">{t('career.gapsSignIn')}</p>
      ) : gaps.value === null ? (
        <Skeleton />
      ) : gaps.value === undefined ? (
        <p>
          <a href="/profile" data-app>
            {t('career.gapsNoProfile')}
          </a>
        </p>
      ) : essentialGaps.length === 0 ? (
        <p>{t('career.gapsNone')}</p>
      ) : (
        <ul class="plain gap-list missing-skills">
          {essentialGaps.map((gap) => (
            <li key={gap.uri}>
              <strong>{gap.label}</strong>
              {gap.credentials.length > 0 && (
                <>
                  <br />
                  <span class="muted">
                    {t('career.gapCourses', { courses: gap.credentials.map((c) => pick(c.title)).join(', ') })}
                  </span>
                </>
              )}
            </li>
          ))}
        </ul>
      )}

      <h2>{t('career.learn')}</h2>
      {value.templates.length === 0 ? (
        <p>{t('career.learnNone')}</p>
      ) : (
        <ul class="plain gap-list">
          {value.templates.map((template) => (
            <li key={template.templateId}>
              <strong>{pick(template.title)}</strong>{' '}
              <span class="muted">{t('check.facts.level', { level: template.eqfLevel })}</span>
              <br />
              <span class="muted">{t('career.teaches', { count: template.teaches.length })}</span>
            </li>
          ))}
        </ul>
      )}

      <h2>{t('career.levels')}</h2>
      {value.levelStandards.length === 0 ? (
        <p>{t('career.levelsNone')}</p>
      ) : (
        <ul class="plain">
          {value.levelStandards.map((standard) => (
            <li key={standard.standardId}>
              {pick(standard.title)}: {standard.levels.map((level) => t('career.level', { level })).join(', ')}
            </li>
          ))}
        </ul>
      )}

      <h2>{t('career.jobs')}</h2>
      {jobs.value === null ? (
        <Skeleton />
      ) : jobs.value.length === 0 ? (
        <p>{t('career.jobsNone')}</p>
      ) : (
        <ul class="plain gap-list">
          {jobs.value.map((job) => (
            <li key={job.jobId}>
              <a href={`/jobs/${job.jobId}`} data-app>
                {pick(job.title)}
              </a>
              <br />
              <span class="muted">{job.placeName ?? placeName(job.place)}</span>
            </li>
          ))}
        </ul>
      )}

      {value.related.length > 0 && (
        <>
          <h2>{t('career.related')}</h2>
          <ul class="plain gap-list">
            {value.related.map((r) => (
              <li key={r.uri}>
                <a href={careerPath(r.uri)} data-app>
                  {r.label}
                </a>{' '}
                <span class="muted">
                  ·{' '}
                  {r.why === 'same-isco-group'
                    ? t('career.related.same-isco-group')
                    : t('career.related.shared-skills', { count: r.sharedEssentialSkills })}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
