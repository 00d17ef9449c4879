import { useSignal, useSignalEffect } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { api } from '../api/client.ts';
import { useTitle } from '../components/title.ts';
import { useChart } from '../insights/use-chart.ts';
import { formatNumber, locale, pick, t } from '../i18n.ts';
import { navigate, route } from '../router.ts';

type Shortages = NonNullable<Awaited<ReturnType<typeof loadShortages>>>;
type Places = NonNullable<Awaited<ReturnType<typeof loadPlaces>>>;
type Series = NonNullable<Awaited<ReturnType<typeof loadSeries>>>;
type Supply = Shortages['total']['supply'];

const DEFAULT_PLACE = 'city:310000';
const placeQuery = (place: string) => {
  const [kind, code] = place.split(':');
  return kind === 'city' ? { city: code as '310000' } : { province: code as '310000' };
};

/** The routes answer JSON or CSV; the page asks for JSON, so a text body is not the figures. */
const json = <T,>(data: T | string | undefined): T | undefined => (typeof data === 'string' ? undefined : data);

const csvQuery = (place: string) => {
  const [kind = 'city', code = ''] = place.split(':');
  return new URLSearchParams({ [kind]: code, format: 'csv' });
};

async function loadPlaces() {
  return json((await api.GET('/v1/insights/places')).data);
}
async function loadShortages(place: string) {
  return json(
    (await api.GET('/v1/insights/shortages', { params: { query: { ...placeQuery(place), limit: 10 } } })).data,
  );
}
async function loadSeries(place: string, skillUri: string) {
  const skillId = skillUri.split('/').pop() ?? '';
  const { data } = await api.GET('/v1/insights/skills/{skillId}', {
    params: { path: { skillId }, query: { ...placeQuery(place), weeks: 12 } },
  });
  return json(data);
}

/** A supply figure as published: the number, or "fewer than 10" when it is suppressed. */
const supplyText = (supply: Supply, k: number) =>
  supply.total === null ? t('insights.fewGraduates', { k }) : formatNumber(supply.total);

export default function Insights() {
  useTitle(() => t('insights.title'));
  const place = useSignal(route.value.query.get('place') ?? DEFAULT_PLACE);
  const places = useSignal<Places | null>(null);
  const shortages = useSignal<Shortages | null>(null);
  const skill = useSignal<string | null>(null);
  const series = useSignal<Series | null>(null);
  const failed = useSignal(false);

  useEffect(() => {
    loadPlaces().then(
      (data) => (places.value = data ?? null),
      () => (failed.value = true),
    );
  }, []);
  useSignalEffect(() => {
    const at = place.value;
    void locale.value; // labels come back in the chosen language
    shortages.value = null;
    loadShortages(at).then(
      (data) => {
        shortages.value = data ?? null;
        skill.value = data?.items[0]?.concept.uri ?? null;
      },
      () => (failed.value = true),
    );
  });
  useSignalEffect(() => {
    const uri = skill.value;
    const at = place.value;
    series.value = null;
    if (uri)
      loadSeries(at, uri).then(
        (data) => (series.value = data ?? null),
        () => (failed.value = true),
      );
  });

  const view = shortages.value;
  const bars = useChart(
    (charts, element) =>
      charts.drawRankedBars(
        element,
        (view?.items ?? []).map((i) => pick(i.concept.label)),
        (view?.items ?? []).map((i) => i.figures.shortageIndex),
      ),
    [view, locale.value],
  );
  const points = series.value?.points ?? [];
  const lines = useChart(
    (charts, element) =>
      charts.drawWeeklyLines(
        element,
        points.map((p) => p.week),
        [
          { name: t('insights.series.demand'), values: points.map((p) => p.figures.demand) },
          { name: t('insights.series.supply'), values: points.map((p) => p.figures.supply.total) },
        ],
      ),
    [series.value, locale.value],
  );

  const choosePlace = (next: string) => {
    place.value = next;
    navigate(`/insights?place=${encodeURIComponent(next)}`, { replace: true });
  };
  const allPlaces = places.value?.items ?? [];
  const k = view?.kAnonymity ?? 10;
  return (
    <section>
      <h1>{t('insights.title')}</h1>
      <p class="lead">{t('insights.lead')}</p>
      {failed.value && (
        <p class="notice warning" role="alert">
          {t('insights.loadError')}
        </p>
      )}
      <label for="insights-place">{t('insights.place')}</label>
      <select id="insights-place" value={place.value} onChange={(e) => choosePlace(e.currentTarget.value)}>
        {(['province', 'city'] as const).map((kind) => (
          <optgroup key={kind} label={t(kind === 'province' ? 'insights.provinces' : 'insights.cities')}>
            {allPlaces
              .filter((p) => p.place.id.startsWith(`${kind}:`))
              .map((p) => (
                <option key={p.place.id} value={p.place.id}>
                  {pick(p.place.name)}
                </option>
              ))}
          </optgroup>
        ))}
      </select>
      {view && (
        <>
          <p class="muted">
            {t('insights.week', { week: view.week })} ·{' '}
            {t('insights.totals', { jobs: view.total.demand, graduates: supplyText(view.total.supply, k) })}
          </p>
          <h2>{t('insights.shortages')}</h2>
          {view.items.length === 0 ? (
            <p>{t('insights.none')}</p>
          ) : (
            <>
              <p class="hint">{t('insights.chartNote')}</p>
              <div
                ref={bars}
                class="chart"
                aria-hidden="true"
                style={{ height: `${Math.max(160, view.items.length * 36)}px` }}
              />
              {/* Seven columns do not fit 360 px: the table scrolls inside its own region, reachable by keyboard. */}
              {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolled region must be reachable by keyboard (WCAG 2.1.1). */}
              <section class="table-scroll" aria-label={t('insights.shortages')} tabIndex={0}>
                <table class="data-table wide">
                  <thead>
                    <tr>
                      <th scope="col">{t('insights.rank')}</th>
                      <th scope="col">{t('insights.skill')}</th>
                      <th scope="col">{t('insights.demand')}</th>
                      <th scope="col">{t('insights.supply')}</th>
                      <th scope="col">{t('insights.index')}</th>
                      <th scope="col">{t('insights.trend')}</th>
                      <th scope="col">{t('insights.taught')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {view.items.map((item, n) => (
                      <tr key={item.concept.uri}>
                        <td>{n + 1}</td>
                        <th scope="row">{pick(item.concept.label)}</th>
                        <td>{formatNumber(item.figures.demand)}</td>
                        <td>{supplyText(item.figures.supply, k)}</td>
                        <td>{formatNumber(item.figures.shortageIndex)}</td>
                        <td>{t(`insights.trend.${item.trend.direction}`)}</td>
                        <td>
                          {item.teachingTemplates.length === 0
                            ? t('insights.taughtNowhere')
                            : item.teachingTemplates
                                .map((tpl) => `${pick(tpl.title)} (${pick(tpl.issuerName)}, ${tpl.region})`)
                                .join('; ')}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </section>
              <p>
                <a href={`/v1/insights/shortages?${csvQuery(place.value)}`} download>
                  {t('insights.download')}
                </a>
              </p>
              <h2>{t('insights.overTime')}</h2>
              <label for="insights-skill">{t('insights.chooseSkill')}</label>
              <select
                id="insights-skill"
                value={skill.value ?? ''}
                onChange={(e) => (skill.value = e.currentTarget.value)}
              >
                {view.items.map((item) => (
                  <option key={item.concept.uri} value={item.concept.uri}>
                    {pick(item.concept.label)}
                  </option>
                ))}
              </select>
              {points.length > 0 && (
                <>
                  <div ref={lines} class="chart" aria-hidden="true" style={{ height: '240px' }} />
                  <div class="table-scroll">
                    <table class="data-table">
                      <thead>
                        <tr>
                          <th scope="col">{t('insights.weekCol')}</th>
                          <th scope="col">{t('insights.demand')}</th>
                          <th scope="col">{t('insights.supply')}</th>
                          <th scope="col">{t('insights.index')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {points.map((p) => (
                          <tr key={p.week}>
                            <th scope="row">{p.week}</th>
                            <td>{formatNumber(p.figures.demand)}</td>
                            <td>{supplyText(p.figures.supply, k)}</td>
                            <td>{formatNumber(p.figures.shortageIndex)}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                </>
              )}
            </>
          )}
        </>
      )}
      <p class="hint">{t('insights.method')}</p>
    </section>
  );
}
