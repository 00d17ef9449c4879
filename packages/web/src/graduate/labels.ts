import { signal } from '@preact/signals';
import { locale, t } from '../i18n.ts';

/**
 * Skill and occupation names seen in API answers this visit (search results, match labels), by language.
 * The profile itself stores ESCO URIs only.
 */
const known = signal<Record<string, Record<string, string>>>({ en: {}, zh: {} });

export function remember(lang: string, labels: Record<string, string>): void {
  known.value = { ...known.value, [lang]: { ...known.value[lang], ...labels } };
}

export function labelOf(uri: string): string {
  const lang = locale.value;
  return known.value[lang]?.[uri] ?? known.value.en?.[uri] ?? t('profile.skills.unnamed', { id: uri.slice(-8) });
}
