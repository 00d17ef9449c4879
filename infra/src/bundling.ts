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
  // Maps ship beside each bundle, naming files and lines but not embedding the sources (a third of
  // the size). The functions run without --enable-source-maps, which parses the map at every cold
  // start (about 10 ms for the API): logged stacks are minified and map back offline (docs/deploy.md).
  sourcemap: true,
  sourcesContent: false,
  // The clients every invocation uses (DynamoDB, EventBridge) are bundled: one minified file loads in
  // half the time of the runtime's copy spread over node_modules (bench:coldstart shows both), and the
  // version deployed is the version tested. Clients loaded on first use only, and Cognito's (called once per
  // sign-up), come from the SDK in the nodejs22.x runtime.
  external: [
    '@aws-sdk/client-cognito-identity-provider',
    '@aws-sdk/client-kms',
    '@aws-sdk/client-secrets-manager',
    '@aws-sdk/client-sesv2',
    '@aws-sdk/client-sqs',
    // The SDK imports these credential sources only when the environment holds no credentials, which
    // never happens in Lambda: left to the runtime's copy, they are ~130 KB no cold start parses.
    '@aws-sdk/credential-provider-http',
    '@aws-sdk/credential-provider-ini',
    '@aws-sdk/credential-provider-process',
    '@aws-sdk/credential-provider-sso',
    '@aws-sdk/credential-provider-web-identity',
    '@smithy/credential-provider-imds',
    // The JSON-LD half of Data Integrity (jsonld, the cryptosuites, the bundled contexts) is imported on
    // first use only: it is built as a file of its own beside each bundle (DATA_INTEGRITY_BUNDLE), so
    // no request that does not touch JSON-LD parses it.
    '@skillpass/credentials/data-integrity',
  ],
  // ESM bundles still meet CommonJS dependencies that call require().
  banner: {
    js: "import { createRequire as skillpassCreateRequire } from 'module'; const require = skillpassCreateRequire(import.meta.url);",
  },
  mainFields: ['module', 'main'],
} as const satisfies BuildOptions;

/**
 * The API's bundle is split (esbuild code splitting): `index.mjs` holds what every request needs, and each lazily
 * mounted route module, and the services, are chunks beside it (`chunk-<hash>.mjs`), read by the first request that
 * imports them. NodejsFunction bundles to one file, so the API's afterBundling step rebuilds its entry this way into
 * the same directory (scripts/bundle-split.ts); bench:coldstart and the bundle tests call the same function.
 */
/** The functions bundled split: the API, whose route modules and services are imported by the requests that need them. */
export const SPLIT_FUNCTIONS: ReadonlySet<string> = new Set(['api']);

export const SPLIT_BUNDLING = {
  splitting: true,
  entryNames: 'index',
  // Beside index.mjs, not in a folder: the runtime reads openapi.json beside the module that asks (import.meta.url).
  chunkNames: 'chunk-[hash]',
  // ESM without a package.json beside it: Node (and Lambda) read .mjs as a module.
  outExtension: { '.js': '.mjs' },
} as const satisfies BuildOptions;

/**
 * The Data Integrity module every bundle imports lazily as `@skillpass/credentials/data-integrity`:
 * built with the same options into `<bundle dir>/node_modules/@skillpass/credentials/`, where Node
 * resolves that specifier (scripts/bundle-data-integrity.ts writes it; CDK and bench:coldstart call it).
 */
export const DATA_INTEGRITY_BUNDLE = {
  entry: 'packages/credentials/src/data-integrity/lazy.ts',
  dir: 'node_modules/@skillpass/credentials',
  file: 'data-integrity.mjs',
  packageJson: {
    name: '@skillpass/credentials',
    private: true,
    type: 'module',
    exports: { './data-integrity': './data-integrity.mjs' },
  },
} as const;
