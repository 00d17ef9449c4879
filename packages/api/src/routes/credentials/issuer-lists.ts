import * as z from 'zod/mini';
import { builtOnFirstUse, issuedCredentialSchema } from '@skillpass/domain';
import { createRoute, DocumentedHono } from '../../routing.ts';
import type { ApiApp, CoreApiDeps } from '../../deps.ts';
import { requireRole } from '../../auth.ts';
import { jsonContent, pageOf, pageQuerySchema, problemResponses } from '../../http.ts';

const security = [{ bearer: [] }];
const tags = ['Credentials'];

const issuedSummarySchema = builtOnFirstUse(() =>
  z.omit(issuedCredentialSchema(), { proof: true }).register(z.globalRegistry, {
    id: 'IssuedCredentialSummary',
    description:
      'An issued credential as its issuer lists it: its record and vc+jwt, without the Data Integrity proofs',
  }),
);
const batchSummarySchema = builtOnFirstUse(() =>
  z
    .object({
      batchId: z.string(),
      templateId: z.string(),
      total: z.int(),
      issued: z.int(),
      failed: z.int(),
      pending: z.int(),
      createdAt: z.string(),
    })
    .register(z.globalRegistry, { id: 'CredentialBatchSummary' }),
);

/** What an issuer has issued: its credentials (searchable) and its batches, newest first, paged. */
export function issuerListRoutes(deps: CoreApiDeps): ApiApp {
  const app: ApiApp = new DocumentedHono();
  const issuer = requireRole(deps.auth, 'issuer');

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/credentials',
      operationId: 'listMyIssuedCredentials',
      summary: 'The credentials I issued, newest first; search by holder name or number, filter by template',
      description:
        "Only the caller's own. `q` matches part of the holder's name as signed into the credential, or of its " +
        'number (`cred_…`), case-insensitively; `templateId` keeps one template. Paged with `cursor`.',
      tags,
      security,
      middleware: [issuer] as const,
      request: () => ({
        query: z.extend(pageQuerySchema(), {
          q: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(100))),
          templateId: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
        }),
      }),
      responses: () => ({
        200: jsonContent(pageOf(issuedSummarySchema()), 'A page of my credentials'),
        ...problemResponses(400, 401, 403),
      }),
    }),
    async (c) => {
      const page = await deps.credentials.listForIssuer(c.get('principal').sub, c.req.valid('query'));
      return c.json({ ...page, items: page.items.map(({ proof: _p, ...credential }) => credential) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/credential-batches',
      operationId: 'listMyCredentialBatches',
      summary: 'The batches I issued, newest first, each with its progress',
      tags,
      security,
      middleware: [issuer] as const,
      request: () => ({ query: pageQuerySchema() }),
      responses: () => ({
        200: jsonContent(pageOf(batchSummarySchema()), 'A page of my batches'),
        ...problemResponses(400, 401, 403),
      }),
    }),
    async (c) => {
      const page = await deps.batches.listForIssuer(c.get('principal').sub, c.req.valid('query'));
      const progress = await Promise.all(page.items.map((batch) => deps.batches.progress(batch.batchId)));
      return c.json(
        {
          ...page,
          items: page.items.map(({ batchId, templateId, total, createdAt }, i) => ({
            batchId,
            templateId,
            total,
            ...progress[i]!,
            createdAt,
          })),
        },
        200,
      );
    },
  );
  return app;
}
