import { useSignal, useSignalEffect } from '@preact/signals';
import { api } from '../api/client.ts';
import type { components } from '../api/schema.d.ts';
import { locale, t } from '../i18n.ts';

type PublicEmployer = components['schemas']['PublicEmployer'];

/**
 * An employer's public page in short (`GET /v1/employers/{id}`): what a graduate reads about who is hiring, and
 * what the employer sees of itself. Nothing when the employer has no organisation profile yet.
 * The logo is not shown: the pages load images from skillpass only (CSP img-src 'self').
 */
export function EmployerCard({ employerId }: { employerId: string }) {
  const employer = useSignal<PublicEmployer | null>(null);
  useSignalEffect(() => {
    api.GET('/v1/employers/{id}', { params: { path: { id: employerId }, query: { lang: locale.value } } }).then(
      ({ data }) => {
        employer.value = data ?? null;
      },
      () => undefined,
    );
  });
  const value = employer.value;
  if (!value) return null;
  const other = locale.value === 'zh' ? value.names.en : value.names.zh;
  return (
    <div class="card employer-card">
      <h2>{t('employerCard.title')}</h2>
      <p>
        <strong>{value.name}</strong>
        {other && other !== value.name && <span class="muted"> · {other}</span>}
      </p>
      <p class="meta">{value.city}</p>
      {value.description && <p class="prose">{value.description}</p>}
      {value.website && (
        <p>
          <a href={value.website} rel="noopener noreferrer" target="_blank">
            {t('employerCard.website')}
          </a>
        </p>
      )}
      <p class="muted">{t('employerCard.openJobs', { count: value.openJobs })}</p>
    </div>
  );
}
