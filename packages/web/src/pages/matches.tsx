import { Skeleton } from '../components/skeleton.tsx';
import { useSignal, useSignalEffect } from '@preact/signals';
import { api } from '../api/client.ts';
import { Courses } from '../components/courses.tsx';
import { useTitle } from '../components/title.ts';
import { employerName, explanationView } from '../graduate/explanation.ts';
import { labelOf, remember } from '../labels.ts';
import { newJobIds } from '../graduate/new-jobs.ts';
import { placeName } from '../graduate/places.ts';
import { formatDate, formatDateTime, locale, pick, t } from '../i18n.ts';
import { StandardRequirement } from '../standards/requirement.tsx';

type MatchList = NonNullable<Awaited<ReturnType<typeof loadMatches>>>;
type MatchItem = MatchList['items'][number];

const REREAD_MS = 5_000;

async function loadMatches(lang: 'en' | 'zh') {
  const { data, response } = await api.GET('/v1/profiles/me/matches', { params: { query: { lang, limit: 20 } } });
  if (data) remember(lang, Object.assign({}, ...data.items.map((item) => item.labels)));
  return data ?? (response.status === 404 ? null : undefined);
}

export default function Matches() {
  useTitle(() => t('matches.title'));
  const state = useSignal<'loading' | 'noProfile' | 'failed' | MatchList>('loading');
  const fresh = useSignal<Set<string>>(new Set());

  useSignalEffect(() => {
    const lang = locale.value;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = () =>
      loadMatches(lang).then(
        (data) => {
          state.value = data === null ? 'noProfile' : (data ?? 'failed');
          // While the API says changes are still being applied, read the list again shortly.
          if (data && !data.upToDate) timer = setTimeout(load, REREAD_MS);
        },
        () => {
          state.value = 'failed';
        },
      );
    void load();
    newJobIds().then(
      (ids) => {
        fresh.value = ids;
      },
      () => undefined,
    );
    return () => clearTimeout(timer);
  });

  const value = state.value;
  return (
    <section>
      <h1>{t('matches.title')}</h1>
      {value === 'loading' && <Skeleton list />}
      {value === 'failed' && <p role="alert">{t('common.error.network')}</p>}
      {value === 'noProfile' && (
        <div class="notice">
          <p>{t('matches.noProfile')}</p>
          <a class="button primary" href="/profile" data-app>
            {t('matches.createProfile')}
          </a>
        </div>
      )}
      {typeof value === 'object' && (
        <>
          {value.mode === 'non-personalised' && <p class="notice">{t('matches.nonPersonalised')}</p>}
          {!value.upToDate && (
            <p class="notice updating" role="status">
              <span aria-hidden="true">↻ </span>
              {t('matches.updating')}
            </p>
          )}
          {value.items.length === 0 && <p>{t('matches.empty')}</p>}
          <ol class="match-list">
            {value.items.map((item) => (
              <MatchCard key={item.job.jobId} item={item} isNew={fresh.value.has(item.job.jobId)} />
            ))}
          </ol>
          <p class="muted">{t('matches.asOf', { time: formatDateTime(value.computedAt) })}</p>
        </>
      )}
    </section>
  );
}

function MatchCard({ item, isNew }: { item: MatchItem; isNew: boolean }) {
  const view = explanationView(item.explanation);
  const job = item.job;
  return (
    <li class="card match">
      <h2>
        <a href={`/jobs/${encodeURIComponent(job.jobId)}`} data-app>
          {pick(job.title)}
        </a>
        {isNew && <span class="tag new">{t('matches.new')}</span>}
      </h2>
      <p class="meta">
        <span>{employerName(job)}</span> · <span>{placeName(job.place)}</span>
      </p>
      <p class="fit">
        {t('matches.skillsOf', { have: view.matched.length, total: view.required })}
        {view.partial.length > 0 && ` · ${t('matches.partial', { count: view.partial.length })}`}
      </p>
      {view.standardFits.map((fit) => (
        <StandardRequirement key={fit.standardId} standardId={fit.standardId} level={fit.required} fit={fit.fit} />
      ))}
      <p>{item.summary}</p>
      {view.missing.length > 0 && (
        <div class="missing">
          <h3>{t('matches.missing')}</h3>
          <ul class="tags">
            {view.missing.map((uri) => (
              <li key={uri}>{item.labels[uri] ?? labelOf(uri)}</li>
            ))}
          </ul>
          <Courses jobId={job.jobId} />
        </div>
      )}
      <p class="muted">{t('matches.closes', { date: formatDate(job.closingDate) })}</p>
    </li>
  );
}
