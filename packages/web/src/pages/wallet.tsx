import { Skeleton } from '../components/skeleton.tsx';
import { useSignal, useSignalEffect } from '@preact/signals';
import { generate } from 'lean-qr';
import { useEffect, useRef } from 'preact/hooks';
import { api } from '../api/client.ts';
import { readClaims } from '../auth.ts';
import { factsOf } from '../check/verdict.ts';
import { useTitle } from '../components/title.ts';
import { WalletOffer } from '../components/wallet-offer.tsx';
import { download } from '../download.ts';
import { formatDate, t } from '../i18n.ts';
import type { MessageKey } from '../messages/en/index.ts';

type Wallet = NonNullable<Awaited<ReturnType<typeof loadWallet>>>;
type Issued = Wallet['issued'][number];

async function loadWallet() {
  const { data } = await api.GET('/v1/profiles/me/credentials');
  return data;
}

export const shareLink = (credentialId: string) => `${location.origin}/check#id=${encodeURIComponent(credentialId)}`;

export default function WalletPage() {
  useTitle(() => t('wallet.title'));
  const wallet = useSignal<Wallet | null | 'failed'>(null);
  const open = useSignal<string | null>(null);
  const reload = () =>
    loadWallet().then(
      (data) => {
        wallet.value = data ?? 'failed';
      },
      () => {
        wallet.value = 'failed';
      },
    );
  useSignalEffect(() => {
    void reload();
  });
  const value = wallet.value;
  return (
    <section>
      <h1>{t('wallet.title')}</h1>
      {value === null && <Skeleton list />}
      {value === 'failed' && <p role="alert">{t('common.error.network')}</p>}
      {value && value !== 'failed' && (
        <>
          {value.issued.length + value.held.length === 0 && <p>{t('wallet.empty')}</p>}
          <ul class="plain">
            {value.issued.map((credential) => (
              <IssuedCard
                key={credential.credentialId}
                credential={credential}
                open={open.value === credential.credentialId}
                onToggle={() => {
                  open.value = open.value === credential.credentialId ? null : credential.credentialId;
                }}
              />
            ))}
            {value.held.map((held) => (
              <li class="card" key={held.heldId}>
                <h2>{held.title}</h2>
                <p class="muted">{t('wallet.imported', { date: formatDate(held.importedAt) })}</p>
                {held.validUntil && <p>{t('wallet.validUntil', { date: formatDate(held.validUntil) })}</p>}
              </li>
            ))}
          </ul>
        </>
      )}
      <Import onImported={() => void reload()} />
    </section>
  );
}

function IssuedCard({ credential, open, onToggle }: { credential: Issued; open: boolean; onToggle: () => void }) {
  const payload = readClaims(credential.jwt);
  const facts = factsOf(payload);
  const link = shareLink(credential.credentialId);
  const copied = useSignal(false);
  return (
    <li class="card">
      <h2>{facts.title ?? credential.templateId}</h2>
      <p class="meta">
        {facts.issuer} · {t('wallet.issuedOn', { date: formatDate(credential.validFrom) })}
      </p>
      <p>
        <span class={`tag credential-${credential.status}`}>
          {t(`wallet.status.${credential.status}` as MessageKey)}
        </span>
      </p>
      <button type="button" class="button" aria-expanded={open} onClick={onToggle}>
        {t(open ? 'wallet.close' : 'wallet.open')}
      </button>
      {open && (
        <div class="credential-detail">
          {facts.eqfLevel !== undefined && <p>{t('check.facts.level', { level: facts.eqfLevel })}</p>}
          {facts.outcomes.length > 0 && (
            <ul class="tags">
              {facts.outcomes.map((name) => (
                <li key={name} lang="en">
                  {name}
                </li>
              ))}
            </ul>
          )}
          <h3>{t('wallet.share')}</h3>
          <p class="hint">{t('wallet.share.hint')}</p>
          <input class="share-link" readOnly value={link} aria-label={t('wallet.share.link')} />
          <button
            type="button"
            class="button"
            onClick={() =>
              navigator.clipboard?.writeText(link).then(
                () => {
                  copied.value = true;
                },
                () => undefined,
              )
            }
          >
            {t(copied.value ? 'wallet.copied' : 'wallet.copy')}
          </button>
          <Qr text={link} label={t('wallet.qr')} />
          {credential.status === 'active' && <WalletOffer credentialId={credential.credentialId} />}
          <div class="actions">
            <a class="button" href={link} data-app>
              {t('wallet.verify')}
            </a>
            <button
              type="button"
              class="button"
              onClick={() => download(`${credential.credentialId}.jwt`, 'application/vc+jwt', credential.jwt)}
            >
              {t('wallet.download.jwt')}
            </button>
            <button
              type="button"
              class="button"
              onClick={() =>
                download(`${credential.credentialId}.json`, 'application/json', JSON.stringify(payload, null, 2))
              }
            >
              {t('wallet.download.json')}
            </button>
          </div>
        </div>
      )}
    </li>
  );
}

function Qr({ text, label }: { text: string; label: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (canvas.current) generate(text).toCanvas(canvas.current);
  }, [text]);
  return <canvas ref={canvas} class="qr" role="img" aria-label={label} />;
}

function Import({ onImported }: { onImported: () => void }) {
  const text = useSignal('');
  const message = useSignal<{ key: MessageKey; ok: boolean } | null>(null);
  async function submit(jwt: string) {
    message.value = null;
    try {
      const { data, response } = await api.POST('/v1/profiles/me/credentials', { body: { jwt: jwt.trim() } });
      if (data) {
        message.value = { key: 'wallet.import.done', ok: true };
        text.value = '';
        onImported();
      } else
        message.value = {
          key:
            response.status === 403
              ? 'wallet.import.notYours'
              : response.status === 422
                ? 'wallet.import.invalid'
                : 'wallet.import.garbage',
          ok: false,
        };
    } catch {
      message.value = { key: 'common.error.network', ok: false };
    }
  }
  return (
    <form
      class="import"
      onSubmit={(event) => {
        event.preventDefault();
        void submit(text.value);
      }}
      noValidate
    >
      <h2>{t('wallet.import')}</h2>
      {message.value && (
        <p class={message.value.ok ? 'notice ok' : 'error-summary'} role={message.value.ok ? 'status' : 'alert'}>
          {t(message.value.key)}
        </p>
      )}
      <label for="import-text">{t('wallet.import.paste')}</label>
      <textarea
        id="import-text"
        spellcheck={false}
        value={text.value}
        onInput={(event) => {
          text.value = event.currentTarget.value;
        }}
      />
      <label for="import-file">{t('wallet.import.file')}</label>
      <input
        id="import-file"
        type="file"
        accept=".jwt,.txt,.json,application/json,text/plain"
        onChange={async (event) => {
          const file = event.currentTarget.files?.[0];
          if (file) text.value = (await file.text()).trim();
        }}
      />
      <button type="submit" class="button primary">
        {t('wallet.import.button')}
      </button>
    </form>
  );
}
