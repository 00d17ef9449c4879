/**
 * Derives the skill retrieval index (data/skill-retrieval.json.gz) from data the package ships: ESCO's labels and
 * descriptions (esco*.json.gz, themselves built from the ESCO CSVs by build-taxonomy.ts) and the curated
 * lexicon (lexicon.json). Run it after either changes:
 *   npx tsx packages/taxonomy/scripts/build-retrieval-index.ts
 * Byte-identical output for identical input; a test compares the committed file with a fresh build.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { buildRetrievalData, RETRIEVAL_FILE, type RetrievalData } from '../src/retrieval.ts';
import { type SkillLexicon, Taxonomy, taxonomyDataDir } from '../src/taxonomy.ts';

export function retrievalDataFor(dataDir: string): RetrievalData {
  const taxonomy = new Taxonomy(dataDir);
  const lexicon = JSON.parse(readFileSync(resolve(dataDir, 'lexicon.json'), 'utf8')) as SkillLexicon;
  const uris = taxonomy.allSkillUris();
  return buildRetrievalData(
    uris.map((uri) => {
      const skill = taxonomy.getSkill(uri)!;
      return {
        preferredLabel: skill.preferredLabel,
        altLabels: skill.altLabels,
        terms: lexicon.skills[uri]?.terms ?? [],
      };
    }),
    uris.map((uri) => taxonomy.describe(uri) ?? ''),
    'ESCO v1.1.1 skill labels and descriptions, and data/lexicon.json',
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dataDir = taxonomyDataDir();
  const data = retrievalDataFor(dataDir);
  writeFileSync(resolve(dataDir, RETRIEVAL_FILE), gzipSync(JSON.stringify(data), { level: 9 }));
  process.stdout.write(
    `${data.labels.length} labels, ${data.words.length} words → ${resolve(dataDir, RETRIEVAL_FILE)}\n`,
  );
}
