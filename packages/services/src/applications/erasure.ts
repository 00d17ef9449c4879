import type { ApplicationRepository, FairRepository, ProfileRepository } from '@skillpass/store';
import { freeAllBookedPlaces } from '../fairs/service.ts';

/**
 * A graduate erases their data: every item they own goes, but each employer they applied to keeps an anonymised
 * record of the application (status history, no personal data), and every fair interview place they booked goes
 * back to its slot. Both happen first, so a crash in between leaves the graduate's data to erase on the retry and
 * nothing of the employer's history or the fair's places lost.
 */
export async function eraseGraduateData(
  deps: {
    applications: Pick<ApplicationRepository, 'keepAnonymised'>;
    profiles: Pick<ProfileRepository, 'erase'>;
    fairs: Pick<FairRepository, 'registrationsOfGraduate' | 'bookingsOfGraduate' | 'cancelBooking'>;
  },
  graduateId: string,
): Promise<{ deletedItems: number; applicationsKept: number }> {
  const applicationsKept = await deps.applications.keepAnonymised(graduateId);
  await freeAllBookedPlaces(deps, graduateId);
  const { deletedItems } = await deps.profiles.erase(graduateId);
  return { deletedItems, applicationsKept };
}
