import * as z from 'zod/mini';
import { builtOnFirstUse, withoutPrivateReasons } from '@skillpass/domain';
import { importHeldCredential } from '@skillpass/services';
import { createRoute, DocumentedHono } from '../../routing.ts';
import type { ApiApp, ApiDeps } from '../../deps.ts';
import { requireRole } from '../../auth.ts';
import { jsonContent, problemResponses } from '../../http.ts';
import { sharedCredentialSchema } from './issuance.ts';
import { verificationReportSchema, verifyRequestSchema } from './schemas.ts';

const security = [{ bearer: [] }];

const heldSchema = builtOnFirstUse(() =>
  z.object({
    heldId: z.string(),
    issuerId: z.string(),
    title: z.string(),
    skills: z.array(z.string()),
    validUntil: z.optional(z.string()),
    importedAt: z.string(),
  }),
);

/** A graduate's credentials: those issued here, and those brought from other trusted issuers. */
export function holderRoutes(deps: ApiDeps): ApiApp {
  const app: ApiApp = new DocumentedHono();
  const graduate = requireRole(deps.auth, 'graduate');

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/profiles/me/credentials',
      operationId: 'importMyCredential',
      summary: 'Bring a credential I hold (from any trusted issuer)',
      description:
        'The credential is verified on import; a failed check is a 422 carrying the report. Its subject must be the caller (urn:skillpass:graduate:<id>), otherwise 403. Its ESCO-aligned skills become verified skills while it is neither revoked nor suspended. It is part of the export and erased with the profile.',
      tags: ['Graduate profile'],
      security,
      middleware: [graduate] as const,
      request: () => ({ body: { content: { 'application/json': { schema: verifyRequestSchema() } }, required: true } }),
      responses: () => ({
        201: jsonContent(z.object({ held: heldSchema(), report: verificationReportSchema() }), 'Imported'),
        ...problemResponses(400, 401, 403, 404, 422),
      }),
    }),
    async (c) => {
      const { held, report } = await importHeldCredential(deps, c.get('principal').sub, c.req.valid('json'));
      const { jwt: _jwt, graduateId: _g, ...shown } = held;
      return c.json({ held: shown, report }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/profiles/me/credentials',
      operationId: 'listMyCredentials',
      summary: 'Credentials issued to me here, and those I brought',
      description:
        'Both kinds in one call: `issued` (issued here, with verify link and QR code link) and `held` (brought ' +
        'from other issuers, with their status read again and a verify link).',
      tags: ['Graduate profile'],
      security,
      middleware: [graduate] as const,
      responses: () => ({
        200: jsonContent(
          z.object({
            issued: z.array(sharedCredentialSchema()),
            held: z.array(
              z.extend(heldSchema(), {
                jwt: z.string(),
                verifyUrl: z.string(),
                standing: z.enum(['active', 'revoked', 'suspended', 'unknown']),
              }),
            ),
          }),
          'My credentials',
        ),
        ...problemResponses(401, 403),
      }),
    }),
    async (c) => {
      const sub = c.get('principal').sub;
      const [issued, held] = await Promise.all([deps.credentials.listForHolder(sub), deps.credentials.listHeld(sub)]);
      // Read again on every listing: an issuer may have revoked or suspended one since it was brought.
      const standings = await Promise.all(held.map((h) => deps.credentialService.standingOf(h.jwt)));
      return c.json(
        {
          issued: issued.map((credential) => ({
            ...withoutPrivateReasons(credential),
            ...deps.credentialService.linksOf(credential),
          })),
          held: held.map(({ graduateId: _g, ...rest }, i) => ({
            ...rest,
            verifyUrl: `${deps.publicOrigin}/verify#${rest.jwt}`,
            standing: standings[i]!,
          })),
        },
        200,
      );
    },
  );
  return app;
}
