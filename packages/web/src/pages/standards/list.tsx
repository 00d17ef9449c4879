import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { api } from '../../api/client.ts';
import type { components } from '../../api/schema.d.ts';
import { Skeleton } from '../../components/skeleton.tsx';
import { useTitle } from '../../components/title.ts';
import { pick, t } from '../../i18n.ts';
import { labelOf, lookUpLabels } from '../../labels.ts';

type Standard = components['schemas']['SkillLevelStandard'];

/** Public: the published shared skill-level standards, each with its occupation and current version. */
export default function Standards() {
  useTitle(() => t('standards.title'));
  const items = useSignal<Standard[] | null | 'failed'>(null);
  useEffect(() => {
    void api
      .GET('/v1/standards')
      .then(({ data }) => {
        items.value = data?.items ?? 'failed';
        if (data) void lookUpLabels(data.items.map((s) => s.occupationUri));
      })
      .catch(() => {
        items.value = 'failed';
      });
  }, []);
  return (
    <section>
      <h1>{t('standards.title')}</h1>
      <p>{t('standards.lead')}</p>
      {items.value === null && <Skeleton list />}
      {items.value === 'failed' && (
        <p class="error-summary" role="alert">
          {t('common.error.network')}
        </p>
      )}
      {Array.isArray(items.value) && items.value.length === 0 && <p>{t('standards.empty')}</p>}
      {Array.isArray(items.value) && (
        <ul class="cards">
          {items.value.map((standard) => (
            <li key={standard.standardId} class="card">
              <h2>
                <a href={`/standards/${encodeURIComponent(standard.standardId)}`}>{pick(standard.title)}</a>
              </h2>
              <p class="muted">
                {t('standards.occupation', { name: labelOf(standard.occupationUri) })} ·{' '}
                {t('standards.version', { version: standard.publishedVersion ?? 0 })}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
