import type { LazyApiDeps } from '@skillpass/api';
import { composeLazyApiDeps } from '@skillpass/api/compose-lazy';
import { awsCoreApiOptions } from './aws-api-core.ts';

// Only what every request may need is imported here: the services, and the credentials package they use, are chunks
// of their own that the first route needing them loads (aws-api-services.ts).

let lazyDeps: LazyApiDeps | undefined;

/**
 * The API function's dependencies: the core (the table, Cognito's JWKS, the cursor secret from Secrets Manager, the
 * published KMS keys) now, the services with their KMS signers on the first route that uses them. Nothing here calls
 * AWS: each remote value is fetched by the first request that needs it.
 */
export function awsLazyApiDeps(): LazyApiDeps {
  lazyDeps ??= composeLazyApiDeps(awsCoreApiOptions(), async () =>
    (await import('./aws-api-services.ts')).awsServiceOptions(),
  );
  return lazyDeps;
}
