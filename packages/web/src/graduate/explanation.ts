import { pick } from '../i18n.ts';

/** The parts of a match explanation the pages show (the API documents it as an open object). */
export interface ExplanationView {
  matched: string[];
  partial: string[];
  missing: string[];
  missingEssential: string[];
  required: number;
  /** The job's skill-level standard requirements and how the graduate's credentials fit them. */
  standardFits: StandardFitView[];
}

export interface StandardFitView {
  standardId: string;
  required: number;
  fit: 'meets' | 'below' | 'unknown';
}

const FITS = new Set(['meets', 'below', 'unknown']);
/** The `skill-level-standard` entries of the explanation's level part, skipping anything not shaped like one. */
function standardFitsOf(level: unknown): StandardFitView[] {
  const fits = list((level as { fits?: unknown } | null)?.fits);
  return fits.flatMap((entry) => {
    const fit = entry as { requirement?: unknown; standardId?: unknown; required?: unknown; fit?: unknown } | null;
    return fit?.requirement === 'skill-level-standard' &&
      typeof fit.standardId === 'string' &&
      typeof fit.required === 'number' &&
      typeof fit.fit === 'string' &&
      FITS.has(fit.fit)
      ? [{ standardId: fit.standardId, required: fit.required, fit: fit.fit as StandardFitView['fit'] }]
      : [];
  });
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
  return {
    matched,
    partial,
    missing,
    missingEssential,
    required: matched.length + partial.length + missing.length,
    standardFits: standardFitsOf(explanation.level),
  };
}

/** The employer's display name when the API sends it (job.employer.name), else its id. */
export function employerName(job: { employerId: string }): string {
  const name = (job as { employer?: { name?: unknown } }).employer?.name;
  if (typeof name === 'string') return name;
  if (name && typeof name === 'object' && typeof (name as { en?: unknown }).en === 'string')
    return pick(name as { en: string; zh?: string });
  return job.employerId;
}
