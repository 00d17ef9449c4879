import { type ComposeOptions, composeCoreApiDeps } from './compose-core.ts';
import { composeApiServices } from './compose-services.ts';
import type { ApiDeps } from './deps.ts';

export type { ComposeOptions } from './compose-core.ts';

/** The one composition of the API's dependencies, for the local runtime, the tests and the batch worker. */
export function composeApiDeps(options: ComposeOptions): ApiDeps {
  const core = composeCoreApiDeps({ ...options, signingKid: options.signer.kid });
  return { ...core, ...composeApiServices(core, options) };
}
