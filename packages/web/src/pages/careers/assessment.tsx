import { useSignal, useSignalEffect } from '@preact/signals';
import { api } from '../../api/client.ts';
import { hasRole } from '../../auth.ts';
import { Skeleton } from '../../components/skeleton.tsx';
import { useTitle } from '../../components/title.ts';
import { AREAS, type Area, answers, complete, result, scoreAnswers } from '../../careers/answers.ts';
import { careerPath } from '../../careers/links.ts';
import { formatDate, locale, t } from '../../i18n.ts';
import type { MessageKey } from '../../messages/en/index.ts';

type Questionnaire = NonNullable<Awaited<ReturnType<typeof loadQuestionnaire>>>;
const SCALE = [1, 2, 3, 4, 5] as const;
const percent = (share: number) => String(Math.round(share * 100));

async function loadQuestionnaire() {
  const { data } = await api.GET('/v1/careers/assessment');
  return data;
}

/** The career assessment: rate eight ESCO kinds of work, see occupations that fit; a graduate may save the answers. */
export default function AssessmentPage() {
  useTitle(() => t('assessment.title'));
  const questionnaire = useSignal<Questionnaire | null | 'failed'>(null);
  const unanswered = useSignal<Area[]>([]);
  const problem = useSignal<MessageKey | null>(null);
  const notice = useSignal<MessageKey | null>(null);
  const savedAt = useSignal<string | null>(null);
  const busy = useSignal(false);
  const graduate = hasRole('graduate');

  useSignalEffect(() => {
    loadQuestionnaire().then(
      (data) => {
        questionnaire.value = data ?? 'failed';
      },
      () => {
        questionnaire.value = 'failed';
      },
    );
  });
  // A graduate's saved answers come back when nothing was answered in this visit.
  useSignalEffect(() => {
    if (!graduate || Object.keys(answers.peek().ratings).length > 0) return;
    void api
      .GET('/v1/profiles/me/career-assessment', { params: { query: { lang: locale.peek() } } })
      .then(({ data }) => {
        if (!data || Object.keys(answers.peek().ratings).length > 0) return;
        answers.value = { ratings: data.ratings, especially: data.especially };
        result.value = { lang: locale.peek(), value: data.result };
        savedAt.value = data.savedAt;
      });
  });
  // Results are worded in one language: switching language asks for them again.
  useSignalEffect(() => {
    const lang = locale.value;
    const current = result.peek();
    const ratings = complete(answers.peek().ratings);
    if (current && ratings && current.lang !== lang) void score(ratings, lang);
  });

  async function score(ratings: NonNullable<ReturnType<typeof complete>>, lang: 'en' | 'zh') {
    busy.value = true;
    problem.value = null;
    try {
      result.value = { lang, value: await scoreAnswers(ratings, answers.peek().especially, lang) };
      return true;
    } catch {
      problem.value = 'assessment.failed';
      return false;
    } finally {
      busy.value = false;
    }
  }

  async function submit(event: Event) {
    event.preventDefault();
    notice.value = null;
    unanswered.value = AREAS.filter((area) => answers.value.ratings[area] === undefined);
    const ratings = complete(answers.value.ratings);
    if (!ratings) {
      requestAnimationFrame(() => document.getElementById('error-summary')?.focus());
      return;
    }
    if (await score(ratings, locale.value)) document.getElementById('results')?.focus();
  }

  async function save() {
    const ratings = complete(answers.value.ratings);
    if (!ratings) return;
    busy.value = true;
    try {
      const { data } = await api.PUT('/v1/profiles/me/career-assessment', {
        params: { query: { lang: locale.value } },
        body: { ratings, especially: answers.value.especially },
      });
      if (data) {
        savedAt.value = data.savedAt;
        notice.value = 'assessment.saved';
      } else problem.value = 'common.error.network';
    } catch {
      problem.value = 'common.error.network';
    } finally {
      busy.value = false;
    }
  }

  async function forget() {
    busy.value = true;
    try {
      const { response } = await api.DELETE('/v1/profiles/me/career-assessment');
      if (response.ok) {
        savedAt.value = null;
        notice.value = 'assessment.deleted';
      } else problem.value = 'common.error.network';
    } catch {
      problem.value = 'common.error.network';
    } finally {
      busy.value = false;
    }
  }

  function rate(area: Area, value: number) {
    answers.value = { ...answers.value, ratings: { ...answers.value.ratings, [area]: value } };
    unanswered.value = unanswered.value.filter((a) => a !== area);
  }
  function toggle(code: string, on: boolean) {
    const rest = answers.value.especially.filter((c) => c !== code);
    answers.value = { ...answers.value, especially: on ? [...rest, code] : rest };
  }

  const q = questionnaire.value;
  if (q === null) return <Skeleton list />;
  if (q === 'failed')
    return (
      <section>
        <h1>{t('assessment.title')}</h1>
        <p role="alert">{t('common.error.network')}</p>
      </section>
    );
  const lang = locale.value;
  const areaLabel = (code: string) => q.areas.find((a) => a.code === code)?.label[lang] ?? code;
  const shown = result.value?.value;
  return (
    <section class="assessment">
      <p>
        <a href="/careers" data-app>
          {t('career.back')}
        </a>
      </p>
      <h1>{t('assessment.title')}</h1>
      <p class="lead">{t('assessment.lead')}</p>
      <p class="hint">{t('assessment.privacy')}</p>
      {unanswered.value.length > 0 && (
        <div class="error-summary" id="error-summary" tabIndex={-1} role="alert">
          <h2>{t('assessment.errorTitle')}</h2>
          <ul>
            {unanswered.value.map((area) => (
              <li key={area}>
                <a href={`#rate-${area}-1`}>{t('assessment.unanswered', { area: areaLabel(area) })}</a>
              </li>
            ))}
          </ul>
        </div>
      )}
      {savedAt.value && <p class="notice">{t('assessment.savedOn', { date: formatDate(savedAt.value) })}</p>}
      <form onSubmit={submit} noValidate>
        {q.areas.map((area) => {
          const code = area.code as Area;
          const invalid = unanswered.value.includes(code);
          return (
            <fieldset key={code} aria-describedby={`examples-${code}`} class={invalid ? 'invalid' : undefined}>
              <legend>{area.label[lang]}</legend>
              <p class="hint" id={`examples-${code}`}>
                {t('assessment.examples')}
                {area.activities
                  .slice(0, 4)
                  .map((a) => a.label[lang])
                  .join(lang === 'zh' ? '、' : ', ')}
              </p>
              {invalid && <p class="field-error">{t('assessment.unanswered', { area: area.label[lang] })}</p>}
              <div class="scale">
                {SCALE.map((value) => (
                  <label class="choice" key={value}>
                    <input
                      type="radio"
                      id={`rate-${code}-${value}`}
                      name={`rate-${code}`}
                      value={value}
                      checked={answers.value.ratings[code] === value}
                      onChange={() => rate(code, value)}
                    />
                    {t(`assessment.scale.${value}`)}
                  </label>
                ))}
              </div>
              <details>
                <summary>{t('assessment.especially')}</summary>
                <div class="checks-grid">
                  {area.activities.map((activity) => (
                    <label class="choice" key={activity.code}>
                      <input
                        type="checkbox"
                        checked={answers.value.especially.includes(activity.code)}
                        onChange={(e) => toggle(activity.code, e.currentTarget.checked)}
                      />
                      {activity.label[lang]}
                    </label>
                  ))}
                </div>
              </details>
            </fieldset>
          );
        })}
        <p class="hint">{t('assessment.limits')}</p>
        <button type="submit" class="button primary wide" disabled={busy.value}>
          {t('assessment.submit')}
        </button>
      </form>
      {problem.value && <p role="alert">{t(problem.value)}</p>}
      {shown && (
        <div class="results">
          <h2 id="results" tabIndex={-1}>
            {t('assessment.results')}
          </h2>
          <p class="hint">{t('assessment.resultsLead')}</p>
          {shown.occupations.length === 0 ? (
            <p>{t('assessment.noResults')}</p>
          ) : (
            <ol class="plain">
              {shown.occupations.map((o) => (
                <li key={o.uri} class="card">
                  <h3>
                    <a href={careerPath(o.uri)} data-app>
                      {o.label}
                    </a>
                  </h3>
                  <p class="fit">{t('assessment.fit', { percent: percent(Math.max(0, o.fit)) })}</p>
                  <p>
                    {t('assessment.reliesOn', {
                      groups: o.reasons
                        .map((r) => t('assessment.share', { label: r.label, percent: percent(r.share) }))
                        .join(lang === 'zh' ? '、' : '; '),
                    })}
                  </p>
                  <a href={careerPath(o.uri)} data-app>
                    {t('assessment.open')}
                  </a>
                </li>
              ))}
            </ol>
          )}
          {notice.value && (
            <p class="notice ok" role="status">
              {t(notice.value)}
            </p>
          )}
          {graduate ? (
            <p>
              <button type="button" class="button primary" disabled={busy.value} onClick={save}>
                {t('assessment.save')}
              </button>
              {savedAt.value && (
                <button type="button" class="button" disabled={busy.value} onClick={forget}>
                  {t('assessment.delete')}
                </button>
              )}
            </p>
          ) : (
            <p class="hint">{t('assessment.signInToSave')}</p>
          )}
        </div>
      )}
    </section>
  );
}
