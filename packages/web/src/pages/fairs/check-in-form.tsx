import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { api } from '../../api/client.ts';
import { t } from '../../i18n.ts';
import type { MessageKey } from '../../messages/en/index.ts';

/** Why the camera did not start, in words that say what to do instead (the typed box stays either way). */
function cameraProblem(error: unknown): MessageKey {
  const name = error instanceof DOMException ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'booths.camera.denied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'booths.camera.none';
  return 'booths.camera.failed';
}

/**
 * Checks a graduate in by the code under their QR code: typed (a hardware scanner types into the same box) or read
 * by this device's camera with the verify page's scanner, which loads only when someone starts the camera.
 */
export function CheckInForm({ fairId, onDone }: { fairId: string; onDone?: () => void }) {
  const code = useSignal('');
  const result = useSignal<{ ok: boolean; text: string } | null>(null);
  const scanning = useSignal<{ stop: () => void } | null>(null);
  const video = useRef<HTMLVideoElement>(null);
  const id = `check-in-${fairId}`;
  useEffect(() => () => scanning.peek()?.stop(), []);

  const checkIn = async (typed: string) => {
    const { data } = await api.POST('/v1/fairs/{fairId}/check-ins', {
      params: { path: { fairId } },
      body: { code: typed },
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
  const scan = async () => {
    if (!video.current) return;
    result.value = null;
    const { cameraAvailable, scanCamera } = await import('../../check/scan.ts');
    if (!cameraAvailable()) {
      result.value = { ok: false, text: t('booths.camera.none') };
      return;
    }
    const session = scanCamera(video.current);
    scanning.value = session;
    try {
      const text = await session.result;
      scanning.value = null;
      // The box shows what was read while the check-in is sent.
      code.value = text;
      await checkIn(text);
    } catch (error) {
      // Stopped by the user (scanning was cleared first): nothing to report.
      if (scanning.value) result.value = { ok: false, text: t(cameraProblem(error)) };
      scanning.value = null;
    }
  };
  const stop = () => {
    const session = scanning.value;
    scanning.value = null;
    session?.stop();
  };
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void checkIn(code.value);
      }}
    >
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
      <div class="scan">
        {scanning.value ? (
          <>
            <p class="hint">{t('booths.camera.hold')}</p>
            <button type="button" class="button" onClick={stop}>
              {t('booths.camera.stop')}
            </button>
          </>
        ) : (
          <button type="button" class="button" onClick={() => void scan()}>
            {t('booths.camera.start')}
          </button>
        )}
        <video ref={video} class={scanning.value ? 'camera' : 'hidden'} muted playsInline />
      </div>
    </form>
  );
}
