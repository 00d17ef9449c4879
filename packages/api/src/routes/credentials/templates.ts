import * as z from 'zod/mini';
import { credentialTemplateInputSchema, credentialTemplateSchema } from '@skillpass/domain';
import { offerTemplate } from '@skillpass/services';
import { createRoute, DocumentedHono } from '../../routing.ts';
import type { ApiApp, CoreApiDeps } from '../../deps.ts';
import { requireRole } from '../../auth.ts';
import { idempotent, jsonContent, pageQuerySchema, pageOf, problemResponses } from '../../http.ts';
import { assertKnownConcepts } from '../../validation.ts';

const security = [{ bearer: [] }];
const tags = ['Credentials'];

/** Micro-credentials on offer; a template as an Open Badges Achievement is in well-known.ts. */
export function templateRoutes(deps: CoreApiDeps): ApiApp {
  const app: ApiApp = new DocumentedHono();

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/credential-templates',
      operationId: 'createCredentialTemplate',
      summary: 'Offer a micro-credential (template)',
      tags,
      security,
      middleware: [requireRole(deps.auth, 'issuer'), idempotent(deps.idempotency)] as const,
      request: () => ({
        body: { content: { 'application/json': { schema: credentialTemplateInputSchema() } }, required: true },
      }),
      responses: () => ({
        201: jsonContent(
          credentialTemplateSchema().register(z.globalRegistry, { id: 'CredentialTemplate' }),
          'Created',
        ),
        ...problemResponses(400, 401, 403, 409, 422),
      }),
    }),
    async (c) => {
      const input = c.req.valid('json');
      assertKnownConcepts(
        deps.taxonomy,
        input.learningOutcomes.map((uri, i) => ({ path: `learningOutcomes.${i}`, uri })),
      );
      const template = await offerTemplate(deps, c.get('principal').sub, input, c.get('idempotencyKey'));
      return c.json(template, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/credential-templates',
      operationId: 'listCredentialTemplates',
      security: [],
      summary: 'Credential templates on offer (public); filter by issuer',
      tags,
      request: () => ({
        query: z.extend(pageQuerySchema(), { issuer: z.optional(z.string().check(z.minLength(1), z.maxLength(128))) }),
      }),
      responses: () => ({
        200: jsonContent(pageOf(credentialTemplateSchema()), 'A page of templates'),
        ...problemResponses(400),
      }),
    }),
    async (c) => {
      const { issuer: issuerId, limit, cursor } = c.req.valid('query');
      return c.json(await deps.issuers.listTemplates({ issuerId, limit, cursor }), 200);
    },
  );
  return app;
}
