import type { components } from '../api/schema.d.ts';
import { t } from '../i18n.ts';
import type { FieldErrors } from '../components/error-summary.tsx';

type Problem = components['schemas']['Problem'];

/**
 * What an API refusal (problem+json) says, for the error summary: each field it names with its message, else its
 * detail. Keyed apart from the form's own fields, so they are listed, not linked.
 */
export function apiErrors(error: unknown): FieldErrors {
  const problem = error as Partial<Problem> | undefined;
  if (!problem || typeof problem !== 'object') return {};
  const named = Array.isArray(problem.errors) ? problem.errors : [];
  if (named.length === 0) return typeof problem.detail === 'string' ? { 'api-0': problem.detail } : {};
  return Object.fromEntries(
    named.map(({ path, message }, i) => [
      `api-${i}`,
      path ? t('issuer.error.field', { field: path, message }) : message,
    ]),
  );
}
