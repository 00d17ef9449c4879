import { DomainError, type Employer, type Issuer } from '@skillpass/domain';
import { isoWeekOf, type Repositories } from '@skillpass/store';

/** What administrators (operators) do: accredit issuers, approve employers, read the platform's counts. */

const dateOf = (at: Date) => at.toISOString().slice(0, 10);

/** Whether the platform's accreditation of an issuer holds on a day (`YYYY-MM-DD`). */
export const accreditedOn = (issuer: Issuer, day: string): boolean =>
  !!issuer.platformAccreditation && issuer.platformAccreditation.validUntil >= day;

/** Issuers without a platform accreditation, or whose accreditation has run out, oldest registration first. */
export async function issuersAwaitingAccreditation({ issuers }: Pick<Repositories, 'issuers'>, now: Date) {
  const today = dateOf(now);
  return (await issuers.list())
    .filter((issuer) => !accreditedOn(issuer, today))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.issuerId.localeCompare(b.issuerId));
}

/** Accredits an issuer until a day after today (400 naming `validUntil` otherwise; 404 for no such issuer). */
export async function accreditIssuer(
  { issuers }: Pick<Repositories, 'issuers'>,
  input: { issuerId: string; validUntil: string; approvedBy: string; now: Date },
): Promise<Issuer> {
  if (input.validUntil <= dateOf(input.now)) {
    throw new DomainError('validation', 'validUntil must be a day after today.', [
      { path: 'validUntil', message: 'not in the future' },
    ]);
  }
  return issuers.accredit(input.issuerId, {
    validUntil: input.validUntil,
    approvedBy: input.approvedBy,
    approvedAt: input.now.toISOString(),
  });
}

export async function employersAwaitingApproval({ employers }: Pick<Repositories, 'employers'>): Promise<Employer[]> {
  return employers.listAwaitingApproval();
}

export async function approveEmployer(
  { employers }: Pick<Repositories, 'employers'>,
  input: { employerId: string; approvedBy: string; now: Date },
): Promise<Employer> {
  return employers.approve(input.employerId, { approvedBy: input.approvedBy, approvedAt: input.now.toISOString() });
}

export interface PlatformCounts {
  profiles: number;
  openJobs: number;
  applications: number;
  /** The ISO week the two credential counts are for (UTC), e.g. `2026-W49`. */
  week: string;
  credentialsIssuedThisWeek: number;
  credentialsRevokedThisWeek: number;
}

/** The platform's counts, read from the counters the pipeline keeps: one BatchGet, never a scan. */
export async function platformCounts({ counters }: Pick<Repositories, 'counters'>, now: Date): Promise<PlatformCounts> {
  const week = isoWeekOf(now);
  const [profiles, openJobs, applications, issued, revoked] = await counters.read([
    { counter: 'profiles', period: 'all' },
    { counter: 'openJobs', period: 'all' },
    { counter: 'applications', period: 'all' },
    { counter: 'credentialsIssued', period: week },
    { counter: 'credentialsRevoked', period: week },
  ]);
  return {
    profiles: profiles!,
    openJobs: openJobs!,
    applications: applications!,
    week,
    credentialsIssuedThisWeek: issued!,
    credentialsRevokedThisWeek: revoked!,
  };
}
