import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { api } from '../../api/client.ts';
import type { components } from '../../api/schema.d.ts';
import { Skeleton } from '../../components/skeleton.tsx';
import { useTitle } from '../../components/title.ts';
import { formatDate, formatNumber, pick, t } from '../../i18n.ts';
import type { MessageKey } from '../../messages/en/index.ts';

type Issuer = components['schemas']['Issuer'];
type Employer = components['schemas']['Employer'];
type Counts = components['schemas']['PlatformCounts'];
type Loaded<T> = T | null | 'failed';

const COUNTS: ReadonlyArray<[keyof Counts, MessageKey]> = [
  ['profiles', 'admin.counts.profiles'],
  ['openJobs', 'admin.counts.openJobs'],
  ['applications', 'admin.counts.applications'],
  ['credentialsIssuedThisWeek', 'admin.counts.issued'],
  ['credentialsRevokedThisWeek', 'admin.counts.revoked'],
];

/** One year from today, the usual term of an accreditation: what the date field starts with. */
const oneYearFromNow = () => {
  const at = new Date();
  at.setUTCFullYear(at.getUTCFullYear() + 1);
  return at.toISOString().slice(0, 10);
};

/** Operators: the platform's counts, then the issuers and employers waiting for them, each with its one action. */
export default function Admin() {
  useTitle(() => t('admin.title'));
  const counts = useSignal<Loaded<Counts>>(null);
  const issuers = useSignal<Loaded<Issuer[]>>(null);
  const employers = useSignal<Loaded<Employer[]>>(null);
  const done = useSignal<string | null>(null);

  const reload = async () => {
    const [c, i, e] = await Promise.all([
      api.GET('/v1/admin/counts').catch(() => ({ data: undefined })),
      api.GET('/v1/admin/issuers/awaiting-accreditation').catch(() => ({ data: undefined })),
      api.GET('/v1/admin/employers/awaiting-approval').catch(() => ({ data: undefined })),
    ]);
    counts.value = c.data ?? 'failed';
    issuers.value = i.data?.items ?? 'failed';
    employers.value = e.data?.items ?? 'failed';
  };
  useEffect(() => void reload(), []);

  const failed = [counts.value, issuers.value, employers.value].includes('failed');
  return (
    <section>
      <h1>{t('admin.title')}</h1>
      {failed && (
        <p class="error-summary" role="alert">
          {t('common.error.network')}
        </p>
      )}
      {done.value && (
        <p class="notice ok" role="status">
          {done.value}
        </p>
      )}
      <h2>{t('admin.counts')}</h2>
      {counts.value === null && <Skeleton />}
      {typeof counts.value === 'object' && counts.value && (
        <>
          <dl class="counts">
            {COUNTS.map(([field, label]) => (
              <div key={field}>
                <dt>{t(label)}</dt>
                <dd>{formatNumber(Number((counts.value as Counts)[field]))}</dd>
              </div>
            ))}
          </dl>
          <p class="muted">{t('admin.counts.note', { week: counts.value.week })}</p>
        </>
      )}
      <h2>{t('admin.issuers')}</h2>
      {issuers.value === null && <Skeleton list />}
      {Array.isArray(issuers.value) && issuers.value.length === 0 && <p>{t('admin.issuers.empty')}</p>}
      {Array.isArray(issuers.value) && (
        <ul class="plain">
          {issuers.value.map((issuer) => (
            <IssuerCard
              key={issuer.issuerId}
              issuer={issuer}
              onDone={async (message) => {
                done.value = message;
                await reload();
              }}
            />
          ))}
        </ul>
      )}
      <h2>{t('admin.employers')}</h2>
      {employers.value === null && <Skeleton list />}
      {Array.isArray(employers.value) && employers.value.length === 0 && <p>{t('admin.employers.empty')}</p>}
      {Array.isArray(employers.value) && (
        <ul class="plain">
          {employers.value.map((employer) => (
            <li key={employer.employerId} class="card">
              <h3>{pick(employer.name)}</h3>
              <p class="muted">{t('admin.employers.registered', { date: formatDate(employer.createdAt) })}</p>
              <button
                type="button"
                class="button primary"
                onClick={async () => {
                  const { data, response } = await api
                    .PUT('/v1/admin/employers/{id}/approval', { params: { path: { id: employer.employerId } } })
                    .catch(() => ({ data: undefined, response: undefined }));
                  done.value = data
                    ? t('admin.employers.done', { name: pick(employer.name) })
                    : response?.status === 404
                      ? t('admin.error.notFound')
                      : t('common.error.network');
                  await reload();
                }}
              >
                {t('admin.employers.approve', { name: pick(employer.name) })}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** One waiting issuer: who they are, what they declare, and the date to accredit them until. */
function IssuerCard({ issuer, onDone }: { issuer: Issuer; onDone: (message: string) => Promise<void> }) {
  const until = useSignal(oneYearFromNow());
  const error = useSignal<string | null>(null);
  const busy = useSignal(false);
  const name = pick(issuer.legalName);
  const fieldId = `until-${issuer.issuerId}`;
  const declared = (issuer.accreditation ?? []).map((a) => `${a.by} (${a.scope})`).join('; ');

  async function accredit(event: Event) {
    event.preventDefault();
    busy.value = true;
    error.value = null;
    const { data, response } = await api
      .PUT('/v1/admin/issuers/{id}/accreditation', {
        params: { path: { id: issuer.issuerId } },
        body: { validUntil: until.value },
      })
      .catch(() => ({ data: undefined, response: undefined }));
    busy.value = false;
    if (data) await onDone(t('admin.issuers.done', { name, date: formatDate(until.value) }));
    else if (response?.status === 400) error.value = t('admin.issuers.error.date');
    else await onDone(response?.status === 404 ? t('admin.error.notFound') : t('common.error.network'));
  }

  return (
    <li class="card">
      <h3>{name}</h3>
      <p class="muted">
        {issuer.region}, {issuer.country}
      </p>
      {declared && <p>{t('admin.issuers.declared', { list: declared })}</p>}
      {issuer.platformAccreditation && (
        <p>{t('admin.issuers.expired', { date: formatDate(issuer.platformAccreditation.validUntil) })}</p>
      )}
      <form onSubmit={(event) => void accredit(event)} noValidate>
        <label for={fieldId}>{t('admin.issuers.until')}</label>
        <p class="hint" id={`${fieldId}-hint`}>
          {t('admin.issuers.until.hint')}
        </p>
        {error.value && (
          <p class="field-error" id={`${fieldId}-error`}>
            {error.value}
          </p>
        )}
        <input
          id={fieldId}
          type="date"
          value={until.value}
          aria-describedby={`${fieldId}-hint${error.value ? ` ${fieldId}-error` : ''}`}
          aria-invalid={error.value ? true : undefined}
          onInput={(event) => {
            until.value = (event.target as HTMLInputElement).value;
          }}
        />
        <button type="submit" class="button primary" disabled={busy.value}>
          {t('admin.issuers.accredit', { name })}
        </button>
      </form>
    </li>
  );
}
