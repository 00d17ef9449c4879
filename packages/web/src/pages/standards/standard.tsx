import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { api } from '../../api/client.ts';
import type { components } from '../../api/schema.d.ts';
import { Skeleton } from '../../components/skeleton.tsx';
import { useTitle } from '../../components/title.ts';
import { formatDate, pick, t } from '../../i18n.ts';
import { labelOf, lookUpLabels } from '../../labels.ts';
import type { PageProps } from '../../page-props.ts';
import { LevelList } from '../../standards/levels.tsx';

type Found = components['schemas']['SkillLevelStandardWithVersions'];

/** Public: one standard's published version, its levels and skills, and who proposed and reviewed it. */
export default function Standard({ params }: PageProps) {
  const found = useSignal<Found | null | 'failed' | 'missing'>(null);
  useTitle(() =>
    typeof found.value === 'object' && found.value ? pick(found.value.standard.title) : t('standards.title'),
  );
  useEffect(() => {
    void api
      .GET('/v1/standards/{id}', { params: { path: { id: params.id ?? '' } } })
      .then(({ data, response }) => {
        found.value = data ?? (response.status === 404 ? 'missing' : 'failed');
        if (data) void lookUpLabels([data.standard.occupationUri]);
      })
      .catch(() => {
        found.value = 'failed';
      });
  }, [params.id]);
  if (found.value === null) return <Skeleton />;
  if (found.value === 'missing' || found.value === 'failed') {
    return (
      <section>
        <h1>{t('standards.title')}</h1>
        <p class="error-summary" role="alert">
          {t(found.value === 'missing' ? 'standards.missing' : 'common.error.network')}
        </p>
        <a href="/standards">{t('standards.back')}</a>
      </section>
    );
  }
  const { standard, versions } = found.value;
  const current = versions.find((v) => v.number === standard.publishedVersion);
  return (
    <section>
      <p>
        <a href="/standards">{t('standards.back')}</a>
      </p>
      <h1>{pick(standard.title)}</h1>
      <p class="muted">{t('standards.occupation', { name: labelOf(standard.occupationUri) })}</p>
      {current && (
        <>
          <p>
            {t('standards.publishedBy', {
              version: current.number,
              proposer: current.proposedBy,
              reviewer: current.review?.reviewedBy ?? '',
              date: formatDate(current.review?.reviewedAt ?? current.proposedAt),
            })}
          </p>
          <h2>{t('standards.levels')}</h2>
          <LevelList levels={current.content.levels} />
        </>
      )}
      <p class="muted">{t('standards.eqfNote')}</p>
    </section>
  );
}
