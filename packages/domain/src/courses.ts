import * as z from 'zod/mini';
import { invalid, type FieldIssue } from './errors.ts';
import { builtOnFirstUse } from './first-use.ts';
import { type DeltaCityCode, type DeltaProvinceCode, deltaCityCodeSchema, provinceOfCity } from './places.ts';
import { isoDateSchema, isoDateTimeSchema } from './refs.ts';

/**
 * Guidance courses (就业指导课程): an issuer schedules one of its credential templates with dates, a place or an
 * online link, and a number of seats; graduates enrol; completing the course earns the template's credential.
 * The rules here are plain functions over these records; storage and HTTP live above.
 */

export const MAX_COURSE_SEATS = 1_000;

export const courseFormatSchema = builtOnFirstUse(() => z.enum(['on-site', 'online']));
export type CourseFormat = z.infer<ReturnType<typeof courseFormatSchema>>;

const textSchema = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));

/** What an issuer writes; the template is fixed once published (a course teaches what its template certifies). */
export const courseInputSchema = builtOnFirstUse(() =>
  z.strictObject({
    templateId: z.string().check(z.minLength(1), z.maxLength(64)),
    title: z.strictObject({ en: textSchema(200), zh: textSchema(200) }),
    startsOn: isoDateSchema(),
    endsOn: isoDateSchema(),
    format: courseFormatSchema(),
    /** Where an on-site course takes place: a Delta city (its province follows) and the street address. */
    place: z.optional(z.strictObject({ cityCode: deltaCityCodeSchema(), address: textSchema(300) })),
    /** Where an online course is held; https only. */
    onlineUrl: z.optional(z.url({ protocol: /^https$/ }).check(z.maxLength(500))),
    seats: z.int().check(z.gte(1), z.lte(MAX_COURSE_SEATS)),
  }),
);
export type CourseInput = z.infer<ReturnType<typeof courseInputSchema>>;

export const courseStatusSchema = builtOnFirstUse(() => z.enum(['open', 'cancelled']));

export const courseSchema = builtOnFirstUse(() =>
  z.object({
    ...courseInputSchema().shape,
    courseId: z.string(),
    issuerId: z.string(),
    status: courseStatusSchema(),
    /** Seats taken: enrolled and completed graduates (a cancelled enrolment gives its seat back). */
    enrolled: z.int(),
    cancelledAt: z.optional(isoDateTimeSchema()),
    version: z.int().check(z.positive()),
    createdAt: isoDateTimeSchema(),
    updatedAt: isoDateTimeSchema(),
  }),
);
export type Course = z.infer<ReturnType<typeof courseSchema>>;

/** What the schema cannot say alone: dates in order, a place for an on-site course, a link for an online one. */
export function assertValidCourseInput(input: CourseInput): void {
  const issues: FieldIssue[] = [];
  if (input.endsOn < input.startsOn) issues.push({ path: 'endsOn', message: 'must not be before startsOn' });
  if (input.format === 'on-site') {
    if (!input.place) issues.push({ path: 'place', message: 'an on-site course needs a place' });
    if (input.onlineUrl) issues.push({ path: 'onlineUrl', message: 'only for an online course' });
  } else {
    if (!input.onlineUrl) issues.push({ path: 'onlineUrl', message: 'an online course needs a link' });
    if (input.place) issues.push({ path: 'place', message: 'only for an on-site course' });
  }
  if (issues.length > 0) throw invalid('The course is not consistent.', issues);
}

/** The UTC calendar day of a moment, as the course dates are written. */
export const dayOf = (at: Date): string => at.toISOString().slice(0, 10);

/** Graduates may enrol in an open course until its last day. */
export const isEnrollable = (course: Pick<Course, 'status' | 'endsOn'>, today: string): boolean =>
  course.status === 'open' && today <= course.endsOn;

/** Completion is recorded once the course has begun, never for a cancelled one. */
export const canRecordCompletion = (course: Pick<Course, 'status' | 'startsOn'>, today: string): boolean =>
  course.status === 'open' && today >= course.startsOn;

export const seatsLeft = (course: Pick<Course, 'seats' | 'enrolled'>): number =>
  Math.max(0, course.seats - course.enrolled);

/** A place filter: a city, or a province; an online course is reachable from anywhere, so it always passes. */
export type CoursePlaceFilter = { cityCode?: DeltaCityCode; province?: DeltaProvinceCode };
export function courseIsIn(course: Pick<Course, 'format' | 'place'>, filter: CoursePlaceFilter): boolean {
  if (course.format === 'online' || !course.place) return true;
  if (filter.cityCode && course.place.cityCode !== filter.cityCode) return false;
  if (filter.province && provinceOfCity(course.place.cityCode) !== filter.province) return false;
  return true;
}

export const enrolmentStatusSchema = builtOnFirstUse(() => z.enum(['enrolled', 'cancelled', 'completed']));
export type EnrolmentStatus = z.infer<ReturnType<typeof enrolmentStatusSchema>>;

export interface CourseEnrolment {
  courseId: string;
  graduateId: string;
  status: EnrolmentStatus;
  enrolledAt: string;
  cancelledAt?: string;
  completedAt?: string;
  /** The credential issued on completion. */
  credentialId?: string;
  updatedAt: string;
}
