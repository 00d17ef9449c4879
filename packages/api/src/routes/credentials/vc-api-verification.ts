import type { Context } from 'hono';
import * as z from 'zod/mini';
import { builtOnFirstUse } from '@skillpass/domain';
import { createRoute, DocumentedHono } from '../../routing.ts';
import type { ApiApp, ApiDeps } from '../../deps.ts';
import { jsonContent, problemResponses } from '../../http.ts';
import { PROBLEM_CONTENT_TYPE, problemSchema } from '../../problem.ts';
import { verificationReportSchema } from './schemas.ts';

/**
 * The W3C VC API's verifier: `POST /credentials/verify` and `POST /presentations/verify`. Unlike
 * `/v1/verify` (always 200 with a report, for the verify page), these answer 200 only when what was
 * sent verifies and 400 problem details carrying the check-by-check report otherwise. Both check
 * every VC DM 2.0 rule, the JSON-LD one included (the JSON-LD libraries load on their first request), as
 * `/v1/verify` and graduate import do.
 */

const tags = ['Verification'];
type Checks = Record<string, { result: string; message: string }>;

/** A failed verification as RFC 9457 problem details: each failed check named, the whole report as an extension. */
function notVerified(c: Context, detail: string, report: { checks: Checks } & Record<string, unknown>) {
  const errors = Object.entries(report.checks)
    .filter(([, check]) => check.result === 'failed')
    .map(([name, check]) => ({ path: `checks.${name}`, message: check.message }));
  const body = {
    type: 'https://skillpass.dev/problems/not-verified',
    title: 'Not verified',
    status: 400,
    detail,
    instance: c.req.path,
    errors,
    ...report,
  };
  return c.body(JSON.stringify(body), 400, { 'Content-Type': PROBLEM_CONTENT_TYPE });
}

const checkSchema = builtOnFirstUse(() =>
  z.object({ result: z.enum(['passed', 'failed', 'not_applicable']), message: z.string() }),
);
const presentationReportSchema = builtOnFirstUse(() =>
  z
    .object({
      verified: z.boolean(),
      checks: z.object({
        format: checkSchema(),
        proof: checkSchema(),
        challenge: checkSchema(),
        domain: checkSchema(),
        credentials: checkSchema(),
      }),
      holder: z.optional(z.string()),
      credentials: z.array(verificationReportSchema()),
    })
    .register(z.globalRegistry, { id: 'PresentationVerificationReport' }),
);

const notVerifiedResponse = (schema: z.ZodMiniType, description: string) => ({
  description,
  content: {
    [PROBLEM_CONTENT_TYPE]: { schema: z.extend(problemSchema(), { verified: z.literal(false), checks: schema }) },
  },
});

export function vcApiVerificationRoutes(deps: ApiDeps): ApiApp {
  const app: ApiApp = new DocumentedHono();
  const service = deps.credentialService;

  app.openapi(
    createRoute({
      method: 'post',
      path: '/credentials/verify',
      operationId: 'verifyCredentialVcApi',
      summary: 'Verify a credential (W3C VC API)',
      description:
        'Public. Body: {"verifiableCredential": <an EnvelopedVerifiableCredential, a Data Integrity credential or a compact ' +
        'JWS>, "options"?: {}}. 200 with the report only when it verifies; otherwise 400 problem details naming each ' +
        'failed check, with the report (`verified`, `checks`, `credential`) as extension members. Checks every VC DM 2.0 ' +
        'rule, including that each JSON-LD term is defined by a context.',
      tags,
      security: [],
      request: () => ({
        body: {
          content: {
            'application/json': {
              schema: z.strictObject({
                verifiableCredential: z.unknown(),
                options: z.optional(z.record(z.string(), z.unknown())),
              }),
            },
          },
          required: true,
        },
      }),
      responses: () => ({
        200: jsonContent(verificationReportSchema(), 'Verified: the report, check by check'),
        400: notVerifiedResponse(verificationReportSchema().shape.checks, 'Not verified, or not a credential'),
        ...problemResponses(413, 415),
      }),
    }),
    async (c) => {
      const report = await service.verify(c.req.valid('json').verifiableCredential);
      if (!report.verified) return notVerified(c, 'The credential does not verify.', { ...report });
      return c.json(report, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/presentations/verify',
      operationId: 'verifyPresentationVcApi',
      summary: 'Verify a presentation and the credentials in it (W3C VC API)',
      description:
        'Public. Body: {"verifiablePresentation": <an EnvelopedVerifiablePresentation (vp+jwt), a compact vp+jwt, or a ' +
        'Data Integrity presentation with an authentication proof>, "options"?: {"challenge"?, "domain"?}}. The holder ' +
        'must be a did:key or did:jwk DID, or a did:web DID on the trust list, and have signed it with one of its ' +
        'authentication keys; a vp+jwt carries the challenge as `nonce` and the domain as `aud`. Each ' +
        'credential inside is verified as /credentials/verify does. 200 only when everything verifies; otherwise 400 ' +
        'problem details with the report.',
      tags,
      security: [],
      request: () => ({
        body: {
          content: {
            'application/json': {
              schema: z.strictObject({
                verifiablePresentation: z.unknown(),
                options: z.optional(
                  z.strictObject({
                    challenge: z.optional(z.string().check(z.minLength(1), z.maxLength(500))),
                    domain: z.optional(z.string().check(z.minLength(1), z.maxLength(500))),
                  }),
                ),
              }),
            },
          },
          required: true,
        },
      }),
      responses: () => ({
        200: jsonContent(presentationReportSchema(), 'Verified: the report, check by check'),
        400: notVerifiedResponse(presentationReportSchema().shape.checks, 'Not verified, or not a presentation'),
        ...problemResponses(413, 415),
      }),
    }),
    async (c) => {
      const { verifiablePresentation, options } = c.req.valid('json');
      const report = await service.verifyPresentation(verifiablePresentation, options ?? {});
      if (!report.verified) return notVerified(c, 'The presentation does not verify.', { ...report });
      return c.json(report, 200);
    },
  );
  return app;
}
