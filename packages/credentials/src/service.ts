import { type CredentialTemplate, DomainError, type IssuedCredential, type Issuer, notFound } from '@skillpass/domain';
import { nextStatusListId, type Repositories } from '@skillpass/store';
import type { JWK } from 'jose';
import QRCode from 'qrcode-svg';
import { achievementOf, buildCredential, type IssuerProfile, OB_CONTEXT, profileOf, VC_CONTEXT } from './credential.ts';
import { signCompactJws, signCredential } from './jws.ts';
import type { Signer } from './signer.ts';
import { allocateRandomIndex, decodeStatusList, encodeStatusList, isStatusSet, STATUS_LIST_SIZE, type StatusPurpose } from './status-list.ts';
import { DidWebResolver } from './did-web.ts';
import { RemoteStatusLists } from './remote-status.ts';
import type { ExternalIssuer } from './trust-list.ts';
import { compactJwsOf, type TrustedIssuer, type VerificationReport, verifyCredential } from './verify.ts';

/** Byte-mode capacity of the largest QR code (version 40) at error-correction level L. */
const QR_CAPACITY_BYTES = 2_953;
/** How long verifiers may cache a status list (seconds); also its `ttl`. */
export const STATUS_LIST_TTL_SECONDS = 300;

export interface CredentialServiceDeps extends Pick<Repositories, 'credentials' | 'issuers' | 'profiles'> {
  /** Signs for every issuer hosted on this platform. */
  signer: Signer;
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

const today = (now: Date) => now.toISOString().slice(0, 10);

/** Issue, revoke, publish status and verify: the credential use cases over the stores and a signer. */
export class CredentialService {
  readonly #remoteStatus: RemoteStatusLists;
  readonly #dids: DidWebResolver;

  constructor(private readonly deps: CredentialServiceDeps) {
    this.#dids = new DidWebResolver({ ...(deps.fetch ? { fetch: deps.fetch } : {}), clock: () => this.#now() });
    this.#remoteStatus = new RemoteStatusLists((kid) => this.resolveKey(kid), {
      ...(deps.fetch ? { fetch: deps.fetch } : {}),
      clock: () => this.#now(),
      allowLoopbackHttp: deps.allowLoopbackHttp ?? false,
    });
  }

  #now(): Date {
    return (this.deps.clock ?? (() => new Date()))();
  }

  issuerUrl(issuerId: string): string {
    return `${this.deps.origin}/issuers/${encodeURIComponent(issuerId)}`;
  }

  templateUrl(templateId: string): string {
    return `${this.deps.origin}/credential-templates/${encodeURIComponent(templateId)}`;
  }

  verifyUrl(jwt: string): string {
    return `${this.deps.origin}/verify#${jwt}`;
  }

  /** What a credential's issuer id resolves to: the issuer's Open Badges Profile. */
  async issuerDocument(issuerId: string) {
    const issuer = await this.deps.issuers.get(issuerId);
    return issuer ? { '@context': [VC_CONTEXT, OB_CONTEXT], ...profileOf(this.#issuerProfile(issuer)) } : undefined;
  }

  /** What a credential's achievement id resolves to: the template as an Open Badges Achievement. */
  async achievementDocument(templateId: string) {
    const template = await this.deps.issuers.getTemplate(templateId);
    return template ? { '@context': [VC_CONTEXT, OB_CONTEXT], ...achievementOf(template, this.templateUrl(templateId), this.deps.skillLabel) } : undefined;
  }

  /**
   * A QR code of the verify URL. A signed credential is usually longer than a QR code can hold
   * (2,953 bytes), so then the code carries a short link to the same page naming the credential
   * by its unguessable id instead of embedding it.
   */
  qrSvg(credentialId: string, verifyUrl: string): string {
    const content = Buffer.byteLength(verifyUrl) <= QR_CAPACITY_BYTES ? verifyUrl : `${this.deps.origin}/verify#id=${credentialId}`;
    return new QRCode({ content, padding: 2, width: 256, height: 256, ecl: 'L', join: true }).svg();
  }

  /** Verifies what a graduate brings and hands back the compact JWS that was checked. */
  async verifyForImport(input: unknown): Promise<VerificationReport & { jwt: string }> {
    const jwt = compactJwsOf(input) ?? '';
    return { ...(await this.verify(jwt)), jwt };
  }

  /** Verifies a credential issued here, named by id (what the short QR link sends). */
  async verifyById(credentialId: string): Promise<VerificationReport> {
    const credential = await this.deps.credentials.get(credentialId);
    return this.verify(credential?.jwt ?? '');
  }

  /** An issuer is trusted while any accreditation is current: accredited in one Delta province is trusted platform-wide. */
  static accreditedUntil(issuer: Issuer, now: Date): string | undefined {
    const current = issuer.accreditation.map((a) => a.validUntil).filter((until) => until >= today(now));
    return current.sort().at(-1);
  }

  async trustedIssuer(issuerId: string): Promise<TrustedIssuer | undefined> {
    const external = this.deps.externalIssuers?.find((e) => e.id === issuerId);
    if (external) {
      const keyIds = external.jwks
        ? external.jwks.keys.flatMap((k) => (k.kid ? [k.kid] : []))
        : ((await this.#dids.keysOf(external.id))?.assertionKeyIds ?? []);
      return { id: external.id, name: external.name, keyIds, ...(external.accreditedUntil ? { accreditedUntil: external.accreditedUntil } : {}) };
    }
    const prefix = `${this.deps.origin}/issuers/`;
    if (!issuerId.startsWith(prefix)) return undefined;
    const issuer = await this.deps.issuers.get(decodeURIComponent(issuerId.slice(prefix.length)));
    if (!issuer) return undefined;
    const until = CredentialService.accreditedUntil(issuer, this.#now());
    // No current accreditation: report the last one, so the check says when it ended.
    const lastEnded = issuer.accreditation.map((a) => a.validUntil).sort().at(-1) ?? '0000-01-01';
    // Hosted issuers sign with the platform's keys, current and retired, so rotation needs no issuer update.
    const keyIds = [...new Set([...issuer.signingKeyIds, ...(await this.deps.publishedKeys()).flatMap((k) => (k.kid ? [k.kid] : []))])];
    return { id: issuerId, name: issuer.legalName.en, keyIds, accreditedUntil: until ?? lastEnded };
  }

  async resolveKey(kid: string): Promise<JWK | undefined> {
    const published = (await this.deps.publishedKeys()).find((k) => k.kid === kid);
    if (published) return published;
    const fromJwks = this.deps.externalIssuers?.flatMap((e) => e.jwks?.keys ?? []).find((k) => k.kid === kid);
    if (fromJwks) return fromJwks;
    // Only DIDs on the trust list are resolved: a kid in an untrusted credential never makes this server fetch.
    const did = kid.split('#')[0]!;
    if (!this.deps.externalIssuers?.some((e) => !e.jwks && e.id === did)) return undefined;
    return (await this.#dids.keysOf(did))?.keys.find((k) => k.kid === kid);
  }

  async statusOf(listUrl: string, index: number, purpose: StatusPurpose, issuer?: TrustedIssuer): Promise<'set' | 'unset' | 'unknown'> {
    const ownLists = `${this.deps.origin}/status-lists/`;
    if (!listUrl.startsWith(ownLists)) return this.#remoteStatus.statusOf(listUrl, index, purpose, issuer);
    const match = /^([\w-]+)\/(revocation|suspension)$/.exec(listUrl.slice(ownLists.length));
    if (!match || match[2] !== purpose) return 'unknown';
    const state = await this.deps.credentials.getStatusList(match[1]!, STATUS_LIST_SIZE);
    const bits = decodeStatusList(encodeStatusList(purpose === 'revocation' ? state.revoked : state.suspended));
    return isStatusSet(bits, index) ? 'set' : 'unset';
  }

  verify(input: unknown): Promise<VerificationReport> {
    return verifyCredential(
      input,
      { resolveKey: (kid) => this.resolveKey(kid), issuer: (id) => this.trustedIssuer(id), statusOf: (l, i, p, issuer) => this.statusOf(l, i, p, issuer) },
      this.#now(),
    );
  }

  /** `preloaded` spares a batch worker reading the same issuer and template for every row. */
  async issue(
    issuerId: string,
    request: IssueRequest,
    credentialId: string,
    preloaded?: { issuer: Issuer; template: CredentialTemplate },
  ): Promise<IssuedResult> {
    const existing = await this.deps.credentials.get(credentialId);
    if (existing) return this.#result(existing);
    const issuer = preloaded?.issuer ?? (await this.deps.issuers.get(issuerId));
    if (!issuer) throw new DomainError('conflict', 'Register the issuer first (PUT /v1/issuers/me).');
    const template = preloaded?.template.templateId === request.templateId ? preloaded.template : await this.deps.issuers.getTemplate(request.templateId);
    if (!template) throw new DomainError('validation', 'No such credential template.', [{ path: 'templateId', message: 'not found' }]);
    if (template.issuerId !== issuerId) throw new DomainError('forbidden', 'That template belongs to another issuer.');
    let holderId: string;
    let holderName: string | undefined;
    if ('graduateId' in request.holder) {
      const profile = await this.deps.profiles.get(request.holder.graduateId);
      if (!profile) throw new DomainError('validation', 'No graduate with that id.', [{ path: 'holder.graduateId', message: 'not found' }]);
      holderId = `urn:skillpass:graduate:${profile.graduateId}`;
      holderName = profile.displayName;
    } else {
      holderId = request.holder.subjectId;
      holderName = request.holder.name;
    }
    const now = this.#now();
    const validUntil = request.validUntil ? new Date(request.validUntil) : undefined;
    if (validUntil && validUntil <= now) {
      throw new DomainError('validation', 'validUntil must be in the future.', [{ path: 'validUntil', message: 'in the past' }]);
    }
    const { listId, index } = await this.#allocateStatusEntry(credentialId);
    const vc = buildCredential({
      credentialUrl: `${this.deps.origin}/credentials/${credentialId}`,
      templateUrl: this.templateUrl(template.templateId),
      template,
      issuer: this.#issuerProfile(issuer),
      holder: { id: holderId, ...(holderName ? { name: holderName } : {}) },
      skillLabel: this.deps.skillLabel,
      validFrom: now,
      ...(validUntil ? { validUntil } : {}),
      ...(request.grade ? { grade: request.grade } : {}),
      status: { listUrl: `${this.deps.origin}/status-lists/${listId}`, index },
    });
    const jwt = await signCredential(vc, this.deps.signer, now);
    const record: IssuedCredential = {
      credentialId,
      issuerId,
      templateId: template.templateId,
      holder:
        'graduateId' in request.holder
          ? { kind: 'graduate', graduateId: request.holder.graduateId }
          : { kind: 'external', subjectId: request.holder.subjectId, email: request.holder.email },
      status: 'active',
      statusListIndex: index,
      statusListId: listId,
      skills: template.learningOutcomes,
      validFrom: vc.validFrom,
      ...(vc.validUntil ? { validUntil: vc.validUntil } : {}),
      jwt,
      version: 1,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    };
    try {
      await this.deps.credentials.create(record);
    } catch (error) {
      // A concurrent retry of the same issuance got there first: return what it stored.
      const raced = await this.deps.credentials.get(credentialId);
      if (!raced) throw error;
      return this.#result(raced);
    }
    return this.#result(record);
  }

  #issuerProfile(issuer: Issuer): IssuerProfile {
    return {
      id: this.issuerUrl(issuer.issuerId),
      name: issuer.legalName.en,
      ...(issuer.legalName.zh ? { nameZh: issuer.legalName.zh } : {}),
      country: issuer.country,
      region: issuer.region,
    };
  }

  #result(credential: IssuedCredential): IssuedResult {
    const verifyUrl = this.verifyUrl(credential.jwt);
    return { credential, verifyUrl };
  }

  async changeStatus(issuerId: string, credentialId: string, action: 'revoke' | 'suspend' | 'reinstate'): Promise<IssuedCredential> {
    const credential = await this.deps.credentials.get(credentialId);
    if (!credential || credential.issuerId !== issuerId) throw notFound('credential');
    // The repository applies the rules of status changes (revocation is final) under its read.
    const to = action === 'revoke' ? 'revoked' : action === 'suspend' ? 'suspended' : 'active';
    return this.deps.credentials.changeStatus(credentialId, to);
  }

  /** A random free entry in the current status list; when picks keep colliding, the next list becomes current. */
  async #allocateStatusEntry(credentialId: string): Promise<{ listId: string; index: number }> {
    for (let moves = 0; moves < 3; moves++) {
      const listId = await this.deps.credentials.currentStatusList();
      const index = await allocateRandomIndex((i) => this.deps.credentials.claimStatusIndex(listId, i, credentialId), this.deps.random);
      if (index !== undefined) return { listId, index };
      await this.deps.credentials.advanceStatusList(listId, nextStatusListId(listId));
    }
    throw new Error('no free status-list entry even in a new list');
  }

  /** The signed BitstringStatusListCredential for one list and purpose. */
  async statusListJws(listId: string, purpose: StatusPurpose): Promise<string> {
    const state = await this.deps.credentials.getStatusList(listId, STATUS_LIST_SIZE);
    const url = `${this.deps.origin}/status-lists/${listId}/${purpose}`;
    const now = this.#now();
    const credential = {
      '@context': [VC_CONTEXT],
      id: url,
      type: ['VerifiableCredential', 'BitstringStatusListCredential'],
      issuer: { id: `${this.deps.origin}/issuers/platform`, type: ['Profile'], name: 'skillpass' },
      validFrom: now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
      credentialSubject: {
        id: `${url}#list`,
        type: 'BitstringStatusList',
        statusPurpose: purpose,
        encodedList: encodeStatusList(purpose === 'revocation' ? state.revoked : state.suspended),
        ttl: STATUS_LIST_TTL_SECONDS * 1000,
      },
    };
    return signCompactJws({ ...credential, iss: credential.issuer.id, jti: url, iat: Math.floor(now.getTime() / 1000) }, this.deps.signer, 'vc+jwt');
  }
}
