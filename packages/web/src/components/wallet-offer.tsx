import { useSignal } from '@preact/signals';
import { generate } from 'lean-qr';
import { useEffect, useRef } from 'preact/hooks';
import { api } from '../api/client.ts';
import { formatDateTime, t } from '../i18n.ts';
import type { MessageKey } from '../messages/en/index.ts';

type Offer = { offerUri: string; expiresAt: string };

/**
 * A credential offer (OID4VCI pre-authorized code) for a wallet app: a one-time code, made when asked, shown as a QR
 * code to scan from another device or as a link that opens the wallet app on this one.
 */
export function WalletOffer({ credentialId }: { credentialId: string }) {
  const offer = useSignal<Offer | null>(null);
  const problem = useSignal<MessageKey | null>(null);
  async function create() {
    problem.value = null;
    try {
      const { data, response } = await api.POST('/v1/profiles/me/credentials/{id}/offer', {
        params: { path: { id: credentialId } },
      });
      if (data) offer.value = { offerUri: data.offerUri, expiresAt: data.expiresAt };
      else problem.value = response.status === 409 ? 'walletApp.unavailable' : 'walletApp.failed';
    } catch {
      problem.value = 'common.error.network';
    }
  }
  return (
    <div class="wallet-offer">
      <h3>{t('walletApp.title')}</h3>
      <p class="hint">{t('walletApp.hint')}</p>
      {problem.value && <p role="alert">{t(problem.value)}</p>}
      {offer.value ? (
        <>
          <p>{t('walletApp.scan')}</p>
          <OfferQr text={offer.value.offerUri} />
          <p class="muted">{t('walletApp.expires', { time: formatDateTime(offer.value.expiresAt) })}</p>
          <a class="button" href={offer.value.offerUri}>
            {t('walletApp.sameDevice')}
          </a>
        </>
      ) : (
        <button type="button" class="button" onClick={() => void create()}>
          {t('walletApp.create')}
        </button>
      )}
    </div>
  );
}

function OfferQr({ text }: { text: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (canvas.current) generate(text).toCanvas(canvas.current);
  }, [text]);
  return <canvas ref={canvas} class="qr" role="img" aria-label={t('walletApp.qr')} />;
}
