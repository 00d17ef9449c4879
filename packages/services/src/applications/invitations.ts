import { conflict, type Invitation, isJobOpen, type JobPosting, notFound } from '@skillpass/domain';
import { deterministicId, type ApplicationRepository, type InvitationRepository } from '@skillpass/store';
import type { MatchingDeps } from '../matching/maintenance.ts';
import { rankedCandidatesFor } from '../matching/queries.ts';

/**
 * An employer invites one of its open job's ranked candidates to apply. Only a graduate on that list can be invited
 * (discoverable, personalised matching on): anyone else is "no such candidate", so an invitation reveals nobody who
 * did not opt in. The graduate decides; their contact stays hidden until they apply. Inviting again changes nothing.
 */
export async function inviteCandidate(
  deps: MatchingDeps & { invitations: InvitationRepository; applications: Pick<ApplicationRepository, 'get'> },
  job: JobPosting,
  graduateId: string,
  message: string | undefined,
): Promise<{ invitation: Invitation; created: boolean }> {
  if (!isJobOpen(job, deps.clock())) throw conflict('This job is closed: invite candidates to an open job.');
  const { ranked } = await rankedCandidatesFor(deps, job);
  if (!ranked.some((candidate) => candidate.profile.graduateId === graduateId)) throw notFound('candidate');
  if (await deps.applications.get(deterministicId('app', job.jobId, graduateId))) {
    throw conflict('This candidate has already applied to this job.');
  }
  return deps.invitations.invite({ jobId: job.jobId, employerId: job.employerId, graduateId, message });
}
