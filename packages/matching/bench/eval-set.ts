/**
 * The held-out sets for npm run eval:matching, built from ESCO occupations. Occupations are split
 * into dev (tuning) and test (never tuned on) by a hash of their URI, so the split does not depend
 * on sampling order and a new condition cannot leak test occupations into dev.
 */
import { getTaxonomy } from '@skillpass/taxonomy';
import { sampleOf, seededRandom } from './random.ts';
import type { MatchJob, MatchProfile } from '../src/index.ts';

export type Split = 'dev' | 'test';
export interface Case {
  profile: MatchProfile;
  target: string;
}
export interface Condition {
  name: string;
  jobs: MatchJob[];
  cases: Case[];
}
interface Occupation {
  uri: string;
  essential: string[];
  optional: string[];
}

const GRADUATES_PER_OCCUPATION = 2;
/** Essential-skill Jaccard from which two occupations count as near duplicates. */
const NEAR_DUPLICATE = 0.5;
const place = { kind: 'delta' as const, cityCode: '320500' as const };
const taxonomy = getTaxonomy();

/** FNV-1a: a stable hash, so an occupation stays in its split from run to run. */
const splitOf = (uri: string): Split => {
  let h = 0x811c9dc5;
  for (let i = 0; i < uri.length; i++) h = Math.imul(h ^ uri.charCodeAt(i), 0x01000193);
  return (h >>> 0) % 2 === 0 ? 'dev' : 'test';
};

const jaccard = (a: readonly string[], b: readonly string[]) => {
  const set = new Set(a);
  const inter = b.filter((x) => set.has(x)).length;
  return inter / (a.length + b.length - inter);
};

/** Disjoint pairs of occupations whose essential skills overlap heavily, in a seeded order. */
function nearDuplicatePairs(occupations: readonly Occupation[], random: () => number): Array<[Occupation, Occupation]> {
  const bySkill = new Map<string, number[]>();
  for (const [i, o] of occupations.entries())
    for (const s of o.essential) bySkill.set(s, [...(bySkill.get(s) ?? []), i]);
  const used = new Set<number>();
  const pairs: Array<[Occupation, Occupation]> = [];
  for (const i of sampleOf(random, [...occupations.keys()], occupations.length)) {
    if (used.has(i)) continue;
    const others = [...new Set(occupations[i]!.essential.flatMap((s) => bySkill.get(s)!))].filter(
      (j) => j !== i && !used.has(j),
    );
    const twin = others.find((j) => jaccard(occupations[i]!.essential, occupations[j]!.essential) >= NEAR_DUPLICATE);
    if (twin === undefined) continue;
    used.add(i).add(twin);
    pairs.push([occupations[i]!, occupations[twin]!]);
  }
  return pairs;
}

/** The conditions of one split: exact skills, near skills (half named by an ESCO neighbour), near-duplicate occupations. */
export function buildConditions(split: Split, size: number): Condition[] {
  const random = seededRandom(split === 'dev' ? 7 : 11);
  const sample = <T>(items: readonly T[], n: number): T[] => sampleOf(random, items, n);
  const all: Occupation[] = taxonomy
    .allOccupationUris()
    .filter((uri) => splitOf(uri) === split)
    .map((uri) => ({ uri, ...taxonomy.occupationSkills(uri) }))
    .map((o) => ({ uri: o.uri, essential: [...o.essential], optional: [...o.optional] }))
    .filter((o) => o.essential.length >= 6);
  const everySkill = [...new Set(all.flatMap((o) => o.essential))];
  const jobOf = (o: Occupation): MatchJob => ({
    id: `job-${o.uri.slice(o.uri.lastIndexOf('/') + 1)}`,
    version: 1,
    requiredSkills: [
      ...o.essential.map((uri) => ({ uri, importance: 'essential' as const, minProficiency: 2 as const })),
      ...sample(o.optional, 3).map((uri) => ({ uri, importance: 'optional' as const, minProficiency: 1 as const })),
    ],
    place,
    postedAt: '2026-11-01T00:00:00.000Z',
  });
  const graduate = (id: string, uris: readonly string[]): MatchProfile => ({
    id,
    version: 1,
    skills: [...new Set(uris)].map((uri) => ({ uri, proficiency: 3 as const, verified: false })),
    preferredPlaces: [place],
    openToRemote: false,
  });
  const nearSkill = (uri: string) => {
    const neighbours = taxonomy.relatedSkills(uri);
    return neighbours.length === 0 ? uri : neighbours[Math.floor(random() * neighbours.length)]!.uri;
  };
  // A graduate knows only 30–60 % of the occupation's essential skills, plus two unrelated ones.
  const heldSkills = (o: Occupation) => [
    ...sample(o.essential, Math.max(2, Math.round(o.essential.length * (0.3 + random() * 0.3)))),
    ...sample(everySkill, 2),
  ];

  const occupations = sample(all, size);
  const jobs = occupations.map(jobOf);
  const exact: Case[] = [];
  const near: Case[] = [];
  for (const [i, o] of occupations.entries()) {
    for (let g = 0; g < GRADUATES_PER_OCCUPATION; g++) {
      const held = heldSkills(o);
      // The noise (last two) stays exact; half of the rest is named by a neighbour.
      const named = held.map((uri, k) => (k < held.length - 2 && random() < 0.5 ? nearSkill(uri) : uri));
      exact.push({ target: jobs[i]!.id, profile: graduate(`g-${i}-${g}`, held) });
      near.push({ target: jobs[i]!.id, profile: graduate(`g-${i}-${g}-near`, named) });
    }
  }
  // Both occupations of each pair post a job, among the ordinary jobs; graduates of both are ranked.
  const pairs = nearDuplicatePairs(all, random).slice(0, Math.round(size / 4));
  const twins = pairs.flat();
  const twinJobs = twins.map(jobOf);
  const twinIds = new Set(twinJobs.map((j) => j.id));
  const ordinary = jobs.filter((j) => !twinIds.has(j.id));
  const duplicates: Case[] = twins.flatMap((o, i) =>
    Array.from({ length: GRADUATES_PER_OCCUPATION }, (_, g) => ({
      target: twinJobs[i]!.id,
      profile: graduate(`d-${i}-${g}`, heldSkills(o)),
    })),
  );
  return [
    { name: 'exact skills', jobs, cases: exact },
    { name: 'near skills (half named by an ESCO neighbour)', jobs, cases: near },
    {
      name: `near-duplicate occupations (${pairs.length} pairs, essential-skill Jaccard ≥ ${NEAR_DUPLICATE})`,
      jobs: [...ordinary, ...twinJobs],
      cases: duplicates,
    },
  ];
}
