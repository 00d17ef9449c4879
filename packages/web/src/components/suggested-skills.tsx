import { t } from '../i18n.ts';
import type { SuggestedSkill } from '../suggested-skills.ts';

type Props = {
  items: readonly SuggestedSkill[];
  /** The accept and dismiss buttons' text, given the skill's name (each names its skill for a screen reader). */
  acceptLabel: (skill: string) => string;
  dismissLabel: (skill: string) => string;
  /** `uri` is the suggestion or one of its alternatives; `suggestion` is the row it answers. */
  onAccept: (uri: string, suggestion: SuggestedSkill) => void;
  onDismiss: (suggestion: SuggestedSkill) => void;
};

/**
 * Skills read from a pasted text, to confirm one by one: each with the words it was read from, accept and dismiss
 * buttons (always first and second in the row), and the other skills the same sentence may mean, one of which
 * replaces the suggestion.
 */
export function SuggestedSkillList({ items, acceptLabel, dismissLabel, onAccept, onDismiss }: Props) {
  return (
    <ul class="plain suggested-skills">
      {items.map((item) => (
        <li class="suggested-skill" key={item.uri}>
          <div class="row">
            <span class="grow">
              {item.label}{' '}
              {item.quote.toLowerCase() !== item.label.toLowerCase() && (
                <span class="hint">{t('suggested.quote', { quote: item.quote })}</span>
              )}
            </span>
            <button type="button" class="button small primary" onClick={() => onAccept(item.uri, item)}>
              {acceptLabel(item.label)}
            </button>
            <button type="button" class="button small" onClick={() => onDismiss(item)}>
              {dismissLabel(item.label)}
            </button>
          </div>
          {item.alternatives.length > 0 && (
            <p class="alternatives">
              {t('suggested.alternatives')}{' '}
              {item.alternatives.map((alternative) => (
                <button
                  type="button"
                  class="button small"
                  key={alternative.uri}
                  onClick={() => onAccept(alternative.uri, item)}
                >
                  {t('suggested.instead', { skill: alternative.label })}
                </button>
              ))}
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}
