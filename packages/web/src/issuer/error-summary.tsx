import { t } from '../i18n.ts';

/** Messages by field id; `save` and `api-*` are about the whole form and are listed without a link. */
export type FieldErrors = Record<string, string>;

/** The summary at the top of a form (GOV.UK style): each problem, linking to its field. */
export function ErrorSummary({ errors }: { errors: FieldErrors }) {
  const entries = Object.entries(errors);
  if (entries.length === 0) return null;
  return (
    <div class="error-summary" id="error-summary" tabIndex={-1} role="alert">
      <h2>{t('issuer.error.summary')}</h2>
      <ul>
        {entries.map(([field, message]) => (
          <li key={field}>
            {field === 'save' || field.startsWith('api-') ? message : <a href={`#${field}`}>{message}</a>}
          </li>
        ))}
      </ul>
    </div>
  );
}
