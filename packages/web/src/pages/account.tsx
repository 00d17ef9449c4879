import { useSignal } from '@preact/signals';
import { api } from '../api/client.ts';
import { signOutLocally } from '../auth.ts';
import { useTitle } from '../components/title.ts';
import { download } from '../download.ts';
import { t } from '../i18n.ts';
import type { MessageKey } from '../messages/en/index.ts';
import { navigate } from '../router.ts';

const ERASED: MessageKey[] = [
  'account.erase.profile',
  'account.erase.applications',
  'account.erase.notifications',
  'account.erase.matches',
  'account.erase.credentials',
];

export default function Account() {
  useTitle(() => t('account.title'));
  const confirming = useSignal(false);
  const failed = useSignal(false);

  async function exportData() {
    failed.value = false;
    const { data } = await api.GET('/v1/profiles/me/export').catch(() => ({ data: undefined }));
    if (data) download('skillpass-export.json', 'application/json', JSON.stringify(data, null, 2));
    else failed.value = true;
  }

  async function erase() {
    const { response } = await api.DELETE('/v1/profiles/me').catch(() => ({ response: undefined }));
    if (response?.ok) {
      signOutLocally();
      navigate('/?erased=1');
    } else failed.value = true;
  }

  return (
    <section>
      <h1>{t('account.title')}</h1>
      {failed.value && (
        <p class="error-summary" role="alert">
          {t('common.error.network')}
        </p>
      )}
      <h2>{t('account.export')}</h2>
      <p>{t('account.export.body')}</p>
      <button type="button" class="button" onClick={() => void exportData()}>
        {t('account.export.button')}
      </button>
      <h2>{t('account.erase')}</h2>
      {confirming.value ? (
        <div class="confirm danger-zone">
          <p>{t('account.erase.confirm')}</p>
          <ul>
            {ERASED.map((key) => (
              <li key={key}>{t(key)}</li>
            ))}
          </ul>
          <p>{t('account.erase.kept')}</p>
          <button type="button" class="button danger" onClick={() => void erase()}>
            {t('account.erase.yes')}
          </button>
          <button
            type="button"
            class="button"
            onClick={() => {
              confirming.value = false;
            }}
          >
            {t('common.cancel')}
          </button>
        </div>
      ) : (
        <>
          <p>{t('account.erase.body')}</p>
          <button
            type="button"
            class="button danger"
            onClick={() => {
              confirming.value = true;
            }}
          >
            {t('account.erase.button')}
          </button>
        </>
      )}
    </section>
  );
}
