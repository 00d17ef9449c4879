import { useEffect, useRef } from 'preact/hooks';
import { useConceptSearch } from '../concept-search.ts';
import { t } from '../i18n.ts';
import { labelOf, lookUpLabels } from '../labels.ts';
import { SuggestionList } from './suggestion-list.tsx';

/** An occupation as profiles and jobs store it: an ESCO URI, a 大典 code, or both. */
export type Occupation = { escoUri?: string; chinaCode?: string };

/**
 * Search ESCO occupations (in English or Chinese) and pick up to `max`, as the graduate profile (several wished-for
 * occupations) and the job editor (the job's one occupation) do. With `max` 1 a pick replaces the one chosen.
 */
export function OccupationPicker({
  id,
  legend,
  searchLabel,
  hint,
  none,
  pickLabel,
  occupations,
  max,
  onChange,
}: {
  /** The search box's id, for labels, tests and error links. */
  id: string;
  legend: string;
  searchLabel: string;
  hint?: string;
  /** Shown while nothing is chosen. */
  none?: string;
  /** A search result's button text, given the occupation's name. */
  pickLabel: (name: string) => string;
  occupations: readonly Occupation[];
  max: number;
  onChange: (occupations: Occupation[]) => void;
}) {
  const { query, results, search } = useConceptSearch('/v1/occupations', 6);
  const input = useRef<HTMLInputElement>(null);
  const uris = occupations.flatMap((o) => (o.escoUri ? [o.escoUri] : []));
  // Their names in both languages, so the list reads right after a switch of language.
  useEffect(() => void lookUpLabels(uris), [uris.join(' ')]);
  const single = max === 1;
  const pick = (uri: string) => {
    onChange(single ? [{ escoUri: uri }] : [...occupations, { escoUri: uri }]);
    void lookUpLabels([uri]);
    if (single) {
      // The one choice is made: the results go, the choice shows above, and the keyboard stays in the box.
      void search('');
      input.current?.focus();
    }
  };
  const hintId = `${id}-hint`;
  return (
    <fieldset>
      <legend>{legend}</legend>
      {hint && (
        <p class="hint" id={hintId}>
          {hint}
        </p>
      )}
      <ul class="plain" aria-live="polite">
        {occupations.map((occupation, index) => (
          <li class="row" key={occupation.escoUri ?? occupation.chinaCode ?? index}>
            <span class="grow">{occupation.escoUri ? labelOf(occupation.escoUri) : occupation.chinaCode}</span>
            <button
              type="button"
              class="button small"
              onClick={() => onChange(occupations.filter((_, i) => i !== index))}
            >
              {t('common.remove')}
            </button>
          </li>
        ))}
        {occupations.length === 0 && none && <li class="hint">{none}</li>}
      </ul>
      <label for={id}>{searchLabel}</label>
      <input
        id={id}
        ref={input}
        type="search"
        autoComplete="off"
        aria-describedby={hint ? hintId : undefined}
        value={query.value}
        onInput={(e) => void search(e.currentTarget.value)}
      />
      <SuggestionList
        items={results.value}
        label={t('profile.occupations.results')}
        pickLabel={pickLabel}
        disabled={(uri) => uris.includes(uri) || (!single && occupations.length >= max)}
        onPick={pick}
      />
    </fieldset>
  );
}
