import type { VerifiableCredential, VerificationReport } from '@skillpass/credentials';
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
  const skills = (vc.credentialSubject?.achievement?.alignment ?? []).map((a) => a.targetUrl).filter((uri) => isKnownSkill(uri));
  return {
    heldId: deterministicId('held', graduateId, vc.id),
    graduateId,
    jwt,
    issuerId: typeof vc.issuer === 'string' ? vc.issuer : vc.issuer.id,
    title: vc.credentialSubject?.achievement?.name ?? vc.name ?? 'credential',
    skills,
    ...(vc.validUntil ? { validUntil: vc.validUntil } : {}),
    importedAt: now.toISOString(),
  };
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
  const held = heldCredentialOf(graduateId, report.jwt, report.credential, (uri) => deps.taxonomy.isKnownSkill(uri), deps.clock());
  await deps.credentials.putHeld(held);
  return { held, report: { verified: report.verified, checks: report.checks } };
}
