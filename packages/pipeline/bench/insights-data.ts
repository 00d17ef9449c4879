/**
 * The insights bench's data: seeded jobs and graduate profiles drawn from skewed skill and occupation
 * vocabularies, and the counters they add up to, computed with the consumers' own rules and written as the
 * consumers leave them (one item per counter), so that 100,000 jobs and 1,000,000 graduate postings can be seeded
 * in minutes instead of delivered event by event.
 */
import type { DeltaCityCode, Place } from '@skillpass/domain';
import { type Cell, cellId, type JobFacts, type ProfileFacts } from '@skillpass/insights';
import { entities, itemOf } from '@skillpass/store';
import { seededRandom } from '@skillpass/matching/bench-random';

/** Sixteen Delta cities in the four provinces, the largest first: where most jobs and graduates are. */
export const CITIES: DeltaCityCode[] = [
  '310000',
  '320500',
  '330100',
  '320100',
  '330200',
  '340100',
  '320200',
  '320400',
  '330300',
  '320600',
  '330400',
  '330600',
  '320300',
  '340200',
  '321000',
  '330700',
];

const uri = (kind: 'skill' | 'occupation', i: number) =>
  `http://data.europa.eu/esco/${kind}/00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;

/** Draws from `n` items with Zipf weights 1/(rank+1): a few skills everywhere, a long tail asked for rarely. */
function zipf(n: number, random: () => number): () => number {
  const cumulative = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) cumulative[i] = sum += 1 / (i + 1);
  return () => {
    const target = random() * sum;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < target) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

export interface Vocabulary {
  skills: number;
  occupations: number;
}

/** A job's and a graduate's fields as the generator draws them (enough for both the API inputs and the facts). */
export interface GeneratedJob {
  cityCode: DeltaCityCode;
  skills: string[];
  occupation: string;
  postedAt: string;
}
export interface GeneratedGraduate {
  cityCodes: DeltaCityCode[];
  skills: string[];
  verified: string[];
  occupations: string[];
  createdAt: string;
}

export function generator(seed: number, vocabulary: Vocabulary, now: Date, weeks: number) {
  const random = seededRandom(seed);
  const skill = zipf(vocabulary.skills, random);
  const occupation = zipf(vocabulary.occupations, random);
  const city = zipf(CITIES.length, random);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const distinct = (n: number, draw: () => number) => [...new Set(Array.from({ length: n }, draw))];
  const daysAgo = (maxWeeks: number) =>
    new Date(now.getTime() - Math.floor(random() * maxWeeks * 7 * 86_400_000)).toISOString();
  return {
    job: (): GeneratedJob => ({
      cityCode: CITIES[city()]!,
      skills: distinct(int(3, 7), skill).map((i) => uri('skill', i)),
      occupation: uri('occupation', occupation()),
      // Open jobs are recent: posted within the last quarter of the window.
      postedAt: daysAgo(Math.max(1, Math.round(weeks / 4))),
    }),
    graduate: (): GeneratedGraduate => {
      const skills = distinct(int(2, 7), skill).map((i) => uri('skill', i));
      return {
        cityCodes: distinct(int(1, 2), city).map((i) => CITIES[i]!),
        skills,
        // About a third of graduates hold a credential proving one or two of their skills.
        verified: random() < 0.35 ? skills.slice(0, int(1, 2)) : [],
        occupations: random() < 0.5 ? [uri('occupation', occupation())] : [],
        createdAt: daysAgo(weeks),
      };
    },
    skillUri: (i: number) => uri('skill', i),
  };
}

export const jobFacts = (job: GeneratedJob): JobFacts => ({
  status: 'open',
  postedAt: job.postedAt,
  place: { kind: 'delta', cityCode: job.cityCode },
  requiredSkills: job.skills.map((u) => ({ uri: u })),
  occupation: { escoUri: job.occupation },
});

export const graduateFacts = (graduate: GeneratedGraduate): ProfileFacts => ({
  createdAt: graduate.createdAt,
  preferredPlaces: graduate.cityCodes.map((cityCode): Place => ({ kind: 'delta', cityCode })),
  skills: graduate.skills.map((u) => ({ uri: u })),
  verifiedSkills: graduate.verified.map((u) => ({ uri: u })),
  desiredOccupations: graduate.occupations.map((u) => ({ escoUri: u })),
});

/**
 * The counters many contributions add up to, summed as they stream in (what `countersOf` gives, without holding
 * every contribution or sorting): each cell to its week and to `all`, exactly as the consumers add them.
 */
export class CounterTally {
  readonly #sums = new Map<string, Cell>();

  add(contribution: readonly Cell[]): void {
    for (const cell of contribution) {
      for (const week of [cell.week, 'all'] as const) {
        const id = cellId({ place: cell.place, week, concept: cell.concept });
        const sum = this.#sums.get(id);
        if (!sum) this.#sums.set(id, { ...cell, week });
        else {
          sum.jobs += cell.jobs;
          sum.declared += cell.declared;
          sum.verified += cell.verified;
        }
      }
    }
  }

  get size(): number {
    return this.#sums.size;
  }

  cells(): IterableIterator<Cell> {
    return this.#sums.values();
  }
}

/** A counter as the consumers' `ADD` updates leave it: the key, the entity name, the cell's key fields and counts. */
export const counterItem = (cell: Cell) =>
  itemOf(entities.InsightCounter, entities.InsightCounter.key(cell.place, cell.week, cell.concept), {
    place: cell.place,
    week: cell.week,
    concept: cell.concept,
    jobs: cell.jobs,
    declared: cell.declared,
    verified: cell.verified,
  });
