import { type CoreOptions, composeCoreApiDeps, type ServiceOptions } from './compose-core.ts';
import type { LazyApiDeps } from './deps.ts';

/**
 * The same composition as composeApiDeps, with the services (and the credential libraries they import)
 * loaded by the first route that needs them: how the Lambda composes the API, so that a request that uses
 * no service never loads them. `serviceOptions` is asked then, once.
 */
export function composeLazyApiDeps(options: CoreOptions, serviceOptions: () => Promise<ServiceOptions>): LazyApiDeps {
  const core = composeCoreApiDeps(options);
  return {
    ...core,
    loadServices: async () => {
      const [{ composeApiServices }, given] = await Promise.all([import('./compose-services.ts'), serviceOptions()]);
      return composeApiServices(core, given);
    },
  };
}
export type { CoreOptions, ServiceOptions } from './compose-core.ts';
