/**
 * npm run eval:matching — matching quality on a held-out set built from ESCO occupations.
 * For each sampled occupation there is one job (its essential skills, some optional ones); a
 * graduate holds a random part of that occupation's essential skills plus a little noise. Among all
 * jobs, how high does the graduate's own occupation's job rank? A second condition names half of
 * the graduate's skills by an ESCO neighbour. Compared, in the same run, with a plain
 * Jaccard-overlap ranking as the baseline.
 */
import { getTaxonomy } from '@skillpass/taxonomy';
import { sampleOf, seededRandom } from './random.ts';
import { type MatchJob, type MatchProfile, scoreJobForProfile } from '../src/index.ts';

const OCCUPATIONS = Number(process.env.EVAL_OCCUPATIONS ?? 400);
const GRADUATES_PER_OCCUPATION = 2;

const random = seededRandom(7);
const sample = <T>(items: readonly T[], n: number): T[] => sampleOf(random, items, n);

const taxonomy = getTaxonomy();
const all = taxonomy
  .allOccupationUris()
  .map((uri) => ({ uri, ...taxonomy.occupationSkills(uri) }))
  .filter((o) => o.essential.length >= 6);
const occupations = sample(all, OCCUPATIONS);
const everySkill = [...new Set(all.flatMap((o) => o.essential))];
const place = { kind: 'delta' as const, cityCode: '320500' as const };

const jobs: MatchJob[] = occupations.map((o, i) => ({
  id: `job-${i}`,
  version: 1,
  requiredSkills: [
    ...o.essential.map((uri) => ({ uri, importance: 'essential' as const, minProficiency: 2 as const })),
    ...sample(o.optional, 3).map((uri) => ({ uri, importance: 'optional' as const, minProficiency: 1 as const })),
  ],
  place,
  postedAt: '2026-11-01T00:00:00.000Z',
}));

interface Case {
  profile: MatchProfile;
  target: string;
}

/** One of the skill's ESCO neighbours, or the skill itself when it has none. */
const nearSkill = (uri: string) => {
  const neighbours = taxonomy.relatedSkills(uri);
  return neighbours.length === 0 ? uri : neighbours[Math.floor(random() * neighbours.length)]!.uri;
};
const graduateHolding = (id: string, uris: readonly string[]): MatchProfile => ({
  id,
  version: 1,
  skills: [...new Set(uris)].map((uri) => ({ uri, proficiency: 3 as const, verified: false })),
  preferredPlaces: [place],
  openToRemote: false,
});

// Held out: the graduate knows only 30–60 % of the occupation's essential skills, plus noise.
// The "near" twin names half of those skills by an ESCO neighbour instead (broader, narrower or
// related), as people describe what they know in nearby terms.
const exactCases: Case[] = [];
const nearCases: Case[] = [];
for (const [i, o] of occupations.entries()) {
  for (let g = 0; g < GRADUATES_PER_OCCUPATION; g++) {
    const share = 0.3 + random() * 0.3;
    const held = sample(o.essential, Math.max(2, Math.round(o.essential.length * share)));
    const noise = sample(everySkill, 2);
    const near = held.map((uri) => (random() < 0.5 ? nearSkill(uri) : uri));
    exactCases.push({ target: `job-${i}`, profile: graduateHolding(`g-${i}-${g}`, [...held, ...noise]) });
    nearCases.push({ target: `job-${i}`, profile: graduateHolding(`g-${i}-${g}-near`, [...near, ...noise]) });
  }
}

const rankOf = (scores: Array<{ id: string; score: number }>, target: string) =>
  [...scores].sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1)).findIndex((s) => s.id === target) + 1;

function measure(cases: readonly Case[], score: (profile: MatchProfile, job: MatchJob) => number) {
  const ranks = cases.map(({ profile, target }) => rankOf(jobs.map((job) => ({ id: job.id, score: score(profile, job) })), target));
  const at = (k: number) => ranks.filter((r) => r <= k).length / ranks.length;
  return { 'recall@1': at(1), 'recall@5': at(5), 'recall@10': at(10), MRR: ranks.reduce((sum, r) => sum + 1 / r, 0) / ranks.length };
}

const jaccard = (profile: MatchProfile, job: MatchJob) => {
  const a = new Set(profile.skills.map((s) => s.uri));
  const b = new Set(job.requiredSkills.map((s) => s.uri));
  const inter = [...a].filter((x) => b.has(x)).length;
  return inter / (a.size + b.size - inter);
};

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const noRelations = { relatedSkills: () => [] };
const rankings = {
  'skillpass score (with ESCO relations)': (p: MatchProfile, j: MatchJob) => scoreJobForProfile(p, j, taxonomy).score,
  'skillpass score (no relations)': (p: MatchProfile, j: MatchJob) => scoreJobForProfile(p, j, noRelations).score,
  'Jaccard overlap (baseline)': jaccard,
};
console.log(`matching quality: ${jobs.length} jobs from ${OCCUPATIONS} ESCO occupations (≥ 6 essential skills), ${exactCases.length} graduates per condition`);
for (const [condition, cases] of [
  ['exact skills', exactCases],
  ['near skills (half named by an ESCO neighbour)', nearCases],
] as const) {
  console.log(`\n${condition}`);
  console.table(
    Object.fromEntries(
      Object.entries(rankings).map(([name, score]) => [
        name,
        Object.fromEntries(Object.entries(measure(cases, score)).map(([k, v]) => [k, k === 'MRR' ? v.toFixed(3) : pct(v)])),
      ]),
    ),
  );
}
