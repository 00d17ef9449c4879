import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { FUNCTION_ENTRIES } from '../../functions/src/index.ts';
import { LAMBDA_BUNDLING, SPLIT_FUNCTIONS } from '../../infra/src/bundling.ts';
import { bundleSplit } from '../../scripts/bundle-split.ts';

const ROOT = resolve(import.meta.dirname, '../..');

/** The dev identity provider's sign-in and the dev mailbox live in packages/local only: no Lambda bundle may contain them. */
describe('the Lambda bundles', () => {
  it.each(Object.entries(FUNCTION_ENTRIES))(
    '%s contains neither the dev sign-in nor the dev mailbox',
    async (name, entry) => {
      const entryPoint = join(ROOT, 'functions/src', entry);
      // The API is deployed split: every chunk counts, the lazily imported ones too.
      const outputFiles = SPLIT_FUNCTIONS.has(name)
        ? (await bundleSplit(entryPoint, join(ROOT, '.data/dev-sign-in-check'), { write: false, sourcemap: false }))
            .outputFiles
        : (
            await build({
              entryPoints: [entryPoint],
              bundle: true,
              write: false,
              outfile: 'bundle.mjs',
              logLevel: 'silent',
              ...LAMBDA_BUNDLING,
              sourcemap: false,
            })
          ).outputFiles;
      if (SPLIT_FUNCTIONS.has(name)) expect(outputFiles.length).toBeGreaterThan(1);
      const code = outputFiles.map((file) => file.text).join('\n');
      // A real build of the handler (the sign-up trigger is under 1 KB: its SDK client is the runtime's), not an empty one.
      expect(code).toMatch(/export\s*\{[^}]*handler/);
      expect(code).not.toContain('/auth/dev/sign-in');
      expect(code).not.toContain('/v1/dev/mailbox');
    },
  );

  it('the check finds the dev sign-in where it is (packages/local)', async () => {
    const result = await build({
      entryPoints: [join(ROOT, 'packages/local/src/dev-sign-in.ts')],
      bundle: true,
      write: false,
      outfile: 'local.mjs',
      logLevel: 'silent',
      ...LAMBDA_BUNDLING,
      sourcemap: false,
    });
    expect(result.outputFiles[0]!.text).toContain('/auth/dev/sign-in');
  });

  it('the check finds the dev mailbox where it is (packages/local)', async () => {
    const result = await build({
      entryPoints: [join(ROOT, 'packages/local/src/mailbox.ts')],
      bundle: true,
      write: false,
      outfile: 'mailbox.mjs',
      logLevel: 'silent',
      ...LAMBDA_BUNDLING,
      sourcemap: false,
    });
    expect(result.outputFiles[0]!.text).toContain('/v1/dev/mailbox');
  });
});
