import type { JobPlace, Place } from '@skillpass/domain';
import { type InsightPlace, insightPlacesOf } from './places.ts';
import { type IsoWeek, isoWeekOf } from './weeks.ts';

/**
 * What one cell counts: open jobs asking for the concept (`jobs`); graduates who list it on their profile without
 * a credential proving it (`declared`); graduates with it verified by a credential (`verified`). A graduate is in
 * at most one of `declared` and `verified` for a concept, so supply = declared + verified.
 */
export interface Measures {
  jobs: number;
  declared: number;
  verified: number;
}

/**
 * What a cell is about: `skill:<ESCO uri>`, `occupation:<ESCO uri>`, or `total` (all open jobs; all graduates,
 * `verified` being those with at least one verified skill).
 */
export type Concept = `skill:${string}` | `occupation:${string}` | 'total';

/** `all` is the running total over every week; a week's cell holds what is attributed to that week. */
export type CounterWeek = IsoWeek | 'all';

export interface CellKey {
  place: InsightPlace;
  week: CounterWeek;
  concept: Concept;
}
export type Cell = CellKey & Measures;

/** The job fields a contribution is computed from (a `JobPosting` has them). */
export interface JobFacts {
  status: 'open' | 'closed';
  postedAt: string;
  place: JobPlace;
  requiredSkills: ReadonlyArray<{ uri: string }>;
  occupation?: { escoUri?: string };
}

/** The profile fields a contribution is computed from (a `GraduateProfile` has them); never who the person is. */
export interface ProfileFacts {
  createdAt: string;
  preferredPlaces: readonly Place[];
  skills: ReadonlyArray<{ uri: string }>;
  verifiedSkills: ReadonlyArray<{ uri: string }>;
  desiredOccupations: ReadonlyArray<{ escoUri?: string }>;
}

const ZERO: Measures = { jobs: 0, declared: 0, verified: 0 };

/**
 * What an open job adds: one job to each skill it requires, its occupation and the total, in its city and
 * province, in the week it was posted. A closed job (or one that no longer exists) adds nothing.
 */
export function jobContribution(job: JobFacts | undefined): Cell[] {
  if (job?.status !== 'open') return [];
  const week = isoWeekOf(job.postedAt);
  const concepts: Concept[] = [
    'total',
    ...new Set(job.requiredSkills.map((s) => `skill:${s.uri}` as const)),
    ...(job.occupation?.escoUri ? [`occupation:${job.occupation.escoUri}` as const] : []),
  ];
  return insightPlacesOf(job.place).flatMap((place) =>
    concepts.map((concept) => ({ place, week, concept, ...ZERO, jobs: 1 })),
  );
}

/**
 * What a graduate adds: in each Delta place of interest (city and province), in the week the profile was made,
 * each skill as verified (a credential proves it) or else declared, each desired occupation as declared, and
 * one graduate to the total. An erased graduate (no profile) adds nothing.
 */
export function graduateContribution(profile: ProfileFacts | undefined): Cell[] {
  if (!profile) return [];
  const week = isoWeekOf(profile.createdAt);
  const verified = new Set(profile.verifiedSkills.map((s) => s.uri));
  const declared = new Set(profile.skills.map((s) => s.uri).filter((uri) => !verified.has(uri)));
  const occupations = new Set(profile.desiredOccupations.flatMap((o) => (o.escoUri ? [o.escoUri] : [])));
  const measures = new Map<Concept, Measures>([
    ['total', { ...ZERO, [verified.size > 0 ? 'verified' : 'declared']: 1 }],
  ]);
  for (const uri of verified) measures.set(`skill:${uri}`, { ...ZERO, verified: 1 });
  for (const uri of declared) measures.set(`skill:${uri}`, { ...ZERO, declared: 1 });
  for (const uri of occupations) measures.set(`occupation:${uri}`, { ...ZERO, declared: 1 });
  const places = new Set(profile.preferredPlaces.flatMap(insightPlacesOf));
  return [...places].flatMap((place) => [...measures].map(([concept, m]) => ({ place, week, concept, ...m })));
}

export const cellId = (key: CellKey): string => `${key.place}|${key.week}|${key.concept}`;

/**
 * The counter changes that turn `before` into `after` (the contributions one job or graduate had counted and
 * should now count): each cell's difference, added both to its week and to the place's `all` total. Cells that
 * do not change are left out, so re-applying an unchanged row writes nothing.
 */
export function counterDelta(before: readonly Cell[], after: readonly Cell[]): Cell[] {
  const sums = new Map<string, Cell>();
  const add = (cell: Cell, sign: 1 | -1) => {
    for (const week of [cell.week, 'all'] as const) {
      const key = { place: cell.place, week, concept: cell.concept };
      const id = cellId(key);
      const sum = sums.get(id) ?? { ...key, ...ZERO };
      sum.jobs += sign * cell.jobs;
      sum.declared += sign * cell.declared;
      sum.verified += sign * cell.verified;
      sums.set(id, sum);
    }
  };
  for (const cell of before) add(cell, -1);
  for (const cell of after) add(cell, 1);
  return [...sums.values()]
    .filter((c) => c.jobs !== 0 || c.declared !== 0 || c.verified !== 0)
    .sort((a, b) => cellId(a).localeCompare(cellId(b)));
}

/** The counters a set of contributions adds up to, `all` totals included (what a rebuild writes). */
export function countersOf(contributions: Iterable<readonly Cell[]>): Cell[] {
  return counterDelta([], [...contributions].flat());
}
