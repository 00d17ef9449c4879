import * as z from 'zod/mini';
import { HTTPException } from 'hono/http-exception';
import { builtOnFirstUse, DomainError, notFound } from '@skillpass/domain';
import { batchIdFor, batchReport, createCredentialBatch, recipientRowsFrom } from '@skillpass/services';
import { createRoute, DocumentedHono } from '../../routing.ts';
import type { ApiApp, ApiDeps } from '../../deps.ts';
import { requireRole, viewerOf } from '../../auth.ts';
import { idempotent, jsonContent, pageQuerySchema, problemResponses } from '../../http.ts';

const security = [{ bearer: [] }];
const tags = ['Credentials'];

// Strict, as every request body is: an unknown key (`isAdmin`, `__proto__`) is a 400, never ignored.
const batchJsonSchema = builtOnFirstUse(() =>
  z.strictObject({
    templateId: z.string().check(z.minLength(1), z.maxLength(64)),
    recipients: z.array(z.unknown()).check(z.minLength(1), z.maxLength(10_000)),
  }),
);
const batchStatusSchema = builtOnFirstUse(() =>
  z.object({
    batchId: z.string(),
    templateId: z.string(),
    total: z.number(),
    issued: z.number(),
    failed: z.number(),
    pending: z.number(),
    recipients: z.array(
      z.object({
        row: z.number(),
        status: z.enum(['pending', 'issued', 'failed']),
        credentialId: z.optional(z.string()),
        error: z.optional(z.string()),
      }),
    ),
    nextCursor: z.optional(z.string()),
  }),
);

/** Issue a whole class at once (JSON or CSV), then follow its progress row by row. */
export function batchRoutes(deps: ApiDeps): ApiApp {
  const app: ApiApp = new DocumentedHono();
  const issuer = requireRole(deps.auth, 'issuer');

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/credential-batches',
      operationId: 'createCredentialBatch',
      summary: 'Issue a whole class: up to 10,000 recipients, as JSON or CSV',
      description:
        'JSON: {"templateId", "recipients": [{graduateId} | {subjectId, email, name?}, grade?, validUntil?]}. ' +
        'CSV: a header row with those column names, and ?templateId= in the query. A bad row fails alone, with its row number. ' +
        'Work is queued; every recipient is issued exactly once even when the worker crashes and retries. Honours Idempotency-Key.',
      tags,
      security,
      middleware: [issuer, idempotent(deps.idempotency)] as const,
      request: () => ({
        query: z.object({ templateId: z.optional(z.string().check(z.minLength(1), z.maxLength(64))) }),
        body: {
          content: { 'application/json': { schema: batchJsonSchema() }, 'text/csv': { schema: z.string() } },
          required: true,
        },
      }),
      responses: () => ({
        202: jsonContent(z.object({ batchId: z.string(), total: z.number(), failed: z.number() }), 'Accepted'),
        ...problemResponses(400, 401, 403, 413, 415, 422),
      }),
    }),
    async (c) => {
      const contentType = c.req.header('Content-Type') ?? '';
      const sub = c.get('principal').sub;
      let templateId: string | undefined;
      let rows: unknown[];
      if (/^text\/csv/i.test(contentType)) {
        templateId = c.req.valid('query').templateId;
        rows = recipientRowsFrom(await c.req.text(), contentType);
      } else if (/^application\/json/i.test(contentType)) {
        const body = c.req.valid('json');
        templateId = body.templateId;
        rows = body.recipients;
      } else {
        throw new HTTPException(415, { message: 'Send the recipients as application/json or text/csv.' });
      }
      if (!templateId)
        throw new DomainError('validation', 'templateId is required.', [
          { path: 'query.templateId', message: 'required' },
        ]);
      const now = deps.clock();
      const batch = await createCredentialBatch(deps, deps.batchQueue, {
        batchId: batchIdFor(sub, c.get('idempotencyKey'), now),
        issuerId: sub,
        templateId,
        rows,
        now,
      });
      c.header('Location', `/v1/credential-batches/${batch.batchId}`);
      return c.json({ batchId: batch.batchId, total: batch.total, failed: batch.failed }, 202);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/credential-batches/{id}',
      operationId: 'getCredentialBatch',
      summary: 'Progress of a batch, with per-recipient results and errors',
      tags,
      security,
      middleware: [issuer] as const,
      request: () => ({
        params: z.object({ id: z.string().check(z.minLength(1), z.maxLength(64)) }),
        query: z.extend(pageQuerySchema(), {
          limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(1000)), 100),
        }),
      }),
      responses: () => ({ 200: jsonContent(batchStatusSchema(), 'Progress'), ...problemResponses(400, 401, 403, 404) }),
    }),
    async (c) => {
      const report = await batchReport(
        deps,
        c.req.valid('param').id,
        viewerOf(c.get('principal')),
        c.req.valid('query'),
      );
      if (!report) throw notFound('batch');
      const { batch, progress, recipients: page } = report;
      return c.json(
        {
          batchId: batch.batchId,
          templateId: batch.templateId,
          total: batch.total,
          ...progress,
          recipients: page.items.map(({ row, status, credentialId, error }) => ({
            row,
            status,
            ...(credentialId ? { credentialId } : {}),
            ...(error ? { error } : {}),
          })),
          ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
        },
        200,
      );
    },
  );
  return app;
}
