import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { FUNCTION_ENTRIES } from '../../functions/src/index.ts';
import { LAMBDA_BUNDLING } from '../../infra/src/bundling.ts';

const ROOT = resolve(import.meta.dirname, '../..');

/** The dev identity provider's sign-in lives in packages/local only: no Lambda bundle may contain it. */
describe('the Lambda bundles', () => {
  it.each(Object.entries(FUNCTION_ENTRIES))('%s does not contain the local dev sign-in', async (_name, entry) => {
    const result = await build({
      entryPoints: [join(ROOT, 'functions/src', entry)],
      bundle: true,
      write: false,
      outfile: 'bundle.mjs',
      logLevel: 'silent',
      ...LAMBDA_BUNDLING,
      sourcemap: false,
    });
    const code = result.outputFiles.map((file) => file.text).join('\n');
    // A real build of the handler (the sign-up trigger is under 1 KB: its SDK client is the runtime's), not an empty one.
    expect(code).toMatch(/export\s*\{[^}]*handler/);
    expect(code).not.toContain('/auth/dev/sign-in');
  });

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
});
