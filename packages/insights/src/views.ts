import type { Cell, Concept, Measures } from './contributions.ts';
import { type PublishedSupply, publishSupply, shortageIndex, type TrendDirection, trendOf } from './shortage.ts';

/**
 * The counters of a place as they stood at the end of a week: the running total (`all`) less what later weeks
 * added. Later weeks are few (the query's window), so this reads a handful of partitions, never the history.
 */
export function standingAt(all: readonly Cell[], laterWeeks: readonly (readonly Cell[])[]): Map<Concept, Measures> {
  const standing = new Map<Concept, Measures>(
    all.map((c) => [c.concept, { jobs: c.jobs, declared: c.declared, verified: c.verified }]),
  );
  for (const cell of laterWeeks.flat()) {
    const m = standing.get(cell.concept);
    if (!m) continue;
    m.jobs -= cell.jobs;
    m.declared -= cell.declared;
    m.verified -= cell.verified;
  }
  return standing;
}

/** One concept in one place at one week, as published. */
export interface InsightFigures {
  /** Open jobs asking for it, posted up to the end of the week. */
  demand: number;
  /** Of those, posted during the week itself. */
  newDemand: number;
  supply: PublishedSupply;
  shortageIndex: number;
}

export interface ShortageTrend {
  /** The index a week earlier. */
  previousIndex: number;
  direction: TrendDirection;
  /** Jobs posted in each of the four weeks before, on average: compare with `newDemand`. */
  newDemandPreviousFourWeeks: number;
}

const NONE: Measures = { jobs: 0, declared: 0, verified: 0 };

export function figuresOf(standing: Measures | undefined, week: Measures | undefined): InsightFigures {
  const m = standing ?? NONE;
  const supply = publishSupply(m);
  return { demand: m.jobs, newDemand: week?.jobs ?? 0, supply, shortageIndex: shortageIndex(m.jobs, supply) };
}

export function trendFrom(
  now: InsightFigures,
  before: InsightFigures,
  previousWeeksNewDemand: readonly number[],
): ShortageTrend {
  const sum = previousWeeksNewDemand.reduce((a, b) => a + b, 0);
  return {
    previousIndex: before.shortageIndex,
    direction: trendOf(now.shortageIndex, before.shortageIndex),
    newDemandPreviousFourWeeks:
      previousWeeksNewDemand.length === 0 ? 0 : Math.round((sum / previousWeeksNewDemand.length) * 100) / 100,
  };
}

/** Concepts ranked by shortage: highest index first, then most demand; only concepts some open job asks for. */
export function rankShortages<T extends { concept: string; figures: InsightFigures }>(rows: readonly T[]): T[] {
  return rows
    .filter((r) => r.figures.demand > 0)
    .sort(
      (a, b) =>
        b.figures.shortageIndex - a.figures.shortageIndex ||
        b.figures.demand - a.figures.demand ||
        a.concept.localeCompare(b.concept),
    );
}
