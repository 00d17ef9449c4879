import { t } from '../i18n.ts';

/** Messages by field id, already in the reader's language; `save` and `api-*` are about the whole form. */
export type FieldErrors = Record<string, string>;

/**
 * The summary at the top of a form (GOV.UK style): each problem, linking to its field. `anchorOf` names the element
 * a field's link goes to when it is not the field's own id.
 */
export function ErrorSummary({
  errors,
  anchorOf = (field) => field,
}: {
  errors: FieldErrors;
  anchorOf?: (field: string) => string;
}) {
  const entries = Object.entries(errors);
  if (entries.length === 0) return null;
  return (
    <div class="error-summary" id="error-summary" tabIndex={-1} role="alert">
      <h2>{t('common.error.summary')}</h2>
      <ul>
        {entries.map(([field, message]) => (
          <li key={field}>
            {field === 'save' || field.startsWith('api-') ? message : <a href={`#${anchorOf(field)}`}>{message}</a>}
          </li>
        ))}
      </ul>
    </div>
  );
}
