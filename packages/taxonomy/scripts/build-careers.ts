/**
 * Derives data/careers.json.gz, the career assessment's and career pages' ESCO data, from the ESCO v1.1.1 CSV zips:
 *   npx tsx packages/taxonomy/scripts/build-careers.ts [folder with the two zips]   (default as build-taxonomy.ts)
 * For every occupation, its essential skills are followed up ESCO's broader relations to the skill hierarchy's
 * level-2 groups under S1–S8 (the work activities the questionnaire asks about); a skill under several groups counts
 * 1/n towards each. The ISCO groups' Chinese names come from the hand-written data/zh/isco-groups.tsv; the build fails
 * if a group lacks one or the file's English label no longer matches ESCO's. Same input, byte-identical output.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { ESCO_ATTRIBUTION, OCCUPATION_PREFIX, SKILL_PREFIX } from '../src/artifact.ts';
import { CAREERS_FILE, type CareerArtifact } from '../src/careers/artifact.ts';
import { readZipEntries } from './build-taxonomy.ts';
import { ISCO_GROUPS_FILE, TSV_DIR } from './zh-sources.ts';

type Row = Record<string, string>;
const rows = (files: ReadonlyMap<string, string>, name: string): Row[] => {
  const csv = files.get(name);
  if (csv === undefined) throw new Error(`${name} is missing from the ESCO zips`);
  return parse(csv, { columns: true, skip_empty_lines: true, relax_quotes: true, relax_column_count: true }) as Row[];
};
const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
/** S1 < S1.0 < S1.1 < S1.2 < … < S1.10: numerically, part by part. */
const byGroupCode = (a: string, b: string): number => {
  const [pa, pb] = [a.slice(1).split('.').map(Number), b.slice(1).split('.').map(Number)];
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? -1) - (pb[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
};
const ACTIVITY_CODE = /^S[1-8](\.\d+)?$/;

/** Rounds shares to thousandths that sum to exactly 1000 (largest remainders get the rest). */
export function toPermille(shares: ReadonlyMap<number, number>): Array<[number, number]> {
  const total = [...shares.values()].reduce((a, b) => a + b, 0);
  const exact = [...shares].map(([group, share]) => ({ group, value: (share / total) * 1000 }));
  const floored = exact.map((e) => ({ ...e, permille: Math.floor(e.value) }));
  let rest = 1000 - floored.reduce((n, e) => n + e.permille, 0);
  for (const e of [...floored].sort((a, b) => b.value - b.permille - (a.value - a.permille) || a.group - b.group)) {
    if (rest-- <= 0) break;
    e.permille += 1;
  }
  return floored
    .filter((e) => e.permille > 0)
    .map((e): [number, number] => [e.group, e.permille])
    .sort((a, b) => a[0] - b[0]);
}

/** An ISCO group's name from data/zh/isco-groups.tsv: the English label is there only for a reviewer to compare. */
export interface IscoName {
  en: string;
  zh: string;
}
export const ISCO_NAMES_FILE = `${TSV_DIR}/${ISCO_GROUPS_FILE}`;

/** Parses isco-groups.tsv (code, English label, Chinese name; `#` lines are comments). */
export function parseIscoNames(tsv: string): Map<string, IscoName> {
  const names = new Map<string, IscoName>();
  for (const line of tsv.split('\n')) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    const [code = '', en = '', zh = ''] = line.split('\t').map((cell) => cell.trim());
    if (!/^\d{1,4}$/.test(code) || !zh) throw new Error(`${ISCO_NAMES_FILE}: malformed line: ${line}`);
    if (names.has(code)) throw new Error(`${ISCO_NAMES_FILE}: ${code} is listed twice`);
    names.set(code, { en, zh });
  }
  return names;
}

/** The pure part: ESCO's CSV files (by file name) and the ISCO groups' Chinese names in, the careers artifact out. */
export function careersFromCsv(
  files: ReadonlyMap<string, string>,
  iscoNames: ReadonlyMap<string, IscoName>,
): CareerArtifact {
  const groupByUri = new Map<string, { code: string; label: string }>();
  for (const r of rows(files, 'skillsHierarchy_en.csv')) {
    for (const level of [1, 2] as const) {
      const uri = r[`Level ${level} URI`];
      const code = r[`Level ${level} code`] ?? '';
      if (uri && ACTIVITY_CODE.test(code) && !r[`Level ${level + 1} URI`]) {
        groupByUri.set(uri, { code, label: (r[`Level ${level} preferred term`] ?? '').trim() });
      }
    }
  }
  const ordered = [...groupByUri].sort((a, b) => byGroupCode(a[1].code, b[1].code));
  const groups = ordered.map(([uri, g]): [string, string, string] => [g.code, uri.slice(SKILL_PREFIX.length), g.label]);
  const groupIndex = new Map(ordered.map(([uri], i) => [uri, i]));
  const isLevel2 = (index: number) => groups[index]![0].includes('.');

  const broader = new Map<string, string[]>();
  for (const r of rows(files, 'broaderRelationsSkillPillar.csv')) {
    broader.set(r.conceptUri!, [...(broader.get(r.conceptUri!) ?? []), r.broaderUri!]);
  }
  /** The level-2 activity groups above a skill; a level-1 group only where no level-2 group is above it. */
  const memo = new Map<string, number[]>();
  const activityGroupsOf = (skillUri: string): number[] => {
    const cached = memo.get(skillUri);
    if (cached) return cached;
    const found = new Set<number>();
    const seen = new Set<string>([skillUri]);
    const queue = [skillUri];
    while (queue.length > 0) {
      for (const up of broader.get(queue.shift()!) ?? []) {
        if (seen.has(up)) continue;
        seen.add(up);
        const index = groupIndex.get(up);
        if (index !== undefined) found.add(index);
        else queue.push(up);
      }
    }
    const level2 = [...found].filter(isLevel2);
    const result = (level2.length > 0 ? level2 : [...found]).sort((a, b) => a - b);
    memo.set(skillUri, result);
    return result;
  };

  const shares = new Map<string, Map<number, number>>();
  for (const r of rows(files, 'occupationSkillRelations.csv')) {
    if (r.relationType !== 'essential' || !r.occupationUri?.startsWith(OCCUPATION_PREFIX)) continue;
    const under = activityGroupsOf(r.skillUri!);
    if (under.length === 0) continue;
    const uuid = r.occupationUri.slice(OCCUPATION_PREFIX.length);
    const profile = shares.get(uuid) ?? new Map<number, number>();
    for (const group of under) profile.set(group, (profile.get(group) ?? 0) + 1 / under.length);
    shares.set(uuid, profile);
  }
  const activityProfiles: CareerArtifact['activityProfiles'] = {};
  for (const uuid of [...shares.keys()].sort(byCodeUnits)) activityProfiles[uuid] = toPermille(shares.get(uuid)!);

  const isco: Record<string, string> = {};
  const iscoZh: Record<string, string> = {};
  const problems: string[] = [];
  const iscoRows = rows(files, 'ISCOGroups_en.csv').sort((a, b) => byCodeUnits(a.code ?? '', b.code ?? ''));
  for (const r of iscoRows) {
    if (!r.code) continue;
    isco[r.code] = (r.preferredLabel ?? '').trim();
    const name = iscoNames.get(r.code);
    if (!name) problems.push(`${r.code} ${isco[r.code]}: no Chinese name`);
    else if (name.en !== isco[r.code]) problems.push(`${r.code}: the file says "${name.en}", ESCO "${isco[r.code]}"`);
    else iscoZh[r.code] = name.zh;
  }
  for (const code of iscoNames.keys()) if (!(code in isco)) problems.push(`${code}: not an ISCO group in ESCO`);
  if (problems.length > 0) throw new Error(`${ISCO_NAMES_FILE}:\n${problems.join('\n')}`);

  return {
    source:
      'ESCO v1.1.1 (English), official CSV export: skills hierarchy, broader relations, occupation–skill relations, ISCO groups',
    attribution: ESCO_ATTRIBUTION,
    groups,
    isco,
    iscoZh,
    activityProfiles,
  };
}

/** outDir is the taxonomy's data folder: the Chinese names are read from it, the artifact written to it. */
export async function writeCareersArtifact(escoDir: string, outDir: string): Promise<string> {
  const files = new Map([
    ...(await readZipEntries(resolve(escoDir, 'esco-v1.1.1-classification-en-csv.zip'), [
      'skillsHierarchy_en.csv',
      'ISCOGroups_en.csv',
    ])),
    ...(await readZipEntries(resolve(escoDir, 'esco-v1.1.1-relations-csv.zip'), [
      'broaderRelationsSkillPillar.csv',
      'occupationSkillRelations.csv',
    ])),
  ]);
  const artifact = careersFromCsv(files, parseIscoNames(readFileSync(resolve(outDir, ISCO_NAMES_FILE), 'utf8')));
  writeFileSync(resolve(outDir, CAREERS_FILE), gzipSync(JSON.stringify(artifact), { level: 9 }));
  return (
    `${artifact.groups.length} activity groups, ${Object.keys(artifact.isco).length} ISCO groups named in Chinese, ` +
    `${Object.keys(artifact.activityProfiles).length} occupation profiles → ${outDir}/${CAREERS_FILE}`
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const here = dirname(fileURLToPath(import.meta.url));
  const escoDir = resolve(process.argv[2] ?? process.env.ESCO_DIR ?? resolve(here, '../../../../shared/esco'));
  process.stdout.write(`${await writeCareersArtifact(escoDir, resolve(here, '../data'))}\n`);
}
