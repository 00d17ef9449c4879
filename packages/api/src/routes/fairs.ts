import * as z from 'zod/mini';
import {
  boothInputSchema,
  builtOnFirstUse,
  type Fair,
  fairInputSchema,
  fairRegistrationInputSchema,
  fairReportCsv,
  fairSchema,
  notFound,
  placeNameOf,
} from '@skillpass/domain';
import { summariseExplanation } from '@skillpass/matching';
import {
  bookSlot,
  cancelBooking,
  cancelRegistration,
  boothBookings,
  checkInByCode,
  createFair,
  fairListFor,
  fairReport,
  myRegistration,
  registerBooth,
  registerGraduate,
} from '@skillpass/services';
import type { ApiApp, CoreApiDeps } from '../deps.ts';
import { requireRole, viewerOf } from '../auth.ts';
import { idempotent, jsonContent, langQuerySchema, languageOf, problemResponses } from '../http.ts';
import { createRoute, DocumentedHono } from '../routing.ts';
import { localized } from '../views.ts';

const security = [{ bearer: [] }];
const tags = ['Job fairs'];
const fairIdParamSchema = builtOnFirstUse(() =>
  z.object({ fairId: z.string().check(z.minLength(1), z.maxLength(64)) }),
);
const fairResponseSchema = builtOnFirstUse(() => fairSchema().register(z.globalRegistry, { id: 'Fair' }));
const slotSchema = builtOnFirstUse(() => z.object({ slotId: z.string(), startsAt: z.string(), capacity: z.int() }));
const boothResponseSchema = builtOnFirstUse(() =>
  z
    .object({
      fairId: z.string(),
      employerId: z.string(),
      jobIds: z.array(z.string()),
      cityCode: z.string(),
      sector: z.optional(z.string()),
      slots: z.array(slotSchema()),
      createdAt: z.string(),
    })
    .register(z.globalRegistry, { id: 'FairBooth' }),
);
const registrationResponseSchema = builtOnFirstUse(() =>
  z
    .object({
      fairId: z.string(),
      graduateId: z.string(),
      homeCityCode: z.string(),
      crossRegion: z.boolean(),
      checkInCode: z.string().register(z.globalRegistry, {
        description: 'Shown by the graduate at the venue (as a QR code or typed); unguessable, one per registration',
      }),
      checkedInAt: z.optional(z.string()),
      createdAt: z.string(),
    })
    .register(z.globalRegistry, { id: 'FairRegistration' }),
);
const bookingSchema = builtOnFirstUse(() =>
  z
    .object({
      fairId: z.string(),
      employerId: z.string(),
      graduateId: z.string(),
      slotId: z.string(),
      startsAt: z.string(),
      createdAt: z.string(),
    })
    .register(z.globalRegistry, { id: 'FairBooking' }),
);
const countsSchema = builtOnFirstUse(() => ({
  applications: z.int(),
  interviews: z.int(),
  offers: z.int(),
  hires: z.int(),
}));
const reportSchema = builtOnFirstUse(() =>
  z
    .object({
      fairId: z.string(),
      totals: z.object({ registrations: z.int(), checkIns: z.int(), ...countsSchema() }),
      byProvince: z.array(
        z.object({ province: z.string(), registrations: z.int(), checkIns: z.int(), ...countsSchema() }),
      ),
      bySector: z.array(z.object({ sector: z.string(), ...countsSchema() })),
      byEmployer: z.array(
        z.object({ employerId: z.string(), employerName: z.optional(z.string()), ...countsSchema() }),
      ),
      flows: z.array(
        z.object({ from: z.string(), to: z.string(), applications: z.int(), offers: z.int(), hires: z.int() }),
      ),
    })
    .register(z.globalRegistry, { id: 'FairReport' }),
);
const fairListSchema = builtOnFirstUse(() =>
  z
    .object({
      registration: registrationResponseSchema(),
      provincesOfInterest: z.array(z.string()),
      boothsInOtherProvinces: z.int(),
      bookings: z.array(bookingSchema()),
      booths: z.array(
        z.object({
          employerId: z.string(),
          employerName: z.optional(z.string()),
          cityCode: z.string(),
          province: z.string(),
          sector: z.optional(z.string()),
          score: z.number(),
          jobs: z.array(
            z.object({
              jobId: z.string(),
              title: z.string(),
              placeName: z.string(),
              score: z.number(),
              summary: z.string(),
            }),
          ),
          slots: z.array(
            z.object({ ...slotSchema().shape, booked: z.int(), remaining: z.int(), bookedByMe: z.boolean() }),
          ),
        }),
      ),
    })
    .register(z.globalRegistry, { id: 'FairList' }),
);
const newestFirst = (fairs: Fair[]) => fairs.sort((a, b) => b.startsOn.localeCompare(a.startsOn));

/** Joint job fairs: organisers' fairs and reports, employers' booths, graduates' registrations, bookings, check-in. */
export function fairRoutes(deps: CoreApiDeps): ApiApp {
  const app: ApiApp = new DocumentedHono();
  const organiser = requireRole(deps.auth, 'organiser');
  const employer = requireRole(deps.auth, 'employer');
  const graduate = requireRole(deps.auth, 'graduate');
  const employerNames = async (ids: string[], lang: 'en' | 'zh') => {
    const employers = ids.length ? await deps.employers.getMany(ids) : new Map();
    return (id: string) => {
      const found = employers.get(id);
      return found ? { employerName: localized(found.name, lang) } : {};
    };
  };

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/fairs',
      operationId: 'createFair',
      summary: 'Create a job fair (organiser)',
      description:
        'Title in English and Chinese, dates, online or on-site with venues in Delta cities (a cross-province fair ' +
        'has venues in several provinces), and sector sessions. Honours Idempotency-Key.',
      tags,
      security,
      middleware: [organiser, idempotent(deps.idempotency)] as const,
      request: () => ({ body: { content: { 'application/json': { schema: fairInputSchema() } }, required: true } }),
      responses: () => ({
        201: jsonContent(fairResponseSchema(), 'Created'),
        ...problemResponses(400, 401, 403),
      }),
    }),
    async (c) => {
      const fair = await createFair(deps, c.get('principal').sub, c.req.valid('json'));
      c.header('Location', `/v1/fairs/${fair.fairId}`);
      return c.json(fair, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/fairs',
      operationId: 'listFairs',
      summary: 'Every job fair, newest first (public)',
      tags,
      security: [],
      responses: () => ({ 200: jsonContent(z.object({ items: z.array(fairResponseSchema()) }), 'The fairs') }),
    }),
    async (c) => c.json({ items: newestFirst(await deps.fairs.listFairs()) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/fairs/{fairId}',
      operationId: 'getFair',
      summary: 'One job fair (public)',
      tags,
      security: [],
      request: () => ({ params: fairIdParamSchema() }),
      responses: () => ({ 200: jsonContent(fairResponseSchema(), 'The fair'), ...problemResponses(400, 404) }),
    }),
    async (c) => {
      const fair = await deps.fairs.getFair(c.req.valid('param').fairId);
      if (!fair) throw notFound('fair');
      return c.json(fair, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/organisers/me/fairs',
      operationId: 'listMyOrganisedFairs',
      summary: 'The fairs I organise, newest first (an administrator sees every fair)',
      tags,
      security,
      middleware: [organiser] as const,
      responses: () => ({
        200: jsonContent(z.object({ items: z.array(fairResponseSchema()) }), 'The fairs'),
        ...problemResponses(401, 403),
      }),
    }),
    async (c) => {
      const viewer = viewerOf(c.get('principal'));
      const fairs = (await deps.fairs.listFairs()).filter((f) => viewer.admin || f.organiserId === viewer.id);
      return c.json({ items: newestFirst(fairs) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/fairs/{fairId}/report',
      operationId: 'getFairReport',
      summary: "The post-fair report (the fair's organiser): JSON, or CSV with Accept: text/csv",
      description:
        'Registrations and check-ins by the registrants’ home province; applications made at the fair, interview ' +
        'slots booked, offers and hires by the booth’s province, sector and employer; flows from home province to ' +
        'booth province. Another organiser’s fair is a 404.',
      tags,
      security,
      middleware: [organiser] as const,
      request: () => ({ params: fairIdParamSchema(), query: langQuerySchema() }),
      responses: () => ({
        200: {
          description: 'The report',
          content: { 'application/json': { schema: reportSchema() }, 'text/csv': { schema: z.string() } },
        },
        ...problemResponses(400, 401, 403, 404),
      }),
    }),
    async (c) => {
      const report = await fairReport(deps, c.req.valid('param').fairId, viewerOf(c.get('principal')));
      if (/text\/csv/i.test(c.req.header('Accept') ?? '')) {
        return c.body(fairReportCsv(report), 200, {
          'Content-Type': 'text/csv; charset=utf-8',
          'Content-Disposition': `attachment; filename="fair-${report.fairId}.csv"`,
        });
      }
      const nameOf = await employerNames(
        report.byEmployer.map((e) => e.employerId),
        languageOf(c, c.req.valid('query').lang),
      );
      return c.json({ ...report, byEmployer: report.byEmployer.map((e) => ({ ...e, ...nameOf(e.employerId) })) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/fairs/{fairId}/booths',
      operationId: 'registerFairBooth',
      summary: 'Register my booth at a fair with some of my open jobs and interview slots (employer)',
      description:
        'The city must be one of an on-site fair’s venues; the sector one of its sessions; each job one of mine and ' +
        'open (a wrong one is named by its index). One booth per employer and fair: a second is a 409.',
      tags,
      security,
      middleware: [employer] as const,
      request: () => ({
        params: fairIdParamSchema(),
        body: { content: { 'application/json': { schema: boothInputSchema() } }, required: true },
      }),
      responses: () => ({
        201: jsonContent(boothResponseSchema(), 'Registered'),
        ...problemResponses(400, 401, 403, 404, 409),
      }),
    }),
    async (c) => {
      const booth = await registerBooth(deps, c.get('principal').sub, c.req.valid('param').fairId, c.req.valid('json'));
      return c.json(booth, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/employers/me/booths',
      operationId: 'listMyFairBooths',
      summary: 'My booths at fairs (employer)',
      tags,
      security,
      middleware: [employer] as const,
      responses: () => ({
        200: jsonContent(z.object({ items: z.array(boothResponseSchema()) }), 'My booths'),
        ...problemResponses(401, 403),
      }),
    }),
    async (c) => c.json({ items: await deps.fairs.boothsOfEmployer(c.get('principal').sub) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/fairs/{fairId}/booths/mine',
      operationId: 'getMyFairBooth',
      summary: 'My booth at a fair with its slots and bookings, each with whether the graduate checked in (employer)',
      description:
        'Booking a slot is the graduate’s consent to be met: each booking names the graduate’s display name. ' +
        'No booth of mine at this fair: 404.',
      tags,
      security,
      middleware: [employer] as const,
      request: () => ({ params: fairIdParamSchema() }),
      responses: () => ({
        200: jsonContent(
          z.object({
            booth: boothResponseSchema(),
            slots: z.array(z.object({ ...slotSchema().shape, booked: z.int() })),
            bookings: z.array(z.object({ ...bookingSchema().shape, checkedIn: z.boolean(), displayName: z.string() })),
          }),
          'My booth',
        ),
        ...problemResponses(400, 401, 403, 404),
      }),
    }),
    async (c) => {
      const view = await boothBookings(deps, c.req.valid('param').fairId, c.get('principal').sub);
      const bookings = await Promise.all(
        view.bookings.map(async (b) => ({
          ...b,
          displayName: (await deps.profiles.get(b.graduateId))?.displayName ?? '',
        })),
      );
      return c.json({ booth: view.booth, slots: view.slots, bookings }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/fairs/{fairId}/registrations',
      operationId: 'registerForFair',
      summary: 'Register for a fair (graduate): my home city, and whether to see booths in other provinces',
      description:
        'Needs a profile (409 without one). A second registration is a 409. The answer carries my check-in code.',
      tags,
      security,
      middleware: [graduate] as const,
      request: () => ({
        params: fairIdParamSchema(),
        body: { content: { 'application/json': { schema: fairRegistrationInputSchema() } }, required: true },
      }),
      responses: () => ({
        201: jsonContent(registrationResponseSchema(), 'Registered'),
        ...problemResponses(400, 401, 403, 404, 409),
      }),
    }),
    async (c) => {
      const { fairId } = c.req.valid('param');
      const registration = await registerGraduate(deps, c.get('principal').sub, fairId, c.req.valid('json'));
      return c.json(registration, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/profiles/me/fairs',
      operationId: 'listMyFairRegistrations',
      summary: 'The fairs I registered for (graduate)',
      tags,
      security,
      middleware: [graduate] as const,
      responses: () => ({
        200: jsonContent(z.object({ items: z.array(registrationResponseSchema()) }), 'My registrations'),
        ...problemResponses(401, 403),
      }),
    }),
    async (c) => c.json({ items: await deps.fairs.registrationsOfGraduate(c.get('principal').sub) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/fairs/{fairId}/registrations/me',
      operationId: 'getMyFairRegistration',
      summary: 'My registration for a fair, with my check-in code (graduate)',
      tags,
      security,
      middleware: [graduate] as const,
      request: () => ({ params: fairIdParamSchema() }),
      responses: () => ({
        200: jsonContent(registrationResponseSchema(), 'My registration'),
        ...problemResponses(400, 401, 403, 404),
      }),
    }),
    async (c) => c.json(await myRegistration(deps, c.req.valid('param').fairId, c.get('principal').sub), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/fairs/{fairId}/my-list',
      operationId: 'getMyFairList',
      summary: 'My ranked booths and jobs at a fair (graduate, registered)',
      description:
        'The booths’ open jobs scored by the matching engine against my current profile, best first; booths ranked ' +
        'by their best job. Without the cross-region opt-in, booths outside my home province and my regions of ' +
        'interest are left out (`boothsInOtherProvinces` counts them).',
      tags,
      security,
      middleware: [graduate] as const,
      request: () => ({ params: fairIdParamSchema(), query: langQuerySchema() }),
      responses: () => ({
        200: jsonContent(fairListSchema(), 'My fair list'),
        ...problemResponses(400, 401, 403, 404),
      }),
    }),
    async (c) => {
      const lang = languageOf(c, c.req.valid('query').lang);
      const list = await fairListFor(deps, c.req.valid('param').fairId, c.get('principal').sub);
      const nameOf = await employerNames(
        list.booths.map((b) => b.employerId),
        lang,
      );
      const label = (uri: string) => deps.taxonomy.labelOf(uri, lang) ?? uri;
      return c.json(
        {
          ...list,
          booths: list.booths.map((booth) => ({
            ...booth,
            ...nameOf(booth.employerId),
            jobs: booth.jobs.map(({ job, score, explanation }) => ({
              jobId: job.jobId,
              title: localized(job.title, lang),
              placeName: placeNameOf(job.place, lang),
              score,
              summary: summariseExplanation(explanation, { lang, label }),
            })),
          })),
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/fairs/{fairId}/bookings',
      operationId: 'bookFairSlot',
      summary: 'Book an interview slot at a booth (graduate, registered)',
      description:
        'One booking per booth, never two at the same start time, never beyond the slot’s capacity: each is a 409 ' +
        'saying which.',
      tags,
      security,
      middleware: [graduate] as const,
      request: () => ({
        params: fairIdParamSchema(),
        body: {
          content: {
            'application/json': {
              schema: z.strictObject({
                employerId: z.string().check(z.minLength(1), z.maxLength(128)),
                slotId: z.string().check(z.minLength(1), z.maxLength(8)),
              }),
            },
          },
          required: true,
        },
      }),
      responses: () => ({ 201: jsonContent(bookingSchema(), 'Booked'), ...problemResponses(400, 401, 403, 404, 409) }),
    }),
    async (c) => {
      const booking = await bookSlot(deps, c.req.valid('param').fairId, c.get('principal').sub, c.req.valid('json'));
      return c.json(booking, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/v1/fairs/{fairId}/bookings/{employerId}',
      operationId: 'cancelFairBooking',
      summary: 'Give my booked interview place at a booth back (graduate)',
      description: 'The slot gets its place back at once. A 404 when I hold no booking at that booth.',
      tags,
      security,
      middleware: [graduate] as const,
      request: () => ({
        params: z.object({
          fairId: z.string().check(z.minLength(1), z.maxLength(64)),
          employerId: z.string().check(z.minLength(1), z.maxLength(128)),
        }),
      }),
      responses: () => ({ 204: { description: 'Cancelled' }, ...problemResponses(400, 401, 403, 404) }),
    }),
    async (c) => {
      const { fairId, employerId } = c.req.valid('param');
      await cancelBooking(deps, fairId, c.get('principal').sub, employerId);
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/v1/fairs/{fairId}/registrations/me',
      operationId: 'cancelMyFairRegistration',
      summary: 'Withdraw from a fair (graduate): my booked places go back, my check-in code stops working',
      description: 'A 409 once I have checked in: the registration is then part of the fair’s report.',
      tags,
      security,
      middleware: [graduate] as const,
      request: () => ({ params: fairIdParamSchema() }),
      responses: () => ({ 204: { description: 'Withdrawn' }, ...problemResponses(400, 401, 403, 404, 409) }),
    }),
    async (c) => {
      await cancelRegistration(deps, c.req.valid('param').fairId, c.get('principal').sub);
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/fairs/{fairId}/check-ins',
      operationId: 'checkInAtFair',
      summary: 'Check a graduate in by the code they show (the fair’s organiser, or an employer with a booth there)',
      description:
        'A repeat keeps the first check-in time and says `alreadyCheckedIn: true`. An unknown code is a 404; a fair ' +
        'that is not mine to check in at is a 404 as well.',
      tags,
      security,
      middleware: [requireRole(deps.auth, 'organiser', 'employer')] as const,
      request: () => ({
        params: fairIdParamSchema(),
        body: {
          content: {
            'application/json': {
              schema: z.strictObject({
                code: z.string().check(z.trim(), z.toUpperCase(), z.minLength(1), z.maxLength(64)),
              }),
            },
          },
          required: true,
        },
      }),
      responses: () => ({
        200: jsonContent(
          z.object({ displayName: z.string(), checkedInAt: z.string(), alreadyCheckedIn: z.boolean() }),
          'Checked in',
        ),
        ...problemResponses(400, 401, 403, 404),
      }),
    }),
    async (c) => {
      const { fairId } = c.req.valid('param');
      const code = c.req.valid('json').code.replace(/[\s-]/g, '');
      const { registration, alreadyCheckedIn } = await checkInByCode(deps, fairId, code, viewerOf(c.get('principal')));
      const profile = await deps.profiles.get(registration.graduateId);
      return c.json(
        { displayName: profile?.displayName ?? '', checkedInAt: registration.checkedInAt ?? '', alreadyCheckedIn },
        200,
      );
    },
  );
  return app;
}
