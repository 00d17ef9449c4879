import * as z from 'zod/mini';
import { invalid, type FieldIssue } from './errors.ts';
import { builtOnFirstUse } from './first-use.ts';
import { type DeltaCityCode, type DeltaProvinceCode, deltaCityCodeSchema, provinceOfCity } from './places.ts';
import { isoDateSchema, isoDateTimeSchema } from './refs.ts';

/**
 * Joint job fairs (联合招聘会): an organiser's fair with venues in several Delta provinces and sector
 * sessions; employers' booths with jobs and interview slots; graduates' registrations with a check-in
 * code. The rules here are plain functions over these records; storage and HTTP live above.
 */

const MAX_VENUES = 12;
const MAX_SESSIONS = 20;
const MAX_BOOTH_JOBS = 20;
const MAX_BOOTH_SLOTS = 40;
const MAX_SLOT_CAPACITY = 50;

const bothLanguagesSchema = builtOnFirstUse(() =>
  z.strictObject({
    en: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
    zh: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  }),
);

export const fairFormatSchema = builtOnFirstUse(() => z.enum(['online', 'on-site']));
export type FairFormat = z.infer<ReturnType<typeof fairFormatSchema>>;

export const fairVenueSchema = builtOnFirstUse(() =>
  z.strictObject({
    cityCode: deltaCityCodeSchema(),
    name: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  }),
);

export const fairSessionSchema = builtOnFirstUse(() =>
  z.strictObject({
    /** A short key the booths name, e.g. `manufacturing`. */
    sector: z.string().check(z.regex(/^[a-z0-9-]{1,40}$/, 'lower-case letters, digits and hyphens, at most 40')),
    title: bothLanguagesSchema(),
  }),
);

export const fairInputSchema = builtOnFirstUse(() =>
  z.strictObject({
    title: bothLanguagesSchema(),
    startsOn: isoDateSchema(),
    endsOn: isoDateSchema(),
    format: fairFormatSchema(),
    venues: z._default(z.array(fairVenueSchema()).check(z.maxLength(MAX_VENUES)), []),
    sessions: z._default(z.array(fairSessionSchema()).check(z.maxLength(MAX_SESSIONS)), []),
  }),
);
export type FairInput = z.infer<ReturnType<typeof fairInputSchema>>;

export const fairSchema = builtOnFirstUse(() =>
  z.object({
    ...fairInputSchema().shape,
    fairId: z.string(),
    organiserId: z.string(),
    createdAt: isoDateTimeSchema(),
  }),
);
export type Fair = z.infer<ReturnType<typeof fairSchema>>;

/** What the schema cannot say alone: dates in order, venues for an on-site fair, no repeated city or sector. */
export function assertValidFairInput(input: FairInput): void {
  const issues: FieldIssue[] = [];
  if (input.endsOn < input.startsOn) issues.push({ path: 'endsOn', message: 'must not be before startsOn' });
  if (input.format === 'on-site' && input.venues.length === 0) {
    issues.push({ path: 'venues', message: 'an on-site fair needs at least one venue' });
  }
  input.venues.forEach((venue, index) => {
    if (input.venues.findIndex((v) => v.cityCode === venue.cityCode) !== index) {
      issues.push({ path: `venues.${index}.cityCode`, message: 'one venue per city' });
    }
  });
  input.sessions.forEach((session, index) => {
    if (input.sessions.findIndex((s) => s.sector === session.sector) !== index) {
      issues.push({ path: `sessions.${index}.sector`, message: 'sector listed twice' });
    }
  });
  if (issues.length > 0) throw invalid('The fair is not consistent.', issues);
}

/** The provinces a fair has venues in: a cross-province fair has more than one. */
export const provincesOfFair = (fair: Pick<Fair, 'venues'>): DeltaProvinceCode[] => [
  ...new Set(fair.venues.map((v) => provinceOfCity(v.cityCode))),
];

export const boothSlotInputSchema = builtOnFirstUse(() =>
  z.strictObject({
    startsAt: isoDateTimeSchema(),
    capacity: z.int().check(z.gte(1), z.lte(MAX_SLOT_CAPACITY)),
  }),
);

export const boothInputSchema = builtOnFirstUse(() =>
  z.strictObject({
    jobIds: z
      .array(z.string().check(z.minLength(1), z.maxLength(64)))
      .check(z.minLength(1), z.maxLength(MAX_BOOTH_JOBS)),
    /** The venue city the booth stands in; an online fair's booth names the city the jobs are hired from. */
    cityCode: deltaCityCodeSchema(),
    sector: z.optional(fairSessionSchema().shape.sector),
    slots: z._default(z.array(boothSlotInputSchema()).check(z.maxLength(MAX_BOOTH_SLOTS)), []),
  }),
);
export type BoothInput = z.infer<ReturnType<typeof boothInputSchema>>;

export interface BoothSlot {
  slotId: string;
  startsAt: string;
  capacity: number;
}

export interface Booth {
  fairId: string;
  employerId: string;
  jobIds: string[];
  cityCode: DeltaCityCode;
  sector?: string;
  slots: BoothSlot[];
  createdAt: string;
}

/** Checks a booth against its fair: a venue city when on site, a session's sector, slots within the fair's days. */
export function assertBoothFitsFair(fair: Fair, input: BoothInput): void {
  const issues: FieldIssue[] = [];
  if (fair.format === 'on-site' && !fair.venues.some((v) => v.cityCode === input.cityCode)) {
    issues.push({ path: 'cityCode', message: 'must be one of the fair’s venue cities' });
  }
  if (input.sector !== undefined && !fair.sessions.some((s) => s.sector === input.sector)) {
    issues.push({ path: 'sector', message: 'must be one of the fair’s session sectors' });
  }
  input.jobIds.forEach((jobId, index) => {
    if (input.jobIds.indexOf(jobId) !== index) issues.push({ path: `jobIds.${index}`, message: 'job listed twice' });
  });
  input.slots.forEach((slot, index) => {
    const day = slot.startsAt.slice(0, 10);
    if (day < fair.startsOn || day > fair.endsOn) {
      issues.push({ path: `slots.${index}.startsAt`, message: 'must fall within the fair’s dates' });
    }
  });
  if (issues.length > 0) throw invalid('The booth does not fit the fair.', issues);
}

/** Slots are named by their order: `s1`, `s2`, … */
export const slotsOf = (input: BoothInput): BoothSlot[] =>
  input.slots.map((slot, index) => ({ slotId: `s${index + 1}`, ...slot }));

export const fairRegistrationInputSchema = builtOnFirstUse(() =>
  z.strictObject({
    /** Where the graduate comes from: the origin of the report's cross-province flows. */
    homeCityCode: deltaCityCodeSchema(),
    /** Whether the fair list also shows booths in provinces outside the graduate's regions of interest. */
    crossRegion: z._default(z.boolean(), false),
  }),
);
export type FairRegistrationInput = z.infer<ReturnType<typeof fairRegistrationInputSchema>>;

export interface FairRegistration {
  fairId: string;
  graduateId: string;
  homeCityCode: DeltaCityCode;
  crossRegion: boolean;
  /** The code the graduate shows at the venue (as a QR code or typed): unguessable, one per registration. */
  checkInCode: string;
  checkedInAt?: string;
  createdAt: string;
}

export interface FairBooking {
  fairId: string;
  employerId: string;
  graduateId: string;
  slotId: string;
  startsAt: string;
  createdAt: string;
}

/**
 * Which booth provinces a graduate's fair list shows: every province when they opted in to cross-region
 * jobs; otherwise their home province and the provinces of their regions of interest.
 */
export function provincesShown(
  registration: Pick<FairRegistration, 'homeCityCode' | 'crossRegion'>,
  provincesOfInterest: readonly DeltaProvinceCode[],
): ReadonlySet<DeltaProvinceCode> | 'all' {
  if (registration.crossRegion) return 'all';
  return new Set([provinceOfCity(registration.homeCityCode), ...provincesOfInterest]);
}
