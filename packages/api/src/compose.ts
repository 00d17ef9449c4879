import {
  type CredentialBatchQueue,
  CredentialService,
  type ExternalIssuer,
  processCredentialBatch,
  type Signer,
} from '@skillpass/credentials';
import type { SkillGraph } from '@skillpass/matching';
import type { ConsumerDeps } from '@skillpass/pipeline';
import { CursorCodec, DynamoCredentialStore, DynamoMatchStore, DynamoSkillpassStore, type Table } from '@skillpass/store';
import type { JWK } from 'jose';
import type { ApiDeps, SkillCatalog, SkillDirectory } from './app.ts';
import type { AuthConfig } from './auth.ts';

export interface ComposeOptions {
  table: Table;
  /** The secret itself, or how to fetch it when the first cursor needs it. */
  cursorSecret: string | (() => Promise<string>);
  taxonomy: SkillCatalog & SkillDirectory & SkillGraph;
  publicOrigin: string;
  auth: AuthConfig;
  signer: Signer;
  /** Every public key verifiers may need: the signer's and retired ones. */
  publishedKeys: () => Promise<JWK[]>;
  /** Makes the batch queue, given the work one batch message triggers. */
  batchQueue: (work: (batchId: string) => Promise<void>) => CredentialBatchQueue;
  externalIssuers?: ExternalIssuer[];
  /** Local runs only: other platforms' status lists may be plain http on this machine. */
  allowLoopbackHttp?: boolean;
  openApiDocument: ApiDeps['openApiDocument'];
}

/** What the event consumers need: the stores and the skill graph; nothing that signs, pages or serves HTTP. */
export function composeConsumerDeps(options: { table: Table; cursors: CursorCodec; taxonomy: SkillGraph }): ConsumerDeps {
  return {
    store: new DynamoSkillpassStore(options.table, options.cursors),
    matches: new DynamoMatchStore(options.table),
    graph: options.taxonomy,
    credentials: new DynamoCredentialStore(options.table, options.cursors),
  };
}

/** The one composition of the API's dependencies, for the local runtime and the Lambda alike. */
export function composeApiDeps(options: ComposeOptions): ApiDeps {
  const cursors = new CursorCodec(options.cursorSecret);
  const { store, matches, credentials } = composeConsumerDeps({ table: options.table, cursors, taxonomy: options.taxonomy });
  const credentialService = new CredentialService({
    credentials,
    store,
    signer: options.signer,
    publishedKeys: options.publishedKeys,
    origin: options.publicOrigin,
    skillLabel: (uri) => options.taxonomy.labelOf(uri) ?? uri,
    ...(options.externalIssuers ? { externalIssuers: options.externalIssuers } : {}),
    ...(options.allowLoopbackHttp ? { allowLoopbackHttp: true } : {}),
  });
  return {
    store,
    auth: options.auth,
    catalog: options.taxonomy,
    skills: options.taxonomy,
    matching: { store, matches, graph: options.taxonomy },
    credentials,
    credentialService,
    batchQueue: options.batchQueue((batchId) => processCredentialBatch(credentials, credentialService, batchId)),
    signingKid: options.signer.kid,
    publishedKeys: options.publishedKeys,
    cursors,
    publicOrigin: options.publicOrigin,
    openApiDocument: options.openApiDocument,
  };
}
