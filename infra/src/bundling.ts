import type { BuildOptions } from 'esbuild';

/**
 * How every Lambda is bundled: the one description both the CDK stack (NodejsFunction) and the
 * cold-start benchmark use, so the benchmark measures what is deployed.
 */
export const LAMBDA_BUNDLING = {
  target: 'node22',
  platform: 'node',
  format: 'esm',
  minify: true,
  sourcemap: true,
  // The AWS SDK v3 ships in the nodejs22.x runtime; bundling it would only add size.
  external: ['@aws-sdk/*'],
  // ESM bundles still meet CommonJS dependencies that call require().
  banner: { js: "import { createRequire as skillpassCreateRequire } from 'module'; const require = skillpassCreateRequire(import.meta.url);" },
  mainFields: ['module', 'main'],
} as const satisfies BuildOptions;
