import type { Measures } from './contributions.ts';

/** k-anonymity: a supply figure is published only when it counts at least this many graduates. */
export const K_ANONYMITY = 10;

/** Supply as published: the figures, or `null` with `suppressed` set when fewer than k graduates are behind them. */
export interface PublishedSupply {
  /** Graduates with the concept, self-declared or verified; null when fewer than k. */
  total: number | null;
  /** The split, published only when both parts reach k (else one part could be worked out from the other). */
  declared: number | null;
  verified: number | null;
  /** The total is hidden (fewer than k graduates). */
  suppressed: boolean;
  /** The declared / verified split is hidden (either part under k); always so when the total is. */
  splitSuppressed: boolean;
}

export function publishSupply(measures: Pick<Measures, 'declared' | 'verified'>): PublishedSupply {
  const total = measures.declared + measures.verified;
  if (total < K_ANONYMITY)
    return { total: null, declared: null, verified: null, suppressed: true, splitSuppressed: true };
  const splitShown = measures.declared >= K_ANONYMITY && measures.verified >= K_ANONYMITY;
  return {
    total,
    declared: splitShown ? measures.declared : null,
    verified: splitShown ? measures.verified : null,
    suppressed: false,
    splitSuppressed: !splitShown,
  };
}

/**
 * The shortage index: open jobs asking for a concept per graduate offering it, smoothed by one on both sides so
 * that no supply is not a division by zero and a single job does not look like an acute shortage:
 * `(demand + 1) / (supply + 1)`. Above 1, more jobs ask for it than graduates offer it. When supply is
 * suppressed (fewer than k graduates), it is computed with supply = k − 1, the most it can be: a lower bound
 * that depends on demand alone, so it says nothing about the hidden count. Rounded to 3 decimals.
 */
export function shortageIndex(demand: number, supply: PublishedSupply): number {
  const graduates = supply.total ?? K_ANONYMITY - 1;
  return Math.round(((demand + 1) / (graduates + 1)) * 1000) / 1000;
}

/** How an index moved since the week before: rising or falling by more than 5 %, else steady. */
export type TrendDirection = 'rising' | 'falling' | 'steady';
export function trendOf(now: number, before: number): TrendDirection {
  if (now > before * 1.05) return 'rising';
  if (now < before * 0.95) return 'falling';
  return 'steady';
}
