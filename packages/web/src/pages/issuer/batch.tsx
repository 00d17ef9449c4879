import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { api } from '../../api/client.ts';
import type { components } from '../../api/schema.d.ts';
import { useTitle } from '../../components/title.ts';
import { download } from '../../download.ts';
import { type BatchRow, percentDone, resultsCsv } from '../../issuer/batch-results.ts';
import { ErrorSummary, type FieldErrors } from '../../components/error-summary.tsx';
import { apiErrors } from '../../issuer/problem.ts';
import { TemplateChoice } from '../../issuer/template-choice.tsx';
import { loadMyTemplates } from '../../issuer/templates.ts';
import { formatDateTime, t } from '../../i18n.ts';
import type { MessageKey } from '../../messages/en/index.ts';
import { navigate, route } from '../../router.ts';

interface Progress {
  total: number;
  issued: number;
  failed: number;
  pending: number;
}

/** How often the progress is read while the batch runs: often enough to move smoothly, cheap for the API. */
const POLL_MS = 1_000;

/** Issue a whole class from a CSV file: upload, watch the progress, read and download the result of every row. */
export default function BatchPage() {
  useTitle(() => t('issuer.batch.title'));
  const batchId = route.value.query.get('batch');
  return (
    <section class="issuer">
      <h1>{t('issuer.batch.title')}</h1>
      {batchId ? <BatchProgress batchId={batchId} /> : <Upload />}
    </section>
  );
}

function Upload() {
  const templateId = useSignal('');
  const file = useSignal<File | null>(null);
  const errors = useSignal<FieldErrors>({});
  const busy = useSignal(false);
  useEffect(() => {
    void loadMyTemplates();
  }, []);

  async function submit(event: Event) {
    event.preventDefault();
    if (!file.value) {
      errors.value = { file: t('issuer.batch.error.file') };
      document.getElementById('error-summary')?.focus();
      return;
    }
    busy.value = true;
    try {
      const csv = await file.value.text();
      const { data, error } = await api.POST('/v1/credential-batches', {
        params: { query: { templateId: templateId.value } },
        body: csv,
        // Sent as the text it is: the client would otherwise serialise it as JSON.
        bodySerializer: String,
        headers: { 'Content-Type': 'text/csv' },
      });
      if (data) navigate(`/issuer/batch?batch=${encodeURIComponent(data.batchId)}`, { replace: true });
      else errors.value = { save: t('issuer.error.rejected'), ...apiErrors(error) };
    } catch {
      errors.value = { save: t('common.error.network') };
    } finally {
      busy.value = false;
    }
  }

  return (
    <>
      <p class="lead">{t('issuer.batch.lead')}</p>
      <TemplateChoice value={templateId.value} onChange={(id) => (templateId.value = id)}>
        <ErrorSummary errors={errors.value} />
        <form onSubmit={submit} noValidate>
          <label for="file">{t('issuer.batch.file')}</label>
          <p class="hint" id="file-hint">
            {t('issuer.batch.columns')}
          </p>
          <input
            id="file"
            type="file"
            accept=".csv,text/csv"
            aria-describedby="file-hint"
            aria-invalid={errors.value.file ? true : undefined}
            onChange={(e) => {
              file.value = e.currentTarget.files?.[0] ?? null;
              errors.value = {};
            }}
          />
          <button type="submit" class="button primary wide" disabled={busy.value}>
            {t('issuer.batch.submit')}
          </button>
        </form>
      </TemplateChoice>
      <EarlierBatches />
    </>
  );
}

type BatchSummary = components['schemas']['CredentialBatchSummary'];

/** The issuer's latest batches, each reopening its progress and results (a class can be left running). */
function EarlierBatches() {
  const batches = useSignal<BatchSummary[] | null>(null);
  useEffect(() => {
    api
      .GET('/v1/credential-batches', { params: { query: { limit: 10 } } })
      .then(({ data }) => (batches.value = data?.items ?? []))
      .catch(() => (batches.value = []));
  }, []);
  if (!batches.value?.length) return null;
  return (
    <>
      <h2>{t('issuer.batch.earlier')}</h2>
      <ul class="plain earlier-batches">
        {batches.value.map((batch) => (
          <li key={batch.batchId}>
            <a href={`/issuer/batch?batch=${encodeURIComponent(batch.batchId)}`} data-app>
              {t('issuer.batch.earlier.entry', {
                date: formatDateTime(batch.createdAt),
                total: batch.total,
                issued: batch.issued,
                failed: batch.failed,
              })}
            </a>
          </li>
        ))}
      </ul>
    </>
  );
}

/** Every row of a finished batch, page by page (the API pages them). */
async function allRows(batchId: string): Promise<BatchRow[] | undefined> {
  const rows: BatchRow[] = [];
  let cursor: string | undefined;
  do {
    const { data } = await api.GET('/v1/credential-batches/{id}', {
      params: { path: { id: batchId }, query: { limit: 1000, ...(cursor ? { cursor } : {}) } },
    });
    if (!data) return undefined;
    rows.push(...data.recipients);
    cursor = data.nextCursor;
  } while (cursor);
  return rows;
}

function BatchProgress({ batchId }: { batchId: string }) {
  const progress = useSignal<Progress | null>(null);
  const rows = useSignal<BatchRow[] | null>(null);
  const failedOnly = useSignal(false);
  const unreachable = useSignal(false);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    async function poll() {
      const { data } = await api
        .GET('/v1/credential-batches/{id}', { params: { path: { id: batchId }, query: { limit: 1 } } })
        .catch(() => ({ data: undefined }));
      if (stopped) return;
      unreachable.value = !data;
      if (data) progress.value = { total: data.total, issued: data.issued, failed: data.failed, pending: data.pending };
      // The counts are read one after another, so a row settling between them can go uncounted: finished is when the
      // rows themselves are all settled, and the final counts are theirs.
      if (data && data.pending === 0) {
        const all = await allRows(batchId);
        if (stopped) return;
        if (all?.every((row) => row.status !== 'pending')) {
          const count = (status: BatchRow['status']) => all.filter((row) => row.status === status).length;
          progress.value = { total: data.total, issued: count('issued'), failed: count('failed'), pending: 0 };
          rows.value = all;
          return;
        }
      }
      timer = setTimeout(() => void poll(), POLL_MS);
    }
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [batchId]);

  const p = progress.value;
  const done = p ? p.issued + p.failed : 0;
  const percent = p ? percentDone(p.total, done) : 0;
  const shown = (rows.value ?? []).filter((row) => !failedOnly.value || row.status === 'failed');
  return (
    <>
      {unreachable.value && (
        <p class="error-summary" role="alert">
          {t('common.error.network')}
        </p>
      )}
      <label for="batch-progress">{t('issuer.batch.progress')}</label>
      <progress id="batch-progress" class="batch-progress" max={100} value={percent} />
      <p role="status" class="progress-text">
        {p ? t('issuer.batch.progress.text', { done, total: p.total, percent }) : t('common.loading')}
        {p && (
          <>
            <br />
            {rows.value
              ? t('issuer.batch.finished', { issued: p.issued, failed: p.failed })
              : t('issuer.batch.counts', { issued: p.issued, failed: p.failed })}
          </>
        )}
      </p>
      {rows.value && (
        <>
          <button
            type="button"
            class="button primary wide"
            onClick={() => download(`skillpass-batch-${batchId}.csv`, 'text/csv', resultsCsv(rows.value ?? []))}
          >
            {t('issuer.batch.download')}
          </button>
          <h2>{t('issuer.batch.results')}</h2>
          <label class="choice">
            <input
              type="checkbox"
              checked={failedOnly.value}
              onChange={(e) => (failedOnly.value = e.currentTarget.checked)}
            />
            {t('issuer.batch.onlyFailed')}
          </label>
          <table class="batch-results">
            <thead>
              <tr>
                <th scope="col">{t('issuer.batch.row')}</th>
                <th scope="col">{t('issuer.batch.status')}</th>
                <th scope="col">{t('issuer.batch.detail')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((row) => (
                <tr key={row.row} class={`row-${row.status}`}>
                  <td>{row.row}</td>
                  <td>
                    <span class={`tag batch-${row.status}`}>
                      <span aria-hidden="true">
                        {row.status === 'issued' ? '✔ ' : row.status === 'failed' ? '✘ ' : '… '}
                      </span>
                      {t(`issuer.batch.status.${row.status}` as MessageKey)}
                    </span>
                  </td>
                  <td class="mono" lang="en">
                    {row.credentialId ?? row.error ?? ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </>
  );
}
