/**
 * Builds the lazily imported Data Integrity module next to a Lambda bundle:
 *   node --import tsx scripts/bundle-data-integrity.ts <bundle dir>
 * writes <bundle dir>/node_modules/@skillpass/credentials/{package.json,data-integrity.mjs}, so that the
 * bundle's `import('@skillpass/credentials/data-integrity')` resolves there on first use.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { DATA_INTEGRITY_BUNDLE, LAMBDA_BUNDLING } from '../infra/src/bundling.ts';

export async function bundleDataIntegrity(outputDir: string, options: { sourcemap?: boolean } = {}) {
  const dir = join(outputDir, DATA_INTEGRITY_BUNDLE.dir);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify(DATA_INTEGRITY_BUNDLE.packageJson));
  const outfile = join(dir, DATA_INTEGRITY_BUNDLE.file);
  await build({
    entryPoints: [resolve(import.meta.dirname, '..', DATA_INTEGRITY_BUNDLE.entry)],
    bundle: true,
    outfile,
    logLevel: 'warning',
    ...LAMBDA_BUNDLING,
    sourcemap: options.sourcemap ?? LAMBDA_BUNDLING.sourcemap,
  });
  return outfile;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const outputDir = process.argv[2];
  if (!outputDir) throw new Error('usage: bundle-data-integrity.ts <bundle dir>');
  console.log(await bundleDataIntegrity(outputDir));
}
