import { StatusTag } from '../components/status.tsx';
import { formatDateTime, t } from '../i18n.ts';
import type { EmployerApplication } from './applications.ts';

/** Every move of an application with its time, oldest first. */
export function History({ history }: { history: EmployerApplication['history'] }) {
  return (
    <ol class="timeline" aria-label={t('applications.timeline')}>
      {history.map((step) => (
        <li key={step.at + step.status}>
          <StatusTag status={step.status} /> <time dateTime={step.at}>{formatDateTime(step.at)}</time>
        </li>
      ))}
    </ol>
  );
}
