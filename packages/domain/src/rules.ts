import type { ApplicationStatus, IssuedCredential, JobPosting } from './entities.ts';
import { conflict, DomainError } from './errors.ts';

/**
 * Where an employer may move an application next: along `submitted → viewed → interview → offer → hired`, or to
 * `rejected` from any open status (an offer included). `hired`, `rejected` and `withdrawn` are final.
 */
export const APPLICATION_TRANSITIONS: Record<ApplicationStatus, readonly ApplicationStatus[]> = {
  submitted: ['viewed', 'rejected'],
  viewed: ['interview', 'rejected'],
  interview: ['offer', 'rejected'],
  offer: ['hired', 'rejected'],
  hired: [],
  rejected: [],
  withdrawn: [],
};

/** Where the graduate may withdraw their own application from: anywhere not yet final, an offer included. */
export const WITHDRAWABLE_STATUSES: readonly ApplicationStatus[] = ['submitted', 'viewed', 'interview', 'offer'];

/** Who moves an application: its employer, or the graduate who applied. */
export type ApplicationActor = 'employer' | 'graduate';

/**
 * The one rule of application moves: the graduate may only withdraw (403 for any other status), the employer may
 * never withdraw (403), and each move must start where it is allowed to (409 otherwise).
 */
export function assertApplicationTransition(
  from: ApplicationStatus,
  to: ApplicationStatus,
  by: ApplicationActor,
): void {
  if (by === 'graduate') {
    if (to !== 'withdrawn') throw new DomainError('forbidden', 'A graduate can only withdraw their application.');
    if (!WITHDRAWABLE_STATUSES.includes(from)) throw conflict(`A ${from} application cannot be withdrawn.`);
    return;
  }
  if (to === 'withdrawn') throw new DomainError('forbidden', 'Only the graduate who applied can withdraw.');
  if (!APPLICATION_TRANSITIONS[from].includes(to)) {
    const allowed = APPLICATION_TRANSITIONS[from];
    throw conflict(
      `An application cannot move from ${from} to ${to}; ${allowed.length ? `allowed: ${allowed.join(', ')}` : `${from} is final`}.`,
    );
  }
}

/** A job takes applications while open and until the end of its closing date (UTC). */
export function isJobOpen(job: Pick<JobPosting, 'status' | 'closingDate'>, now: Date): boolean {
  return job.status === 'open' && job.closingDate >= now.toISOString().slice(0, 10);
}

/** Revocation is final; only a suspended credential can be reinstated. */
export function assertCredentialStatusChange(from: IssuedCredential['status'], to: IssuedCredential['status']): void {
  if (from === 'revoked') throw conflict('A revoked credential stays revoked.');
  if (to === 'active' && from !== 'suspended') throw conflict('Only a suspended credential can be reinstated.');
}
