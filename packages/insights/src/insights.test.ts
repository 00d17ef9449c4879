import type { DeltaCityCode, JobPlace, Place } from '@skillpass/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Cell,
  cellId,
  counterDelta,
  countersOf,
  graduateContribution,
  type JobFacts,
  jobContribution,
  type ProfileFacts,
} from './contributions.ts';
import { K_ANONYMITY, publishSupply, shortageIndex } from './shortage.ts';
import { addWeeks, isoWeekOf, weeksBetween } from './weeks.ts';

describe('ISO weeks', () => {
  it('follow ISO 8601 at year boundaries', () => {
    expect(isoWeekOf('2026-01-01T12:00:00Z')).toBe('2026-W01'); // a Thursday
    expect(isoWeekOf('2024-12-30T00:00:00Z')).toBe('2025-W01'); // Monday of the week holding 2 January
    expect(isoWeekOf('2021-01-03T23:59:59Z')).toBe('2020-W53'); // a Sunday
    expect(isoWeekOf('2026-12-02T05:00:00Z')).toBe('2026-W49');
    expect(addWeeks('2020-W53', 1)).toBe('2021-W01');
    expect(addWeeks('2026-W02', -2)).toBe('2025-W52');
    expect(weeksBetween('2025-W51', '2026-W02')).toEqual(['2025-W51', '2025-W52', '2026-W01', '2026-W02']);
  });
});

const CITIES: DeltaCityCode[] = ['310000', '320500', '320100', '330100'];
const SKILLS = ['s1', 's2', 's3', 's4', 's5'].map((s) => `http://data.europa.eu/esco/skill/${s}`);
const cityArb = fc.constantFrom(...CITIES);
const placeArb: fc.Arbitrary<JobPlace> = fc.oneof(
  cityArb.map((cityCode): JobPlace => ({ kind: 'delta', cityCode })),
  fc.constant<JobPlace>({ kind: 'remote' }),
);
const dayArb = fc
  .integer({ min: 0, max: 60 })
  .map((d) => new Date(Date.UTC(2026, 9, 1) + d * 86_400_000).toISOString());
const skillsArb = fc.uniqueArray(fc.constantFrom(...SKILLS), { minLength: 1, maxLength: 4 });
const jobArb: fc.Arbitrary<JobFacts> = fc.record({
  status: fc.constantFrom('open' as const, 'closed' as const),
  postedAt: dayArb,
  place: placeArb,
  requiredSkills: skillsArb.map((uris) => uris.map((uri) => ({ uri }))),
  occupation: fc.constant({ escoUri: 'http://data.europa.eu/esco/occupation/o1' }),
});
const profileArb: fc.Arbitrary<ProfileFacts> = fc.record({
  createdAt: dayArb,
  preferredPlaces: fc
    .uniqueArray(cityArb, { maxLength: 3 })
    .map((c) => c.map((cityCode): Place => ({ kind: 'delta', cityCode }))),
  skills: skillsArb.map((uris) => uris.map((uri) => ({ uri }))),
  verifiedSkills: fc
    .uniqueArray(fc.constantFrom(...SKILLS), { maxLength: 2 })
    .map((uris) => uris.map((uri) => ({ uri }))),
  desiredOccupations: fc.constant([]),
});

/** A change to the table (a row written or removed), then delivered once or more, in order or late. */
const stepArb = fc.oneof(
  fc.record({
    kind: fc.constant('job' as const),
    id: fc.integer({ min: 0, max: 5 }),
    row: fc.option(jobArb, { nil: undefined }),
  }),
  fc.record({
    kind: fc.constant('graduate' as const),
    id: fc.integer({ min: 0, max: 5 }),
    row: fc.option(profileArb, { nil: undefined }),
  }),
);

const asMap = (cells: readonly Cell[]) => new Map(cells.map((c) => [cellId(c), c]));

describe('incremental counters', () => {
  it('equal a brute-force recount of the current rows after any sequence of changes, duplicates and erasures', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 40 }), fc.array(fc.nat(), { maxLength: 20 }), (steps, replays) => {
        const rows = new Map<string, JobFacts | ProfileFacts | undefined>();
        const counted = new Map<string, Cell[]>(); // each row's contribution record
        const counters = new Map<string, Cell>();
        // What the consumer does on an event: read the current row, apply the delta from what was counted.
        const consume = (key: string) => {
          const row = rows.get(key);
          const now = key.startsWith('job')
            ? jobContribution(row as JobFacts | undefined)
            : graduateContribution(row as ProfileFacts | undefined);
          for (const d of counterDelta(counted.get(key) ?? [], now)) {
            const c = counters.get(cellId(d)) ?? { ...d, jobs: 0, declared: 0, verified: 0 };
            counters.set(cellId(d), {
              ...c,
              jobs: c.jobs + d.jobs,
              declared: c.declared + d.declared,
              verified: c.verified + d.verified,
            });
          }
          counted.set(key, now);
        };
        const delivered: string[] = [];
        for (const step of steps) {
          const key = `${step.kind}#${step.id}`;
          rows.set(key, step.row);
          consume(key);
          delivered.push(key);
        }
        for (const r of replays) if (delivered.length > 0) consume(delivered[r % delivered.length]!);
        const nonZero = [...counters.values()].filter((c) => c.jobs || c.declared || c.verified);
        const recount = countersOf(
          [...rows].map(([key, row]) =>
            key.startsWith('job')
              ? jobContribution(row as JobFacts | undefined)
              : graduateContribution(row as ProfileFacts | undefined),
          ),
        );
        expect(asMap(nonZero)).toEqual(asMap(recount));
        for (const c of nonZero) expect(Math.min(c.jobs, c.declared, c.verified)).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 300 },
    );
  });

  it('count a closed job, a remote job and an erased graduate nowhere', () => {
    const job: JobFacts = {
      status: 'open',
      postedAt: '2026-12-01T00:00:00Z',
      place: { kind: 'delta', cityCode: '320500' },
      requiredSkills: [{ uri: SKILLS[0]! }],
    };
    expect(jobContribution(job).map(cellId)).toEqual([
      'city:320500|2026-W49|total',
      'city:320500|2026-W49|skill:http://data.europa.eu/esco/skill/s1',
      'province:320000|2026-W49|total',
      'province:320000|2026-W49|skill:http://data.europa.eu/esco/skill/s1',
    ]);
    expect(jobContribution({ ...job, status: 'closed' })).toEqual([]);
    expect(jobContribution({ ...job, place: { kind: 'remote' } })).toEqual([]);
    expect(graduateContribution(undefined)).toEqual([]);
  });

  it('count a skill a credential proves as verified, not also as declared', () => {
    const cells = graduateContribution({
      createdAt: '2026-12-01T00:00:00Z',
      preferredPlaces: [{ kind: 'delta', cityCode: '310000' }],
      skills: [{ uri: SKILLS[0]! }, { uri: SKILLS[1]! }],
      verifiedSkills: [{ uri: SKILLS[0]! }],
      desiredOccupations: [],
    });
    const s1 = cells.find((c) => c.place === 'city:310000' && c.concept === `skill:${SKILLS[0]}`);
    const s2 = cells.find((c) => c.place === 'city:310000' && c.concept === `skill:${SKILLS[1]}`);
    expect([s1?.declared, s1?.verified, s2?.declared, s2?.verified]).toEqual([0, 1, 1, 0]);
  });
});

describe('publication', () => {
  it('never publishes a supply figure, or a part from which one follows, under k graduates', () => {
    fc.assert(
      fc.property(fc.nat({ max: 40 }), fc.nat({ max: 40 }), (declared, verified) => {
        const p = publishSupply({ declared, verified });
        for (const figure of [p.total, p.declared, p.verified])
          if (figure !== null) expect(figure).toBeGreaterThanOrEqual(K_ANONYMITY);
        expect(p.suppressed).toBe(declared + verified < K_ANONYMITY);
        // A shown total with one shown part would give the other part away.
        expect((p.declared === null) === (p.verified === null)).toBe(true);
        if (p.suppressed)
          expect(shortageIndex(5, p)).toBe(shortageIndex(5, publishSupply({ declared: 0, verified: 0 })));
      }),
    );
  });

  it('smooths the index by one on both sides', () => {
    expect(shortageIndex(19, publishSupply({ declared: 9, verified: 0 + 0 + 0 + 30 }))).toBe(0.5);
    expect(shortageIndex(0, publishSupply({ declared: 0, verified: 0 }))).toBe(0.1);
  });
});
