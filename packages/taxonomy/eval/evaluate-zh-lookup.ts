/**
 * npm run eval:zh-lookup [-- --verbose] — everyday Chinese look-ups (eval/zh-lookup.tsv): the share whose top 3
 * (`searchSkills` / `searchOccupations`, lang zh) holds a concept a person would accept, on the dev and test halves.
 * `--verbose` lists the dev misses only (the test half is scored, never read). The baseline in the same run is the same look-up with only the first curated entries (data/zh.json).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type CompiledChinese, Taxonomy, taxonomyDataDir, ZH_LABELS_FILE } from '../src/taxonomy.ts';
import type { ChineseLabels } from '../src/taxonomy.ts';

export interface LookUp {
  split: 'dev' | 'test' | 'fresh' | 's7-dev' | 's7-test' | 's8' | 's9' | 's13';
  kind: 'skill' | 'occupation';
  query: string;
  accepted: string[];
}

/** Reads the look-ups, resolving each accepted English preferred label to its URI (an unknown label throws). */
export function loadLookUps(taxonomy: Taxonomy, file = resolve(import.meta.dirname, 'zh-lookup.tsv')): LookUp[] {
  const byLabel = new Map<string, string>();
  for (const uri of taxonomy.allSkillUris()) byLabel.set(`skill ${taxonomy.labelOf(uri)}`, uri);
  for (const uri of taxonomy.allOccupationUris()) byLabel.set(`occupation ${taxonomy.labelOf(uri)}`, uri);
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('#'))
    .map((line) => {
      const [split, kind, query, labels] = line.split('\t') as [LookUp['split'], LookUp['kind'], string, string];
      const accepted = labels.split('|').map((label) => {
        const uri = byLabel.get(`${kind} ${label}`);
        if (!uri) throw new Error(`zh-lookup.tsv: no ESCO ${kind} is called "${label}" (${query})`);
        return uri;
      });
      return { split, kind, query, accepted };
    });
}

export function scoreLookUps(taxonomy: Taxonomy, lookUps: readonly LookUp[], k = 3) {
  return lookUps.map((lookUp) => {
    const search = lookUp.kind === 'skill' ? taxonomy.searchSkills : taxonomy.searchOccupations;
    const hits = search.call(taxonomy, { q: lookUp.query, lang: 'zh', limit: k });
    return { ...lookUp, hits, found: hits.some((hit) => lookUp.accepted.includes(hit.uri)) };
  });
}

/** A data directory whose compiled Chinese labels hold only the first curated entries (data/zh.json). */
function curatedOnlyDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'zh-baseline-'));
  cpSync(taxonomyDataDir(), dir, { recursive: true });
  const curated = JSON.parse(readFileSync(join(dir, 'zh.json'), 'utf8')) as ChineseLabels;
  const uuid = (uri: string) => uri.slice(uri.lastIndexOf('/') + 1);
  const compiled: CompiledChinese = { skills: {}, occupations: {}, chinaCodes: {} };
  for (const [uri, e] of Object.entries(curated.skills)) compiled.skills[uuid(uri)] = [e.zh, ...(e.aliases ?? [])];
  for (const [uri, e] of Object.entries(curated.occupations))
    compiled.occupations[uuid(uri)] = [e.zh, ...(e.aliases ?? [])];
  writeFileSync(join(dir, ZH_LABELS_FILE), gzipSync(JSON.stringify(compiled)));
  return dir;
}

const SPLITS = ['dev', 'test', 'fresh', 's7-dev', 's7-test', 's8', 's9', 's13'] as const;
/** Every look-up never tuned on, pooled: 'held out' in the table. */
const HELD_OUT: readonly LookUp['split'][] = ['test', 'fresh', 's7-test', 's8', 's9', 's13'];

if (process.argv[1] === import.meta.filename) {
  const verbose = process.argv.includes('--verbose');
  const taxonomy = new Taxonomy(taxonomyDataDir());
  // zh-lookup-fresh.tsv: written in session 6 after all earlier tuning, committed before any run on it.
  const lookUps = [
    ...loadLookUps(taxonomy),
    ...loadLookUps(taxonomy, resolve(import.meta.dirname, 'zh-lookup-fresh.tsv')),
    // zh-lookup-s7.tsv: written in session 7, committed before any run on it; scored apart from dev and test.
    ...loadLookUps(taxonomy, resolve(import.meta.dirname, 'zh-lookup-s7.tsv')).map(
      (l): LookUp => ({ ...l, split: l.split === 'test' ? 's7-test' : 's7-dev' }),
    ),
    // zh-lookup-s8.tsv: held out like 'fresh' — written and committed in session 8 before any run, only ever scored.
    ...loadLookUps(taxonomy, resolve(import.meta.dirname, 'zh-lookup-s8.tsv')),
    // zh-lookup-s9.tsv: held out the same way — written, labelled and committed in session 9 before any run on it.
    ...loadLookUps(taxonomy, resolve(import.meta.dirname, 'zh-lookup-s9.tsv')),
    // zh-lookup-s13.tsv: the same again in session 13.
    ...loadLookUps(taxonomy, resolve(import.meta.dirname, 'zh-lookup-s13.tsv')),
  ];
  const baselineDir = curatedOnlyDataDir();
  const runs = { 'curated zh.json only (baseline)': new Taxonomy(baselineDir), 'all Chinese labels': taxonomy };
  const rows: string[] = [
    '| labels | split | kind | look-ups | top-3 correct | share | nothing found |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const [name, run] of Object.entries(runs)) {
    const results = scoreLookUps(run, lookUps);
    for (const split of [...SPLITS, 'held out'] as const)
      for (const kind of ['skill', 'occupation', 'all'] as const) {
        const inSplit = (r: LookUp) => (split === 'held out' ? HELD_OUT.includes(r.split) : r.split === split);
        const part = results.filter((r) => inSplit(r) && (kind === 'all' || r.kind === kind));
        const found = part.filter((r) => r.found).length;
        const empty = part.filter((r) => r.hits.length === 0).length;
        rows.push(
          `| ${name} | ${split} | ${kind} | ${part.length} | ${found} | ${((100 * found) / part.length).toFixed(1)} % | ${empty} |`,
        );
      }
    if (verbose && run === taxonomy)
      for (const r of results.filter((x) => !x.found && (x.split === 'dev' || x.split === 's7-dev')))
        console.log(
          `${r.split} ${r.query}: ${r.hits.map((h) => `${h.label} (${h.preferredLabel})`).join('; ') || '—'} ← want ${r.accepted.map((uri) => run.labelOf(uri)).join(' | ')}`,
        );
  }
  rmSync(baselineDir, { recursive: true, force: true });
  console.log(rows.join('\n'));
}
