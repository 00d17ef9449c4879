import { useSignal } from '@preact/signals';
import { api } from '../api/client.ts';
import { languageOf } from '../concept-search.ts';
import { t } from '../i18n.ts';
import { remember } from '../labels.ts';
import { type Extraction, type SuggestedSkill, suggestedSkills } from '../suggested-skills.ts';

export type AsideKind = Extraction['asides'][number]['kind'];

/**
 * Skills read from a pasted text (POST /v1/skills/extract), still to accept or dismiss: `suggestions` is null until
 * asked; `recognised` how many the text gave (none recognised is not all of them settled); `asides` the parts of an
 * ad not read for skills.
 */
export function useSuggestedSkills() {
  const suggestions = useSignal<SuggestedSkill[] | null>(null);
  const recognised = useSignal(0);
  const asides = useSignal<AsideKind[]>([]);
  async function suggest(text: string, chosen: ReadonlySet<string>) {
    if (!text.trim()) {
      recognised.value = 0;
      suggestions.value = [];
      return;
    }
    const lang = languageOf(text);
    const { data } = await api.POST('/v1/skills/extract', { body: { text, lang } });
    if (!data) return;
    const found = suggestedSkills(data, chosen);
    // The names of the alternatives too: one may be the skill taken.
    remember(
      lang,
      Object.fromEntries(found.flatMap((item) => [item, ...item.alternatives]).map((c) => [c.uri, c.label])),
    );
    recognised.value = data.items.length;
    asides.value = [...new Set(data.asides.map((aside) => aside.kind))];
    suggestions.value = found;
  }
  const dismiss = (suggestion: SuggestedSkill) => {
    suggestions.value = (suggestions.value ?? []).filter((item) => item !== suggestion);
  };
  /** What to say above the list: nothing recognised, every suggestion settled, or how many are left. */
  const status = (): 'none' | 'done' | 'found' =>
    recognised.value === 0 ? 'none' : (suggestions.value ?? []).length === 0 ? 'done' : 'found';
  return { suggestions, recognised, asides, suggest, dismiss, status };
}

type Props = {
  state: ReturnType<typeof useSuggestedSkills>;
  /** The accept and dismiss buttons' text, given the skill's name (each names its skill for a screen reader). */
  acceptLabel: (skill: string) => string;
  dismissLabel: (skill: string) => string;
  /** Takes the skill: the suggestion itself or one of its alternatives (the row is then settled). */
  onAdd: (uri: string) => void;
};

/**
 * Skills read from a pasted text, to confirm one by one: each with the words it was read from, accept and dismiss
 * buttons (always first and second in the row), and the other skills the same words may mean, one of which
 * replaces the suggestion.
 */
export function SuggestedSkillList({ state, acceptLabel, dismissLabel, onAdd }: Props) {
  const take = (uri: string, suggestion: SuggestedSkill) => {
    onAdd(uri);
    state.dismiss(suggestion);
  };
  return (
    <ul class="plain suggested-skills">
      {(state.suggestions.value ?? []).map((item) => (
        <li class="suggested-skill" key={item.uri}>
          <div class="row">
            <span class="grow">
              {item.label}{' '}
              {item.quote.toLowerCase() !== item.label.toLowerCase() && (
                <span class="hint">{t('suggested.quote', { quote: item.quote })}</span>
              )}
            </span>
            <button type="button" class="button small primary" onClick={() => take(item.uri, item)}>
              {acceptLabel(item.label)}
            </button>
            <button type="button" class="button small" onClick={() => state.dismiss(item)}>
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
                  onClick={() => take(alternative.uri, item)}
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
