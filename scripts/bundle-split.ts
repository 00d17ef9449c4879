/**
 * Builds a Lambda entry split into chunks (SPLIT_BUNDLING) with the options every Lambda is bundled with:
 *   node --import tsx scripts/bundle-split.ts <entry> <output dir>
 * writes <output dir>/index.mjs (the handler's module) and the chunks it imports on demand, with their maps.
 */
import { resolve } from 'node:path';
import { build, type BuildOptions, type Metafile, type OutputFile } from 'esbuild';
import { LAMBDA_BUNDLING, SPLIT_BUNDLING } from '../infra/src/bundling.ts';

export async function bundleSplit(
  entry: string,
  outdir: string,
  overrides: Pick<BuildOptions, 'external' | 'sourcemap' | 'write'> = {},
): Promise<{ metafile: Metafile; entryFile: string; outputFiles: OutputFile[] }> {
  const { metafile, outputFiles = [] } = await build({
    entryPoints: [resolve(entry)],
    bundle: true,
    outdir,
    logLevel: 'warning',
    metafile: true,
    ...LAMBDA_BUNDLING,
    ...SPLIT_BUNDLING,
    ...overrides,
  });
  // outputFiles: the files' contents, when built with `write: false`.
  return { metafile, entryFile: resolve(outdir, 'index.mjs'), outputFiles };
}

/** The entry chunk and the chunks it imports statically: what a cold start reads before the first request. */
export function eagerFiles(metafile: Metafile): string[] {
  const outputs = metafile.outputs;
  // Each lazily imported module is an entry point of its own in the metafile: the handler's is index.mjs.
  const entry = Object.keys(outputs).find((file) => file.endsWith('/index.mjs'));
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file) || !outputs[file]) return;
    seen.add(file);
    for (const imported of outputs[file].imports) if (imported.kind === 'import-statement') visit(imported.path);
  };
  if (entry) visit(entry);
  return [...seen];
}

/** KB a cold start reads (eagerFiles). */
export function eagerKb(metafile: Metafile): number {
  return eagerFiles(metafile).reduce((sum, file) => sum + metafile.outputs[file]!.bytes, 0) / 1024;
}

/** The source files whose code a cold start runs: the inputs of eagerFiles. */
export function eagerInputs(metafile: Metafile): string[] {
  return eagerFiles(metafile).flatMap((file) => Object.keys(metafile.outputs[file]!.inputs));
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const [entry, outdir] = process.argv.slice(2);
  if (!entry || !outdir) throw new Error('usage: bundle-split.ts <entry> <output dir>');
  await bundleSplit(entry, outdir);
}
