import type { LazyApiDeps } from '@skillpass/api';
import { composeLazyApiDeps } from '@skillpass/api/compose-lazy';
import { table } from './aws-clients.ts';
import { requiredEnv } from './env.ts';
import { openApiDocumentFromFile } from './openapi-file.ts';

// Only what `/health` and the document need is imported here. The core (repositories, taxonomy, Cognito, keys) and
// the services with the credentials package are chunks of their own that the first route needing them loads
// (aws-api-core.ts, aws-api-services.ts).

let lazyDeps: LazyApiDeps | undefined;

/**
 * The API function's dependencies: the table now, the core on the first route that uses it, the services with their
 * KMS signers on the first route that uses them. Nothing here calls AWS: each remote value is fetched by the first
 * request that needs it.
 */
export function awsLazyApiDeps(): LazyApiDeps {
  lazyDeps ??= composeLazyApiDeps(
    { table, publicOrigin: requiredEnv('PUBLIC_ORIGIN'), openApiDocument: openApiDocumentFromFile },
    async () => (await import('./aws-api-core.ts')).awsCoreApiOptions(),
    async () => (await import('./aws-api-services.ts')).awsServiceOptions(),
  );
  return lazyDeps;
}
