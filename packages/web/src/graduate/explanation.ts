import { pick } from '../i18n.ts';

/** The parts of a match explanation the pages show (the API documents it as an open object). */
export interface ExplanationView {
  matched: string[];
  partial: string[];
  missing: string[];
  missingEssential: string[];
  required: number;
}

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const requiredUri = (credit: unknown): string | undefined => {
  const required = (credit as { required?: { uri?: unknown } } | null)?.required;
  return typeof required?.uri === 'string' ? required.uri : undefined;
};
const uris = (value: unknown): string[] => list(value).filter((uri): uri is string => typeof uri === 'string');

export function explanationView(explanation: Record<string, unknown>): ExplanationView {
  const matched = [...list(explanation.matchedEssential), ...list(explanation.matchedOptional)]
    .map(requiredUri)
    .filter((uri): uri is string => uri !== undefined);
  const partial = list(explanation.partial)
    .map(requiredUri)
    .filter((uri): uri is string => uri !== undefined);
  const missingEssential = uris(explanation.missingEssential);
  const missing = [...missingEssential, ...uris(explanation.missingOptional)];
  return { matched, partial, missing, missingEssential, required: matched.length + partial.length + missing.length };
}

/** The employer's display name when the API sends it (job.employer.name), else its id. */
export function employerName(job: { employerId: string }): string {
  const name = (job as { employer?: { name?: unknown } }).employer?.name;
  if (typeof name === 'string') return name;
  if (name && typeof name === 'object' && typeof (name as { en?: unknown }).en === 'string')
    return pick(name as { en: string; zh?: string });
  return job.employerId;
}
