/**
 * The synthetic Yangtze River Delta the matching benchmarks run on: jobs whose requirements are sampled
 * from ESCO's real occupation→skill relations (3–6 essential + 0–2 optional skills; 85 % in twelve Delta
 * cities, 8 % remote, 7 % outside) and graduates sampled the same way. Seeded: every run builds the same region.
 */
import { getTaxonomy } from '@skillpass/taxonomy';
import type { DeltaCityCode, Place } from '@skillpass/domain';
import type { MatchJob, MatchProfile } from '../src/index.ts';
import { sampleOf, seededRandom } from './random.ts';

const CITIES: DeltaCityCode[] = [
  '310000',
  '320100',
  '320200',
  '320400',
  '320500',
  '320600',
  '330100',
  '330200',
  '330400',
  '330600',
  '340100',
  '340200',
];

const random = seededRandom(20261124);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const sample = <T>(items: readonly T[], n: number): T[] => sampleOf(random, items, n);

export const taxonomy = getTaxonomy();
export const occupations = taxonomy
  .allOccupationUris()
  .map((uri) => ({ uri, ...taxonomy.occupationSkills(uri) }))
  .filter((o) => o.essential.length >= 3);

const randomPlace = (): MatchJob['place'] => {
  const roll = random();
  if (roll < 0.08) return { kind: 'remote' };
  if (roll < 0.15) return { kind: 'elsewhere', country: 'DE', city: 'Berlin' };
  return { kind: 'delta', cityCode: pick(CITIES) };
};

export function syntheticJob(i: number): MatchJob {
  const occupation = pick(occupations);
  const essential = sample(occupation.essential, 3 + Math.floor(random() * 4));
  const optional = sample(occupation.optional, Math.floor(random() * 3));
  return {
    id: `job-${String(i).padStart(6, '0')}`,
    version: 1,
    requiredSkills: [
      ...essential.map((uri) => ({
        uri,
        importance: 'essential' as const,
        minProficiency: (1 + Math.floor(random() * 3)) as 1 | 2 | 3,
      })),
      ...optional.map((uri) => ({ uri, importance: 'optional' as const, minProficiency: 1 as const })),
    ],
    place: randomPlace(),
    ...(random() < 0.3 ? { minEqfLevel: 3 + Math.floor(random() * 4) } : {}),
    postedAt: new Date(Date.UTC(2026, 8, 1) + Math.floor(random() * 90) * 86_400_000).toISOString(),
  };
}

export function syntheticGraduate(i: number): MatchProfile {
  const occupation = pick(occupations);
  const skills = sample(occupation.essential, 2 + Math.floor(random() * 6)).concat(
    sample(occupation.optional, Math.floor(random() * 3)),
  );
  const places: Place[] = sample(CITIES, 1 + Math.floor(random() * 2)).map((cityCode) => ({ kind: 'delta', cityCode }));
  return {
    id: `grad-${String(i).padStart(5, '0')}`,
    version: 1,
    skills: [...new Set(skills)].map((uri) => ({
      uri,
      proficiency: (1 + Math.floor(random() * 4)) as 1 | 2 | 3 | 4,
      verified: random() < 0.2,
    })),
    preferredPlaces: places,
    openToRemote: random() < 0.5,
    ...(random() < 0.7 ? { eqfLevel: 3 + Math.floor(random() * 5) } : {}),
  };
}
