import {
  type StatusPurpose,
  readStatusEntries,
  type TrustedIssuer,
  type VerifiableCredential,
  type VerificationReport,
} from '@skillpass/credentials';
import { DomainError, notFound } from '@skillpass/domain';
import { deterministicId, type HeldCredential, type Repositories } from '@skillpass/store';

export interface HeldImportDeps extends Pick<Repositories, 'profiles' | 'credentials'> {
  credentialService: { verifyForImport(input: unknown): Promise<VerificationReport & { jwt: string }> };
  /** Only skills the taxonomy knows become verified skills: a credential may align to anything. */
  taxonomy: { isKnownSkill(uri: string): boolean };
  clock: () => Date;
}

/**
 * What a graduate's imported credential is kept as: the issuer, a title (the achievement's name,
 * else the credential's), the ESCO skills it certifies that the taxonomy knows, and its expiry.
 * The id follows from graduate and credential, so importing the same credential twice keeps one.
 */
export function heldCredentialOf(
  graduateId: string,
  jwt: string,
  vc: VerifiableCredential,
  isKnownSkill: (uri: string) => boolean,
  now: Date,
): HeldCredential {
  const skills = (vc.credentialSubject?.achievement?.alignment ?? [])
    .map((a) => a.targetUrl)
    .filter((uri) => isKnownSkill(uri));
  return {
    heldId: deterministicId('held', graduateId, vc.id),
    graduateId,
    jwt,
    issuerId: typeof vc.issuer === 'string' ? vc.issuer : vc.issuer.id,
    title:
      vc.credentialSubject?.achievement?.name ?? (typeof vc.name === 'string' ? vc.name : undefined) ?? 'credential',
    skills,
    ...(vc.validUntil ? { validUntil: vc.validUntil } : {}),
    importedAt: now.toISOString(),
  };
}

/** The subject id this platform gives a graduate: the only subject a graduate has proven to be, so far. */
export const graduateSubjectId = (graduateId: string) => `urn:skillpass:graduate:${graduateId}`;

/**
 * A credential counts as the caller's only if every subject it names is the caller. Proving another
 * identifier (a DID by a signed presentation, a verified email) is not available yet, so those are refused.
 */
function assertSubjectIsCaller(graduateId: string, vc: VerifiableCredential): void {
  const subjects: unknown[] = Array.isArray(vc.credentialSubject) ? vc.credentialSubject : [vc.credentialSubject];
  const mine = graduateSubjectId(graduateId);
  const others = subjects
    .map((s) => (s && typeof s === 'object' ? (s as { id?: unknown }).id : undefined))
    .filter((id) => id !== mine);
  if (subjects.length > 0 && others.length === 0) return;
  throw new DomainError(
    'forbidden',
    `This credential was issued to ${others.map((id) => String(id ?? 'an unnamed subject')).join(', ')}, not to you. Only credentials whose subject is your skillpass id (${mine}) can be imported; proving another identifier (a DID by a signed presentation, or a verified email) is not supported yet.`,
    [{ path: 'credentialSubject.id', message: `must be ${mine}` }],
  );
}

/** Where a held credential stands now: read again from its status lists. Anything but active stops its skills counting. */
export type HeldStanding = 'active' | 'revoked' | 'suspended' | 'unknown';

export interface StandingDeps {
  trustedIssuer(issuerId: string): Promise<TrustedIssuer | undefined>;
  statusOf(
    listUrl: string,
    index: number,
    purpose: StatusPurpose,
    issuer?: TrustedIssuer,
  ): Promise<'set' | 'unset' | 'unknown'>;
}

/**
 * Re-reads the status of a credential stored here (its signature was verified on import). A credential
 * with no status entry stays active; one whose list cannot be read is unknown, never active.
 */
export async function heldStandingOf(deps: StandingDeps, jwt: string): Promise<HeldStanding> {
  let payload: { issuer?: unknown; credentialStatus?: unknown };
  try {
    // Kept as imported: a compact JWS, or the JSON of a Data Integrity credential.
    payload = JSON.parse(
      jwt.startsWith('{') ? jwt : Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8'),
    );
  } catch {
    return 'unknown';
  }
  const issuerId =
    typeof payload.issuer === 'string' ? payload.issuer : (payload.issuer as { id?: unknown } | undefined)?.id;
  const issuer = typeof issuerId === 'string' ? await deps.trustedIssuer(issuerId).catch(() => undefined) : undefined;
  const states = new Set<HeldStanding>();
  for (const { purpose, state } of await readStatusEntries(
    payload.credentialStatus,
    (...a) => deps.statusOf(...a),
    issuer,
  )) {
    if (state === 'set') states.add(purpose === 'revocation' ? 'revoked' : 'suspended');
    if (state === 'unknown') states.add('unknown');
  }
  return (['revoked', 'suspended', 'unknown'] as const).find((s) => states.has(s)) ?? 'active';
}

/** A graduate brings a credential: it is kept only if it verifies; a failed check is unprocessable, naming the checks. */
export async function importHeldCredential(
  deps: HeldImportDeps,
  graduateId: string,
  input: unknown,
): Promise<{ held: HeldCredential; report: Pick<VerificationReport, 'verified' | 'checks'> }> {
  if (!(await deps.profiles.get(graduateId))) throw notFound('profile');
  const report = await deps.credentialService.verifyForImport(input);
  if (!report.verified || !report.credential) {
    const failed = Object.entries(report.checks).filter(([, check]) => check.result === 'failed');
    throw new DomainError(
      'unprocessable',
      'The credential did not verify, so it was not imported.',
      failed.map(([name, check]) => ({ path: `checks.${name}`, message: check.message })),
    );
  }
  assertSubjectIsCaller(graduateId, report.credential);
  const held = heldCredentialOf(
    graduateId,
    report.jwt,
    report.credential,
    (uri) => deps.taxonomy.isKnownSkill(uri),
    deps.clock(),
  );
  await deps.credentials.putHeld(held);
  return { held, report: { verified: report.verified, checks: report.checks } };
}
