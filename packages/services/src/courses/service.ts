import {
  assertValidCourseInput,
  canRecordCompletion,
  conflict,
  type Course,
  type CourseEnrolment,
  type CourseInput,
  type CoursePlaceFilter,
  courseIsIn,
  type CredentialTemplate,
  DomainError,
  dayOf,
  invalid,
  isEnrollable,
  notFound,
} from '@skillpass/domain';
import { deterministicId, newId, type Repositories } from '@skillpass/store';
import type { IssuedResult, IssueRequest, Viewer } from '../credentials/deps.ts';

/** What the course use cases run on: the repositories they read and write, and the time. */
export type CourseDeps = Pick<Repositories, 'courses' | 'issuers' | 'profiles'> & { clock: () => Date };

/** Issues one credential under a given id, idempotent on it (the credential service's `issue`). */
export type IssueOnce = (issuerId: string, request: IssueRequest, credentialId: string) => Promise<IssuedResult>;

/**
 * The credential a completion issues is named by the issuer, course and graduate: recording the same completion
 * again, after a crash or a retry, finds the credential issued the first time instead of issuing a second.
 */
export const completionCredentialId = (issuerId: string, courseId: string, graduateId: string): string =>
  deterministicId('cred', issuerId, 'course-completion', courseId, graduateId);

async function ownTemplate(deps: CourseDeps, issuerId: string, templateId: string): Promise<CredentialTemplate> {
  const template = await deps.issuers.getTemplate(templateId);
  if (!template || template.issuerId !== issuerId) {
    throw invalid('The course must teach one of your credential templates.', [
      { path: 'templateId', message: 'not one of your templates' },
    ]);
  }
  return template;
}

/** Publishes a course; `courseId` is derived from an Idempotency-Key when there is one, so a retry finds it. */
export async function publishCourse(
  deps: CourseDeps,
  issuerId: string,
  input: CourseInput,
  courseId?: string,
): Promise<Course> {
  assertValidCourseInput(input);
  await ownTemplate(deps, issuerId, input.templateId);
  const now = deps.clock();
  const at = now.toISOString();
  const course: Course = {
    ...input,
    courseId: courseId ?? newId('course', now),
    issuerId,
    status: 'open',
    enrolled: 0,
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
  try {
    await deps.courses.create(course);
  } catch (error) {
    const existing =
      courseId && error instanceof DomainError && error.kind === 'conflict'
        ? await deps.courses.get(courseId)
        : undefined;
    if (!existing || existing.issuerId !== issuerId) throw error;
    return existing;
  }
  return course;
}

export async function existingCourse(deps: Pick<CourseDeps, 'courses'>, courseId: string): Promise<Course> {
  const course = await deps.courses.get(courseId);
  if (!course) throw notFound('course');
  return course;
}

/** A course its issuer (or an administrator) manages; to anyone else its roster and changes do not exist. */
export async function ownedCourse(deps: Pick<CourseDeps, 'courses'>, courseId: string, viewer: Viewer) {
  const course = await deps.courses.get(courseId);
  if (!course || (course.issuerId !== viewer.id && !viewer.admin)) throw notFound('course');
  return course;
}

/** An issuer's change to its course (the template stays): checked like a new one, written at the version read. */
export async function changeCourse(
  deps: CourseDeps,
  course: Course,
  input: CourseInput,
  expectedVersion: number,
): Promise<Course> {
  if (input.templateId !== course.templateId) {
    throw invalid('A published course keeps its template; publish a new course instead.', [
      { path: 'templateId', message: 'cannot change' },
    ]);
  }
  assertValidCourseInput(input);
  if (course.status !== 'open') throw conflict('A cancelled course cannot be changed.');
  return deps.courses.update({ ...course, ...input, updatedAt: deps.clock().toISOString() }, expectedVersion);
}

export const cancelCourse = (deps: CourseDeps, course: Course): Promise<Course> =>
  deps.courses.cancel(course.courseId, deps.clock().toISOString());

/**
 * Courses open for enrolment (not cancelled, not yet over), soonest first: all of them, or those whose template
 * teaches `skill`; within a city or province when asked (online courses always pass).
 */
export async function openCourses(
  deps: Pick<CourseDeps, 'courses' | 'issuers' | 'clock'>,
  filter: CoursePlaceFilter & { skill?: string },
): Promise<Course[]> {
  const today = dayOf(deps.clock());
  const courses = filter.skill
    ? (
        await Promise.all((await deps.issuers.templateIdsTeaching(filter.skill)).map((id) => deps.courses.listOpen(id)))
      ).flat()
    : await deps.courses.listOpen();
  return courses
    .filter((course) => isEnrollable(course, today) && courseIsIn(course, filter))
    .sort((a, b) => a.startsOn.localeCompare(b.startsOn) || a.courseId.localeCompare(b.courseId));
}

/** Enrols a graduate (needs a profile); enrolling again while enrolled or completed changes nothing. */
export async function enrol(
  deps: CourseDeps,
  graduateId: string,
  courseId: string,
): Promise<{ enrolment: CourseEnrolment; created: boolean }> {
  const course = await existingCourse(deps, courseId);
  const existing = await deps.courses.getEnrolment(courseId, graduateId);
  if (existing && existing.status !== 'cancelled') return { enrolment: existing, created: false };
  if (!isEnrollable(course, dayOf(deps.clock()))) throw conflict('This course is no longer open for enrolment.');
  if (!(await deps.profiles.get(graduateId))) {
    throw conflict('Create your profile (PUT /v1/profiles/me) before enrolling in a course.');
  }
  const at = deps.clock().toISOString();
  return deps.courses.enrol({ courseId, graduateId, status: 'enrolled', enrolledAt: at, updatedAt: at });
}

/** Leaves a course, giving the seat back; leaving twice changes nothing. */
export async function leaveCourse(deps: CourseDeps, graduateId: string, courseId: string): Promise<CourseEnrolment> {
  return deps.courses.cancelEnrolment(courseId, graduateId, deps.clock().toISOString());
}

/** Erasure gives back the seats a graduate still holds (a completed or cancelled enrolment holds none). */
export async function freeAllCourseSeats(
  deps: Pick<CourseDeps, 'clock'> & {
    courses: Pick<CourseDeps['courses'], 'enrolmentsOfGraduate' | 'cancelEnrolment'>;
  },
  graduateId: string,
): Promise<number> {
  const held = (await deps.courses.enrolmentsOfGraduate(graduateId)).filter((e) => e.status === 'enrolled');
  for (const { courseId } of held) await deps.courses.cancelEnrolment(courseId, graduateId, deps.clock().toISOString());
  return held.length;
}

/** A graduate's enrolments with their courses, soonest first. */
export async function coursesOfGraduate(deps: CourseDeps, graduateId: string) {
  const enrolments = await deps.courses.enrolmentsOfGraduate(graduateId);
  const courses = await Promise.all(enrolments.map((e) => deps.courses.get(e.courseId)));
  return enrolments
    .flatMap((enrolment, i) => (courses[i] ? [{ enrolment, course: courses[i] }] : []))
    .sort((a, b) => a.course.startsOn.localeCompare(b.course.startsOn));
}

export interface CompletionResult {
  graduateId: string;
  credentialId: string;
  /** The completion was recorded before: nothing new was issued. */
  alreadyCompleted: boolean;
}

/**
 * Records that graduates completed a course and issues each the course's credential, exactly once: every
 * graduate named must be enrolled (or completed already) or nothing is done; each credential's id is derived from
 * the course and graduate, so a retry, a crash between issuing and recording, or two issuers' clicks at once all
 * end with one credential per graduate.
 */
export async function recordCompletions(
  deps: CourseDeps,
  issue: IssueOnce,
  course: Course,
  graduateIds: readonly string[],
): Promise<CompletionResult[]> {
  if (!canRecordCompletion(course, dayOf(deps.clock()))) {
    throw conflict(
      course.status === 'open'
        ? 'Completion can be recorded once the course has started.'
        : 'A cancelled course has no completions.',
    );
  }
  const enrolments = await Promise.all(graduateIds.map((id) => deps.courses.getEnrolment(course.courseId, id)));
  const issues = enrolments.flatMap((enrolment, index) =>
    enrolment && enrolment.status !== 'cancelled'
      ? []
      : [{ path: `graduateIds.${index}`, message: 'not enrolled in this course' }],
  );
  if (issues.length > 0) throw new DomainError('unprocessable', 'Some graduates are not enrolled.', issues);
  const results: CompletionResult[] = [];
  for (const [index, graduateId] of graduateIds.entries()) {
    const before = enrolments[index]!;
    if (before.status === 'completed' && before.credentialId) {
      results.push({ graduateId, credentialId: before.credentialId, alreadyCompleted: true });
      continue;
    }
    const credentialId = completionCredentialId(course.issuerId, course.courseId, graduateId);
    await issue(course.issuerId, { templateId: course.templateId, holder: { graduateId } }, credentialId);
    const after = await deps.courses.markCompleted(
      course.courseId,
      graduateId,
      credentialId,
      deps.clock().toISOString(),
    );
    results.push({ graduateId, credentialId: after.credentialId ?? credentialId, alreadyCompleted: false });
  }
  return results;
}
