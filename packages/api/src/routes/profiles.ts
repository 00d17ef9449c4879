import * as z from 'zod/mini';
import { createRoute, DocumentedHono } from '../routing.ts';
import {
  builtOnFirstUse,
  applicationSchema,
  type GraduateProfile,
  type GraduateProfileInput,
  graduateProfileInputSchema,
  graduateProfileSchema,
  notFound,
  notificationTitle,
} from '@skillpass/domain';
import { eraseGraduateData } from '@skillpass/services';
import type { ApiApp, CoreApiDeps } from '../deps.ts';
import { requireRole } from '../auth.ts';
import {
  etagOf,
  jsonContent,
  langQuerySchema,
  languageOf,
  optionalIfMatch,
  pageQuerySchema,
  pageOf,
  problemResponses,
} from '../http.ts';
import { applyMergePatch } from '../merge-patch.ts';
import { assertKnownConcepts, parseOrThrow } from '../validation.ts';

const security = [{ bearer: [] }];
const tags = ['Graduate profile'];
const authErrors = () => problemResponses(400, 401, 403);

const notificationSchema = builtOnFirstUse(() =>
  z
    .object({
      notificationId: z.string(),
      kind: z.enum(['new-matches', 'application-status', 'job-invitation', 'credential-issued']),
      title: z.string().register(z.globalRegistry, { description: 'in `lang` (or Accept-Language): en or zh' }),
      jobIds: z.array(z.string()),
      status: z.optional(applicationSchema().shape.status),
      credentialId: z.optional(
        z.string().register(z.globalRegistry, { description: 'the credential issued (credential-issued)' }),
      ),
      read: z.boolean(),
      createdAt: z.iso
        .datetime()
        .register(z.globalRegistry, { description: 'when it happened, to the millisecond (ISO 8601, UTC)' }),
    })
    .register(z.globalRegistry, { id: 'Notification' }),
);

const profileResponseSchema = builtOnFirstUse(() =>
  graduateProfileSchema().register(z.globalRegistry, { id: 'GraduateProfile' }),
);

function inputOf(profile: GraduateProfile): GraduateProfileInput {
  const {
    graduateId: _g,
    verifiedSkills: _v,
    verifiedStandardLevels: _l,
    version: _n,
    createdAt: _c,
    updatedAt: _u,
    ...input
  } = profile;
  return input;
}

function validatedProfileInput(deps: CoreApiDeps, body: unknown): GraduateProfileInput {
  const input = parseOrThrow(graduateProfileInputSchema(), body);
  assertKnownConcepts(
    deps.taxonomy,
    input.skills.map((skill, i) => ({ path: `skills.${i}.uri`, uri: skill.uri })),
    input.desiredOccupations.flatMap((o, i) =>
      o.escoUri ? [{ path: `desiredOccupations.${i}.escoUri`, uri: o.escoUri }] : [],
    ),
  );
  return input;
}

export function profileRoutes(deps: CoreApiDeps): ApiApp {
  const app: ApiApp = new DocumentedHono();
  const graduate = requireRole(deps.auth, 'graduate');
  const sub = (c: { get(key: 'principal'): { sub: string } }) => c.get('principal').sub;
  app.openapi(
    createRoute({
      method: 'put',
      path: '/v1/profiles/me',
      operationId: 'replaceMyProfile',
      summary: 'Create or replace my profile',
      description:
        'Skills are ESCO skill URIs; an unknown URI is a 400 naming it. `consents.discoverable` defaults to false. ' +
        'Optional If-Match guards against overwriting a newer version.',
      tags,
      security,
      middleware: [graduate] as const,
      request: () => ({
        body: { content: { 'application/json': { schema: graduateProfileInputSchema() } }, required: true },
      }),
      responses: () => ({
        200: jsonContent(profileResponseSchema(), 'Replaced'),
        201: jsonContent(profileResponseSchema(), 'Created'),
        ...authErrors(),
        ...problemResponses(412),
      }),
    }),
    async (c) => {
      const input = validatedProfileInput(deps, c.req.valid('json'));
      const { profile, created } = await deps.profiles.update(sub(c), () => input, optionalIfMatch(c));
      c.header('ETag', etagOf(profile.version));
      return c.json(profile, created ? 201 : 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/v1/profiles/me',
      operationId: 'updateMyProfile',
      summary: 'Change parts of my profile (JSON Merge Patch)',
      tags,
      security,
      middleware: [graduate] as const,
      request: () => ({
        body: {
          content: { 'application/merge-patch+json': { schema: z.record(z.string(), z.unknown()) } },
          required: true,
        },
      }),
      responses: () => ({
        200: jsonContent(profileResponseSchema(), 'Updated'),
        ...authErrors(),
        ...problemResponses(404, 412),
      }),
    }),
    async (c) => {
      const patch = c.req.valid('json');
      const { profile } = await deps.profiles.update(
        sub(c),
        (current) => {
          if (!current) throw notFound('profile');
          return validatedProfileInput(deps, applyMergePatch(inputOf(current), patch));
        },
        optionalIfMatch(c),
      );
      c.header('ETag', etagOf(profile.version));
      return c.json(profile, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/profiles/me',
      operationId: 'getMyProfile',
      summary: 'Read my profile',
      tags,
      security,
      middleware: [graduate] as const,
      responses: () => ({
        200: jsonContent(profileResponseSchema(), 'My profile'),
        ...authErrors(),
        ...problemResponses(404),
      }),
    }),
    async (c) => {
      const profile = await deps.profiles.get(sub(c));
      if (!profile) throw notFound('profile');
      c.header('ETag', etagOf(profile.version));
      return c.json(profile, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/v1/profiles/me',
      operationId: 'deleteMyProfile',
      summary: 'Erase my profile and everything derived from it',
      description:
        'Deletes the profile, applications, invitations, matches, index entries, notifications and idempotency records. ' +
        'Each employer applied to keeps an anonymised record of the application (its status history; no name, id, ' +
        'contact or cover note).',
      tags,
      security,
      middleware: [graduate] as const,
      responses: () => ({ 204: { description: 'Erased (also when there was nothing to erase)' }, ...authErrors() }),
    }),
    async (c) => {
      await eraseGraduateData(deps, sub(c));
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/profiles/me/export',
      operationId: 'exportMyData',
      summary: 'Export everything stored about me',
      tags,
      security,
      middleware: [graduate] as const,
      responses: () => ({
        200: jsonContent(
          z.object({
            graduateId: z.string(),
            exportedAt: z.string(),
            data: z.record(z.string(), z.array(z.unknown())),
          }),
          'One JSON document, grouped by kind of record',
        ),
        ...authErrors(),
      }),
    }),
    async (c) => {
      const data = await deps.profiles.export(sub(c));
      c.header('Content-Disposition', 'attachment; filename="skillpass-export.json"');
      return c.json({ graduateId: sub(c), exportedAt: deps.clock().toISOString(), data }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/profiles/me/applications',
      operationId: 'listMyApplications',
      summary: 'My applications',
      tags,
      security,
      middleware: [graduate] as const,
      request: () => ({ query: pageQuerySchema() }),
      responses: () => ({
        200: jsonContent(pageOf(applicationSchema()), 'A page of my applications'),
        ...authErrors(),
      }),
    }),
    async (c) => c.json(await deps.applications.listForGraduate(sub(c), c.req.valid('query')), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/profiles/me/notifications',
      operationId: 'listMyNotifications',
      summary: 'My notifications (new matching jobs, application updates, invitations to apply, credentials issued)',
      description: 'Newest first (ties in time by id, so the order is stable), worded in `lang` (or Accept-Language).',
      tags,
      security,
      middleware: [graduate] as const,
      request: () => ({ query: z.extend(pageQuerySchema(), langQuerySchema().shape) }),
      responses: () => ({ 200: jsonContent(pageOf(notificationSchema()), 'Newest first'), ...authErrors() }),
    }),
    async (c) => {
      const { lang: asked, ...page } = c.req.valid('query');
      const lang = languageOf(c, asked);
      const notes = await deps.notifications.list(sub(c), page);
      return c.json(
        {
          ...notes,
          items: notes.items.map(({ graduateId: _g, jobTitle, credentialTitle, title, ...note }) => ({
            ...note,
            // Records written before notifications kept their facts keep their English words.
            title:
              note.kind === 'application-status' && !note.status
                ? title
                : notificationTitle({ ...note, jobTitle, credentialTitle }, lang),
          })),
        },
        200,
      );
    },
  );
  return app;
}
