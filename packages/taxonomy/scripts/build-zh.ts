/**
 * Resolves the curated Chinese labels (scripts/zh-source.tsv, keyed by ESCO's English preferred
 * label so that a reviewer can read it) to ESCO URIs and writes data/zh.json. Fails on any label
 * ESCO does not have, so the curated file can never drift from the artifact.
 *   npx tsx packages/taxonomy/scripts/build-zh.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { type CompactTaxonomy, OCCUPATION_PREFIX, SKILL_PREFIX } from '../src/artifact.ts';
import type { ChineseLabels } from '../src/taxonomy.ts';

const here = dirname(fileURLToPath(import.meta.url));
const core = JSON.parse(gunzipSync(readFileSync(resolve(here, '../data/esco.json.gz'))).toString('utf8')) as CompactTaxonomy;
const skillByLabel = new Map(core.skills.map(([uuid, , , label]) => [label, SKILL_PREFIX + uuid]));
const occupationByLabel = new Map(core.occupations.map(([uuid, , , label]) => [label, OCCUPATION_PREFIX + uuid]));

const result: ChineseLabels = { skills: {}, occupations: {} };
const unknown: string[] = [];
for (const line of readFileSync(resolve(here, 'zh-source.tsv'), 'utf8').split('\n')) {
  if (!line.trim() || line.startsWith('#')) continue;
  const [kind, english, zh, aliases, chinaCode] = line.split('\t').map((cell) => cell?.trim() ?? '');
  const uri = (kind === 'skill' ? skillByLabel : occupationByLabel).get(english ?? '');
  if (!uri || !zh) {
    unknown.push(`${kind}: ${english}`);
    continue;
  }
  const entry = { zh, aliases: (aliases ?? '').split('|').map((a) => a.trim()).filter(Boolean) };
  if (kind === 'skill') result.skills[uri] = entry;
  else result.occupations[uri] = { ...entry, ...(chinaCode ? { chinaCode } : {}) };
}
if (unknown.length > 0) {
  process.stderr.write(`Not ESCO preferred labels (fix or remove):\n  ${unknown.join('\n  ')}\n`);
  process.exit(1);
}
const sorted = (record: Record<string, unknown>) => Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
writeFileSync(
  resolve(here, '../data/zh.json'),
  `${JSON.stringify({ skills: sorted(result.skills), occupations: sorted(result.occupations) }, null, 1)}\n`,
);
process.stdout.write(`${Object.keys(result.skills).length} skills and ${Object.keys(result.occupations).length} occupations with Chinese labels\n`);
