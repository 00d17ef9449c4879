import { useSignal, useSignalEffect } from '@preact/signals';
import { api } from '../../api/client.ts';
import { Skeleton } from '../../components/skeleton.tsx';
import { useTitle } from '../../components/title.ts';
import { careerPath } from '../../careers/links.ts';
import { formatNumber, locale, t } from '../../i18n.ts';

const PAGE = 20;
type Item = { uri: string; label: string };

/** Careers: browse or search ESCO occupations in the chosen language, and the way into the assessment. */
export default function CareersPage() {
  useTitle(() => t('careers.title'));
  const draft = useSignal('');
  const query = useSignal('');
  const items = useSignal<Item[] | null>(null);
  const total = useSignal(0);
  const failed = useSignal(false);

  async function load(q: string, offset: number, lang: 'en' | 'zh') {
    failed.value = false;
    try {
      const { data } = await api.GET('/v1/careers', {
        params: { query: { ...(q ? { q } : {}), lang, limit: PAGE, offset } },
      });
      if (!data) throw new Error('no data');
      items.value = offset === 0 ? data.items : [...(items.value ?? []), ...data.items];
      total.value = data.total;
    } catch {
      failed.value = true;
      items.value ??= [];
    }
  }
  useSignalEffect(() => {
    items.value = null;
    void load(query.value, 0, locale.value);
  });

  function search(event: Event) {
    event.preventDefault();
    query.value = draft.value.trim();
  }

  const list = items.value;
  return (
    <section>
      <h1>{t('careers.title')}</h1>
      <p class="lead">{t('careers.lead')}</p>
      <div class="notice">
        <p>{t('careers.assessmentCall')}</p>
        <a class="button primary wide" href="/careers/assessment" data-app>
          {t('careers.assessmentLink')}
        </a>
      </div>
      <form onSubmit={search}>
        <label for="career-q">{t('careers.search')}</label>
        <p class="hint" id="career-q-hint">
          {t('careers.searchHint')}
        </p>
        <div class="row">
          <input
            id="career-q"
            type="search"
            aria-describedby="career-q-hint"
            value={draft.value}
            onInput={(e) => {
              draft.value = e.currentTarget.value;
            }}
          />
          <button type="submit" class="button">
            {t('careers.searchButton')}
          </button>
        </div>
      </form>
      {failed.value && <p role="alert">{t('careers.failed')}</p>}
      {list === null ? (
        <Skeleton />
      ) : (
        <>
          <p class="muted" role="status">
            {list.length === 0 && query.value
              ? t('careers.none', { q: query.value })
              : t('careers.count', { count: formatNumber(total.value) })}
          </p>
          <ul class="plain career-list">
            {list.map((item) => (
              <li key={item.uri}>
                <a class="career-link" href={careerPath(item.uri)} data-app>
                  {item.label}
                </a>
              </li>
            ))}
          </ul>
          {list.length < total.value && (
            <p class="pager">
              <button type="button" class="button" onClick={() => load(query.value, list.length, locale.value)}>
                {t('careers.more')}
              </button>
            </p>
          )}
        </>
      )}
    </section>
  );
}
