import * as z from 'zod/mini';
import { createRoute } from '../routing.ts';
import { EmployerInputSchema, EmployerSchema, JobPostingSchema, notFound } from '@skillpass/domain';
import type { ApiApp, ApiDeps } from '../app.ts';
import { requireRole } from '../auth.ts';
import { etagOf, jsonContent, PageQuerySchema, pageOf, problemResponses } from '../http.ts';

const security = [{ bearer: [] }];
const tags = ['Employers'];

export function registerEmployerRoutes(app: ApiApp, deps: ApiDeps): void {
  const employer = requireRole(deps.auth, 'employer');
  const EmployerResponse = EmployerSchema.register(z.globalRegistry, { id: 'Employer' });

  app.openapi(
    createRoute({
      method: 'put',
      path: '/v1/employers/me',
      summary: 'Create or replace my organisation',
      tags,
      security,
      middleware: [employer] as const,
      request: () => ({ body: { content: { 'application/json': { schema: EmployerInputSchema } }, required: true } }),
      responses: () => ({ 200: jsonContent(EmployerResponse, 'Saved'), ...problemResponses(400, 401, 403) }),
    }),
    async (c) => {
      const saved = await deps.store.putEmployer(c.get('principal').sub, c.req.valid('json'));
      c.header('ETag', etagOf(saved.version));
      return c.json(saved, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/employers/me',
      summary: 'Read my organisation',
      tags,
      security,
      middleware: [employer] as const,
      responses: () => ({ 200: jsonContent(EmployerResponse, 'My organisation'), ...problemResponses(401, 403, 404) }),
    }),
    async (c) => {
      const found = await deps.store.getEmployer(c.get('principal').sub);
      if (!found) throw notFound('employer profile');
      c.header('ETag', etagOf(found.version));
      return c.json(found, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/employers/me/jobs',
      summary: 'My job postings, newest first (open and closed)',
      tags,
      security,
      middleware: [employer] as const,
      request: () => ({ query: PageQuerySchema }),
      responses: () => ({ 200: jsonContent(pageOf(JobPostingSchema), 'A page of my jobs'), ...problemResponses(400, 401, 403) }),
    }),
    async (c) => c.json(await deps.store.listEmployerJobs(c.get('principal').sub, c.req.valid('query')), 200),
  );
}
