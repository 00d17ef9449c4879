import { useSignal, useSignalEffect } from '@preact/signals';
import { api } from '../../api/client.ts';
import type { components } from '../../api/schema.d.ts';
import { currentAccessToken } from '../../auth.ts';
import { Skeleton } from '../../components/skeleton.tsx';
import { useTitle } from '../../components/title.ts';
import { download } from '../../download.ts';
import { provinceName } from '../../graduate/places.ts';
import { formatNumber, locale, pick, t } from '../../i18n.ts';
import { useChart } from '../../insights/use-chart.ts';
import type { MessageKey } from '../../messages/en/index.ts';
import type { PageProps } from '../../page-props.ts';
import { CheckInForm } from './check-in-form.tsx';
import type { Fair } from './fair-summary.tsx';
import type { DeltaProvinceCode } from '@skillpass/domain/places';

type Report = components['schemas']['FairReport'];
type Counts = Partial<Record<(typeof COLUMNS)[number], number>>;
const COLUMNS = ['registrations', 'checkIns', 'applications', 'interviews', 'offers', 'hires'] as const;
const OUTCOMES = ['applications', 'interviews', 'offers', 'hires'] as const;

/** The organiser's post-fair report: charts and tables by province, sector and employer, flows, and the exports. */
export default function FairReportPage({ params }: PageProps) {
  const fairId = params.id!;
  useTitle(() => t('report.title'));
  const report = useSignal<Report | null | 'failed'>(null);
  const sessions = useSignal<Fair['sessions']>([]);
  const load = () =>
    api.GET('/v1/fairs/{fairId}/report', { params: { path: { fairId } } }).then(
      ({ data }) => {
        report.value = typeof data === 'object' ? data : 'failed';
      },
      () => {
        report.value = 'failed';
      },
    );
  useSignalEffect(() => {
    void load();
    void api.GET('/v1/fairs/{fairId}', { params: { path: { fairId } } }).then(({ data }) => {
      sessions.value = data?.sessions ?? [];
    });
  });
  const sectorName = (sector: string) => {
    const session = sessions.value.find((s) => s.sector === sector);
    return session ? pick(session.title) : sector === 'none' ? t('report.sector.none') : sector;
  };
  const csv = async () => {
    const response = await fetch(`/v1/fairs/${encodeURIComponent(fairId)}/report`, {
      headers: { Accept: 'text/csv', Authorization: `Bearer ${await currentAccessToken()}` },
    });
    if (response.ok) download(`fair-${fairId}.csv`, 'text/csv', await response.text());
  };
  const value = report.value;
  const ready = value && value !== 'failed' ? value : null;
  // Charts over the tables below (which carry the same figures for screen readers): ECharts loads on this page only.
  const provinceChart = useChart(
    (charts, element) =>
      charts.drawGroupedBars(
        element,
        (ready?.byProvince ?? []).map((p) => provinceName(p.province as DeltaProvinceCode)),
        (['registrations', 'checkIns'] as const).map((c) => ({
          name: t(`report.col.${c}`),
          values: (ready?.byProvince ?? []).map((p) => p[c] ?? 0),
        })),
      ),
    [ready, locale.value],
  );
  const sectorChart = useChart(
    (charts, element) =>
      charts.drawGroupedBars(
        element,
        (ready?.bySector ?? []).map((s) => sectorName(s.sector)),
        OUTCOMES.map((c) => ({ name: t(`report.col.${c}`), values: (ready?.bySector ?? []).map((s) => s[c] ?? 0) })),
      ),
    [ready, locale.value, sessions.value],
  );
  return (
    <section>
      <h1>{t('report.title')}</h1>
      {value === null && <Skeleton list />}
      {value === 'failed' && <p role="alert">{t('common.error.network')}</p>}
      {value && value !== 'failed' && (
        <>
          <div class="row">
            <button type="button" class="button" onClick={() => void csv()}>
              {t('report.csv')}
            </button>
            <button
              type="button"
              class="button"
              onClick={() => download(`fair-${fairId}.json`, 'application/json', JSON.stringify(value, null, 2))}
            >
              {t('report.json')}
            </button>
          </div>
          <Table caption="report.totals" columns={COLUMNS} rows={[[t('report.totals'), value.totals]]} />
          <div
            ref={provinceChart}
            class="chart"
            aria-hidden="true"
            data-testid="chart-by-province"
            style={{ height: '240px' }}
          />
          <Table
            caption="report.byProvince"
            columns={COLUMNS}
            rows={value.byProvince.map((p) => [provinceName(p.province as DeltaProvinceCode), p])}
          />
          <div
            ref={sectorChart}
            class="chart"
            aria-hidden="true"
            data-testid="chart-by-sector"
            style={{ height: '240px' }}
          />
          <Table
            caption="report.bySector"
            columns={OUTCOMES}
            rows={value.bySector.map((s) => [sectorName(s.sector), s])}
          />
          <Table
            caption="report.byEmployer"
            columns={OUTCOMES}
            rows={value.byEmployer.map((e) => [e.employerName ?? e.employerId, e])}
          />
          {value.flows.length === 0 ? (
            <p>{t('report.flows.none')}</p>
          ) : (
            <Table
              caption="report.flows"
              columns={['applications', 'offers', 'hires']}
              rows={value.flows.map((f) => [
                `${provinceName(f.from as DeltaProvinceCode)} → ${provinceName(f.to as DeltaProvinceCode)}`,
                f,
              ])}
            />
          )}
          <CheckInForm fairId={fairId} onDone={() => void load()} />
        </>
      )}
    </section>
  );
}

function Table({
  caption,
  columns,
  rows,
}: {
  caption: MessageKey;
  columns: readonly (typeof COLUMNS)[number][];
  rows: Array<[string, Counts]>;
}) {
  return (
    // A wide table scrolls inside its box on a phone: the box takes focus so the keyboard can scroll it too.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable (WCAG 2.1.1)
    <section class="table-scroll" aria-label={t(caption)} tabIndex={0}>
      <table class="report">
        <caption>{t(caption)}</caption>
        <thead>
          <tr>
            <th scope="col">{t('report.col.key')}</th>
            {columns.map((c) => (
              <th scope="col" key={c}>
                {t(`report.col.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(([name, counts]) => (
            <tr key={name}>
              <th scope="row">{name}</th>
              {columns.map((c) => (
                <td key={c}>{formatNumber(counts[c] ?? 0)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
