import { CredentialService, processCredentialBatch, WalletPickupService } from '@skillpass/services';
import type { ServiceOptions } from './compose-core.ts';
import type { ApiServices, CoreApiDeps } from './deps.ts';

/** The credential and wallet services over the core's repositories, keys, clock and origin. */
export function composeApiServices(core: CoreApiDeps, options: ServiceOptions): ApiServices {
  const credentialService = new CredentialService({
    ...core,
    signer: options.signer,
    ...(options.proofSigners ? { proofSigners: options.proofSigners } : {}),
    publishedKeys: core.publishedKeys,
    origin: core.publicOrigin,
    skillLabel: (uri) => core.taxonomy.labelOf(uri) ?? uri,
    // One clock for the handlers and the credentials they issue and verify.
    clock: core.clock,
    ...(options.externalIssuers ? { externalIssuers: options.externalIssuers } : {}),
    ...(options.allowLoopbackHttp ? { allowLoopbackHttp: true } : {}),
  });
  return {
    credentialService,
    walletPickupService: new WalletPickupService({
      ...core,
      origin: core.publicOrigin,
      signer: options.signer,
      ...(options.proofSigners ? { proofSigners: options.proofSigners } : {}),
      clock: core.clock,
    }),
    batchQueue: options.batchQueue((batchId) => processCredentialBatch(core, credentialService, batchId)),
  };
}
