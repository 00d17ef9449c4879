import type { ApplicationRepository, CourseRepository, FairRepository, ProfileRepository } from '@skillpass/store';
import { freeAllCourseSeats } from '../courses/service.ts';
import { freeAllBookedPlaces } from '../fairs/service.ts';

/**
 * A graduate erases their data: every item they own goes, but each employer they applied to keeps an anonymised
 * record of the application (status history, no personal data), and every fair interview place and course seat
 * they hold goes back. These happen first, so a crash in between leaves the graduate's data to erase on the retry and
 * nothing of the employer's history or the fair's places lost.
 */
export async function eraseGraduateData(
  deps: {
    applications: Pick<ApplicationRepository, 'keepAnonymised'>;
    profiles: Pick<ProfileRepository, 'erase'>;
    fairs: Pick<FairRepository, 'registrationsOfGraduate' | 'bookingsOfGraduate' | 'cancelBooking'>;
    courses: Pick<CourseRepository, 'enrolmentsOfGraduate' | 'cancelEnrolment'>;
    clock: () => Date;
  },
  graduateId: string,
): Promise<{ deletedItems: number; applicationsKept: number }> {
  const applicationsKept = await deps.applications.keepAnonymised(graduateId);
  await freeAllBookedPlaces(deps, graduateId);
  await freeAllCourseSeats(deps, graduateId);
  const { deletedItems } = await deps.profiles.erase(graduateId);
  return { deletedItems, applicationsKept };
}
