import type { ExternalIssuer, Signer } from '@skillpass/credentials';
import type { IssuedCredential } from '@skillpass/domain';
import type { Repositories } from '@skillpass/store';
import type { JWK } from 'jose';

/** What the credential use cases work over: the repositories, the platform's signer and keys, and its origin. */
export interface CredentialServiceDeps extends Pick<Repositories, 'credentials' | 'issuers' | 'profiles' | 'outbox'> {
  /** Signs for every issuer hosted on this platform. */
  signer: Signer;
  /**
   * Keys that also sign Data Integrity proofs, each adding one to every credential and status list:
   * an EdDSA (Ed25519) key an `eddsa-rdfc-2022` proof, an ES256 (P-256) key an `ecdsa-rdfc-2019` one.
   * None: credentials are secured as vc+jwt only. Their public keys must be among `publishedKeys`.
   */
  proofSigners?: Signer[];
  /** Every public key ever used here and still needed: the current one and retired ones (fetched on first use in AWS). */
  publishedKeys: () => Promise<JWK[]>;
  origin: string;
  skillLabel: (uri: string) => string;
  /** Issuers outside the platform whose credentials verifiers here accept, with their keys or a did:web DID. */
  externalIssuers?: ExternalIssuer[];
  clock?: () => Date;
  /** Draws status-list indexes; tests pass a fixed one to fill a list. */
  random?: () => number;
  /** Reads status lists other issuers publish (the global fetch by default). */
  fetch?: typeof fetch;
  /** Read other issuers' http status lists on this machine (local runs and tests only). */
  allowLoopbackHttp?: boolean;
}

export interface IssueRequest {
  templateId: string;
  holder: { graduateId: string } | { subjectId: string; email: string; name?: string };
  grade?: string;
  validUntil?: string;
}

export interface IssuedResult {
  credential: IssuedCredential;
  verifyUrl: string;
}

/** Who asks: a principal's id, and whether they administer the platform (administrators may read any record). */
export interface Viewer {
  id: string;
  admin: boolean;
}
