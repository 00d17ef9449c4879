import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { api } from '../../api/client.ts';
import type { components } from '../../api/schema.d.ts';
import { Skeleton } from '../../components/skeleton.tsx';
import { useTitle } from '../../components/title.ts';
import { provinceName } from '../../graduate/places.ts';
import { formatDate, pick, t } from '../../i18n.ts';
import { LevelList } from '../../standards/levels.tsx';
import { ProposeForm } from '../../standards/propose-form.tsx';

type Pending = components['schemas']['SkillLevelStandardWithVersions'];

/**
 * Issuers: the versions of shared standards awaiting review, each with its levels and proposer's province, and the
 * review itself (approve, or reject with a reason). The API enforces who may review; its refusal is shown as said.
 */
export default function IssuerStandards() {
  useTitle(() => t('issuer.standards.title'));
  const items = useSignal<Pending[] | null | 'failed'>(null);
  const notice = useSignal<{ ok: boolean; text: string } | null>(null);
  const reload = async () => {
    const { data } = await api.GET('/v1/standards/awaiting-review').catch(() => ({ data: undefined }));
    items.value = data?.items ?? 'failed';
  };
  useEffect(() => void reload(), []);
  return (
    <section>
      <h1>{t('issuer.standards.title')}</h1>
      <p>{t('issuer.standards.lead')}</p>
      {notice.value && (
        <p class={`notice ${notice.value.ok ? 'ok' : 'error-summary'}`} role={notice.value.ok ? 'status' : 'alert'}>
          {notice.value.text}
        </p>
      )}
      {items.value === null && <Skeleton list />}
      {items.value === 'failed' && (
        <p class="error-summary" role="alert">
          {t('common.error.network')}
        </p>
      )}
      {Array.isArray(items.value) && items.value.length === 0 && <p>{t('issuer.standards.empty')}</p>}
      {Array.isArray(items.value) && (
        <ul class="plain">
          {items.value.map((item) => (
            <PendingCard
              key={item.standard.standardId}
              item={item}
              onDone={async (ok, text) => {
                notice.value = { ok, text };
                await reload();
              }}
            />
          ))}
        </ul>
      )}
      <ProposeForm
        onProposed={async (title) => {
          notice.value = { ok: true, text: t('issuer.standards.proposed.done', { title }) };
          await reload();
        }}
      />
    </section>
  );
}

function PendingCard({ item, onDone }: { item: Pending; onDone: (ok: boolean, text: string) => Promise<void> }) {
  const reason = useSignal('');
  const busy = useSignal(false);
  const version = item.versions.find((v) => v.number === item.standard.pendingVersion);
  if (!version) return null;
  const id = `${item.standard.standardId}-${version.number}`;
  const title = pick(version.content.title);
  const review = async (decision: 'approve' | 'reject') => {
    if (decision === 'reject' && reason.value.trim() === '') {
      await onDone(false, t('issuer.standards.error.reason'));
      return;
    }
    busy.value = true;
    const { data, error } = await api
      .PUT('/v1/standards/{id}/versions/{number}/review', {
        params: { path: { id: item.standard.standardId, number: version.number } },
        body: decision === 'approve' ? { decision } : { decision, reason: reason.value.trim() },
      })
      .catch(() => ({ data: undefined, error: undefined }));
    busy.value = false;
    if (data) await onDone(true, t(`issuer.standards.done.${decision}`, { title, version: version.number }));
    else await onDone(false, error?.detail ?? t('common.error.network'));
  };
  return (
    <li class="card">
      <h2>{t('issuer.standards.version', { title, version: version.number })}</h2>
      <p class="muted">
        {t('issuer.standards.proposed', {
          proposer: version.proposedBy,
          province: provinceName(version.proposerProvince),
          date: formatDate(version.proposedAt),
        })}
      </p>
      <LevelList levels={version.content.levels} />
      <label for={`reason-${id}`}>{t('issuer.standards.reason')}</label>
      <textarea
        id={`reason-${id}`}
        rows={2}
        value={reason.value}
        onInput={(e) => (reason.value = e.currentTarget.value)}
      />
      <div class="row">
        <button type="button" class="button primary" disabled={busy.value} onClick={() => void review('approve')}>
          {t('issuer.standards.approve', { title })}
        </button>
        <button type="button" class="button" disabled={busy.value} onClick={() => void review('reject')}>
          {t('issuer.standards.reject', { title })}
        </button>
      </div>
    </li>
  );
}
