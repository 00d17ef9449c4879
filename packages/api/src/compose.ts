import type { ExternalIssuer, Signer } from '@skillpass/credentials';
import {
  type CredentialBatchQueue,
  CredentialService,
  processCredentialBatch,
  WalletPickupService,
} from '@skillpass/services';
import { createRepositories, CursorCodec, type Table } from '@skillpass/store';
import type { JWK } from 'jose';
import type { ApiDeps, Taxonomy } from './deps.ts';
import type { AuthConfig } from './auth.ts';
import type { SignInConfig } from './sign-in.ts';

export interface ComposeOptions {
  table: Table;
  /** The secret itself, or how to fetch it when the first cursor needs it. */
  cursorSecret: string | (() => Promise<string>);
  taxonomy: Taxonomy;
  publicOrigin: string;
  auth: AuthConfig;
  signer: Signer;
  /** Keys that also secure credentials and status lists with Data Integrity proofs (Ed25519, P-256). */
  proofSigners?: Signer[];
  /** Every public key verifiers may need: the signer's and retired ones. */
  publishedKeys: () => Promise<JWK[]>;
  /** Makes the batch queue, given the work one batch message triggers. */
  batchQueue: (work: (batchId: string) => Promise<void>) => CredentialBatchQueue;
  externalIssuers?: ExternalIssuer[];
  /** Local runs only: other platforms' status lists may be plain http on this machine. */
  allowLoopbackHttp?: boolean;
  openApiDocument: ApiDeps['openApiDocument'];
  /** How the web app signs people in; the local dev identity provider by default. */
  signIn?: () => SignInConfig;
  clock?: () => Date;
}

/** The one composition of the API's dependencies, for the local runtime and the Lambda alike. */
export function composeApiDeps(options: ComposeOptions): ApiDeps {
  const cursors = new CursorCodec(options.cursorSecret);
  const clock = options.clock ?? (() => new Date());
  const repositories = createRepositories(options.table, cursors, clock);
  const credentialService = new CredentialService({
    ...repositories,
    signer: options.signer,
    ...(options.proofSigners ? { proofSigners: options.proofSigners } : {}),
    publishedKeys: options.publishedKeys,
    origin: options.publicOrigin,
    skillLabel: (uri) => options.taxonomy.labelOf(uri) ?? uri,
    // One clock for the handlers and the credentials they issue and verify.
    clock,
    ...(options.externalIssuers ? { externalIssuers: options.externalIssuers } : {}),
    ...(options.allowLoopbackHttp ? { allowLoopbackHttp: true } : {}),
  });
  return {
    ...repositories,
    auth: options.auth,
    taxonomy: options.taxonomy,
    credentialService,
    walletPickupService: new WalletPickupService({
      ...repositories,
      origin: options.publicOrigin,
      signer: options.signer,
      ...(options.proofSigners ? { proofSigners: options.proofSigners } : {}),
      clock,
    }),
    batchQueue: options.batchQueue((batchId) => processCredentialBatch(repositories, credentialService, batchId)),
    signingKid: options.signer.kid,
    publishedKeys: options.publishedKeys,
    cursors,
    publicOrigin: options.publicOrigin,
    openApiDocument: options.openApiDocument,
    signIn: options.signIn ?? (() => ({ provider: 'local' })),
    clock,
  };
}
