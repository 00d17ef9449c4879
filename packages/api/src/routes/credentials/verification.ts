import * as z from 'zod/mini';
import { DomainError } from '@skillpass/domain';
import { createRoute, DocumentedHono } from '../../routing.ts';
import type { ApiApp, ApiDeps } from '../../deps.ts';
import { jsonContent, pageAssetsRoute, problemResponses } from '../../http.ts';
import { verificationReportSchema, verifyRequestSchema } from './schemas.ts';
import { VERIFY_ASSETS, VERIFY_PAGE } from './verify-page.ts';

const verifyRoute = (path: string, operationId: string, summary: string) =>
  createRoute({
    method: 'post',
    path,
    operationId,
    summary,
    security: [],
    description:
      'Public. Accepts a compact JWS, {"jwt": …}, an EnvelopedVerifiableCredential, a Data Integrity credential or {"credentialId"}. Always 200 with the report (bad input gives a failed one, never a 5xx); the VC API route /credentials/verify answers 400 instead. Every VC DM 2.0 rule is checked, including that each JSON-LD term of the credential (a vc+jwt payload too) is defined by a context.',
    tags: ['Verification'],
    request: () => ({ body: { content: { 'application/json': { schema: verifyRequestSchema() } }, required: true } }),
    responses: () => ({
      200: jsonContent(verificationReportSchema(), 'The report, check by check'),
      ...problemResponses(400, 413, 415),
    }),
  });

/** A browser's navigation names HTML in `Accept`; fetch(), curl and API clients do not. */
const wantsHtml = (accept: string | undefined) => accept !== undefined && /\btext\/html\b/i.test(accept);

/** Public verification: the JSON API and the page people open from a QR code (the VC API's routes: vc-api-verification.ts). */
export function verificationRoutes(deps: ApiDeps): ApiApp {
  const app: ApiApp = new DocumentedHono();
  const service = deps.credentialService;

  app.openapi(verifyRoute('/v1/verify', 'verifyCredential', 'Verify a credential'), async (c) => {
    const body = c.req.valid('json');
    const report =
      body && typeof body === 'object' && 'credentialId' in body && typeof body.credentialId === 'string'
        ? await service.verifyById(body.credentialId)
        : await service.verify(body);
    return c.json(await service.withPublicReason(report), 200);
  });
  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/verify/by-number/{number}',
      operationId: 'verifyCredentialByNumber',
      summary: 'Verify a credential issued here by the credential number printed on its certificate',
      description:
        'Public. The number is the credential id (`cred_` and 26 characters), read leniently: any case, spaces ' +
        'ignored, `cred_` optional. The same report as verifying the credential itself; an unknown number is a 404. ' +
        'Numbers carry 80 random bits, so guessing finds nothing; API Gateway throttles every route (docs/credentials.md).',
      tags: ['Verification'],
      security: [],
      request: () => ({
        params: z.object({
          number: z
            .string()
            .check(z.regex(/^[A-Za-z0-9_ ]{1,64}$/, 'letters, digits, spaces and _ only, at most 64 characters')),
        }),
      }),
      responses: () => ({
        200: jsonContent(verificationReportSchema(), 'The report, check by check'),
        ...problemResponses(400, 404),
      }),
    }),
    async (c) => {
      const { number } = c.req.valid('param');
      const report = await service.verifyByNumber(number);
      if (!report) {
        throw new DomainError(
          'not-found',
          `No credential with number ${number} was issued here. Check the number on the certificate.`,
        );
      }
      return c.json(await service.withPublicReason(report), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/verify',
      operationId: 'getVerifyPage',
      security: [],
      summary: "Where every verifyUrl points: browsers go on to the web app's verify page",
      description:
        "A browser (`Accept` naming `text/html`) is redirected to the web app's verify page `/check`, query kept; the " +
        'credential travels in the URL fragment, which browsers carry across a redirect whose Location has none. ' +
        'Other clients get a self-contained bilingual page that reads the fragment itself.',
      tags: ['Verification'],
      responses: () => ({
        200: { description: 'HTML page', content: { 'text/html': { schema: z.string() } } },
        302: { description: "To the web app's verify page, `/check`" },
      }),
    }),
    (c) => {
      if (wantsHtml(c.req.header('Accept'))) {
        const query = new URL(c.req.url).search;
        return c.redirect(`/check${query}`, 302);
      }
      return c.html(VERIFY_PAGE, 200);
    },
  );
  app.openapi(
    createRoute(pageAssetsRoute('/verify/assets', 'getVerifyPageAsset', ['Verification'], VERIFY_ASSETS)),
    (c) => {
      const asset = VERIFY_ASSETS[c.req.valid('param').file];
      return c.body(asset.body, 200, { 'Content-Type': asset.type, 'Cache-Control': 'public, max-age=300' });
    },
  );
  return app;
}
