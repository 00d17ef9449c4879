import type { ApplicationStatus, IssuedCredential, JobPosting } from './entities.ts';
import { conflict } from './errors.ts';

/** Where an application may go next. `offer` and `rejected` are final. */
export const APPLICATION_TRANSITIONS: Record<ApplicationStatus, readonly ApplicationStatus[]> = {
  submitted: ['viewed', 'rejected'],
  viewed: ['interview', 'rejected'],
  interview: ['offer', 'rejected'],
  offer: [],
  rejected: [],
};

export function assertApplicationTransition(from: ApplicationStatus, to: ApplicationStatus): void {
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
