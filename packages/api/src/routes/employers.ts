import * as z from 'zod/mini';
import { createRoute, DocumentedHono } from '../routing.ts';
import { builtOnFirstUse, employerInputSchema, employerSchema, jobPostingSchema, notFound } from '@skillpass/domain';
import type { ApiApp, ApiDeps } from '../deps.ts';
import { requireRole } from '../auth.ts';
import { etagOf, jsonContent, pageQuerySchema, pageOf, problemResponses } from '../http.ts';

const security = [{ bearer: [] }];
const tags = ['Employers'];
const employerResponseSchema = builtOnFirstUse(() => employerSchema().register(z.globalRegistry, { id: 'Employer' }));

export function employerRoutes(deps: ApiDeps): ApiApp {
  const app: ApiApp = new DocumentedHono();
  const employer = requireRole(deps.auth, 'employer');

  app.openapi(
    createRoute({
      method: 'put',
      path: '/v1/employers/me',
      operationId: 'replaceMyEmployer',
      summary: 'Create or replace my organisation',
      tags,
      security,
      middleware: [employer] as const,
      request: () => ({ body: { content: { 'application/json': { schema: employerInputSchema() } }, required: true } }),
      responses: () => ({ 200: jsonContent(employerResponseSchema(), 'Saved'), ...problemResponses(400, 401, 403) }),
    }),
    async (c) => {
      const saved = await deps.employers.put(c.get('principal').sub, c.req.valid('json'));
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
      request: () => ({ query: pageQuerySchema() }),
      responses: () => ({
        200: jsonContent(pageOf(jobPostingSchema()), 'A page of my jobs'),
        ...problemResponses(400, 401, 403),
      }),
    }),
    async (c) => c.json(await deps.jobs.listByEmployer(c.get('principal').sub, c.req.valid('query')), 200),
  );
  return app;
}
