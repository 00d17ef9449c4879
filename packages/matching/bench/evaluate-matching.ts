/**
 * npm run eval:matching — matching quality on held-out sets built from ESCO occupations (eval-set.ts).
 * For each graduate: where does their own occupation's job rank among all jobs? Reported for the
 * dev split (used for tuning) and the test split (never tuned on), next to a plain Jaccard-overlap
 * ranking computed in the same run as the baseline.
 */
import { getTaxonomy } from '@skillpass/taxonomy';
import { buildConditions, type Case, type Split } from './eval-set.ts';
import { type MatchJob, type MatchProfile, reachableSkills, scoreJobForProfile } from '../src/index.ts';

const OCCUPATIONS = Number(process.env.EVAL_OCCUPATIONS ?? 400);
const SPLITS = (process.env.EVAL_SPLITS ?? 'dev,test').split(',') as Split[];
const taxonomy = getTaxonomy();

const rankOf = (scores: Array<{ id: string; score: number }>, target: string) =>
  [...scores].sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1)).findIndex((s) => s.id === target) + 1;

function measure(
  jobs: readonly MatchJob[],
  cases: readonly Case[],
  score: (profile: MatchProfile, job: MatchJob) => number,
) {
  const ranks = cases.map(({ profile, target }) => {
    // A job sharing no skill or neighbour scores below the target under every ranking, so only the
    // rest needs scoring; the rank is the same and the run much shorter.
    const reach = new Set(
      reachableSkills(
        profile.skills.map((s) => s.uri),
        taxonomy,
      ),
    );
    const candidates = jobs.filter((job) => job.requiredSkills.some((s) => reach.has(s.uri)));
    return rankOf(
      candidates.map((job) => ({ id: job.id, score: score(profile, job) })),
      target,
    );
  });
  const at = (k: number) => ranks.filter((r) => r <= k).length / ranks.length;
  return {
    'recall@1': at(1),
    'recall@5': at(5),
    'recall@10': at(10),
    MRR: ranks.reduce((sum, r) => sum + 1 / r, 0) / ranks.length,
  };
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
for (const split of SPLITS) {
  console.log(`\n=== ${split} split: ${OCCUPATIONS} ESCO occupations (≥ 6 essential skills), one job each`);
  for (const { name, jobs, cases } of buildConditions(split, OCCUPATIONS)) {
    console.log(`\n${split} · ${name}: ${jobs.length} jobs, ${cases.length} graduates`);
    console.table(
      Object.fromEntries(
        Object.entries(rankings).map(([ranking, score]) => [
          ranking,
          Object.fromEntries(
            Object.entries(measure(jobs, cases, score)).map(([k, v]) => [k, k === 'MRR' ? v.toFixed(3) : pct(v)]),
          ),
        ]),
      ),
    );
  }
}
