import {
  decodeStatusList,
  encodeStatusList,
  isStatusSet,
  signCompactJws,
  STATUS_LIST_SIZE,
  type StatusPurpose,
  VC_CONTEXT,
} from '@skillpass/credentials';
import { type IssuedCredential, notFound } from '@skillpass/domain';
import { dataIntegrityProofs, withProofs } from './data-integrity.ts';
import type { CredentialServiceDeps } from './deps.ts';
import { issuerUrl, PLATFORM_ISSUER_ID, statusListUrl } from './links.ts';

/** How long verifiers may cache a status list (seconds); also its `ttl`. */
export const STATUS_LIST_TTL_SECONDS = 300;

export type StatusAction = 'revoke' | 'suspend' | 'reinstate';

/** Revoke, suspend or reinstate, by the credential's own issuer only. */
export async function changeStatus(
  { credentials }: Pick<CredentialServiceDeps, 'credentials'>,
  issuerId: string,
  credentialId: string,
  action: StatusAction,
  why: { reason?: string | undefined; reasonPublic?: boolean | undefined } = {},
): Promise<IssuedCredential> {
  const credential = await credentials.get(credentialId);
  if (!credential || credential.issuerId !== issuerId) throw notFound('credential');
  // The repository applies the rules of status changes (revocation is final) under its read.
  const to = action === 'revoke' ? 'revoked' : action === 'suspend' ? 'suspended' : 'active';
  return credentials.changeStatus(credentialId, to, why);
}

/** Why a credential is revoked or suspended, as its issuer chose to tell everyone. */
export interface PublicStatusReason {
  status: 'revoked' | 'suspended';
  reason: string;
  at: string;
}

/**
 * The reason for the current revocation or suspension of a credential issued here (named by its URL), only when its
 * issuer made that reason public; a private reason never leaves the issuer's own views.
 */
export async function publicStatusReason(
  { credentials, origin }: Pick<CredentialServiceDeps, 'credentials' | 'origin'>,
  credentialUrl: string,
): Promise<PublicStatusReason | undefined> {
  const prefix = `${origin}/credentials/`;
  if (!credentialUrl.startsWith(prefix)) return undefined;
  const credential = await credentials.get(credentialUrl.slice(prefix.length));
  if (!credential || credential.status === 'active') return undefined;
  const change = credential.statusChanges?.findLast((c) => c.status === credential.status);
  if (!change?.reasonPublic || !change.reason) return undefined;
  return { status: credential.status, reason: change.reason, at: change.at };
}

/** An entry of a status list this platform publishes; 'unknown' for a URL that names none of its lists. */
export async function ownStatusOf(
  { credentials, origin }: Pick<CredentialServiceDeps, 'credentials' | 'origin'>,
  listUrl: string,
  index: number,
  purpose: StatusPurpose,
): Promise<'set' | 'unset' | 'unknown'> {
  const match = /^([\w-]+)\/(\w+)$/.exec(listUrl.slice(`${origin}/status-lists/`.length));
  if (!match || match[2] !== purpose) return 'unknown';
  const state = await credentials.getStatusList(match[1]!, STATUS_LIST_SIZE);
  const bits = decodeStatusList(encodeStatusList(purpose === 'revocation' ? state.revoked : state.suspended));
  return isStatusSet(bits, index) ? 'set' : 'unset';
}

/** Which securing a status list is published in: vc+jwt, or the JSON-LD credential with Data Integrity proofs. */
export type StatusListSecuring = 'vc+jwt' | 'data-integrity';

/** The signed BitstringStatusListCredential for one list and purpose; undefined for a list no credential uses. */
export async function publishedStatusList(
  deps: Pick<CredentialServiceDeps, 'credentials' | 'origin' | 'signer' | 'proofSigners'>,
  listId: string,
  purpose: StatusPurpose,
  now: Date,
  securing: StatusListSecuring = 'vc+jwt',
): Promise<string | undefined> {
  if (!(await deps.credentials.isStatusListInUse(listId))) return undefined;
  if (securing === 'vc+jwt') return statusListJws(deps, listId, purpose, now);
  const credential = await statusListCredential(deps, listId, purpose, now);
  const proofs = await dataIntegrityProofs(deps, credential, credential.issuer.id, now);
  return proofs.length > 0 ? JSON.stringify(withProofs(credential, proofs)) : undefined;
}

/** The BitstringStatusListCredential for one list and purpose, unsigned: the platform issues it. */
async function statusListCredential(
  { credentials, origin }: Pick<CredentialServiceDeps, 'credentials' | 'origin'>,
  listId: string,
  purpose: StatusPurpose,
  now: Date,
) {
  const state = await credentials.getStatusList(listId, STATUS_LIST_SIZE);
  const url = `${statusListUrl(origin, listId)}/${purpose}`;
  return {
    '@context': [VC_CONTEXT],
    id: url,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    // Only terms the VC 2.0 context defines (its sole context): `Profile` is an Open Badges class.
    issuer: { id: issuerUrl(origin, PLATFORM_ISSUER_ID), name: 'skillpass' },
    validFrom: now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    credentialSubject: {
      id: `${url}#list`,
      type: 'BitstringStatusList',
      statusPurpose: purpose,
      encodedList: encodeStatusList(purpose === 'revocation' ? state.revoked : state.suspended),
      ttl: STATUS_LIST_TTL_SECONDS * 1000,
    },
  };
}

/** The signed BitstringStatusListCredential for one list and purpose. */
export async function statusListJws(
  { credentials, origin, signer }: Pick<CredentialServiceDeps, 'credentials' | 'origin' | 'signer'>,
  listId: string,
  purpose: StatusPurpose,
  now: Date,
): Promise<string> {
  const credential = await statusListCredential({ credentials, origin }, listId, purpose, now);
  return signCompactJws(
    { ...credential, iss: credential.issuer.id, jti: credential.id, iat: Math.floor(now.getTime() / 1000) },
    signer,
    'vc+jwt',
  );
}
