/**
 * Writes the JSON-LD contexts the Data Integrity loader serves into packages/credentials/contexts/,
 * from the npm packages that ship them (devDependencies of @skillpass/credentials): nothing is
 * fetched from the web, here or at run time. Run after upgrading one of those packages:
 *   npx tsx packages/credentials/scripts/write-contexts.ts
 * `contexts.test.ts` fails when a committed file and its package disagree.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { BUNDLED_CONTEXTS } from '../src/data-integrity/context-files.ts';
import { contextsFromPackages } from '../src/data-integrity/context-sources.test-support.ts';

const dir = resolve(import.meta.dirname, '../contexts');
const fromPackages = contextsFromPackages();
for (const { url, file } of BUNDLED_CONTEXTS) {
  const context = fromPackages.get(url);
  if (!context) throw new Error(`no package ships ${url}`);
  writeFileSync(resolve(dir, file), `${JSON.stringify(context, null, 2)}\n`);
  console.log(`${file} ← ${url}`);
}
