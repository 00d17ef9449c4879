/**
 * Reads the hand-written Chinese label sources:
 * - data/zh.json: the first curated entries (labels, aliases, 职业分类大典 codes with their source);
 * - data/zh/skills-<sector>.tsv and data/zh/occupations-<sector>.tsv: one concept a line,
 *   `ESCO uuid <TAB> ESCO English preferred label <TAB> Chinese preferred label <TAB> alternatives separated by |`.
 *   Lines starting with # are comments. A new line may leave out the uuid (three columns); `zh-compile.ts --add-uris`
 *   fills it in from the English label.
 * - data/zh/aliases-<name>.tsv: more wordings for a concept already labelled above, one concept a line,
 *   `ESCO uuid <TAB> ESCO English preferred label <TAB> alternatives separated by |`. Kept apart so that wordings
 *   written from job ads in several passes add to a concept without editing (or conflicting on) its label line; a
 *   wording the concept already has is skipped.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChineseLabels } from '../src/taxonomy.ts';

export interface ZhEntry {
  kind: 'skill' | 'occupation';
  uuid: string;
  en: string;
  zh: string;
  alternatives: string[];
  chinaCode?: string;
  /** file:line, for error messages. */
  at: string;
}

export interface ZhSources {
  skills: Map<string, ZhEntry>;
  occupations: Map<string, ZhEntry>;
  /** Lines without a uuid yet. */
  unresolved: ZhEntry[];
  errors: string[];
}

export const TSV_DIR = 'zh';
/** The key two labels are compared by: no spaces, Latin letters in lower case. */
export const labelKey = (label: string): string => label.replace(/\s+/g, '').toLowerCase();

const uuidOf = (uri: string) => uri.slice(uri.lastIndexOf('/') + 1);

export function tsvFiles(dataDir: string): string[] {
  return readdirSync(join(dataDir, TSV_DIR))
    .filter((file) => /^(skills|occupations)-[a-z0-9]+\.tsv$/.test(file))
    .sort();
}

/** The accepted ambiguities (read by zh-compile.ts) and the ISCO groups' Chinese names (build-careers.ts). */
export const AMBIGUITIES_FILE = 'ambiguities.tsv';
export const ISCO_GROUPS_FILE = 'isco-groups.tsv';

/** Files in data/zh/ that no rule reads (a misnamed source would otherwise be skipped without a word). */
export function unreadFiles(dataDir: string): string[] {
  const read = new Set([...tsvFiles(dataDir), ...aliasFiles(dataDir), AMBIGUITIES_FILE, ISCO_GROUPS_FILE]);
  return readdirSync(join(dataDir, TSV_DIR))
    .filter((file) => !read.has(file))
    .sort();
}

export function aliasFiles(dataDir: string): string[] {
  return readdirSync(join(dataDir, TSV_DIR))
    .filter((file) => /^aliases-[a-z0-9]+\.tsv$/.test(file))
    .sort();
}

export function parseTsvLine(line: string, kind: ZhEntry['kind'], at: string): ZhEntry | string | undefined {
  if (!line.trim() || line.startsWith('#')) return undefined;
  const cells = line.split('\t').map((cell) => cell.trim());
  const [uuid, en, zh, alternatives = ''] = cells.length === 3 ? ['', ...cells] : cells;
  if (cells.length < 3 || cells.length > 4) return `${at}: expected 3 or 4 tab-separated columns, got ${cells.length}`;
  return {
    kind,
    uuid: uuid!,
    en: en!,
    zh: zh!,
    alternatives: alternatives
      .split('|')
      .map((text) => text.trim())
      .filter(Boolean),
    at,
  };
}

export function readZhSources(dataDir: string): ZhSources {
  const sources: ZhSources = { skills: new Map(), occupations: new Map(), unresolved: [], errors: [] };
  const add = (entry: ZhEntry) => {
    if (!entry.uuid) return sources.unresolved.push(entry);
    const map = entry.kind === 'skill' ? sources.skills : sources.occupations;
    const before = map.get(entry.uuid);
    if (before) sources.errors.push(`${entry.at}: ${entry.en} is already labelled at ${before.at}`);
    else map.set(entry.uuid, entry);
  };
  const curated = JSON.parse(readFileSync(join(dataDir, 'zh.json'), 'utf8')) as ChineseLabels;
  for (const [kind, entries] of [
    ['skill', curated.skills],
    ['occupation', curated.occupations],
  ] as const)
    for (const [uri, entry] of Object.entries(entries)) {
      const chinaCode: unknown = 'chinaCode' in entry ? entry.chinaCode : undefined;
      add({
        kind,
        uuid: uuidOf(uri),
        en: entry.en,
        zh: entry.zh,
        alternatives: entry.aliases ?? [],
        ...(typeof chinaCode === 'string' ? { chinaCode } : {}),
        at: `zh.json ${uri}`,
      });
    }
  for (const file of tsvFiles(dataDir)) {
    const kind = file.startsWith('skills') ? 'skill' : 'occupation';
    readFileSync(join(dataDir, TSV_DIR, file), 'utf8')
      .split('\n')
      .forEach((line, index) => {
        const parsed = parseTsvLine(line, kind, `${TSV_DIR}/${file}:${index + 1}`);
        if (typeof parsed === 'string') sources.errors.push(parsed);
        else if (parsed) add(parsed);
      });
  }
  for (const file of aliasFiles(dataDir)) addAliases(sources, file, readFileSync(join(dataDir, TSV_DIR, file), 'utf8'));
  for (const file of unreadFiles(dataDir))
    sources.errors.push(
      `${TSV_DIR}/${file}: not read — name it skills-<name>.tsv, occupations-<name>.tsv or aliases-<name>.tsv`,
    );
  return sources;
}

function addAliases(sources: ZhSources, file: string, text: string): void {
  for (const [index, line] of text.split('\n').entries()) {
    const at = `${TSV_DIR}/${file}:${index + 1}`;
    if (!line.trim() || line.startsWith('#')) continue;
    const [uuid = '', en = '', alternatives = '', ...rest] = line.split('\t').map((cell) => cell.trim());
    const entry = sources.skills.get(uuid) ?? sources.occupations.get(uuid);
    if (!alternatives || rest.length) sources.errors.push(`${at}: expected uuid, English label, alternatives`);
    else if (!entry) sources.errors.push(`${at}: ${en} has no Chinese label yet; label it in a skills- file first`);
    else if (entry.en !== en) sources.errors.push(`${at}: ${uuid} is "${entry.en}", not "${en}"`);
    else
      for (const alternative of alternatives.split('|').map((text) => text.trim()))
        if (
          alternative &&
          ![entry.zh, ...entry.alternatives].some((label) => labelKey(label) === labelKey(alternative))
        )
          entry.alternatives.push(alternative);
  }
}
