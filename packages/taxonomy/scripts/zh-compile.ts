/**
 * Validates the Chinese label sources (data/zh.json, data/zh/*.tsv, data/zh/ambiguities.tsv) against the committed
 * ESCO artifact and compiles them into the runtime file data/zh-labels.json.gz, byte-identical for identical input.
 *   npx tsx packages/taxonomy/scripts/zh-compile.ts             # validate, write, print counts
 *   npx tsx packages/taxonomy/scripts/zh-compile.ts --add-uris  # first fill in the uuid of new three-column lines
 * The English labels come from data/esco.json.gz, which scripts/build-taxonomy.ts regenerates from ../shared/esco.
 *
 * Review rule: one Chinese label (compared without spaces and case) may name two concepts of the same kind only if they
 * are related in ESCO — one skill is broader than the other (at any distance), or one occupation's ESCO code extends
 * the other's — or if data/zh/ambiguities.tsv lists the label with exactly those concepts and a reason.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { CompactTaxonomy } from '../src/artifact.ts';
import { type CompiledChinese, ZH_LABELS_FILE as ZH_ARTIFACT } from '../src/taxonomy.ts';
import { hasHan } from '../src/text.ts';
import { readCore } from './zh-worklist.ts';
import {
  AMBIGUITIES_FILE,
  labelKey,
  parseTsvLine,
  readZhSources,
  TSV_DIR,
  tsvFiles,
  type ZhEntry,
} from './zh-sources.ts';

export { labelKey };

const DATA = resolve(import.meta.dirname, '../data');

export interface Ambiguity {
  kind: 'skill' | 'occupation';
  label: string;
  uuids: string[];
  reason: string;
}

export function readAmbiguities(dataDir: string): Ambiguity[] {
  return readFileSync(join(dataDir, TSV_DIR, AMBIGUITIES_FILE), 'utf8')
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('#'))
    .map((line) => {
      const [kind, label, uuids, reason] = line.split('\t');
      return {
        kind: kind === 'occupation' ? 'occupation' : 'skill',
        label: label ?? '',
        uuids: (uuids ?? '').split(' ').filter(Boolean).sort(),
        reason: reason?.trim() ?? '',
      };
    });
}

/** Whether two concepts of one kind are related in ESCO (see the review rule above). */
export function relatedInEsco(core: CompactTaxonomy): (kind: ZhEntry['kind'], a: string, b: string) => boolean {
  const skillIndex = new Map(core.skills.map(([uuid], index) => [uuid, index]));
  const broader = core.skills.map((): number[] => []);
  for (const [narrow, broad] of core.broader) broader[narrow]!.push(broad);
  const ancestors = (start: number): Set<number> => {
    const seen = new Set<number>();
    const todo = [start];
    while (todo.length) for (const up of broader[todo.pop()!]!) if (!seen.has(up)) todo.push(seen.add(up) && up);
    return seen;
  };
  const codes = new Map(core.occupations.map(([uuid, , code]) => [uuid, code]));
  return (kind, a, b) => {
    if (a === b) return true;
    if (kind === 'occupation') {
      const [x = '', y = ''] = [codes.get(a), codes.get(b)];
      return x.startsWith(`${y}.`) || y.startsWith(`${x}.`);
    }
    const [x, y] = [skillIndex.get(a), skillIndex.get(b)];
    return x !== undefined && y !== undefined && (ancestors(x).has(y) || ancestors(y).has(x));
  };
}

export function compileChinese(dataDir: string, core: CompactTaxonomy) {
  const sources = readZhSources(dataDir);
  const errors = [...sources.errors];
  for (const entry of sources.unresolved) errors.push(`${entry.at}: no uuid (run zh-compile.ts --add-uris)`);
  const known = {
    skill: new Map(core.skills.map(([uuid, , , label]) => [uuid, label])),
    occupation: new Map(core.occupations.map(([uuid, , , label]) => [uuid, label])),
  };
  const related = relatedInEsco(core);
  const ambiguities = readAmbiguities(dataDir);
  const accepted = new Map(ambiguities.map((a) => [`${a.kind} ${labelKey(a.label)}`, a]));
  for (const a of ambiguities)
    if (!a.reason || a.uuids.length < 2) errors.push(`ambiguities.tsv: ${a.label} needs two concepts and a reason`);
  const owners = new Map<string, ZhEntry[]>();
  for (const entry of [...sources.skills.values(), ...sources.occupations.values()]) {
    const esco = known[entry.kind].get(entry.uuid);
    if (esco === undefined) errors.push(`${entry.at}: ${entry.uuid} is no ESCO ${entry.kind}`);
    else if (esco !== entry.en) errors.push(`${entry.at}: ESCO calls ${entry.uuid} "${esco}", not "${entry.en}"`);
    if (![entry.zh, ...entry.alternatives].some(hasHan)) errors.push(`${entry.at}: no label in Chinese`);
    const seen = new Set<string>();
    for (const label of [entry.zh, ...entry.alternatives]) {
      const key = labelKey(label);
      if (!key || /[|\t]/.test(label)) errors.push(`${entry.at}: empty or malformed label "${label}"`);
      else if (seen.has(key)) errors.push(`${entry.at}: "${label}" twice`);
      seen.add(key);
      const list = owners.get(`${entry.kind} ${key}`) ?? [];
      owners.set(`${entry.kind} ${key}`, [...list, entry]);
    }
  }
  for (const [key, entries] of owners) {
    if (entries.length < 2) continue;
    const [kind] = key.split(' ') as [ZhEntry['kind']];
    const uuids = entries.map((e) => e.uuid).sort();
    const allRelated = entries.every((a) => entries.every((b) => related(kind, a.uuid, b.uuid)));
    const listed = accepted.get(key);
    if (!allRelated && listed?.uuids.join(' ') !== uuids.join(' '))
      errors.push(
        `"${key.slice(kind.length + 1)}" names unrelated ${kind}s ${entries.map((e) => `${e.en} (${e.at})`).join(', ')}` +
          ` — rename one, or accept in ambiguities.tsv:\n${kind}\t${key.slice(kind.length + 1)}\t${uuids.join(' ')}\t<reason>`,
      );
  }
  for (const a of ambiguities)
    if (!owners.has(`${a.kind} ${labelKey(a.label)}`)) errors.push(`ambiguities.tsv: ${a.label} is no longer used`);

  const compiled: CompiledChinese = { skills: {}, occupations: {}, chinaCodes: {} };
  for (const [uuid] of core.skills) {
    const entry = sources.skills.get(uuid);
    if (entry) compiled.skills[uuid] = [entry.zh, ...entry.alternatives];
  }
  for (const [uuid] of core.occupations) {
    const entry = sources.occupations.get(uuid);
    if (entry) compiled.occupations[uuid] = [entry.zh, ...entry.alternatives];
    if (entry?.chinaCode) compiled.chinaCodes[uuid] = entry.chinaCode;
  }
  const labels = [...sources.skills.values(), ...sources.occupations.values()].reduce(
    (sum, e) => sum + 1 + e.alternatives.length,
    0,
  );
  return {
    compiled,
    errors,
    stats: {
      skills: sources.skills.size,
      occupations: sources.occupations.size,
      labels,
      ambiguities: ambiguities.length,
    },
  };
}

export const serialiseChinese = (compiled: CompiledChinese): Buffer =>
  gzipSync(Buffer.from(`${JSON.stringify(compiled)}\n`), { level: 9 });

/** Rewrites three-column lines (no uuid yet) with the uuid of the ESCO concept of that English preferred label. */
function addUris(dataDir: string, core: CompactTaxonomy): string[] {
  const problems: string[] = [];
  const byLabel = {
    skill: new Map(core.skills.map(([uuid, , , label]) => [label, uuid])),
    occupation: new Map(core.occupations.map(([uuid, , , label]) => [label, uuid])),
  };
  for (const file of tsvFiles(dataDir)) {
    const path = join(dataDir, TSV_DIR, file);
    const kind = file.startsWith('skills') ? 'skill' : 'occupation';
    const lines = readFileSync(path, 'utf8')
      .split('\n')
      .map((line, index) => {
        const entry = parseTsvLine(line, kind, `${file}:${index + 1}`);
        if (!entry || typeof entry === 'string' || entry.uuid) return line;
        const uuid = byLabel[kind].get(entry.en);
        if (!uuid) problems.push(`${entry.at}: no ESCO ${kind} is called "${entry.en}"`);
        return uuid ? [uuid, entry.en, entry.zh, entry.alternatives.join('|')].join('\t') : line;
      });
    writeFileSync(path, lines.join('\n'));
  }
  return problems;
}

if (process.argv[1] === import.meta.filename) {
  const core = readCore();
  const problems = process.argv.includes('--add-uris') ? addUris(DATA, core) : [];
  const { compiled, errors, stats } = compileChinese(DATA, core);
  for (const problem of [...problems, ...errors]) console.error(problem);
  if (errors.length) {
    console.error(`${errors.length} problems; ${ZH_ARTIFACT} not written`);
    process.exit(1);
  }
  writeFileSync(join(DATA, ZH_ARTIFACT), serialiseChinese(compiled));
  console.log(
    `${ZH_ARTIFACT}: ${stats.skills} skills, ${stats.occupations} occupations, ${stats.labels} labels, ${stats.ambiguities} accepted ambiguities`,
  );
}
