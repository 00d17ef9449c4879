import type { ApplicationRepository, ProfileRepository } from '@skillpass/store';

/**
 * A graduate erases their data: every item they own goes, but each employer they applied to keeps an anonymised
 * record of the application (status history, no personal data). The records are written first, so a crash in
 * between leaves the graduate's data to erase on the retry and nothing of the employer's history lost.
 */
export async function eraseGraduateData(
  deps: { applications: Pick<ApplicationRepository, 'keepAnonymised'>; profiles: Pick<ProfileRepository, 'erase'> },
  graduateId: string,
): Promise<{ deletedItems: number; applicationsKept: number }> {
  const applicationsKept = await deps.applications.keepAnonymised(graduateId);
  const { deletedItems } = await deps.profiles.erase(graduateId);
  return { deletedItems, applicationsKept };
}
