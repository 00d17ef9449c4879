/**
 * Which ESCO concepts need Chinese labels first: prints a ranked worklist as TSV
 * (kind, sector, rank, score, uuid, English preferred label, "labelled" when data/zh already has it).
 *   npx tsx packages/taxonomy/scripts/zh-worklist.ts [--skills N] [--occupations N] [--missing]
 *
 * Skills are ranked by how often ESCO occupation profiles name them (occupationSkillRelations in the committed
 * artifact: essential 2, optional 1), counting profiles of the Delta's priority sectors (scripts/zh-sectors.ts)
 * three times. A skill's sector is the one whose profiles name it most often per occupation; a transversal skill,
 * or one named in four or more sectors, is `general`. Occupations are those of the priority sectors, broadest
 * first (fewest levels in the ESCO code), then the largest profiles. Before all of them come the essential skills of the
 * core vocational occupations (CORE_OCCUPATIONS), in data/zh/skills-vocational.tsv.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { CompactTaxonomy } from '../src/artifact.ts';
import { CORE_OCCUPATIONS, type Sector, sectorOfIsco } from './zh-sectors.ts';
import { readZhSources } from './zh-sources.ts';

const DATA = resolve(import.meta.dirname, '../data');

export interface Worklist {
  skills: Array<{ uuid: string; label: string; sector: Sector | 'general' | 'vocational'; score: number }>;
  occupations: Array<{ uuid: string; label: string; sector: Sector; score: number }>;
}

export function rankConcepts(core: CompactTaxonomy): Worklist {
  const occupationSector = core.occupations.map(([, isco]) => sectorOfIsco(isco));
  const sectorSize = new Map<Sector, number>();
  for (const sector of occupationSector) if (sector) sectorSize.set(sector, (sectorSize.get(sector) ?? 0) + 1);
  const score = new Float64Array(core.skills.length);
  const perSector = core.skills.map(() => new Map<Sector, number>());
  core.occupationSkills.forEach(([essential, optional], occupation) => {
    const sector = occupationSector[occupation];
    for (const [skills, weight] of [
      [essential, 2],
      [optional, 1],
    ] as const)
      for (const skill of skills) {
        score[skill]! += weight * (sector ? 3 : 1);
        if (sector) perSector[skill]!.set(sector, (perSector[skill]!.get(sector) ?? 0) + 1);
      }
  });
  const byLabel = new Map(core.occupations.map(([, , , label], index) => [label, index]));
  const vocational = new Set<number>();
  for (const label of CORE_OCCUPATIONS) {
    const occupation = byLabel.get(label);
    if (occupation === undefined) throw new Error(`CORE_OCCUPATIONS: no ESCO occupation is called "${label}"`);
    for (const skill of core.occupationSkills[occupation]![0]) vocational.add(skill);
  }
  const skills = core.skills
    .map(([uuid, , reuseLevel, label], index) => {
      const counts = [...perSector[index]!.entries()];
      const broad = counts.filter(([, count]) => count >= 3).length >= 4;
      const [top] = counts.sort(
        (a, b) => b[1] / sectorSize.get(b[0])! - a[1] / sectorSize.get(a[0])! || (a[0] < b[0] ? -1 : 1),
      );
      const sector: Sector | 'general' | 'vocational' = vocational.has(index)
        ? 'vocational'
        : reuseLevel === 'transversal' || broad || !top
          ? 'general'
          : top[0];
      return { uuid, label, sector, score: score[index]! + (vocational.has(index) ? 10_000 : 0) };
    })
    .filter((skill) => skill.score > 0)
    .sort((a, b) => b.score - a.score || (a.label < b.label ? -1 : 1));
  const occupations = core.occupations
    .flatMap(([uuid, , code, label], index) => {
      const sector = occupationSector[index];
      const [essential, optional] = core.occupationSkills[index]!;
      const depth = code.split('.').length;
      return sector ? [{ uuid, label, sector, score: 1000 / depth + essential.length + optional.length / 2 }] : [];
    })
    .sort((a, b) => b.score - a.score || (a.label < b.label ? -1 : 1));
  return { skills, occupations };
}

export function readCore(): CompactTaxonomy {
  return JSON.parse(gunzipSync(readFileSync(resolve(DATA, 'esco.json.gz'))).toString('utf8')) as CompactTaxonomy;
}

if (process.argv[1] === import.meta.filename) {
  const option = (name: string, fallback: number) => {
    const at = process.argv.indexOf(name);
    return at >= 0 ? Number(process.argv[at + 1]) : fallback;
  };
  const missingOnly = process.argv.includes('--missing');
  const sources = readZhSources(DATA);
  const labelled = new Set([...sources.skills.keys(), ...sources.occupations.keys()]);
  const { skills, occupations } = rankConcepts(readCore());
  const out: string[] = [];
  for (const [kind, list, limit] of [
    ['skill', skills, option('--skills', 3500)],
    ['occupation', occupations, option('--occupations', 700)],
  ] as const)
    list.slice(0, limit).forEach((concept, rank) => {
      const done = labelled.has(concept.uuid);
      if (!(missingOnly && done))
        out.push(
          [kind, concept.sector, rank, concept.score, concept.uuid, concept.label, done ? 'labelled' : ''].join('\t'),
        );
    });
  process.stdout.write(`${out.join('\n')}\n`);
}
