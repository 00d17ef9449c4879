import * as z from 'zod/mini';
import { createRoute, DocumentedHono } from '../routing.ts';
import {
  builtOnFirstUse,
  type Employer,
  type EmployerInput,
  employerInputSchema,
  employerSchema,
  notFound,
  notificationTitle,
  placeNameOf,
} from '@skillpass/domain';
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
import { parseOrThrow } from '../validation.ts';
import { jobViewSchema, jobViews, localized } from '../views.ts';

const security = [{ bearer: [] }];
const tags = ['Employers'];
const employerResponseSchema = builtOnFirstUse(() => employerSchema().register(z.globalRegistry, { id: 'Employer' }));
const publicEmployerSchema = builtOnFirstUse(() =>
  z
    .object({
      id: z.string(),
      name: z.string(),
      names: z.object({ en: z.string(), zh: z.optional(z.string()) }),
      city: z.string(),
      registeredPlace: employerInputSchema().shape.registeredPlace,
      description: z.optional(z.string()),
      website: z.optional(z.string()),
      logoUrl: z.optional(z.string()),
      openJobs: z.int(),
    })
    .register(z.globalRegistry, { id: 'PublicEmployer' }),
);

function inputOf(employer: Employer): EmployerInput {
  const { employerId: _e, version: _v, createdAt: _c, updatedAt: _u, ...input } = employer;
  return input;
}

export function employerRoutes(deps: CoreApiDeps): ApiApp {
  const app: ApiApp = new DocumentedHono();
  const employer = requireRole(deps.auth, 'employer');

  app.openapi(
    createRoute({
      method: 'put',
      path: '/v1/employers/me',
      operationId: 'replaceMyEmployer',
      summary: 'Create or replace my organisation',
      description:
        'Name in English and Chinese, registered place, website, optional logo (https). `If-Match` optional: with ' +
        'one, a stale ETag is a 412.',
      tags,
      security,
      middleware: [employer] as const,
      request: () => ({ body: { content: { 'application/json': { schema: employerInputSchema() } }, required: true } }),
      responses: () => ({
        200: jsonContent(employerResponseSchema(), 'Saved'),
        ...problemResponses(400, 401, 403, 412),
      }),
    }),
    async (c) => {
      const saved = await deps.employers.put(c.get('principal').sub, c.req.valid('json'), optionalIfMatch(c));
      c.header('ETag', etagOf(saved.version));
      return c.json(saved, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/v1/employers/me',
      operationId: 'updateMyEmployer',
      summary: 'Change parts of my organisation (JSON Merge Patch)',
      description: '`If-Match` optional, as for the profile: with one, a stale ETag is a 412. `null` removes a field.',
      tags,
      security,
      middleware: [employer] as const,
      request: () => ({
        body: {
          content: { 'application/merge-patch+json': { schema: z.record(z.string(), z.unknown()) } },
          required: true,
        },
      }),
      responses: () => ({
        200: jsonContent(employerResponseSchema(), 'Updated'),
        ...problemResponses(400, 401, 403, 404, 412),
      }),
    }),
    async (c) => {
      const patch = c.req.valid('json');
      const saved = await deps.employers.update(
        c.get('principal').sub,
        (current) => {
          if (!current) throw notFound('employer profile');
          return parseOrThrow(employerInputSchema(), applyMergePatch(inputOf(current), patch));
        },
        optionalIfMatch(c),
      );
      c.header('ETag', etagOf(saved.version));
      return c.json(saved, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/employers/me',
      operationId: 'getMyEmployer',
      summary: 'Read my organisation',
      tags,
      security,
      middleware: [employer] as const,
      responses: () => ({
        200: jsonContent(employerResponseSchema(), 'My organisation'),
        ...problemResponses(401, 403, 404),
      }),
    }),
    async (c) => {
      const found = await deps.employers.get(c.get('principal').sub);
      if (!found) throw notFound('employer profile');
      c.header('ETag', etagOf(found.version));
      return c.json(found, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/employers/me/jobs',
      operationId: 'listMyJobs',
      summary: 'My job postings, newest first (open and closed)',
      tags,
      security,
      middleware: [employer] as const,
      request: () => ({ query: z.extend(pageQuerySchema(), langQuerySchema().shape) }),
      responses: () => ({
        200: jsonContent(pageOf(jobViewSchema()), 'A page of my jobs'),
        ...problemResponses(400, 401, 403),
      }),
    }),
    async (c) => {
      const { lang, ...page } = c.req.valid('query');
      const jobs = await deps.jobs.listByEmployer(c.get('principal').sub, page);
      return c.json({ ...jobs, items: await jobViews(deps, jobs.items, languageOf(c, lang)) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/employers/me/notifications',
      operationId: 'listMyEmployerNotifications',
      summary: 'My notifications as an employer: applications withdrawn by their graduates',
      description: 'Newest first, worded in `lang` (or Accept-Language).',
      tags,
      security,
      middleware: [employer] as const,
      request: () => ({ query: z.extend(pageQuerySchema(), langQuerySchema().shape) }),
      responses: () => ({
        200: jsonContent(
          pageOf(
            z.object({
              notificationId: z.string(),
              kind: z.enum(['application-withdrawn']),
              title: z.string(),
              applicationId: z.string(),
              jobIds: z.array(z.string()),
              read: z.boolean(),
              createdAt: z.iso.datetime(),
            }),
          ),
          'Newest first',
        ),
        ...problemResponses(400, 401, 403),
      }),
    }),
    async (c) => {
      const { lang: asked, ...page } = c.req.valid('query');
      const lang = languageOf(c, asked);
      const notes = await deps.notifications.listForEmployer(c.get('principal').sub, page);
      return c.json(
        {
          ...notes,
          items: notes.items.map(({ employerId: _e, jobTitle, ...note }) => ({
            ...note,
            title: notificationTitle({ ...note, jobTitle }, lang),
          })),
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/employers/{id}',
      operationId: 'getEmployer',
      summary: "An employer's public page: names, registered place, website, logo and how many jobs it has open",
      description:
        'Public. Names and description in `lang` (or Accept-Language; en or zh). Nothing private: no credit code, ' +
        'no contact, no applications.',
      tags,
      security: [],
      request: () => ({
        params: z.object({ id: z.string().check(z.minLength(1), z.maxLength(128)) }),
        query: langQuerySchema(),
      }),
      responses: () => ({
        200: jsonContent(publicEmployerSchema(), 'The public profile'),
        ...problemResponses(400, 404),
      }),
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const lang = languageOf(c, c.req.valid('query').lang);
      const [found, openJobs] = await Promise.all([deps.employers.get(id), deps.jobs.countOpenByEmployer(id)]);
      if (!found) throw notFound('employer');
      return c.json(
        {
          id,
          name: localized(found.name, lang),
          names: found.name,
          city: placeNameOf(found.registeredPlace, lang),
          registeredPlace: found.registeredPlace,
          ...(found.description ? { description: localized(found.description, lang) } : {}),
          ...(found.website ? { website: found.website } : {}),
          ...(found.logoUrl ? { logoUrl: found.logoUrl } : {}),
          openJobs,
        },
        200,
      );
    },
  );
  return app;
}
