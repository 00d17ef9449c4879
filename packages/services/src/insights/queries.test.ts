import {
  addWeeks,
  type Cell,
  type CellKey,
  cellId,
  figuresOf,
  isoWeekOf,
  rankShortages,
  standingAt,
  trendFrom,
  weeksBetween,
} from '@skillpass/insights';
import { describe, expect, it } from 'vitest';
import { type InsightQueryDeps, shortagesAt } from './queries.ts';

const NOW = new Date('2026-12-02T12:00:00Z');
const PLACE = 'city:320500' as const;

/** Random weekly counters over eleven weeks, and the running totals they add up to. */
function randomCounters(seed: number): Cell[] {
  let a = seed;
  const random = () => {
    a = (a * 1103515245 + 12345) % 2147483648;
    return a / 2147483648;
  };
  const weeks = weeksBetween(addWeeks(isoWeekOf(NOW), -10), isoWeekOf(NOW));
  const concepts = [
    'total',
    ...Array.from({ length: 30 }, (_, i) => `skill:s${i}`),
    ...Array.from({ length: 5 }, (_, i) => `occupation:o${i}`),
  ] as const;
  const sums = new Map<string, Cell>();
  for (const week of weeks)
    for (const concept of concepts) {
      if (random() < 0.4) continue;
      const cell = {
        place: PLACE,
        week,
        concept,
        jobs: Math.floor(random() * 4),
        declared: Math.floor(random() * 6),
        verified: Math.floor(random() * 3),
      } as Cell;
      sums.set(cellId(cell), cell);
      const all = sums.get(cellId({ ...cell, week: 'all' })) ?? {
        ...cell,
        week: 'all',
        jobs: 0,
        declared: 0,
        verified: 0,
      };
      all.jobs += cell.jobs;
      all.declared += cell.declared;
      all.verified += cell.verified;
      sums.set(cellId(all), all);
    }
  return [...sums.values()];
}

function depsOver(cells: readonly Cell[]): InsightQueryDeps {
  const byId = new Map(cells.map((c) => [cellId(c), c]));
  const insights = {
    countersAt: async (place: string, week: string, kind?: string) =>
      cells.filter((c) => c.place === place && c.week === week && (!kind || c.concept.startsWith(kind))),
    countersFor: async (keys: readonly CellKey[]) => keys.flatMap((k) => byId.get(cellId(k)) ?? []),
  };
  const issuers = { templateIdsTeaching: async () => [] };
  return {
    insights: insights as unknown as InsightQueryDeps['insights'],
    issuers: issuers as unknown as InsightQueryDeps['issuers'],
    jobs: {} as InsightQueryDeps['jobs'],
    clock: () => NOW,
  };
}

/** What the query answers, worked out from every weekly counter of the place (the reads it no longer makes). */
function reference(cells: readonly Cell[], week: string, kind: 'skill' | 'occupation', limit: number) {
  const of = (w: string) => cells.filter((c) => c.week === w);
  const after = (w: string) => weeksBetween(addWeeks(w, 1), isoWeekOf(NOW)).map(of);
  const atWeek = standingAt(of('all'), after(week));
  const atWeekBefore = standingAt(of('all'), after(addWeeks(week, -1)));
  const cellAt = (w: string, concept: string) => of(w).find((c) => c.concept === concept);
  const rows = [...atWeek.keys()]
    .filter((concept) => concept.startsWith(`${kind}:`))
    .map((concept) => {
      const figures = figuresOf(atWeek.get(concept), cellAt(week, concept));
      const earlier = [1, 2, 3, 4].map((n) => cellAt(addWeeks(week, -n), concept)?.jobs ?? 0);
      return {
        concept,
        figures,
        trend: trendFrom(figures, figuresOf(atWeekBefore.get(concept), undefined), earlier),
        teachingTemplates: [],
      };
    });
  return {
    place: PLACE,
    week,
    total: figuresOf(atWeek.get('total'), cellAt(week, 'total')),
    items: rankShortages(rows).slice(0, limit),
  };
}

describe('shortagesAt', () => {
  it('answers what every weekly counter of the place gives, reading the ranked rows’ weeks by key', async () => {
    for (let seed = 1; seed <= 20; seed++) {
      const cells = randomCounters(seed);
      const deps = depsOver(cells);
      for (const back of [0, 1, 3, 7])
        for (const kind of ['skill', 'occupation'] as const) {
          const week = addWeeks(isoWeekOf(NOW), -back);
          const limit = 1 + (seed % 12);
          expect(await shortagesAt(deps, { place: PLACE, week, kind, limit })).toEqual(
            reference(cells, week, kind, limit),
          );
        }
    }
  });
});
