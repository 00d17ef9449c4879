import {
  type Application,
  type ApplicationRecord,
  type ErasedApplication,
  type GraduateProfile,
  isErasedApplication,
} from '@skillpass/domain';
import type { ProfileRepository } from '@skillpass/store';

/** One skill of an applicant: claimed with a proficiency, backed by a credential (`verified`), or both. */
export interface ApplicantSkill {
  uri: string;
  proficiency?: number;
  verified: boolean;
}

/** What applying shares with the job's employer: who the applicant is, how to reach them, and their profile summary. */
export interface ApplicantSummary {
  name: string;
  contactEmail: string;
  skills: ApplicantSkill[];
  languages: GraduateProfile['languages'];
  education: GraduateProfile['education'];
}

/** An application as its employer reads it: with the applicant while their consent stands, anonymised after erasure. */
export type EmployerApplicationView = (Application & { applicant?: ApplicantSummary }) | ErasedApplication;

/** Claimed skills first, each marked verified when a credential backs it, then skills only a credential shows. */
export function applicantSummaryOf(profile: GraduateProfile): ApplicantSummary {
  const verified = new Set(profile.verifiedSkills.map((skill) => skill.uri));
  const claimed = new Set(profile.skills.map((skill) => skill.uri));
  return {
    name: profile.displayName,
    contactEmail: profile.contactEmail,
    skills: [
      ...profile.skills.map((skill) => ({ ...skill, verified: verified.has(skill.uri) })),
      ...[...verified].filter((uri) => !claimed.has(uri)).map((uri) => ({ uri, verified: true })),
    ],
    languages: profile.languages,
    education: profile.education,
  };
}

/**
 * Applying is the graduate's consent to share their contact and profile summary with that job's employer; withdrawing
 * takes it back, so a withdrawn application shows no applicant. The caller has checked that the employer owns the job.
 */
export async function withApplicants(
  profiles: Pick<ProfileRepository, 'getMany'>,
  records: readonly ApplicationRecord[],
): Promise<EmployerApplicationView[]> {
  const sharing = records.filter(
    (record): record is Application => !isErasedApplication(record) && record.status !== 'withdrawn',
  );
  const found = await profiles.getMany(sharing.map((application) => application.graduateId));
  return records.map((record) => {
    if (isErasedApplication(record) || record.status === 'withdrawn') return record;
    const profile = found.get(record.graduateId);
    return profile ? { ...record, applicant: applicantSummaryOf(profile) } : record;
  });
}
