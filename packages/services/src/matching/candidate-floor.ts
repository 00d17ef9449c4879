import type { CandidateFloor, StoredCandidate } from '@skillpass/store';

type Ranked = Pick<StoredCandidate, 'graduateId' | 'score'>;

/** A job's candidates in list order: higher score first, then graduate id (as the list is computed). */
export const byCandidateRank = (a: Ranked, b: Ranked) =>
  b.score - a.score || (a.graduateId < b.graduateId ? -1 : a.graduateId > b.graduateId ? 1 : 0);

/** Where a list ranked by `byCandidateRank` ends. `stale`: a graduate above its end may be missing. */
export function floorOf(jobId: string, ranked: readonly Ranked[], stale = false): CandidateFloor {
  const last = ranked.at(-1);
  return {
    jobId,
    size: ranked.length,
    ...(last ? { last: { graduateId: last.graduateId, score: last.score } } : {}),
    ...(stale ? { stale: true } : {}),
  };
}

/**
 * Whether a graduate's entry would enter a list of `length` ending at `floor`: yes while the list is short,
 * when it ranks ahead of the last entry, or when the floor is unknown or stale (the merge then reads the list).
 */
export function beatsFloor(entry: Ranked, floor: CandidateFloor | undefined, length: number): boolean {
  if (!floor || floor.stale || floor.size < length || !floor.last) return true;
  return byCandidateRank(entry, floor.last) < 0;
}
