import { useSignal } from '@preact/signals';
import { api } from '../../api/client.ts';
import { t } from '../../i18n.ts';

/** Checks a graduate in by the code under their QR code (a scanner types into the same box). */
export function CheckInForm({ fairId, onDone }: { fairId: string; onDone?: () => void }) {
  const code = useSignal('');
  const result = useSignal<{ ok: boolean; text: string } | null>(null);
  const id = `check-in-${fairId}`;
  const submit = async (event: Event) => {
    event.preventDefault();
    const { data } = await api.POST('/v1/fairs/{fairId}/check-ins', {
      params: { path: { fairId } },
      body: { code: code.value },
    });
    result.value = data
      ? {
          ok: true,
          text: t(data.alreadyCheckedIn ? 'booths.checkIn.again' : 'booths.checkIn.ok', { name: data.displayName }),
        }
      : { ok: false, text: t('booths.checkIn.unknown') };
    if (data) code.value = '';
    onDone?.();
  };
  return (
    <form onSubmit={submit}>
      <h3>{t('booths.checkIn')}</h3>
      <label for={id}>{t('booths.checkIn.code')}</label>
      <p class="hint" id={`${id}-hint`}>
        {t('booths.checkIn.hint')}
      </p>
      <input
        id={id}
        required
        autocomplete="off"
        autocapitalize="characters"
        aria-describedby={`${id}-hint`}
        value={code.value}
        onInput={(e) => {
          code.value = e.currentTarget.value;
        }}
      />
      {result.value && (
        <p class={result.value.ok ? 'notice ok' : 'error-summary'} role="status">
          {result.value.text}
        </p>
      )}
      <button type="submit" class="button primary wide">
        {t('booths.checkIn.submit')}
      </button>
    </form>
  );
}
