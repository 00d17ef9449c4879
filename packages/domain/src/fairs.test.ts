import { describe, expect, it } from 'vitest';
import { buildFairReport, fairReportCsv } from './fair-report.ts';
import { assertBoothFitsFair, assertValidFairInput, type Fair, provincesOfFair, provincesShown } from './fairs.ts';

const FAIR: Fair = {
  fairId: 'f1',
  organiserId: 'o1',
  createdAt: '2026-01-01T00:00:00Z',
  title: { en: 'Fair', zh: '招聘会' },
  startsOn: '2026-10-01',
  endsOn: '2026-10-02',
  format: 'on-site',
  venues: [
    { cityCode: '320500', name: 'Suzhou' },
    { cityCode: '330100', name: 'Hangzhou' },
  ],
  sessions: [{ sector: 'ict', title: { en: 'ICT', zh: '信息技术' } }],
};

const issuesOf = (run: () => void) => {
  try {
    run();
    return [];
  } catch (error) {
    return (error as { fieldIssues: Array<{ path: string }> }).fieldIssues.map((i) => i.path);
  }
};

describe('fair rules', () => {
  it('names each inconsistent field of a fair and of a booth', () => {
    expect(issuesOf(() => assertValidFairInput(FAIR))).toEqual([]);
    expect(
      issuesOf(() =>
        assertValidFairInput({ ...FAIR, endsOn: '2026-09-30', venues: [FAIR.venues[0]!, FAIR.venues[0]!] }),
      ),
    ).toEqual(['endsOn', 'venues.1.cityCode']);
    expect(issuesOf(() => assertValidFairInput({ ...FAIR, venues: [] }))).toEqual(['venues']);
    expect(
      issuesOf(() =>
        assertBoothFitsFair(FAIR, {
          jobIds: ['a', 'a'],
          cityCode: '310000',
          sector: 'retail',
          slots: [{ startsAt: '2026-10-03T09:00:00+08:00', capacity: 1 }],
        }),
      ),
    ).toEqual(['cityCode', 'sector', 'jobIds.1', 'slots.0.startsAt']);
    // An online fair takes a booth from any city.
    expect(
      issuesOf(() =>
        assertBoothFitsFair({ ...FAIR, format: 'online' }, { jobIds: ['a'], cityCode: '340100', slots: [] }),
      ),
    ).toEqual([]);
  });

  it('shows booths of other provinces only with the cross-region opt-in', () => {
    expect(provincesOfFair(FAIR)).toEqual(['320000', '330000']);
    expect(provincesShown({ homeCityCode: '320500', crossRegion: true }, [])).toBe('all');
    expect([...(provincesShown({ homeCityCode: '320500', crossRegion: false }, ['340000']) as Set<string>)]).toEqual([
      '320000',
      '340000',
    ]);
  });
});

describe('the fair report', () => {
  const registration = (graduateId: string, homeCityCode: '320500' | '340100', checkedInAt?: string) => ({
    fairId: 'f1',
    graduateId,
    homeCityCode,
    crossRegion: true,
    checkInCode: `CODE${graduateId}`,
    createdAt: '2026-10-01T00:00:00Z',
    ...(checkedInAt ? { checkedInAt } : {}),
  });
  const report = buildFairReport({
    fairId: 'f1',
    registrations: [registration('g1', '320500', '2026-10-01T09:00:00Z'), registration('g2', '340100')],
    booths: [
      { fairId: 'f1', employerId: 'e1', jobIds: ['j1'], cityCode: '330100', sector: 'ict', slots: [], createdAt: '' },
      { fairId: 'f1', employerId: 'e2', jobIds: ['j2'], cityCode: '320500', slots: [], createdAt: '' },
    ],
    bookings: [{ fairId: 'f1', employerId: 'e1', graduateId: 'g1', slotId: 's1', startsAt: '', createdAt: '' }],
    applications: [
      {
        graduateId: 'g1',
        jobId: 'j1',
        employerId: 'e1',
        statuses: ['submitted', 'viewed', 'interview', 'offer', 'hired'],
      },
      { graduateId: 'g2', jobId: 'j1', employerId: 'e1', statuses: ['submitted', 'rejected'] },
      { graduateId: 'g2', jobId: 'j2', employerId: 'e2', statuses: ['submitted'] },
    ],
  });

  it('counts registrations by home province and outcomes by the booth’s province, sector and employer', () => {
    expect(report.totals).toEqual({
      registrations: 2,
      checkIns: 1,
      applications: 3,
      interviews: 1,
      offers: 1,
      hires: 1,
    });
    expect(report.byProvince).toEqual([
      { province: '320000', registrations: 1, checkIns: 1, applications: 1, interviews: 0, offers: 0, hires: 0 },
      { province: '330000', registrations: 0, checkIns: 0, applications: 2, interviews: 1, offers: 1, hires: 1 },
      { province: '340000', registrations: 1, checkIns: 0, applications: 0, interviews: 0, offers: 0, hires: 0 },
    ]);
    expect(report.bySector.map((s) => [s.sector, s.applications])).toEqual([
      ['ict', 2],
      ['none', 1],
    ]);
    expect(report.byEmployer.map((e) => [e.employerId, e.applications, e.interviews])).toEqual([
      ['e1', 2, 1],
      ['e2', 1, 0],
    ]);
    expect(report.flows).toEqual([
      { from: '320000', to: '330000', applications: 1, offers: 1, hires: 1 },
      { from: '340000', to: '320000', applications: 1, offers: 0, hires: 0 },
      { from: '340000', to: '330000', applications: 1, offers: 0, hires: 0 },
    ]);
  });

  it('exports one CSV table, blank where a count does not apply, formula-looking cells defused', () => {
    const lines = fairReportCsv(report).trim().split('\r\n');
    expect(lines[0]).toBe('dimension,key,registrations,checkIns,applications,interviews,offers,hires');
    expect(lines).toContain('total,all,2,1,3,1,1,1');
    expect(lines).toContain('sector,ict,,,2,1,1,1');
    expect(lines).toContain('flow,340000>320000,,,1,,0,0');
    const odd = fairReportCsv({ ...report, byEmployer: [{ ...report.byEmployer[0]!, employerId: '=cmd,"x"' }] });
    expect(odd).toContain(`employer,"'=cmd,""x""",,,2,1,1,1`);
  });
});
