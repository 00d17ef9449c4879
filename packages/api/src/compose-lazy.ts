import { madeOnFirstUse } from '@skillpass/domain/first-use';
import { tableHealth } from '@skillpass/store';
import type { CoreOptions, ServiceOptions } from './compose-core.ts';
import type { LazyApiDeps } from './deps.ts';

/** What the shell is made of: nothing here imports the repositories, the taxonomy or the services. */
export type ShellOptions = Pick<CoreOptions, 'table' | 'publicOrigin' | 'openApiDocument' | 'clock'>;

/**
 * The same composition as composeApiDeps in three stages, how the Lambda composes the API: the shell the operations
 * routes need now; the core (repositories, taxonomy, auth, keys) when the first other route asks; the services (and
 * the credential libraries they import) when the first route using them asks. `coreOptions` and `serviceOptions` are
 * asked then, once each.
 */
export function composeLazyApiDeps(
  shell: ShellOptions,
  coreOptions: () => Promise<CoreOptions>,
  serviceOptions: () => Promise<ServiceOptions>,
): LazyApiDeps {
  const loadCore = madeOnFirstUse(async () => {
    const [{ composeCoreApiDeps }, given] = await Promise.all([import('./compose-core.ts'), coreOptions()]);
    return composeCoreApiDeps(given);
  });
  return {
    health: tableHealth(shell.table, shell.clock),
    publicOrigin: shell.publicOrigin,
    openApiDocument: shell.openApiDocument,
    loadCore,
    loadServices: madeOnFirstUse(async () => {
      const [core, { composeApiServices }, given] = await Promise.all([
        loadCore(),
        import('./compose-services.ts'),
        serviceOptions(),
      ]);
      return composeApiServices(core, given);
    }),
  };
}
export type { CoreOptions, ServiceOptions } from './compose-core.ts';
