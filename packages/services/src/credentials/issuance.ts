import { createHash, randomBytes } from 'node:crypto';
import { buildCredential, signCredential } from '@skillpass/credentials';
import {
  type CredentialTemplate,
  DomainError,
  type IssuedCredential,
  type Issuer,
  withoutPrivateReasons,
} from '@skillpass/domain';
import { deterministicId, newId, type RecipientAddress } from '@skillpass/store';
import QRCode from 'qrcode-svg';
import type { CredentialServiceDeps, IssuedResult, IssueRequest, Viewer } from './deps.ts';
import { issuerProfileOf } from './documents.ts';
import { credentialUrl, statusListUrl, templateUrl, verifyByIdUrl, verifyUrl } from './links.ts';
import { allocateStatusEntry } from './status-entries.ts';

/** Byte-mode capacity of the largest QR code (version 40) at error-correction level L. */
const QR_CAPACITY_BYTES = 2_953;

/** A retried request with the same Idempotency-Key names the same credential, so it is issued once. */
export const credentialIdFor = (issuerId: string, idempotencyKey: string | undefined, now: Date) =>
  idempotencyKey ? deterministicId('cred', issuerId, idempotencyKey) : newId('cred', now);

export const issuedResult = (origin: string, credential: IssuedCredential): IssuedResult => ({
  credential,
  verifyUrl: verifyUrl(origin, credential.jwt),
});

/**
 * A credential is shown to its issuer and its graduate holder only; to anyone else it does not exist.
 * Its issuer (and an admin) sees every status reason, the holder only those the issuer made public.
 */
export async function credentialVisibleTo(
  { credentials }: Pick<CredentialServiceDeps, 'credentials'>,
  credentialId: string,
  viewer: Viewer,
): Promise<IssuedCredential | undefined> {
  const credential = await credentials.get(credentialId);
  if (!credential) return undefined;
  if (credential.issuerId === viewer.id || viewer.admin) return credential;
  const holder = credential.holder.kind === 'graduate' && credential.holder.graduateId === viewer.id;
  return holder ? withoutPrivateReasons(credential) : undefined;
}

/**
 * A QR code of the verify URL. A signed credential is usually longer than a QR code can hold
 * (2,953 bytes), so then the code carries a short link to the same page naming the credential
 * by its unguessable id instead of embedding it.
 */
export function qrSvg(origin: string, credentialId: string, url: string): string {
  const content = Buffer.byteLength(url) <= QR_CAPACITY_BYTES ? url : verifyByIdUrl(origin, credentialId);
  return new QRCode({ content, padding: 2, width: 256, height: 256, ecl: 'L', join: true }).svg();
}

/**
 * An external holder's email as `sha256:<salt>:<digest>` (base64url) of the trimmed, lower-cased address:
 * enough to confirm a given address was the recipient, without keeping it (erasure cannot reach this record).
 */
function saltedEmailHash(email: string): string {
  const salt = randomBytes(16).toString('base64url');
  const digest = createHash('sha256').update(`${salt}:${email.trim().toLowerCase()}`).digest('base64url');
  return `sha256:${salt}:${digest}`;
}

/** The holder as the credential names them: a graduate here by a URN and their display name, anyone else as given. */
async function holderOf({ profiles }: Pick<CredentialServiceDeps, 'profiles'>, holder: IssueRequest['holder']) {
  if (!('graduateId' in holder)) return { id: holder.subjectId, name: holder.name };
  const profile = await profiles.get(holder.graduateId);
  if (!profile)
    throw new DomainError('validation', 'No graduate with that id.', [
      { path: 'holder.graduateId', message: 'not found' },
    ]);
  return { id: `urn:skillpass:graduate:${profile.graduateId}`, name: profile.displayName };
}

/** What issuing a request needs besides its status entry: its issuer, template, holder and end of validity. */
export interface PreparedIssue {
  issuer: Issuer;
  template: CredentialTemplate;
  holder: { id: string; name?: string };
  validUntil?: Date;
}

/**
 * Checks a request and resolves what it names (DomainError when it cannot be issued). `preloaded`
 * spares a batch worker reading the same issuer and template for every row.
 */
export async function prepareIssue(
  deps: CredentialServiceDeps,
  now: Date,
  issuerId: string,
  request: IssueRequest,
  preloaded?: { issuer: Issuer; template: CredentialTemplate },
): Promise<PreparedIssue> {
  const issuer = preloaded?.issuer ?? (await deps.issuers.get(issuerId));
  if (!issuer) throw new DomainError('conflict', 'Register the issuer first (PUT /v1/issuers/me).');
  const template =
    preloaded?.template.templateId === request.templateId
      ? preloaded.template
      : await deps.issuers.getTemplate(request.templateId);
  if (!template)
    throw new DomainError('validation', 'No such credential template.', [{ path: 'templateId', message: 'not found' }]);
  if (template.issuerId !== issuerId) throw new DomainError('forbidden', 'That template belongs to another issuer.');
  const holder = await holderOf(deps, request.holder);
  const validUntil = request.validUntil ? new Date(request.validUntil) : undefined;
  if (validUntil && validUntil <= now) {
    throw new DomainError('validation', 'validUntil must be in the future.', [
      { path: 'validUntil', message: 'in the past' },
    ]);
  }
  return {
    issuer,
    template,
    holder: { id: holder.id, ...(holder.name ? { name: holder.name } : {}) },
    ...(validUntil ? { validUntil } : {}),
  };
}

/**
 * Builds and signs the credential for a prepared request and its claimed status entry: the record to
 * store. Only the vc+jwt is signed here; the Data Integrity proofs are made on the first request for
 * that securing (`CredentialService.dataIntegrityCredential`) and stored then: canonicalising JSON-LD
 * costs about fifty times the JWS signature, and neither a class of 10,000 nor a burst of single
 * issuances should wait for a securing only some wallets ask for.
 */
export async function signedCredentialRecord(
  deps: CredentialServiceDeps,
  now: Date,
  request: IssueRequest,
  credentialId: string,
  { issuer, template, holder, validUntil }: PreparedIssue,
  { listId, index }: { listId: string; index: number },
): Promise<IssuedCredential> {
  const vc = buildCredential({
    credentialUrl: credentialUrl(deps.origin, credentialId),
    templateUrl: templateUrl(deps.origin, template.templateId),
    template,
    issuer: issuerProfileOf(deps.origin, issuer),
    holder,
    skillLabel: deps.skillLabel,
    validFrom: now,
    ...(validUntil ? { validUntil } : {}),
    ...(request.grade ? { grade: request.grade } : {}),
    status: { listUrl: statusListUrl(deps.origin, listId), index },
  });
  const jwt = await signCredential(vc, deps.signer, now);
  return {
    credentialId,
    issuerId: issuer.issuerId,
    templateId: template.templateId,
    holder:
      'graduateId' in request.holder
        ? { kind: 'graduate', graduateId: request.holder.graduateId }
        : { kind: 'external', subjectId: request.holder.subjectId, emailHash: saltedEmailHash(request.holder.email) },
    status: 'active',
    statusListIndex: index,
    statusListId: listId,
    skills: template.learningOutcomes,
    ...(template.skillLevelStandard ? { skillLevelStandard: template.skillLevelStandard } : {}),
    validFrom: vc.validFrom,
    ...(vc.validUntil ? { validUntil: vc.validUntil } : {}),
    jwt,
    version: 1,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
}

/**
 * Issues one credential under `credentialId`: idempotent on that id (an existing credential is
 * returned as it is).
 */
export async function issueCredential(
  deps: CredentialServiceDeps,
  now: Date,
  issuerId: string,
  request: IssueRequest,
  credentialId: string,
  preloaded?: { issuer: Issuer; template: CredentialTemplate },
): Promise<IssuedResult> {
  const existing = await deps.credentials.get(credentialId);
  if (existing) return issuedResult(deps.origin, existing);
  const prepared = await prepareIssue(deps, now, issuerId, request, preloaded);
  const entry = await allocateStatusEntry(deps);
  const record = await signedCredentialRecord(deps, now, request, credentialId, prepared, entry);
  await deps.outbox.rememberAddresses(recipientAddresses([{ credentialId, request }]));
  return storeIssued(deps, record);
}

/**
 * The addresses to mail word of new credentials to: their external holders'. Remembered before the
 * credentials are stored, so the consumer of the issued event always finds them (an address whose
 * credential never got stored expires unused).
 */
export function recipientAddresses(
  rows: ReadonlyArray<{ credentialId: string; request: IssueRequest }>,
): RecipientAddress[] {
  return rows.flatMap(({ credentialId, request: { holder } }) =>
    'email' in holder ? [{ credentialId, email: holder.email, ...(holder.name ? { name: holder.name } : {}) }] : [],
  );
}

/** Stores a newly signed credential once: when a concurrent retry of the same issuance got there first, its record is the answer. */
export async function storeIssued(
  deps: Pick<CredentialServiceDeps, 'credentials' | 'origin'>,
  record: IssuedCredential,
): Promise<IssuedResult> {
  try {
    await deps.credentials.create(record);
  } catch (error) {
    const raced = await deps.credentials.get(record.credentialId);
    if (!raced) throw error;
    return issuedResult(deps.origin, raced);
  }
  return issuedResult(deps.origin, record);
}
