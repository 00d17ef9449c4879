import {
  ACHIEVEMENT_TYPES,
  allDataModelViolations,
  missingEuMandatoryElements,
  type RuleViolation,
  signCredential,
  statusEntriesFor,
  type VerifiableCredential,
} from '@skillpass/credentials';
import { DomainError, escoSkillUriSchema, type IssuedCredential } from '@skillpass/domain';
import * as z from 'zod/mini';
import type { CredentialServiceDeps, IssuedResult } from './deps.ts';
import { issuedResult, storeIssued } from './issuance.ts';
import { credentialUrl, issuerUrl, statusListUrl, templateUrl } from './links.ts';
import { allocateStatusEntry } from './status-entries.ts';

/**
 * Issuing a full W3C credential (the VC API's `POST /credentials/issue`): the issuer writes the
 * credential, skillpass checks it against VC DM 2.0, gives it a status entry so it can be revoked,
 * signs it and stores it like any other, once per credential id (its Data Integrity proofs, like every
 * credential's, are made on the first request for them and then kept).
 */

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => !!value && typeof value === 'object' && !Array.isArray(value);
const GRADUATE_SUBJECT = /^urn:skillpass:graduate:(.+)$/;

const invalid = (message: string, violations: readonly RuleViolation[]) =>
  new DomainError(
    'validation',
    message,
    violations.map((v) => ({ path: v.path ? `credential.${v.path}` : 'credential', message: v.message })),
  );

/** What skillpass itself writes into the credential: the issuer may not set it, or sign it first. */
function refusedProperties(credential: Json): RuleViolation[] {
  return [
    ...(credential.proof !== undefined
      ? [{ path: 'proof', message: 'send the credential unsecured: skillpass adds the proofs' }]
      : []),
    ...(credential.credentialStatus !== undefined
      ? [{ path: 'credentialStatus', message: 'skillpass allocates the status entries, so that it can revoke' }]
      : []),
  ];
}

/** The ESCO skills the credential's achievement aligns to: what it proves in matching. */
function escoSkillsOf(credential: Json): string[] {
  const subjects = Array.isArray(credential.credentialSubject)
    ? credential.credentialSubject
    : [credential.credentialSubject];
  const urls = subjects.flatMap((subject) => {
    const alignment = isObject(subject) && isObject(subject.achievement) ? subject.achievement.alignment : undefined;
    return Array.isArray(alignment) ? alignment.map((a) => (isObject(a) ? a.targetUrl : undefined)) : [];
  });
  return [...new Set(urls.filter((url): url is string => z.safeParse(escoSkillUriSchema(), url).success))];
}

/** The one subject's id, if the credential names exactly one subject with an id. */
function subjectIdOf(credential: Json): string | undefined {
  const subject = credential.credentialSubject;
  return isObject(subject) && typeof subject.id === 'string' ? subject.id : undefined;
}

/**
 * Checks a full credential for issuing as `issuerId`: VC DM 2.0 rules (400 naming each broken rule),
 * an achievement type, and the caller's own issuer id (403). Returns the credential to secure.
 */
async function checkedCredential(
  deps: CredentialServiceDeps,
  now: Date,
  issuerId: string,
  credential: unknown,
): Promise<Json> {
  if (!isObject(credential))
    throw invalid('The credential must be a JSON object.', [{ path: '', message: 'not an object' }]);
  const violations = [...refusedProperties(credential), ...(await allDataModelViolations(credential))];
  if (violations.length > 0) throw invalid('The credential breaks VC Data Model 2.0 rules.', violations);
  const types = Array.isArray(credential.type) ? credential.type : [credential.type];
  if (!types.some((t) => (ACHIEVEMENT_TYPES as readonly unknown[]).includes(t)))
    throw invalid('skillpass issues achievement credentials only.', [
      { path: 'type', message: `must include one of ${ACHIEVEMENT_TYPES.join(', ')}` },
    ]);
  // An Open Badges credential here is an EU micro-credential: without its mandatory elements it would never verify.
  const missing = types.includes('OpenBadgeCredential')
    ? missingEuMandatoryElements(credential as unknown as VerifiableCredential)
    : [];
  if (missing.length > 0)
    throw invalid('The credential lacks EU mandatory elements of a micro-credential.', [
      { path: 'credentialSubject.achievement', message: `missing: ${missing.join(', ')}` },
    ]);
  const own = issuerUrl(deps.origin, issuerId);
  const named = typeof credential.issuer === 'string' ? credential.issuer : (credential.issuer as Json).id;
  if (named !== own)
    throw new DomainError(
      'forbidden',
      `The credential's issuer must be your own issuer id, ${own}; it names ${String(named)}.`,
    );
  if (typeof credential.validUntil === 'string' && Date.parse(credential.validUntil) <= now.getTime())
    throw invalid('The credential has already expired.', [{ path: 'validUntil', message: 'in the past' }]);
  return credential;
}

/** The holder as stored: a graduate here when the subject is their skillpass id and they exist, anyone else by subject id. */
async function holderOf(
  deps: CredentialServiceDeps,
  subjectId: string | undefined,
): Promise<IssuedCredential['holder']> {
  const graduateId = subjectId ? GRADUATE_SUBJECT.exec(subjectId)?.[1] : undefined;
  if (graduateId && (await deps.profiles.get(graduateId))) return { kind: 'graduate', graduateId };
  return { kind: 'external', subjectId: subjectId ?? '' };
}

/** The template the credential's achievement names, when it is one of this issuer's: kept on the record. */
async function templateIdOf(deps: CredentialServiceDeps, issuerId: string, credential: Json): Promise<string> {
  const subject = credential.credentialSubject;
  const achievementId = isObject(subject) && isObject(subject.achievement) ? subject.achievement.id : undefined;
  const prefix = templateUrl(deps.origin, '');
  if (typeof achievementId !== 'string' || !achievementId.startsWith(prefix)) return '';
  const template = await deps.issuers.getTemplate(decodeURIComponent(achievementId.slice(prefix.length)));
  return template?.issuerId === issuerId ? template.templateId : '';
}

/** Issues a full W3C credential as `issuerId` under `credentialId`; idempotent on that id. */
export async function issueW3cCredential(
  deps: CredentialServiceDeps,
  now: Date,
  issuerId: string,
  input: unknown,
  credentialId: string,
): Promise<IssuedResult> {
  const existing = await deps.credentials.get(credentialId);
  if (existing) return issuedResult(deps.origin, existing);
  if (!(await deps.issuers.get(issuerId)))
    throw new DomainError('conflict', 'Register the issuer first (PUT /v1/issuers/me).');
  const checked = await checkedCredential(deps, now, issuerId, input);
  const [holder, templateId] = await Promise.all([
    holderOf(deps, subjectIdOf(checked)),
    templateIdOf(deps, issuerId, checked),
  ]);
  const { listId, index } = await allocateStatusEntry(deps);
  const vc: Json = {
    ...checked,
    id: typeof checked.id === 'string' ? checked.id : credentialUrl(deps.origin, credentialId),
    credentialStatus: statusEntriesFor({ listUrl: statusListUrl(deps.origin, listId), index }),
  };
  // The rules checked the shapes the JWT claims are read from: issuer, credentialSubject, the dates.
  const jwt = await signCredential(vc as unknown as Parameters<typeof signCredential>[0], deps.signer, now);
  const record: IssuedCredential = {
    credentialId,
    issuerId,
    templateId,
    holder,
    status: 'active',
    statusListIndex: index,
    statusListId: listId,
    skills: escoSkillsOf(vc),
    validFrom: new Date(typeof vc.validFrom === 'string' ? vc.validFrom : now).toISOString(),
    ...(typeof vc.validUntil === 'string' ? { validUntil: new Date(vc.validUntil).toISOString() } : {}),
    jwt,
    version: 1,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
  return storeIssued(deps, record);
}
