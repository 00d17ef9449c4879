import * as z from 'zod/mini';
import {
  builtOnFirstUse,
  type Course,
  type CourseInput,
  courseInputSchema,
  courseSchema,
  deltaCityCodeSchema,
  deltaProvinceCodeSchema,
  enrolmentStatusSchema,
  escoSkillUriSchema,
  seatsLeft,
} from '@skillpass/domain';
import {
  cancelCourse,
  changeCourse,
  coursesOfGraduate,
  enrol,
  existingCourse,
  leaveCourse,
  openCourses,
  ownedCourse,
  publishCourse,
  recordCompletions,
} from '@skillpass/services';
import { deterministicId } from '@skillpass/store';
import type { ApiApp, ApiDeps } from '../deps.ts';
import { requireRole, viewerOf } from '../auth.ts';
import {
  etagOf,
  idempotent,
  jsonContent,
  langQuerySchema,
  languageOf,
  problemResponses,
  requireIfMatch,
} from '../http.ts';
import { applyMergePatch } from '../merge-patch.ts';
import { createRoute, DocumentedHono } from '../routing.ts';
import { parseOrThrow } from '../validation.ts';
import { type Lang, localized } from '../views.ts';

const security = [{ bearer: [] }];
const tags = ['Guidance courses'];
const MAX_COMPLETIONS = 200;

const courseIdParamSchema = builtOnFirstUse(() =>
  z.object({ courseId: z.string().check(z.minLength(1), z.maxLength(64)) }),
);
const courseViewSchema = builtOnFirstUse(() =>
  z
    .extend(courseSchema(), {
      seatsLeft: z.int(),
      issuerName: z.optional(z.string()),
      eqfLevel: z.optional(z.int()),
      skills: z.array(z.object({ uri: z.string(), label: z.string() })).register(z.globalRegistry, {
        description: 'What the course’s credential certifies: its ESCO learning outcomes',
      }),
    })
    .register(z.globalRegistry, { id: 'CourseView' }),
);
const enrolmentSchema = builtOnFirstUse(() =>
  z
    .object({
      courseId: z.string(),
      graduateId: z.string(),
      status: enrolmentStatusSchema(),
      enrolledAt: z.string(),
      cancelledAt: z.optional(z.string()),
      completedAt: z.optional(z.string()),
      credentialId: z.optional(z.string()),
      updatedAt: z.string(),
    })
    .register(z.globalRegistry, { id: 'CourseEnrolment' }),
);
const listQuerySchema = builtOnFirstUse(() =>
  z.object({
    skill: z.optional(escoSkillUriSchema()),
    province: z.optional(deltaProvinceCodeSchema()),
    city: z.optional(deltaCityCodeSchema()),
    ...langQuerySchema().shape,
  }),
);

function inputOf(course: Course): CourseInput {
  const { templateId, title, startsOn, endsOn, format, place, onlineUrl, seats } = course;
  return {
    templateId,
    title,
    startsOn,
    endsOn,
    format,
    seats,
    ...(place ? { place } : {}),
    ...(onlineUrl ? { onlineUrl } : {}),
  };
}

/** Courses as people read them: seats left, the issuer's name, and the skills the credential certifies, labelled. */
async function courseViews(deps: ApiDeps, courses: readonly Course[], lang: Lang) {
  const templateIds = [...new Set(courses.map((c) => c.templateId))];
  const issuerIds = [...new Set(courses.map((c) => c.issuerId))];
  const [templates, issuers] = await Promise.all([
    Promise.all(templateIds.map((id) => deps.issuers.getTemplate(id))),
    Promise.all(issuerIds.map((id) => deps.issuers.get(id))),
  ]);
  const templateOf = new Map(templateIds.map((id, i) => [id, templates[i]]));
  const issuerOf = new Map(issuerIds.map((id, i) => [id, issuers[i]]));
  return courses.map((course) => {
    const template = templateOf.get(course.templateId);
    const issuer = issuerOf.get(course.issuerId);
    return {
      ...course,
      seatsLeft: seatsLeft(course),
      ...(issuer ? { issuerName: localized(issuer.legalName, lang) } : {}),
      ...(template ? { eqfLevel: template.eqfLevel } : {}),
      skills: (template?.learningOutcomes ?? []).map((uri) => ({
        uri,
        label: deps.taxonomy.labelOf(uri, lang) ?? uri,
      })),
    };
  });
}

/** Guidance courses: issuers publish and run them, graduates enrol, completion issues the course's credential. */
export function courseRoutes(deps: ApiDeps): ApiApp {
  const app: ApiApp = new DocumentedHono();
  const issuer = requireRole(deps.auth, 'issuer');
  const graduate = requireRole(deps.auth, 'graduate');

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/courses',
      operationId: 'publishCourse',
      summary: 'Publish a guidance course: one of my credential templates with dates, a place or a link, and seats',
      description:
        'An on-site course names a Delta city and an address, an online one an https link. The template must be ' +
        'mine (400 naming `templateId`). Honours Idempotency-Key.',
      tags,
      security,
      middleware: [issuer, idempotent(deps.idempotency)] as const,
      request: () => ({ body: { content: { 'application/json': { schema: courseInputSchema() } }, required: true } }),
      responses: () => ({
        201: jsonContent(courseSchema(), 'Published; Location and ETag headers are set'),
        ...problemResponses(400, 401, 403),
      }),
    }),
    async (c) => {
      const sub = c.get('principal').sub;
      const key = c.get('idempotencyKey');
      const courseId = key ? deterministicId('course', sub, key) : undefined;
      const course = await publishCourse(deps, sub, c.req.valid('json'), courseId);
      c.header('Location', `/v1/courses/${course.courseId}`);
      c.header('ETag', etagOf(course.version));
      return c.json(course, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/courses',
      operationId: 'listOpenCourses',
      summary: 'Courses open for enrolment, soonest first (public)',
      description:
        '`skill` (an ESCO skill URI) keeps courses whose credential certifies it; `city` or `province` keeps ' +
        'on-site courses there (online courses always pass). Cancelled and finished courses are left out.',
      tags,
      security: [],
      request: () => ({ query: listQuerySchema() }),
      responses: () => ({
        200: jsonContent(z.object({ items: z.array(courseViewSchema()) }), 'The courses'),
        ...problemResponses(400),
      }),
    }),
    async (c) => {
      const query = c.req.valid('query');
      const courses = await openCourses(deps, {
        ...(query.skill ? { skill: query.skill } : {}),
        ...(query.city ? { cityCode: query.city } : {}),
        ...(query.province ? { province: query.province } : {}),
      });
      return c.json({ items: await courseViews(deps, courses, languageOf(c, query.lang)) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/courses/{courseId}',
      operationId: 'getCourse',
      summary: 'One course, cancelled ones included (public); its ETag is what an edit sends as If-Match',
      tags,
      security: [],
      request: () => ({ params: courseIdParamSchema(), query: langQuerySchema() }),
      responses: () => ({ 200: jsonContent(courseViewSchema(), 'The course'), ...problemResponses(400, 404) }),
    }),
    async (c) => {
      const course = await existingCourse(deps, c.req.valid('param').courseId);
      const [view] = await courseViews(deps, [course], languageOf(c, c.req.valid('query').lang));
      c.header('ETag', etagOf(course.version));
      return c.json(view!, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/v1/courses/{courseId}',
      operationId: 'updateCourse',
      summary: 'Change my course (JSON Merge Patch; If-Match required)',
      description:
        'The template stays. Seats cannot go below those taken (409 naming `seats`); a cancelled course cannot ' +
        'change (409). Another issuer’s course is a 404.',
      tags,
      security,
      middleware: [issuer] as const,
      request: () => ({
        params: courseIdParamSchema(),
        headers: z.object({ 'if-match': z.optional(z.string()) }),
        body: {
          content: { 'application/merge-patch+json': { schema: z.record(z.string(), z.unknown()) } },
          required: true,
        },
      }),
      responses: () => ({
        200: jsonContent(courseSchema(), 'Changed; the new ETag is set'),
        ...problemResponses(400, 401, 403, 404, 409, 412, 428),
      }),
    }),
    async (c) => {
      const course = await ownedCourse(deps, c.req.valid('param').courseId, viewerOf(c.get('principal')));
      const expectedVersion = requireIfMatch(c, course.version);
      const input = parseOrThrow(courseInputSchema(), applyMergePatch(inputOf(course), c.req.valid('json')));
      const changed = await changeCourse(deps, course, input, expectedVersion);
      c.header('ETag', etagOf(changed.version));
      return c.json(changed, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/courses/{courseId}/cancel',
      operationId: 'cancelCourse',
      summary: 'Cancel my course (idempotent): no longer listed or open for enrolment; enrolments are kept',
      tags,
      security,
      middleware: [issuer] as const,
      request: () => ({ params: courseIdParamSchema() }),
      responses: () => ({ 200: jsonContent(courseSchema(), 'Cancelled'), ...problemResponses(400, 401, 403, 404) }),
    }),
    async (c) => {
      const course = await ownedCourse(deps, c.req.valid('param').courseId, viewerOf(c.get('principal')));
      const cancelled = await cancelCourse(deps, course);
      c.header('ETag', etagOf(cancelled.version));
      return c.json(cancelled, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/issuers/me/courses',
      operationId: 'listMyCourses',
      summary: 'The courses I publish, cancelled ones included, soonest first (issuer)',
      tags,
      security,
      middleware: [issuer] as const,
      request: () => ({ query: langQuerySchema() }),
      responses: () => ({
        200: jsonContent(z.object({ items: z.array(courseViewSchema()) }), 'My courses'),
        ...problemResponses(400, 401, 403),
      }),
    }),
    async (c) => {
      const courses = await deps.courses.listOfIssuer(c.get('principal').sub);
      return c.json({ items: await courseViews(deps, courses, languageOf(c, c.req.valid('query').lang)) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/courses/{courseId}/roster',
      operationId: 'getCourseRoster',
      summary: 'Who enrolled in my course, with each one’s state and credential (issuer)',
      description:
        'Enrolling is the graduate’s consent to be known to the course’s issuer: each entry names their display ' +
        'name. Another issuer’s course is a 404.',
      tags,
      security,
      middleware: [issuer] as const,
      request: () => ({ params: courseIdParamSchema() }),
      responses: () => ({
        200: jsonContent(
          z.object({
            course: courseSchema(),
            items: z.array(z.extend(enrolmentSchema(), { displayName: z.string() })),
          }),
          'The roster',
        ),
        ...problemResponses(400, 401, 403, 404),
      }),
    }),
    async (c) => {
      const course = await ownedCourse(deps, c.req.valid('param').courseId, viewerOf(c.get('principal')));
      const roster = await deps.courses.roster(course.courseId);
      const items = await Promise.all(
        roster
          .sort((a, b) => a.enrolledAt.localeCompare(b.enrolledAt))
          .map(async (e) => ({ ...e, displayName: (await deps.profiles.get(e.graduateId))?.displayName ?? '' })),
      );
      return c.json({ course, items }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/courses/{courseId}/completions',
      operationId: 'recordCourseCompletions',
      summary: 'Record that graduates completed my course: each is issued the course’s credential, exactly once',
      description:
        'Every graduate named must be enrolled (422 naming `graduateIds.<i>` otherwise, and nothing is done). A ' +
        'graduate recorded before keeps the first credential (`alreadyCompleted: true`); a retry after a failure ' +
        'issues nothing twice. Only once the course has started, and never for a cancelled one (409).',
      tags,
      security,
      middleware: [issuer] as const,
      request: () => ({
        params: courseIdParamSchema(),
        body: {
          content: {
            'application/json': {
              schema: z.strictObject({
                graduateIds: z.array(z.string().check(z.minLength(1), z.maxLength(128))).check(
                  z.minLength(1),
                  z.maxLength(MAX_COMPLETIONS),
                  z.refine((ids) => new Set(ids).size === ids.length, { message: 'a graduate is named twice' }),
                ),
              }),
            },
          },
          required: true,
        },
      }),
      responses: () => ({
        200: jsonContent(
          z.object({
            items: z.array(
              z.object({ graduateId: z.string(), credentialId: z.string(), alreadyCompleted: z.boolean() }),
            ),
          }),
          'Recorded',
        ),
        ...problemResponses(400, 401, 403, 404, 409, 422),
      }),
    }),
    async (c) => {
      const course = await ownedCourse(deps, c.req.valid('param').courseId, viewerOf(c.get('principal')));
      const items = await recordCompletions(
        deps,
        (issuerId, request, credentialId) => deps.credentialService.issue(issuerId, request, credentialId),
        course,
        c.req.valid('json').graduateIds,
      );
      return c.json({ items }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/courses/{courseId}/enrolments',
      operationId: 'enrolInCourse',
      summary: 'Enrol in a course (graduate): 201 with a seat taken, 200 when already enrolled',
      description:
        'Needs a profile (409). Seats are counted in one transaction with the enrolment, so a course is never ' +
        'overbooked; a full, cancelled or finished course is a 409.',
      tags,
      security,
      middleware: [graduate] as const,
      request: () => ({ params: courseIdParamSchema() }),
      responses: () => ({
        200: jsonContent(enrolmentSchema(), 'Already enrolled (or completed)'),
        201: jsonContent(enrolmentSchema(), 'Enrolled'),
        ...problemResponses(400, 401, 403, 404, 409),
      }),
    }),
    async (c) => {
      const { enrolment, created } = await enrol(deps, c.get('principal').sub, c.req.valid('param').courseId);
      return created ? c.json(enrolment, 201) : c.json(enrolment, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/v1/courses/{courseId}/enrolments/me',
      operationId: 'leaveCourse',
      summary: 'Cancel my enrolment (graduate): the seat is freed; cancelling twice changes nothing',
      description: 'No enrolment of mine: 404. A completed course cannot be left (409).',
      tags,
      security,
      middleware: [graduate] as const,
      request: () => ({ params: courseIdParamSchema() }),
      responses: () => ({
        200: jsonContent(enrolmentSchema(), 'Cancelled'),
        ...problemResponses(400, 401, 403, 404, 409),
      }),
    }),
    async (c) => c.json(await leaveCourse(deps, c.get('principal').sub, c.req.valid('param').courseId), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/profiles/me/courses',
      operationId: 'listMyEnrolments',
      summary: 'My courses (graduate): each enrolment with its course, soonest first',
      tags,
      security,
      middleware: [graduate] as const,
      request: () => ({ query: langQuerySchema() }),
      responses: () => ({
        200: jsonContent(
          z.object({ items: z.array(z.object({ enrolment: enrolmentSchema(), course: courseViewSchema() })) }),
          'My courses',
        ),
        ...problemResponses(400, 401, 403),
      }),
    }),
    async (c) => {
      const mine = await coursesOfGraduate(deps, c.get('principal').sub);
      const views = await courseViews(
        deps,
        mine.map((m) => m.course),
        languageOf(c, c.req.valid('query').lang),
      );
      return c.json({ items: mine.map((m, i) => ({ enrolment: m.enrolment, course: views[i]! })) }, 200);
    },
  );
  return app;
}
