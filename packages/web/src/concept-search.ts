import { useSignal } from '@preact/signals';
import { api } from './api/client.ts';
import { remember } from './labels.ts';

export type Concept = { uri: string; label: string };

/** Text in Chinese script is looked up among the Chinese names, anything else among the English ones. */
export const languageOf = (text: string): 'en' | 'zh' => (/[\u4e00-\u9fff]/.test(text) ? 'zh' : 'en');

/**
 * A search box's look-up of ESCO skills or occupations, as the profile, the job form and the template form use it:
 * an answer to an older query is dropped, and the names found are remembered for the page.
 */
export function useConceptSearch(path: '/v1/skills' | '/v1/occupations', limit: number) {
  const query = useSignal('');
  const results = useSignal<Concept[]>([]);
  async function search(text: string) {
    query.value = text;
    if (!text.trim()) {
      results.value = [];
      return;
    }
    const lang = languageOf(text);
    const { data } = await api.GET(path, { params: { query: { q: text.trim(), lang, limit } } });
    if (query.value !== text || !data) return;
    results.value = data.items.map((item) => ({ uri: item.uri, label: item.label }));
    remember(lang, Object.fromEntries(results.value.map((item) => [item.uri, item.label])));
  }
  return { query, results, search };
}
