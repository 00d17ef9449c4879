import { t } from '../i18n.ts';
import type { MessageKey } from '../messages/en/index.ts';

/** One vocabulary for application status, the same words, icon and colour everywhere. */
const ICONS: Record<string, string> = {
  submitted: '●',
  viewed: '◉',
  interview: '☎',
  offer: '★',
  hired: '✔',
  rejected: '✘',
  withdrawn: '↩',
};

export function StatusTag({ status }: { status: string }) {
  return (
    <span class={`tag status-${status}`}>
      <span aria-hidden="true">{ICONS[status] ?? '•'} </span>
      {t(`status.${status}` as MessageKey)}
    </span>
  );
}
