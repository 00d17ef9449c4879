import { useSignal } from '@preact/signals';
import { APPLICATION_TRANSITIONS } from '@skillpass/domain/rules';
import { api } from '../api/client.ts';
import type { components } from '../api/schema.d.ts';
import { t } from '../i18n.ts';
import type { MessageKey } from '../messages/en/index.ts';

type Status = components['schemas']['Application']['status'];

/**
 * Buttons for the moves the employer may make from an application's status (the domain's one transition rule), so
 * the board never needs dragging. After a move, or a refusal (someone moved it meanwhile), `onMoved` reads again.
 */
export function MoveButtons({
  applicationId,
  status,
  onMoved,
}: {
  applicationId: string;
  status: Status;
  onMoved: () => void;
}) {
  const busy = useSignal(false);
  const problem = useSignal<MessageKey | null>(null);
  const moves = APPLICATION_TRANSITIONS[status];
  if (moves.length === 0) return null;
  async function move(to: Status) {
    busy.value = true;
    problem.value = null;
    try {
      const { response } = await api.PATCH('/v1/applications/{id}', {
        params: { path: { id: applicationId } },
        body: { status: to },
      });
      if (!response.ok) problem.value = response.status === 409 ? 'board.move.stale' : 'common.error.network';
      onMoved();
    } catch {
      problem.value = 'common.error.network';
    } finally {
      busy.value = false;
    }
  }
  return (
    <div class="moves">
      {problem.value && <p role="alert">{t(problem.value)}</p>}
      {moves.map((to) => (
        <button
          key={to}
          type="button"
          class={to === 'rejected' ? 'button small' : 'button small primary'}
          disabled={busy.value}
          onClick={() => void move(to)}
        >
          {t(`board.move.${to}` as MessageKey)}
        </button>
      ))}
    </div>
  );
}
