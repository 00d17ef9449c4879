import * as z from 'zod/mini';
import { builtOnFirstUse, employerSchema, isoDateSchema, issuerSchema } from '@skillpass/domain';
import {
  accreditIssuer,
  approveEmployer,
  employersAwaitingApproval,
  issuersAwaitingAccreditation,
  platformCounts,
} from '@skillpass/services';
import { requireRole } from '../auth.ts';
import type { ApiApp, CoreApiDeps } from '../deps.ts';
import { jsonContent, problemResponses } from '../http.ts';
import { createRoute, DocumentedHono } from '../routing.ts';

const security = [{ bearer: [] }];
const tags = ['Administration'];

const countsSchema = builtOnFirstUse(() =>
  z
    .object({
      profiles: z.int(),
      openJobs: z.int(),
      applications: z.int(),
      week: z.string().register(z.globalRegistry, { description: 'ISO week (UTC) of the two weekly counts' }),
      credentialsIssuedThisWeek: z.int(),
      credentialsRevokedThisWeek: z.int(),
    })
    .register(z.globalRegistry, { id: 'PlatformCounts' }),
);
const accreditationInputSchema = builtOnFirstUse(() =>
  z.strictObject({
    validUntil: isoDateSchema().register(z.globalRegistry, { description: 'the last day it holds, after today' }),
  }),
);
const idParamSchema = builtOnFirstUse(() => z.object({ id: z.string().check(z.minLength(1), z.maxLength(200)) }));
const listOf = <T extends z.ZodMiniType>(item: T) => z.object({ items: z.array(item) });

/** Operators (role `admin`): accredit issuers, approve employers, read the platform's counts. */
export function adminRoutes(deps: CoreApiDeps): ApiApp {
  const app: ApiApp = new DocumentedHono();
  const admin = requireRole(deps.auth, 'admin');
  const errors = (...extra: Array<404 | 400>) => problemResponses(401, 403, ...extra);

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/admin/issuers/awaiting-accreditation',
      operationId: 'listIssuersAwaitingAccreditation',
      summary: 'Issuers the platform has not accredited, or whose accreditation ran out',
      description: 'Oldest registration first. Every registered issuer is read (issuers are few).',
      tags,
      security,
      middleware: [admin] as const,
      responses: () => ({ 200: jsonContent(listOf(issuerSchema()), 'Issuers awaiting accreditation'), ...errors() }),
    }),
    async (c) => c.json({ items: await issuersAwaitingAccreditation(deps, deps.clock()) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/v1/admin/issuers/{id}/accreditation',
      operationId: 'accreditIssuer',
      summary: "Accredit an issuer on the platform until a date (replaces an earlier accreditation's date)",
      tags,
      security,
      middleware: [admin] as const,
      request: () => ({
        params: idParamSchema(),
        body: { content: { 'application/json': { schema: accreditationInputSchema() } }, required: true },
      }),
      responses: () => ({ 200: jsonContent(issuerSchema(), 'The accredited issuer'), ...errors(400, 404) }),
    }),
    async (c) => {
      const issuer = await accreditIssuer(deps, {
        issuerId: c.req.valid('param').id,
        validUntil: c.req.valid('json').validUntil,
        approvedBy: c.get('principal').sub,
        now: deps.clock(),
      });
      return c.json(issuer, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/admin/employers/awaiting-approval',
      operationId: 'listEmployersAwaitingApproval',
      summary: 'Employers no administrator has approved yet',
      description: 'Oldest first, from a sparse index that an approval takes the employer out of.',
      tags,
      security,
      middleware: [admin] as const,
      responses: () => ({ 200: jsonContent(listOf(employerSchema()), 'Employers awaiting approval'), ...errors() }),
    }),
    async (c) => c.json({ items: await employersAwaitingApproval(deps) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/v1/admin/employers/{id}/approval',
      operationId: 'approveEmployer',
      summary: 'Approve an employer',
      tags,
      security,
      middleware: [admin] as const,
      request: () => ({ params: idParamSchema() }),
      responses: () => ({ 200: jsonContent(employerSchema(), 'The approved employer'), ...errors(404) }),
    }),
    async (c) => {
      const employer = await approveEmployer(deps, {
        employerId: c.req.valid('param').id,
        approvedBy: c.get('principal').sub,
        now: deps.clock(),
      });
      return c.json(employer, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/admin/counts',
      operationId: 'getPlatformCounts',
      summary: 'Platform counts: profiles, open jobs, applications, credentials issued and revoked this week',
      description:
        'Read from counters the event pipeline keeps (one read, no scan); they trail the writes by the ' +
        "pipeline's lag and count what happened since the counters' consumer was deployed.",
      tags,
      security,
      middleware: [admin] as const,
      responses: () => ({ 200: jsonContent(countsSchema(), 'The counts'), ...errors() }),
    }),
    async (c) => c.json(await platformCounts(deps, deps.clock()), 200),
  );
  return app;
}
