import * as z from 'zod/mini';
import { createRoute, DocumentedHono } from '../routing.ts';
import {
  builtOnFirstUse,
  type ApplicationActor,
  applicationSchema,
  applicationStatusSchema,
  DomainError,
  erasedApplicationSchema,
  graduateProfileSchema,
  invitationSchema,
  isErasedApplication,
  notFound,
} from '@skillpass/domain';
import { assertCanApplyAtFair, inviteCandidate, withApplicants } from '@skillpass/services';
import type { ApiApp, CoreApiDeps } from '../deps.ts';
import { isAdmin, requireRole } from '../auth.ts';
import { idempotent, jsonContent, pageQuerySchema, pageOf, problemResponses } from '../http.ts';
import { assertOwnsJob, jobIdParamSchema } from './jobs.ts';

const security = [{ bearer: [] }];
const tags = ['Applications'];
const applicationResponseSchema = builtOnFirstUse(() =>
  applicationSchema().register(z.globalRegistry, { id: 'Application' }),
);
const applicantSchema = builtOnFirstUse(() =>
  z
    .object({
      name: z.string(),
      contactEmail: z.string(),
      skills: z.array(
        z.object({
          uri: z.string(),
          proficiency: z.optional(z.int()),
          verified: z
            .boolean()
            .register(z.globalRegistry, { description: 'backed by an active credential the applicant holds' }),
        }),
      ),
      languages: graduateProfileSchema().shape.languages,
      education: graduateProfileSchema().shape.education,
    })
    .register(z.globalRegistry, {
      id: 'Applicant',
      description: "Shared by applying, with that job's employer only; absent once the application is withdrawn",
    }),
);
/** What the owning employer reads: the application with its applicant, or the anonymised record after erasure. */
const employerApplicationSchema = builtOnFirstUse(() =>
  z
    .union([
      z.extend(applicationSchema(), { applicant: z.optional(applicantSchema()) }),
      erasedApplicationSchema().register(z.globalRegistry, {
        id: 'ErasedApplication',
        description: 'The applicant erased their data: the job and the status history are kept, nothing personal',
      }),
    ])
    .register(z.globalRegistry, { id: 'EmployerApplication' }),
);
const invitationResponseSchema = builtOnFirstUse(() =>
  invitationSchema().register(z.globalRegistry, { id: 'Invitation' }),
);
const applicationIdParamSchema = builtOnFirstUse(() =>
  z.object({ id: z.string().check(z.minLength(1), z.maxLength(64)) }),
);

/** Applications, their contact sharing, and invitations to apply. */
export function applicationRoutes(deps: CoreApiDeps): ApiApp {
  const app: ApiApp = new DocumentedHono();
  const employer = requireRole(deps.auth, 'employer');
  const graduate = requireRole(deps.auth, 'graduate');
  const ownedJob = async (id: string, principal: Parameters<typeof assertOwnsJob>[0]) => {
    const job = await deps.jobs.get(id);
    if (!job) throw notFound('job');
    assertOwnsJob(principal, job);
    return job;
  };

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/jobs/{id}/applications',
      operationId: 'applyToJob',
      summary: 'Apply to a job',
      description:
        "One application per graduate and job: a repeat returns the existing one with 200. Applying is the graduate's " +
        "consent to share their name, contact email and profile summary with this job's employer.",
      tags,
      security,
      middleware: [graduate, idempotent(deps.idempotency)] as const,
      request: () => ({
        params: jobIdParamSchema(),
        body: {
          content: {
            'application/json': {
              schema: z.strictObject({
                coverNote: z.optional(z.string().check(z.maxLength(5_000))),
                fairId: z.optional(
                  z.string().check(z.minLength(1), z.maxLength(64)).register(z.globalRegistry, {
                    description:
                      'The job fair I apply at: I must be registered for it and the job at one of its booths',
                  }),
                ),
              }),
            },
          },
          required: false,
        },
      }),
      responses: () => ({
        200: jsonContent(applicationResponseSchema(), 'Already applied: the existing application'),
        201: jsonContent(applicationResponseSchema(), 'Applied'),
        ...problemResponses(400, 401, 403, 404, 409, 422),
      }),
    }),
    async (c) => {
      const principal = c.get('principal');
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      if (!(await deps.profiles.get(principal.sub))) {
        throw new DomainError('conflict', 'Create your profile (PUT /v1/profiles/me) before applying.');
      }
      if (body?.fairId) await assertCanApplyAtFair(deps, body.fairId, principal.sub, id);
      const { application, created } = await deps.applications.apply(principal.sub, id, body?.coverNote, body?.fairId);
      c.header('Location', `/v1/applications/${application.applicationId}`);
      return c.json(application, created ? 201 : 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/jobs/{id}/applications',
      operationId: 'listJobApplications',
      summary: "A job's applications, with each applicant's contact and profile summary (the owning employer)",
      description:
        'Oldest first. Each live application carries `applicant` (name, contact email, skills marked verified when a ' +
        'credential backs them, languages, education): applying is consent to share them with this employer; a ' +
        'withdrawn application shows none. An application whose graduate erased their data is kept anonymised ' +
        '(`applicantErased: true`, its status history, nothing personal).',
      tags,
      security,
      middleware: [employer] as const,
      request: () => ({ params: jobIdParamSchema(), query: pageQuerySchema() }),
      responses: () => ({
        200: jsonContent(pageOf(employerApplicationSchema()), 'A page of applications'),
        ...problemResponses(400, 401, 403, 404),
      }),
    }),
    async (c) => {
      const job = await ownedJob(c.req.valid('param').id, c.get('principal'));
      const page = await deps.applications.listForJob(job.jobId, c.req.valid('query'));
      return c.json({ ...page, items: await withApplicants(deps.profiles, page.items) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/applications/{id}',
      operationId: 'getApplication',
      summary: 'One application: to its employer with the applicant, to the graduate who applied as it stands',
      description:
        "The job's employer gets the applicant's contact and profile summary (see listJobApplications); the graduate " +
        'gets their own application. Anyone else: 404, as for an application that does not exist.',
      tags,
      security,
      middleware: [requireRole(deps.auth, 'employer', 'graduate')] as const,
      request: () => ({ params: applicationIdParamSchema() }),
      responses: () => ({
        200: jsonContent(employerApplicationSchema(), 'The application'),
        ...problemResponses(400, 401, 403, 404),
      }),
    }),
    async (c) => {
      const principal = c.get('principal');
      const record = await deps.applications.get(c.req.valid('param').id);
      if (!record) throw notFound('application');
      if (record.employerId === principal.sub || isAdmin(principal)) {
        const [view] = await withApplicants(deps.profiles, [record]);
        return c.json(view!, 200);
      }
      if (!isErasedApplication(record) && record.graduateId === principal.sub) return c.json(record, 200);
      throw notFound('application');
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/v1/applications/{id}',
      operationId: 'updateApplicationStatus',
      summary: 'Move an application along (employer), or withdraw it (the graduate who applied)',
      description:
        'The employer moves `submitted → viewed → interview → offer → hired`, or to `rejected` from any of ' +
        'submitted, viewed, interview and offer; the graduate is notified of each move. The graduate who applied may ' +
        'only set `withdrawn`, from submitted, viewed, interview or offer; the employer is then notified. Any other ' +
        'move by either is a 403 (not theirs to make) or a 409 (not from this status, or the applicant erased their ' +
        'data). The history keeps every move with its time.',
      tags,
      security,
      middleware: [requireRole(deps.auth, 'employer', 'graduate')] as const,
      request: () => ({
        params: applicationIdParamSchema(),
        body: {
          content: { 'application/json': { schema: z.strictObject({ status: applicationStatusSchema() }) } },
          required: true,
        },
      }),
      responses: () => ({
        200: jsonContent(applicationResponseSchema(), 'Moved'),
        ...problemResponses(400, 401, 403, 404, 409),
      }),
    }),
    async (c) => {
      const principal = c.get('principal');
      const { status } = c.req.valid('json');
      const record = await deps.applications.get(c.req.valid('param').id);
      const graduateId = record && !isErasedApplication(record) ? record.graduateId : undefined;
      // Someone else's application is reported as absent: its existence is private.
      const by: ApplicationActor | undefined =
        graduateId === principal.sub
          ? 'graduate'
          : record?.employerId === principal.sub
            ? 'employer'
            : isAdmin(principal)
              ? status === 'withdrawn'
                ? 'graduate'
                : 'employer'
              : undefined;
      if (!record || !by) throw notFound('application');
      const moved = await deps.applications.changeStatus(record.applicationId, status, by);
      return c.json(moved, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/jobs/{id}/candidates/{graduateId}/invitation',
      operationId: 'inviteCandidate',
      summary: 'Invite one of my open job’s ranked candidates to apply',
      description:
        'Only a graduate on the job’s ranked candidate list (discoverable, personalised matching on) can be invited; ' +
        'anyone else is a 404. The graduate is notified and decides; their contact stays hidden until they apply. ' +
        'A repeat returns the first invitation with 200; a candidate who already applied is a 409.',
      tags,
      security,
      middleware: [employer] as const,
      request: () => ({
        params: z.object({
          id: z.string().check(z.minLength(1), z.maxLength(64)),
          graduateId: z.string().check(z.minLength(1), z.maxLength(128)),
        }),
        body: {
          content: {
            'application/json': {
              schema: z.strictObject({ message: z.optional(z.string().check(z.trim(), z.maxLength(2_000))) }),
            },
          },
          required: false,
        },
      }),
      responses: () => ({
        200: jsonContent(invitationResponseSchema(), 'Already invited: the first invitation'),
        201: jsonContent(invitationResponseSchema(), 'Invited; the graduate is notified'),
        ...problemResponses(400, 401, 403, 404, 409),
      }),
    }),
    async (c) => {
      const { id, graduateId } = c.req.valid('param');
      const job = await ownedJob(id, c.get('principal'));
      const message = c.req.valid('json')?.message || undefined;
      const { invitation, created } = await inviteCandidate(deps, job, graduateId, message);
      return c.json(invitation, created ? 201 : 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/profiles/me/invitations',
      operationId: 'listMyInvitations',
      summary: 'Invitations to apply that employers sent me, newest first',
      description: 'Applying to the job (applyToJob) is how I accept; ignoring it shares nothing.',
      tags,
      security,
      middleware: [graduate] as const,
      responses: () => ({
        200: jsonContent(z.object({ items: z.array(invitationResponseSchema()) }), 'Newest first'),
        ...problemResponses(401, 403),
      }),
    }),
    async (c) => c.json({ items: await deps.invitations.listForGraduate(c.get('principal').sub) }, 200),
  );
  return app;
}
