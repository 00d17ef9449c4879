import type { ApplicationStatus } from './entities.ts';
import type { Booth, FairBooking, FairRegistration } from './fairs.ts';
import { type DeltaProvinceCode, provinceOfCity } from './places.ts';

/**
 * The post-fair report: what happened at a fair, counted by province, sector and employer, and the flows
 * between provinces (registrant's home province → the province of the booth they applied to). A plain
 * function of the fair's records, so the numbers are checked without a database.
 */

/** An application made at the fair, as the report needs it: who, which job, every status it has had. */
export interface FairApplicationFact {
  graduateId: string;
  jobId: string;
  employerId: string;
  statuses: readonly ApplicationStatus[];
}

export interface OutcomeCounts {
  applications: number;
  /** Interview slots booked at booths. */
  interviews: number;
  offers: number;
  hires: number;
}
export interface ProvinceCounts extends OutcomeCounts {
  /** Registrants from the province (their home), and how many of them checked in. */
  registrations: number;
  checkIns: number;
}

export interface FairReport {
  fairId: string;
  totals: ProvinceCounts;
  byProvince: Array<{ province: DeltaProvinceCode } & ProvinceCounts>;
  bySector: Array<{ sector: string } & OutcomeCounts>;
  byEmployer: Array<{ employerId: string } & OutcomeCounts>;
  flows: Array<{ from: DeltaProvinceCode; to: DeltaProvinceCode; applications: number; offers: number; hires: number }>;
}

const NO_SECTOR = 'none';
const zeroOutcomes = (): OutcomeCounts => ({ applications: 0, interviews: 0, offers: 0, hires: 0 });
const zeroProvince = (): ProvinceCounts => ({ registrations: 0, checkIns: 0, ...zeroOutcomes() });
const madeOffer = (statuses: readonly ApplicationStatus[]) => statuses.includes('offer') || statuses.includes('hired');

function bump<K, C>(map: Map<K, C>, key: K, zero: () => C, add: (counts: C) => void): void {
  const counts = map.get(key) ?? zero();
  map.set(key, counts);
  add(counts);
}

/** A map's entries in key order. */
const byKey = <K extends string, C>(map: Map<K, C>): Array<[K, C]> =>
  [...map.entries()].sort(([a], [b]) => a.localeCompare(b));

export function buildFairReport(input: {
  fairId: string;
  registrations: readonly FairRegistration[];
  booths: readonly Booth[];
  bookings: readonly FairBooking[];
  applications: readonly FairApplicationFact[];
}): FairReport {
  const boothOf = new Map(input.booths.map((b) => [b.employerId, b]));
  const homeOf = new Map(input.registrations.map((r) => [r.graduateId, provinceOfCity(r.homeCityCode)]));
  const totals = zeroProvince();
  const byProvince = new Map<DeltaProvinceCode, ProvinceCounts>();
  const bySector = new Map<string, OutcomeCounts>();
  const byEmployer = new Map<string, OutcomeCounts>();
  const flows = new Map<string, { applications: number; offers: number; hires: number }>();

  for (const r of input.registrations) {
    const checkedIn = r.checkedInAt ? 1 : 0;
    totals.registrations++;
    totals.checkIns += checkedIn;
    bump(byProvince, provinceOfCity(r.homeCityCode), zeroProvince, (c) => {
      c.registrations++;
      c.checkIns += checkedIn;
    });
  }
  const outcome = (employerId: string, add: (counts: OutcomeCounts) => void) => {
    const booth = boothOf.get(employerId);
    add(totals);
    bump(byEmployer, employerId, zeroOutcomes, add);
    bump(bySector, booth?.sector ?? NO_SECTOR, zeroOutcomes, add);
    if (booth) bump(byProvince, provinceOfCity(booth.cityCode), zeroProvince, add);
  };
  for (const booking of input.bookings) outcome(booking.employerId, (c) => c.interviews++);
  for (const a of input.applications) {
    const offer = madeOffer(a.statuses) ? 1 : 0;
    const hire = a.statuses.includes('hired') ? 1 : 0;
    outcome(a.employerId, (c) => {
      c.applications++;
      c.offers += offer;
      c.hires += hire;
    });
    const from = homeOf.get(a.graduateId);
    const booth = boothOf.get(a.employerId);
    if (from && booth) {
      bump(
        flows,
        `${from}>${provinceOfCity(booth.cityCode)}`,
        () => ({ applications: 0, offers: 0, hires: 0 }),
        (f) => {
          f.applications++;
          f.offers += offer;
          f.hires += hire;
        },
      );
    }
  }
  return {
    fairId: input.fairId,
    totals,
    byProvince: byKey(byProvince).map(([province, counts]) => ({ province, ...counts })),
    bySector: byKey(bySector).map(([sector, counts]) => ({ sector, ...counts })),
    byEmployer: byKey(byEmployer).map(([employerId, counts]) => ({ employerId, ...counts })),
    flows: byKey(flows).map(([key, counts]) => {
      const [from, to] = key.split('>') as [DeltaProvinceCode, DeltaProvinceCode];
      return { from, to, ...counts };
    }),
  };
}

const CSV_COLUMNS = ['registrations', 'checkIns', 'applications', 'interviews', 'offers', 'hires'] as const;

/** Quotes a cell when it holds a comma, quote or line break; a leading formula sign is defused for spreadsheets. */
function csvCell(value: string | number | undefined): string {
  if (value === undefined) return '';
  let text = String(value);
  if (/^[=+\-@]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The report as one CSV table: a row per dimension and key, blank where a count does not apply; flows last. */
export function fairReportCsv(report: FairReport): string {
  const rows: Array<Array<string | number | undefined>> = [['dimension', 'key', ...CSV_COLUMNS]];
  const row = (dimension: string, key: string, counts: Partial<ProvinceCounts>) =>
    rows.push([dimension, key, ...CSV_COLUMNS.map((column) => counts[column])]);
  row('total', 'all', report.totals);
  for (const p of report.byProvince) row('province', p.province, p);
  for (const s of report.bySector) row('sector', s.sector, s);
  for (const e of report.byEmployer) row('employer', e.employerId, e);
  for (const f of report.flows) row('flow', `${f.from}>${f.to}`, f);
  return `${rows.map((cells) => cells.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
