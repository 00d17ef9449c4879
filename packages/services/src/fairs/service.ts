import { randomBytes } from 'node:crypto';
import {
  assertBoothFitsFair,
  assertValidFairInput,
  type Booth,
  type BoothInput,
  buildFairReport,
  conflict,
  DomainError,
  type DeltaProvinceCode,
  type Fair,
  type FairApplicationFact,
  type FairBooking,
  type FairInput,
  type FairRegistration,
  type FairRegistrationInput,
  type FairReport,
  invalid,
  isErasedApplication,
  isJobOpen,
  type JobPosting,
  notFound,
  provinceOfCity,
  provincesShown,
  slotsOf,
} from '@skillpass/domain';
import { compareMatches, scoreJobForProfile } from '@skillpass/matching';
import { type FairSlotState, newId, type Repositories } from '@skillpass/store';
import { type Explanation, type MatchingDeps, toMatchJob, toMatchProfile } from '../matching/maintenance.ts';

/** What the fair use cases run on: the repositories they read and write, the skill graph, the time. */
export type FairDeps = MatchingDeps & Pick<Repositories, 'fairs' | 'applications'>;

/** Who acts on a fair: organisers own the fairs they create; an administrator may act on any. */
export interface FairActor {
  id: string;
  admin: boolean;
}

// Check-in codes: 12 characters of an alphabet without look-alikes (60 bits), easy to type from a phone screen.
const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const CHECK_IN_CODE_PATTERN = /^[2-9A-HJ-NP-Z]{12}$/;

function newCheckInCode(): string {
  return [...randomBytes(12)].map((byte) => CODE_ALPHABET[byte % 32]).join('');
}

export async function createFair(deps: FairDeps, organiserId: string, input: FairInput): Promise<Fair> {
  assertValidFairInput(input);
  const now = deps.clock();
  const fair: Fair = { ...input, fairId: newId('fair', now), organiserId, createdAt: now.toISOString() };
  await deps.fairs.createFair(fair);
  return fair;
}

/** A fair its organiser (or an administrator) manages; anyone else is told it does not exist. */
export async function ownedFair(deps: Pick<FairDeps, 'fairs'>, fairId: string, actor: FairActor): Promise<Fair> {
  const fair = await deps.fairs.getFair(fairId);
  if (!fair || (fair.organiserId !== actor.id && !actor.admin)) throw notFound('fair');
  return fair;
}

async function existingFair(deps: Pick<FairDeps, 'fairs'>, fairId: string): Promise<Fair> {
  const fair = await deps.fairs.getFair(fairId);
  if (!fair) throw notFound('fair');
  return fair;
}

/** An employer's booth with some of their own open jobs; the jobs are checked one by one and named when wrong. */
export async function registerBooth(deps: FairDeps, employerId: string, fairId: string, input: BoothInput) {
  const fair = await existingFair(deps, fairId);
  assertBoothFitsFair(fair, input);
  const now = deps.clock();
  const jobs = await Promise.all(input.jobIds.map((id) => deps.jobs.get(id)));
  const issues = jobs.flatMap((job, index) =>
    !job || job.employerId !== employerId
      ? [{ path: `jobIds.${index}`, message: 'not one of your jobs' }]
      : !isJobOpen(job, now)
        ? [{ path: `jobIds.${index}`, message: 'this job is closed' }]
        : [],
  );
  if (issues.length > 0) throw invalid('Some jobs cannot be shown at the booth.', issues);
  const booth: Booth = {
    fairId,
    employerId,
    jobIds: input.jobIds,
    cityCode: input.cityCode,
    ...(input.sector !== undefined ? { sector: input.sector } : {}),
    slots: slotsOf(input),
    createdAt: now.toISOString(),
  };
  await deps.fairs.createBooth(booth);
  return booth;
}

export async function registerGraduate(
  deps: FairDeps,
  graduateId: string,
  fairId: string,
  input: FairRegistrationInput,
): Promise<FairRegistration> {
  await existingFair(deps, fairId);
  if (!(await deps.profiles.get(graduateId))) {
    throw conflict('Create your profile (PUT /v1/profiles/me) before registering for a fair.');
  }
  const registration: FairRegistration = {
    fairId,
    graduateId,
    homeCityCode: input.homeCityCode,
    crossRegion: input.crossRegion,
    checkInCode: newCheckInCode(),
    createdAt: deps.clock().toISOString(),
  };
  await deps.fairs.register(registration);
  return registration;
}

export async function myRegistration(deps: Pick<FairDeps, 'fairs'>, fairId: string, graduateId: string) {
  const registration = await deps.fairs.getRegistration(fairId, graduateId);
  if (!registration) throw notFound('registration');
  return registration;
}

export interface RankedFairJob {
  job: JobPosting;
  score: number;
  explanation: Explanation;
}
export interface RankedBooth {
  employerId: string;
  cityCode: Booth['cityCode'];
  province: DeltaProvinceCode;
  sector?: string;
  /** The best of its jobs' scores: booths are ranked by it. */
  score: number;
  jobs: RankedFairJob[];
  slots: Array<FairSlotState & { remaining: number; bookedByMe: boolean }>;
}
export interface FairList {
  registration: FairRegistration;
  /** The provinces the graduate's regions of interest (profile preferred places) cover. */
  provincesOfInterest: DeltaProvinceCode[];
  booths: RankedBooth[];
  /** Booths left out because they stand in provinces outside the graduate's interest (no cross-region opt-in). */
  boothsInOtherProvinces: number;
  bookings: FairBooking[];
}

/**
 * A registered graduate's fair list: the booths' open jobs scored by the matching engine against the current
 * profile (the same scores as their match list), jobs and booths ranked by score.
 */
export async function fairListFor(deps: FairDeps, fairId: string, graduateId: string): Promise<FairList> {
  const registration = await myRegistration(deps, fairId, graduateId);
  const [contents, profile] = await Promise.all([deps.fairs.contents(fairId), deps.profiles.get(graduateId)]);
  if (!contents || !profile) throw notFound('fair');
  const provincesOfInterest = [
    ...new Set(profile.preferredPlaces.flatMap((p) => (p.kind === 'delta' ? [provinceOfCity(p.cityCode)] : []))),
  ];
  const shown = provincesShown(registration, provincesOfInterest);
  const visible = contents.booths.filter((b) => shown === 'all' || shown.has(provinceOfCity(b.cityCode)));
  const now = deps.clock();
  const jobs = new Map(
    (await deps.matchingIndex.getJobs(visible.flatMap((b) => b.jobIds)))
      .filter((job) => isJobOpen(job, now))
      .map((job) => [job.jobId, job]),
  );
  const matchProfile = toMatchProfile(profile);
  const bookings = contents.bookings.filter((b) => b.graduateId === graduateId);
  const booths = visible.map((booth): RankedBooth => {
    const ranked = booth.jobIds
      .flatMap((id) => (jobs.has(id) ? [jobs.get(id)!] : []))
      .map((job) => ({ job, match: scoreJobForProfile(matchProfile, toMatchJob(job), deps.taxonomy) }))
      .sort((a, b) =>
        compareMatches(
          { score: a.match.score, postedAt: a.job.postedAt, id: a.job.jobId },
          { score: b.match.score, postedAt: b.job.postedAt, id: b.job.jobId },
        ),
      )
      .map(({ job, match }) => ({ job, score: match.score, explanation: match.explanation }));
    return {
      employerId: booth.employerId,
      cityCode: booth.cityCode,
      province: provinceOfCity(booth.cityCode),
      ...(booth.sector !== undefined ? { sector: booth.sector } : {}),
      score: ranked[0]?.score ?? 0,
      jobs: ranked,
      slots: contents.slots
        .filter((s) => s.employerId === booth.employerId)
        .sort((a, b) => a.startsAt.localeCompare(b.startsAt))
        .map((s) => ({
          ...s,
          remaining: s.capacity - s.booked,
          bookedByMe: bookings.some((b) => b.employerId === booth.employerId && b.slotId === s.slotId),
        })),
    };
  });
  booths.sort((a, b) => b.score - a.score || a.employerId.localeCompare(b.employerId));
  return {
    registration,
    provincesOfInterest,
    booths,
    boothsInOtherProvinces: contents.booths.length - visible.length,
    bookings,
  };
}

export async function bookSlot(
  deps: FairDeps,
  fairId: string,
  graduateId: string,
  target: { employerId: string; slotId: string },
): Promise<FairBooking> {
  await myRegistration(deps, fairId, graduateId);
  const booth = await deps.fairs.getBooth(fairId, target.employerId);
  const slot = booth?.slots.find((s) => s.slotId === target.slotId);
  if (!booth || !slot) throw notFound('interview slot');
  const booking: FairBooking = {
    fairId,
    employerId: booth.employerId,
    graduateId,
    slotId: slot.slotId,
    startsAt: slot.startsAt,
    createdAt: deps.clock().toISOString(),
  };
  await deps.fairs.book(booking);
  return booking;
}

/** The graduate gives a booked interview place back; a 404 when they hold no booking at that booth. */
export async function cancelBooking(
  deps: Pick<FairDeps, 'fairs'>,
  fairId: string,
  graduateId: string,
  employerId: string,
): Promise<void> {
  if (!(await deps.fairs.cancelBooking(fairId, employerId, graduateId))) throw notFound('booking');
}

/**
 * The graduate withdraws from a fair: their booked places go back first, then the registration and its check-in
 * code (a crash in between leaves a registration without bookings, which the retry removes). After check-in the
 * registration is part of the fair's report and stays (409).
 */
export async function cancelRegistration(deps: Pick<FairDeps, 'fairs'>, fairId: string, graduateId: string) {
  const registration = await myRegistration(deps, fairId, graduateId);
  if (registration.checkedInAt)
    throw conflict('You have checked in at this fair, so your registration stays in its report.');
  await freeBookedPlaces(deps, fairId, graduateId);
  if (!(await deps.fairs.cancelRegistration(fairId, graduateId))) throw notFound('registration');
}

type PlaceFreeing = {
  fairs: Pick<Repositories['fairs'], 'registrationsOfGraduate' | 'bookingsOfGraduate' | 'cancelBooking'>;
};

/** Every place the graduate booked at every fair goes back to its slot: erasure calls this before deleting. */
export async function freeAllBookedPlaces(deps: PlaceFreeing, graduateId: string): Promise<number> {
  let freed = 0;
  for (const { fairId } of await deps.fairs.registrationsOfGraduate(graduateId))
    freed += await freeBookedPlaces(deps, fairId, graduateId);
  return freed;
}

async function freeBookedPlaces(deps: PlaceFreeing, fairId: string, graduateId: string) {
  let freed = 0;
  for (const booking of await deps.fairs.bookingsOfGraduate(fairId, graduateId))
    if (await deps.fairs.cancelBooking(fairId, booking.employerId, graduateId)) freed++;
  return freed;
}

/**
 * Checks a registration in by its code. The fair's organiser, an employer with a booth there, or an
 * administrator may; for anyone else the fair does not exist. A second check-in keeps the first time.
 */
export async function checkInByCode(
  deps: FairDeps,
  fairId: string,
  code: string,
  actor: FairActor,
): Promise<{ registration: FairRegistration; alreadyCheckedIn: boolean }> {
  const fair = await existingFair(deps, fairId);
  const allowed =
    actor.admin || fair.organiserId === actor.id || (await deps.fairs.getBooth(fairId, actor.id)) !== undefined;
  if (!allowed) throw notFound('fair');
  const found = CHECK_IN_CODE_PATTERN.test(code) ? await deps.fairs.registrationByCode(fairId, code) : undefined;
  if (!found) throw new DomainError('not-found', 'No registration for this fair has that check-in code.');
  const registration = await deps.fairs.checkIn(fairId, found.graduateId, deps.clock().toISOString());
  return { registration, alreadyCheckedIn: found.checkedInAt !== undefined };
}

/** An application from a fair's page is tagged with it only if the graduate registered and the job is at a booth. */
export async function assertCanApplyAtFair(
  deps: Pick<FairDeps, 'fairs'>,
  fairId: string,
  graduateId: string,
  jobId: string,
): Promise<void> {
  const contents = await deps.fairs.contents(fairId);
  const registered = contents?.registrations.some((r) => r.graduateId === graduateId);
  if (!contents || !registered) {
    throw new DomainError('unprocessable', 'You are not registered for that fair.', [
      { path: 'fairId', message: 'register for the fair first' },
    ]);
  }
  if (!contents.booths.some((b) => b.jobIds.includes(jobId))) {
    throw new DomainError('unprocessable', 'This job is not at that fair.', [
      { path: 'fairId', message: 'the job has no booth at this fair' },
    ]);
  }
}

const APPLICATION_PAGE = 100;

/** Applications to a booth's jobs that were made at this fair. */
async function applicationsAtFair(deps: FairDeps, fairId: string, booths: readonly Booth[]) {
  const facts: FairApplicationFact[] = [];
  for (const booth of booths) {
    for (const jobId of booth.jobIds) {
      let cursor: string | undefined;
      do {
        const page = await deps.applications.listForJob(jobId, {
          limit: APPLICATION_PAGE,
          ...(cursor ? { cursor } : {}),
        });
        for (const record of page.items) {
          if (isErasedApplication(record) || record.fairId !== fairId) continue;
          facts.push({
            graduateId: record.graduateId,
            jobId,
            employerId: record.employerId,
            statuses: record.history.map((h) => h.status),
          });
        }
        cursor = page.nextCursor;
      } while (cursor);
    }
  }
  return facts;
}

/** The organiser's post-fair report. */
export async function fairReport(deps: FairDeps, fairId: string, actor: FairActor): Promise<FairReport> {
  await ownedFair(deps, fairId, actor);
  const contents = await deps.fairs.contents(fairId);
  if (!contents) throw notFound('fair');
  return buildFairReport({
    fairId,
    registrations: contents.registrations,
    booths: contents.booths,
    bookings: contents.bookings,
    applications: await applicationsAtFair(deps, fairId, contents.booths),
  });
}

/** The bookings at an employer's booth, earliest first, with whether each graduate has checked in. */
export async function boothBookings(deps: FairDeps, fairId: string, employerId: string) {
  const contents = await deps.fairs.contents(fairId);
  const booth = contents?.booths.find((b) => b.employerId === employerId);
  if (!contents || !booth) throw notFound('booth');
  const checkedIn = new Set(contents.registrations.filter((r) => r.checkedInAt).map((r) => r.graduateId));
  return {
    booth,
    slots: contents.slots.filter((s) => s.employerId === employerId),
    bookings: contents.bookings
      .filter((b) => b.employerId === employerId)
      .sort((a, b) => a.startsAt.localeCompare(b.startsAt))
      .map((b) => ({ ...b, checkedIn: checkedIn.has(b.graduateId) })),
  };
}
