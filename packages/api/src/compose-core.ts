import type { ExternalIssuer, Signer } from '@skillpass/credentials';
import type { CredentialBatchQueue } from '@skillpass/services';
import { createRepositories, CursorCodec, type Table } from '@skillpass/store';
import type { JWK } from 'jose';
import type { AuthConfig } from './auth.ts';
import type { ApiDeps, CoreApiDeps, Taxonomy } from './deps.ts';
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

/** What only the services need: in the Lambda, given (and KMS's signer made) when the first route needs them. */
export type ServiceOptions = Pick<
  ComposeOptions,
  'signer' | 'proofSigners' | 'batchQueue' | 'externalIssuers' | 'allowLoopbackHttp'
>;

/** The core's options: the signing key's id stands for the signer, which only the services call. */
export type CoreOptions = Omit<ComposeOptions, keyof ServiceOptions> & { signingKid: string };

/** What every route module may use but the services: the repositories, the taxonomy, auth, keys, the clock. */
export function composeCoreApiDeps(options: CoreOptions): CoreApiDeps {
  const cursors = new CursorCodec(options.cursorSecret);
  const clock = options.clock ?? (() => new Date());
  return {
    ...createRepositories(options.table, cursors, clock),
    auth: options.auth,
    taxonomy: options.taxonomy,
    signingKid: options.signingKid,
    publishedKeys: options.publishedKeys,
    cursors,
    publicOrigin: options.publicOrigin,
    openApiDocument: options.openApiDocument,
    signIn: options.signIn ?? (() => ({ provider: 'local' })),
    clock,
  };
}
