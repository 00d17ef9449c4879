import { useSignal, useSignalEffect } from '@preact/signals';
import { api } from '../api/client.ts';
import { cityName } from '../graduate/places.ts';
import { locale, pick, t } from '../i18n.ts';

type Demand = { city: string; items: Array<{ uri: string; label: string; jobs: number }> };

/** The top skills open jobs in the graduate's first Delta city ask for (the public shortage figures). */
async function loadCityDemand(): Promise<Demand | undefined> {
  const profile = (await api.GET('/v1/profiles/me')).data;
  const first = profile?.preferredPlaces.find((p) => p.kind === 'delta');
  if (first?.kind !== 'delta') return undefined;
  const { data } = await api.GET('/v1/insights/shortages', { params: { query: { city: first.cityCode, limit: 5 } } });
  if (!data || typeof data === 'string') return undefined;
  return {
    city: first.cityCode,
    items: data.items.map((i) => ({ uri: i.concept.uri, label: pick(i.concept.label), jobs: i.figures.demand })),
  };
}

/** "What employers in my city ask for": a short list beside the graduate's skill gaps, linking to the full figures. */
export function CityDemand() {
  const demand = useSignal<Demand | null>(null);
  useSignalEffect(() => {
    void locale.value;
    loadCityDemand().then(
      (found) => (demand.value = found ?? null),
      () => (demand.value = null),
    );
  });
  const value = demand.value;
  if (!value || value.items.length === 0) return null;
  return (
    <div class="city-demand">
      <h3>{t('insights.cityAsks', { city: cityName(value.city) })}</h3>
      <ul>
        {value.items.map((item) => (
          <li key={item.uri}>{t('insights.cityAsks.item', { skill: item.label, jobs: item.jobs })}</li>
        ))}
      </ul>
      <a href={`/insights?place=city:${value.city}`} data-app>
        {t('insights.cityAsks.more')}
      </a>
    </div>
  );
}
