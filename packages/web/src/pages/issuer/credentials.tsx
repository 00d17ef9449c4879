import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { api } from '../../api/client.ts';
import type { components } from '../../api/schema.d.ts';
import { Skeleton } from '../../components/skeleton.tsx';
import { useTitle } from '../../components/title.ts';
import { holderNameOf } from '../../issuer/holder-name.ts';
import { apiErrors } from '../../issuer/problem.ts';
import { loadMyTemplates, myTemplates, titleOf } from '../../issuer/templates.ts';
import { formatDate, t } from '../../i18n.ts';
import type { MessageKey } from '../../messages/en/index.ts';

type Credential = components['schemas']['IssuedCredentialSummary'];
type Action = 'revoke' | 'suspend' | 'reinstate';
const PAGE_SIZE = 20;
/** How many empty stretches a search reads on before it shows the page as it is (with its next-page button). */
const MAX_EMPTY_READS = 50;

/** What can be done next: revocation is final, only a suspended credential can be reinstated. */
const ACTIONS: Record<Credential['status'], Action[]> = {
  active: ['suspend', 'revoke'],
  suspended: ['reinstate', 'revoke'],
  revoked: [],
};

/** The credentials this issuer signed: search, pages, and revoke / suspend / reinstate each with a reason. */
export default function IssuedCredentialsPage() {
  useTitle(() => t('issuer.credentials.title'));
  const query = useSignal('');
  const searched = useSignal('');
  // Cursors of the pages before this one, so "Previous page" goes back without the API paging backwards.
  const cursors = useSignal<Array<string | undefined>>([undefined]);
  const page = useSignal<{ items: Credential[]; nextCursor?: string } | null>(null);
  const failed = useSignal(false);
  const changed = useSignal<string | null>(null);

  // Answers can arrive out of order (a slow first page after a quick search): only the latest request's is shown.
  const latest = useRef(0);
  async function load() {
    const request = ++latest.current;
    let cursor = cursors.value.at(-1);
    // A search reads a bounded stretch of the list per request, so a page can come back empty with more to read:
    // read on (a bounded number of times) until something is found or the list ends.
    for (let reads = 0; ; reads++) {
      const { data } = await api
        .GET('/v1/credentials', {
          params: {
            query: {
              limit: PAGE_SIZE,
              ...(searched.value ? { q: searched.value } : {}),
              ...(cursor ? { cursor } : {}),
            },
          },
        })
        .catch(() => ({ data: undefined }));
      if (request !== latest.current) return;
      failed.value = !data;
      if (data && data.items.length === 0 && data.nextCursor && reads < MAX_EMPTY_READS) {
        cursor = data.nextCursor;
        continue;
      }
      page.value = data ?? { items: [] };
      return;
    }
  }
  useEffect(() => {
    void loadMyTemplates();
  }, []);
  // Read again when the search or the page changes.
  useEffect(() => {
    void load();
  }, [searched.value, cursors.value]);

  const templateTitle = (templateId: string) => {
    const template = myTemplates.value?.find((tpl) => tpl.templateId === templateId);
    return template ? titleOf(template) : templateId;
  };

  return (
    <section class="issuer">
      <h1>{t('issuer.credentials.title')}</h1>
      <form
        class="search"
        onSubmit={(e) => {
          e.preventDefault();
          changed.value = null;
          searched.value = query.value.trim();
          cursors.value = [undefined];
        }}
      >
        <label for="q">{t('issuer.credentials.search')}</label>
        <div class="row">
          <input id="q" type="search" value={query.value} onInput={(e) => (query.value = e.currentTarget.value)} />
          <button type="submit" class="button">
            {t('issuer.credentials.searchButton')}
          </button>
        </div>
      </form>
      {failed.value && (
        <p class="error-summary" role="alert">
          {t('common.error.network')}
        </p>
      )}
      {changed.value && (
        <p class="notice ok" role="status">
          {changed.value}
        </p>
      )}
      {page.value === null ? (
        <Skeleton list />
      ) : page.value.items.length === 0 ? (
        <p>{t('issuer.credentials.none')}</p>
      ) : (
        <ul class="cards issued-list">
          {page.value.items.map((credential) => (
            <IssuedCard
              key={credential.credentialId}
              credential={credential}
              title={templateTitle(credential.templateId)}
              onChanged={(next) => {
                changed.value = t('issuer.credentials.changed', {
                  id: next.credentialId,
                  status: t(`wallet.status.${next.status}` as MessageKey),
                });
                page.value = page.value && {
                  ...page.value,
                  items: page.value.items.map((c) => (c.credentialId === next.credentialId ? { ...c, ...next } : c)),
                };
              }}
            />
          ))}
        </ul>
      )}
      <div class="row pager">
        {cursors.value.length > 1 && (
          <button type="button" class="button" onClick={() => (cursors.value = cursors.value.slice(0, -1))}>
            {t('issuer.credentials.previous')}
          </button>
        )}
        {page.value?.nextCursor && (
          <button
            type="button"
            class="button"
            onClick={() => (cursors.value = [...cursors.value, page.value?.nextCursor])}
          >
            {t('issuer.credentials.next')}
          </button>
        )}
      </div>
    </section>
  );
}

function IssuedCard({
  credential,
  title,
  onChanged,
}: {
  credential: Credential;
  title: string;
  onChanged: (next: Credential) => void;
}) {
  const acting = useSignal<Action | null>(null);
  const reason = useSignal('');
  const reasonPublic = useSignal(false);
  const error = useSignal<string | null>(null);
  const busy = useSignal(false);
  const holder = holderNameOf(credential.jwt);
  const last = credential.statusChanges?.at(-1);
  const id = credential.credentialId;

  async function confirm(action: Action) {
    busy.value = true;
    error.value = null;
    try {
      const { data, error: problem } = await api.POST(`/v1/credentials/{id}/${action}`, {
        params: { path: { id } },
        body: { ...(reason.value.trim() ? { reason: reason.value.trim() } : {}), reasonPublic: reasonPublic.value },
      });
      if (data) {
        acting.value = null;
        reason.value = '';
        reasonPublic.value = false;
        onChanged({ ...credential, ...data });
      } else error.value = Object.values(apiErrors(problem)).join(' ') || t('issuer.error.rejected');
    } catch {
      error.value = t('common.error.network');
    } finally {
      busy.value = false;
    }
  }

  return (
    <li class="card" data-credential={id}>
      <h2>{title}</h2>
      <p>{holder ? t('issuer.credentials.holder', { name: holder }) : t('issuer.credentials.holderUnnamed')}</p>
      <p class="meta">{t('issuer.credentials.issuedOn', { date: formatDate(credential.validFrom), id })}</p>
      <p>
        <span class={`tag credential-${credential.status}`}>
          {t(`wallet.status.${credential.status}` as MessageKey)}
        </span>
      </p>
      {last?.reason && last.status !== 'active' && (
        <p class="hint">
          {t('issuer.credentials.reason', {
            status: t(`wallet.status.${last.status}` as MessageKey),
            date: formatDate(last.at),
            reason: last.reason,
          })}{' '}
          ({t(last.reasonPublic ? 'issuer.credentials.reason.public' : 'issuer.credentials.reason.private')})
        </p>
      )}
      {acting.value ? (
        <div class="confirm">
          {acting.value === 'revoke' && <p class="warning">{t('issuer.credentials.revoke.final')}</p>}
          {error.value && (
            <p class="error-summary" role="alert">
              {error.value}
            </p>
          )}
          <label for={`reason-${id}`}>{t('issuer.credentials.reason.label')}</label>
          <textarea id={`reason-${id}`} value={reason.value} onInput={(e) => (reason.value = e.currentTarget.value)} />
          {acting.value !== 'reinstate' && (
            <>
              <label class="choice">
                <input
                  type="checkbox"
                  aria-describedby={`public-${id}`}
                  checked={reasonPublic.value}
                  onChange={(e) => (reasonPublic.value = e.currentTarget.checked)}
                />
                {t('issuer.credentials.reasonPublic')}
              </label>
              <p class="hint" id={`public-${id}`}>
                {t('issuer.credentials.reasonPublic.hint')}
              </p>
            </>
          )}
          <div class="row">
            <button
              type="button"
              class={acting.value === 'revoke' ? 'button danger' : 'button primary'}
              disabled={busy.value}
              onClick={() => void confirm(acting.value!)}
            >
              {t(`issuer.credentials.confirm.${acting.value}` as MessageKey)}
            </button>
            <button type="button" class="button" onClick={() => (acting.value = null)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      ) : (
        ACTIONS[credential.status].length > 0 && (
          <div class="row">
            {ACTIONS[credential.status].map((action) => (
              <button
                type="button"
                key={action}
                class={action === 'revoke' ? 'button danger' : 'button'}
                onClick={() => {
                  acting.value = action;
                  error.value = null;
                }}
              >
                {t(`issuer.credentials.${action}` as MessageKey)}
              </button>
            ))}
          </div>
        )
      )}
    </li>
  );
}
