import {
  ACHIEVEMENT_TYPES,
  compactJwsOf,
  isDataIntegrityCredential,
  type PresentationOptions,
  type PresentationReport,
  RemoteStatusLists,
  type StatusPurpose,
  type TrustedIssuer,
  type VerificationReport,
  verifyPresentation,
  verifySecuredCredential,
} from '@skillpass/credentials';
import type { CredentialTemplate, IssuedCredential, Issuer } from '@skillpass/domain';
import type { BatchChunk, Repositories } from '@skillpass/store';
import type { JWK } from 'jose';
import { type ChunkRow, type SignedRow, signRows } from './batch-issuance.ts';
import type { CredentialServiceDeps, IssuedResult, IssueRequest } from './deps.ts';
import { achievementDocument, issuerDocument, platformDidDocument, publishedKey } from './documents.ts';
import { issueCredential, issuedResult, qrSvg } from './issuance.ts';
import { issuerUrl } from './links.ts';
import { type HeldStanding, heldStandingOf } from './holder.ts';
import {
  changeStatus,
  ownStatusOf,
  publishedStatusList,
  type StatusAction,
  type PublicStatusReason,
  publicStatusReason,
  type StatusListSecuring,
  statusListJws,
} from './status.ts';
import { credentialOfJwt, dataIntegrityProofs, withProofs } from './data-integrity.ts';
import { chunkStatusEntries } from './status-entries.ts';
import { IssuerTrust } from './trust.ts';
import { issueW3cCredential } from './w3c-issuance.ts';

/**
 * Issue, revoke, publish status and verify: the credential use cases over the repositories and a
 * signer. One object because verification needs the trust and status-list caches it keeps; each
 * use case lives in its own file (issuance, status, trust, documents) and this class wires them.
 */
export class CredentialService {
  readonly #remoteStatus: RemoteStatusLists;
  readonly #trust: IssuerTrust;

  constructor(private readonly deps: CredentialServiceDeps) {
    const now = () => this.#now();
    this.#trust = new IssuerTrust(deps, now);
    this.#remoteStatus = new RemoteStatusLists((kid) => this.resolveKey(kid), {
      ...(deps.fetch ? { fetch: deps.fetch } : {}),
      clock: now,
      allowLoopbackHttp: deps.allowLoopbackHttp ?? false,
    });
  }

  #now(): Date {
    return (this.deps.clock ?? (() => new Date()))();
  }

  issuerUrl(issuerId: string): string {
    return issuerUrl(this.deps.origin, issuerId);
  }

  issuerDocument(issuerId: string) {
    return issuerDocument(this.deps, issuerId);
  }

  achievementDocument(templateId: string) {
    return achievementDocument(this.deps, templateId);
  }

  didDocument() {
    return platformDidDocument(this.deps);
  }

  publishedKey(keyId: string): Promise<JWK | undefined> {
    return publishedKey(this.deps, keyId);
  }

  qrSvg(credentialId: string, verifyUrl: string): string {
    return qrSvg(this.deps.origin, credentialId, verifyUrl);
  }

  /** The links a credential issued here is shared by: its verify page (the credential in the fragment) and its QR code. */
  linksOf(credential: IssuedCredential): { verifyUrl: string; qrUrl: string } {
    return {
      verifyUrl: issuedResult(this.deps.origin, credential).verifyUrl,
      qrUrl: `${this.deps.origin}/v1/credentials/${credential.credentialId}/qr.svg`,
    };
  }

  /**
   * Verifies what a graduate brings and hands back what was checked, as kept: the compact JWS, or a
   * Data Integrity credential's JSON.
   */
  async verifyForImport(input: unknown): Promise<VerificationReport & { jwt: string }> {
    const jwt = isDataIntegrityCredential(input) ? JSON.stringify(input) : (compactJwsOf(input) ?? '');
    return { ...(await this.verify(isDataIntegrityCredential(input) ? input : jwt)), jwt };
  }

  /**
   * A credential issued here in its Data Integrity securing: the vc+jwt's credential with the proofs
   * stored beside it, made and stored now when it was issued without them (a batch defers them).
   * Undefined when no proof signers are configured.
   */
  async dataIntegrityCredential(credential: IssuedCredential): Promise<Record<string, unknown> | undefined> {
    const unsecured = credentialOfJwt(credential.jwt);
    if (credential.proof?.length) return withProofs(unsecured, credential.proof);
    const now = (this.deps.clock ?? (() => new Date()))();
    const issuerId = String((unsecured.issuer as { id?: unknown } | undefined)?.id ?? unsecured.issuer);
    const proof = await dataIntegrityProofs(this.deps, unsecured, issuerId, now);
    if (proof.length === 0) return undefined;
    // Two first requests at once both sign; the first stored wins and both answer with it.
    const stored = await this.deps.credentials.addProofs(credential.credentialId, proof);
    return withProofs(unsecured, stored.proof ?? proof);
  }

  /** Where a credential a graduate brought stands now: its status read again. */
  standingOf(jwt: string): Promise<HeldStanding> {
    return heldStandingOf(this, jwt);
  }

  /** Verifies a credential issued here, named by id (what the short QR link sends). */
  async verifyById(credentialId: string): Promise<VerificationReport> {
    const credential = await this.deps.credentials.get(credentialId);
    return this.verify(credential?.jwt ?? '');
  }

  /**
   * Verifies a credential issued here by the number printed on its certificate (its id: `cred_` and 26 characters),
   * read leniently: any case, spaces ignored, the `cred_` prefix optional. Undefined when no such credential exists.
   */
  async verifyByNumber(credentialNumber: string): Promise<VerificationReport | undefined> {
    const compact = credentialNumber.replace(/\s+/g, '').toLowerCase();
    const credentialId = compact.startsWith('cred_') ? compact : `cred_${compact}`;
    const credential = await this.deps.credentials.get(credentialId);
    return credential ? this.verify(credential.jwt) : undefined;
  }

  /**
   * A verified report with the public reason its issuer gave for revoking or suspending it, when the credential is
   * authentic, issued here, not in good standing, and its issuer made the reason public.
   */
  async withPublicReason(
    report: VerificationReport,
  ): Promise<VerificationReport & { statusReason?: PublicStatusReason }> {
    const { checks, credential } = report;
    const authentic = checks.signature.result === 'passed' && checks.keyResolution.result === 'passed';
    if (!authentic || checks.status.result !== 'failed' || typeof credential?.id !== 'string') return report;
    const statusReason = await publicStatusReason(this.deps, credential.id);
    return statusReason ? { ...report, statusReason } : report;
  }

  trustedIssuer(issuerId: string): Promise<TrustedIssuer | undefined> {
    return this.#trust.trustedIssuer(issuerId);
  }

  resolveKey(kid: string): Promise<JWK | undefined> {
    return this.#trust.resolveKey(kid);
  }

  /** A status-list entry: read from the table for lists published here, fetched and checked for others'. */
  statusOf(
    listUrl: string,
    index: number,
    purpose: StatusPurpose,
    issuer?: TrustedIssuer,
  ): Promise<'set' | 'unset' | 'unknown'> {
    if (!listUrl.startsWith(`${this.deps.origin}/status-lists/`))
      return this.#remoteStatus.statusOf(listUrl, index, purpose, issuer);
    return ownStatusOf(this.deps, listUrl, index, purpose);
  }

  /**
   * Verifies a credential with every VC DM 2.0 rule, the JSON-LD term rule included (a vc+jwt's payload is a JSON-LD
   * credential too): every verify path — /v1/verify, the VC API, import, presentations — loads the JSON-LD libraries
   * on its first credential.
   */
  verify(input: unknown): Promise<VerificationReport> {
    return verifySecuredCredential(
      input,
      {
        resolveKey: (kid) => this.resolveKey(kid),
        issuer: (id) => this.trustedIssuer(id),
        statusOf: (l, i, p, issuer) => this.statusOf(l, i, p, issuer),
      },
      this.#now(),
      // Everything verified here is offered as proof of an achievement: a status list or any other credential is not one.
      { acceptTypes: ACHIEVEMENT_TYPES, checkTerms: true },
    );
  }

  /** Verifies a presentation and every credential inside it, each with the full VC DM 2.0 checks. */
  verifyPresentation(input: unknown, options: PresentationOptions): Promise<PresentationReport> {
    return verifyPresentation(input, options, {
      verifyCredential: (credential) => this.verify(credential),
      holderKeys: (did) => this.#trust.holderKeys(did),
      now: this.#now(),
    });
  }

  issue(
    issuerId: string,
    request: IssueRequest,
    credentialId: string,
    preloaded?: { issuer: Issuer; template: CredentialTemplate },
  ): Promise<IssuedResult> {
    return issueCredential(this.deps, this.#now(), issuerId, request, credentialId, preloaded);
  }

  /** Whether credentials issued here get Data Integrity proofs (a proof signer is configured). */
  get securesWithDataIntegrity(): boolean {
    return (this.deps.proofSigners?.length ?? 0) > 0;
  }

  /** Issues a full W3C credential the issuer wrote (the VC API's body), checked against VC DM 2.0 first. */
  issueW3c(issuerId: string, credential: unknown, credentialId: string): Promise<IssuedResult> {
    return issueW3cCredential(this.deps, this.#now(), issuerId, credential, credentialId);
  }

  /** The status entries of a batch chunk's rows, claimed in blocks once per chunk (see status-entries.ts). */
  chunkStatusEntries(batches: Repositories['batches'], batchId: string, chunk: BatchChunk) {
    return chunkStatusEntries(this.deps, batches, batchId, chunk);
  }

  /** A batch chunk's rows prepared and signed with their entries, not yet stored (see batches.ts). */
  signRows(
    issuerId: string,
    rows: readonly ChunkRow[],
    preloaded?: { issuer: Issuer; template: CredentialTemplate },
  ): Promise<SignedRow[]> {
    return signRows(this.deps, this.#now(), issuerId, rows, preloaded);
  }

  changeStatus(
    issuerId: string,
    credentialId: string,
    action: StatusAction,
    why?: { reason?: string | undefined; reasonPublic?: boolean | undefined },
  ): Promise<IssuedCredential> {
    return changeStatus(this.deps, issuerId, credentialId, action, why);
  }

  /** The signed BitstringStatusListCredential for one list and purpose. */
  statusListJws(listId: string, purpose: StatusPurpose): Promise<string> {
    return statusListJws(this.deps, listId, purpose, this.#now());
  }

  /** The same, for the public route, in the securing asked for: undefined for a list no credential uses. */
  publishedStatusList(
    listId: string,
    purpose: StatusPurpose,
    securing: StatusListSecuring = 'vc+jwt',
  ): Promise<string | undefined> {
    return publishedStatusList(this.deps, listId, purpose, this.#now(), securing);
  }
}
