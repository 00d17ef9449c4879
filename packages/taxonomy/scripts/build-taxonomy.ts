/**
 * Derives the compact ESCO artifact the runtime loads from the official ESCO v1.1.1 CSV exports.
 *   npx tsx packages/taxonomy/scripts/build-taxonomy.ts [folder with the two zips]
 * Input folder: the argument, else env ESCO_DIR, else ../shared/esco beside the repository root.
 * Output: packages/taxonomy/data/esco.json.gz, esco-labels.json.gz and esco-descriptions.json.gz, byte-identical for identical input.
 * The Chinese labels (data/zh.json) are curated by hand and not touched here.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import yauzl from 'yauzl';
import {
  type AlternativeLabels,
  type CompactTaxonomy,
  ESCO_ATTRIBUTION,
  SKILL_PREFIX,
  OCCUPATION_PREFIX,
} from '../src/artifact.ts';

type Row = Record<string, string>;

export function readZipEntries(zipPath: string, wanted: readonly string[]): Promise<Map<string, string>> {
  return new Promise((done, fail) => {
    const found = new Map<string, string>();
    yauzl.open(zipPath, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return fail(error);
      zip.on('entry', (entry: yauzl.Entry) => {
        const name = entry.fileName.split('/').pop() ?? '';
        if (!wanted.includes(name)) return zip.readEntry();
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return fail(streamError);
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            found.set(name, Buffer.concat(chunks).toString('utf8'));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => done(found));
      zip.readEntry();
    });
  });
}

const rows = (csv: string | undefined, name: string): Row[] => {
  if (csv === undefined) throw new Error(`${name} is missing from the ESCO zips`);
  return parse(csv, { columns: true, skip_empty_lines: true, relax_quotes: true }) as Row[];
};
// Not localeCompare: its order depends on the ICU build and locale, and the output must not.
const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const lines = (cell: string | undefined): string[] =>
  [
    ...new Set(
      (cell ?? '')
        .split('\n')
        .map((label) => label.trim())
        .filter(Boolean),
    ),
  ].sort(byCodeUnits);

export async function buildTaxonomy(escoDir: string): Promise<CompactArtifact> {
  const classification = await readZipEntries(resolve(escoDir, 'esco-v1.1.1-classification-en-csv.zip'), [
    'skills_en.csv',
    'occupations_en.csv',
  ]);
  const relations = await readZipEntries(resolve(escoDir, 'esco-v1.1.1-relations-csv.zip'), [
    'occupationSkillRelations.csv',
    'broaderRelationsSkillPillar.csv',
    'skillSkillRelations.csv',
  ]);
  return compactTaxonomyFromCsv(new Map([...classification, ...relations]));
}

export interface EscoDescriptions {
  skills: string[];
  occupations: string[];
}

/** The pure part: ESCO's CSV files (by file name) in, the compact artifact out. */
export interface CompactArtifact {
  core: CompactTaxonomy;
  labels: AlternativeLabels;
  descriptions: EscoDescriptions;
}

export function compactTaxonomyFromCsv(files: ReadonlyMap<string, string>): CompactArtifact {
  const skillRows = rows(files.get('skills_en.csv'), 'skills_en.csv')
    .filter((r) => r.conceptUri?.startsWith(SKILL_PREFIX))
    .sort((a, b) => byCodeUnits(a.conceptUri!, b.conceptUri!));
  const occupationRows = rows(files.get('occupations_en.csv'), 'occupations_en.csv')
    .filter((r) => r.conceptUri?.startsWith(OCCUPATION_PREFIX))
    .sort((a, b) => byCodeUnits(a.conceptUri!, b.conceptUri!));
  const skillIndex = new Map(skillRows.map((r, i) => [r.conceptUri!, i]));
  const occupationIndex = new Map(occupationRows.map((r, i) => [r.conceptUri!, i]));

  const occupationSkills = occupationRows.map(() => ({ essential: [] as number[], optional: [] as number[] }));
  for (const r of rows(files.get('occupationSkillRelations.csv'), 'occupationSkillRelations.csv')) {
    const occupation = occupationIndex.get(r.occupationUri!);
    const skill = skillIndex.get(r.skillUri!);
    if (occupation === undefined || skill === undefined) continue;
    occupationSkills[occupation]![r.relationType === 'essential' ? 'essential' : 'optional'].push(skill);
  }
  const broader: Array<[number, number]> = [];
  for (const r of rows(files.get('broaderRelationsSkillPillar.csv'), 'broaderRelationsSkillPillar.csv')) {
    const narrow = skillIndex.get(r.conceptUri!);
    const broad = skillIndex.get(r.broaderUri!);
    if (narrow !== undefined && broad !== undefined) broader.push([narrow, broad]);
  }
  const related: Array<[number, number, 0 | 1]> = [];
  for (const r of rows(files.get('skillSkillRelations.csv'), 'skillSkillRelations.csv')) {
    const from = skillIndex.get(r.originalSkillUri!);
    const to = skillIndex.get(r.relatedSkillUri!);
    if (from !== undefined && to !== undefined) related.push([from, to, r.relationType === 'essential' ? 1 : 0]);
  }
  const byPair = (a: number[], b: number[]) => a[0]! - b[0]! || a[1]! - b[1]!;
  broader.sort(byPair);
  related.sort(byPair);

  const core: CompactTaxonomy = {
    source: 'ESCO v1.1.1 (English), official CSV export',
    attribution: ESCO_ATTRIBUTION,
    skills: skillRows.map((r) => [
      r.conceptUri!.slice(SKILL_PREFIX.length),
      r.skillType ?? '',
      r.reuseLevel ?? '',
      r.preferredLabel!.trim(),
    ]),
    occupations: occupationRows.map((r) => [
      r.conceptUri!.slice(OCCUPATION_PREFIX.length),
      r.iscoGroup ?? '',
      r.code ?? '',
      r.preferredLabel!.trim(),
    ]),
    occupationSkills: occupationSkills.map((s) => [
      s.essential.sort((a, b) => a - b),
      s.optional.sort((a, b) => a - b),
    ]),
    broader,
    related,
  };
  const alternatives = (concepts: typeof skillRows) =>
    concepts.map((r) => lines(r.altLabels).filter((label) => label !== r.preferredLabel!.trim()));
  const labels: AlternativeLabels = { skills: alternatives(skillRows), occupations: alternatives(occupationRows) };
  const descriptions = {
    skills: skillRows.map((r) => (r.description ?? '').trim()),
    occupations: occupationRows.map((r) => (r.description ?? '').trim()),
  };
  return { core, labels, descriptions };
}

/**
 * Reads the two ESCO zips in `escoDir` and writes the artifact files into `outDir`.
 * The gzip header carries no file name or mtime (node:zlib writes 0), so identical input gives identical bytes.
 */
export async function writeTaxonomyArtifact(escoDir: string, outDir: string): Promise<string> {
  const { core, labels, descriptions } = await buildTaxonomy(escoDir);
  mkdirSync(outDir, { recursive: true });
  writeFileSync(resolve(outDir, 'esco.json.gz'), gzipSync(JSON.stringify(core), { level: 9 }));
  writeFileSync(resolve(outDir, 'esco-labels.json.gz'), gzipSync(JSON.stringify(labels), { level: 9 }));
  writeFileSync(resolve(outDir, 'esco-descriptions.json.gz'), gzipSync(JSON.stringify(descriptions), { level: 9 }));
  return (
    `${core.skills.length} skills, ${core.occupations.length} occupations, ` +
    `${core.occupationSkills.reduce((n, [e, o]) => n + e.length + o.length, 0)} occupation-skill relations, ` +
    `${core.broader.length} broader, ${core.related.length} skill-skill relations → ${outDir}`
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const here = dirname(fileURLToPath(import.meta.url));
  const escoDir = resolve(process.argv[2] ?? process.env.ESCO_DIR ?? resolve(here, '../../../../shared/esco'));
  process.stdout.write(`${await writeTaxonomyArtifact(escoDir, resolve(here, '../data'))}\n`);
}
