import { signal } from '@preact/signals';
import { api } from './api/client.ts';
import { locale, t } from './i18n.ts';

/**
 * Names of skills, occupations and credential templates by URI, in both languages: from API answers seen this
 * visit (search results, match labels) and from `GET /v1/labels` for URIs nothing named yet (a saved profile, a
 * credential's learning outcomes). Profiles and credentials store URIs; people read names.
 */
const known = signal<Record<string, Record<string, string>>>({ en: {}, zh: {} });
/** URIs asked for already (answered or not): each is looked up once per visit. */
const asked = new Set<string>();
const BATCH = 100;

export function remember(lang: string, labels: Record<string, string>): void {
  known.value = { ...known.value, [lang]: { ...known.value[lang], ...labels } };
}

/** The name in the chosen language, else English, else undefined (not known, or not looked up yet). */
export function knownLabel(uri: string): string | undefined {
  return known.value[locale.value]?.[uri] ?? known.value.en?.[uri];
}

/** The name in one language (for showing both), undefined when not known. */
export function knownLabelIn(lang: 'en' | 'zh', uri: string): string | undefined {
  return known.value[lang]?.[uri];
}

/** A skill's or occupation's name for a list: its short id until the name is known. */
export function labelOf(uri: string): string {
  return knownLabel(uri) ?? t('profile.skills.unnamed', { id: uri.slice(-8) });
}

/** Looks up, in both languages, the URIs not yet named in both; the signal re-renders the readers. */
export async function lookUpLabels(uris: readonly string[]): Promise<void> {
  const names = known.peek();
  const missing = [...new Set(uris)].filter(
    (uri) => !asked.has(uri) && (names.en?.[uri] === undefined || names.zh?.[uri] === undefined),
  );
  for (const uri of missing) asked.add(uri);
  for (let i = 0; i < missing.length; i += BATCH) {
    const batch = missing.slice(i, i + BATCH);
    const { data } = await api
      .GET('/v1/labels', { params: { query: { uri: batch } } })
      .catch(() => ({ data: undefined }));
    if (!data) {
      // Not answered (offline, server trouble): asked again next time a page needs them.
      for (const uri of batch) asked.delete(uri);
      continue;
    }
    const entries = Object.entries(data.labels);
    remember('en', Object.fromEntries(entries.map(([uri, label]) => [uri, label.en])));
    remember('zh', Object.fromEntries(entries.map(([uri, label]) => [uri, label.zh])));
  }
}
