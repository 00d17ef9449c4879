import type { Concept } from '../concept-search.ts';
import { t } from '../i18n.ts';

type Props = {
  items: readonly Concept[];
  /** The list's accessible name, e.g. "Skills found". */
  label?: string;
  /** A button's text, given the concept's name. */
  pickLabel: (name: string) => string;
  /** Already chosen, or no room for more. */
  disabled?: (uri: string) => boolean;
  onPick: (uri: string) => void;
};

/**
 * The concepts a search box found, under the box: one native button each, so a keyboard reaches them with Tab and a
 * screen reader reads each by its whole name ("Add welding"). Nothing is rendered while nothing is found.
 */
export function SuggestionList({ items, label, pickLabel, disabled, onPick }: Props) {
  if (items.length === 0) return null;
  return (
    <ul class="plain suggestions" aria-label={label}>
      {items.map((item) => (
        <li key={item.uri}>
          <button type="button" class="button small" disabled={disabled?.(item.uri)} onClick={() => onPick(item.uri)}>
            {pickLabel(item.label)}
          </button>
        </li>
      ))}
    </ul>
  );
}

/** Skills found, each to add: the same words wherever skills are searched or suggested. */
export function SkillSuggestions(props: Omit<Props, 'label' | 'pickLabel'>) {
  return (
    <SuggestionList
      label={t('profile.skills.results')}
      pickLabel={(skill) => t('profile.skills.addNamed', { skill })}
      {...props}
    />
  );
}
