import * as z from 'zod/mini';
import { createRoute } from '../routing.ts';
import { createCredentialBatch, recipientRowsFrom, STATUS_LIST_TTL_SECONDS } from '@skillpass/credentials';
import { HTTPException } from 'hono/http-exception';
import {
  builtOnFirstUse,
  credentialTemplateInputSchema,
  credentialTemplateSchema,
  DomainError,
  isoDateTimeSchema,
  issuedCredentialSchema,
  issuerInputSchema,
  issuerSchema,
  notFound,
} from '@skillpass/domain';
import { deterministicId, newId } from '@skillpass/store';
import type { ApiApp, ApiDeps } from '../deps.ts';
import { isAdmin, requireRole } from '../auth.ts';
import { etagOf, idempotent, jsonContent, pageQuerySchema, pageOf, problemResponses } from '../http.ts';
import { assertKnownConcepts } from '../validation.ts';
import { VERIFY_PAGE } from './verify-page.ts';

const security = [{ bearer: [] }];
const tags = ['Credentials'];

const issueRequestSchema = builtOnFirstUse(() =>
  z.strictObject({
    templateId: z.string().check(z.minLength(1), z.maxLength(64)),
    holder: z.union([
      z.strictObject({ graduateId: z.string().check(z.minLength(1), z.maxLength(128)) }),
      z.strictObject({
        subjectId: z.string().check(z.minLength(1), z.maxLength(500)),
        email: z.email(),
        name: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
      }),
    ]),
    grade: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(100))),
    validUntil: z.optional(isoDateTimeSchema()),
  }),
);
const issuedResponseSchema = builtOnFirstUse(() =>
  z.object({
    id: z.string(),
    jwt: z.string(),
    verifyUrl: z.string(),
    qrSvg: z.string(),
    credential: issuedCredentialSchema(),
  }),
);
const checkSchema = builtOnFirstUse(() =>
  z.object({ result: z.enum(['passed', 'failed', 'not_applicable']), message: z.string() }),
);
const verificationReportSchema = builtOnFirstUse(() =>
  z
    .object({
      verified: z.boolean(),
      checks: z.object({
        format: checkSchema(),
        signature: checkSchema(),
        keyResolution: checkSchema(),
        issuerTrusted: checkSchema(),
        validityWindow: checkSchema(),
        status: checkSchema(),
        euMandatoryElements: checkSchema(),
      }),
      credential: z.optional(z.record(z.string(), z.unknown())),
    })
    .register(z.globalRegistry, { id: 'VerificationReport' }),
);
const verifyRequestSchema = builtOnFirstUse(() =>
  z.union([
    z.string().register(z.globalRegistry, { description: 'a compact JWS (send as application/json string)' }),
    z.object({ jwt: z.string() }),
    z
      .strictObject({ credentialId: z.string().check(z.minLength(1), z.maxLength(64)) })
      .register(z.globalRegistry, { description: 'a credential issued here, by id (the short QR link)' }),
    z
      .object({ '@context': z.optional(z.array(z.string())), type: z.string(), id: z.string() })
      .register(z.globalRegistry, { description: 'EnvelopedVerifiableCredential' }),
  ]),
);

export function registerCredentialRoutes(app: ApiApp, deps: ApiDeps): void {
  const issuer = requireRole(deps.auth, 'issuer');
  const service = deps.credentialService;

  app.openapi(
    createRoute({
      method: 'put',
      path: '/v1/issuers/me',
      summary: 'Register or update my issuing organisation',
      tags,
      security,
      middleware: [issuer] as const,
      request: () => ({ body: { content: { 'application/json': { schema: issuerInputSchema() } }, required: true } }),
      responses: () => ({
        200: jsonContent(issuerSchema().register(z.globalRegistry, { id: 'Issuer' }), 'Saved'),
        ...problemResponses(400, 401, 403),
      }),
    }),
    async (c) => {
      const saved = await deps.issuers.put(c.get('principal').sub, c.req.valid('json'), [deps.signingKid]);
      c.header('ETag', etagOf(saved.version));
      return c.json(saved, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/issuers/me',
      summary: 'Read my issuing organisation',
      tags,
      security,
      middleware: [issuer] as const,
      responses: () => ({ 200: jsonContent(issuerSchema(), 'My issuer record'), ...problemResponses(401, 403, 404) }),
    }),
    async (c) => {
      const found = await deps.issuers.get(c.get('principal').sub);
      if (!found) throw notFound('issuer');
      return c.json(found, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/credential-templates',
      summary: 'Offer a micro-credential (template)',
      tags,
      security,
      middleware: [issuer, idempotent(deps.idempotency)] as const,
      request: () => ({ body: { content: { 'application/json': { schema: credentialTemplateInputSchema() } }, required: true } }),
      responses: () => ({
        201: jsonContent(credentialTemplateSchema().register(z.globalRegistry, { id: 'CredentialTemplate' }), 'Created'),
        ...problemResponses(400, 401, 403, 409, 422),
      }),
    }),
    async (c) => {
      const input = c.req.valid('json');
      assertKnownConcepts(
        deps.taxonomy,
        input.learningOutcomes.map((uri, i) => ({ path: `learningOutcomes.${i}`, uri })),
      );
      const sub = c.get('principal').sub;
      if (!(await deps.issuers.get(sub))) throw notFound('issuer (register with PUT /v1/issuers/me first)');
      const key = c.get('idempotencyKey');
      const template = await deps.issuers.createTemplate(sub, input, key ? deterministicId('tpl', sub, key) : undefined);
      return c.json(template, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/credential-templates',
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

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/credentials',
      summary: 'Issue one signed micro-credential',
      description:
        'Signed as a compact JWS (vc+jwt, ES256). `verifyUrl` carries the credential in the URL fragment, which browsers never send to servers. Honours Idempotency-Key.',
      tags,
      security,
      middleware: [issuer, idempotent(deps.idempotency)] as const,
      request: () => ({ body: { content: { 'application/json': { schema: issueRequestSchema() } }, required: true } }),
      responses: () => ({ 201: jsonContent(issuedResponseSchema(), 'Issued'), ...problemResponses(400, 401, 403, 409, 422) }),
    }),
    async (c) => {
      const sub = c.get('principal').sub;
      const key = c.get('idempotencyKey');
      const credentialId = key ? deterministicId('cred', sub, key) : newId('cred');
      const result = await service.issue(sub, c.req.valid('json'), credentialId);
      c.header('Location', `/v1/credentials/${credentialId}`);
      // The QR code is drawn only here, for the one credential a person is looking at: it is the costly part.
      const qrSvg = service.qrSvg(credentialId, result.verifyUrl);
      return c.json(
        { id: credentialId, jwt: result.credential.jwt, verifyUrl: result.verifyUrl, qrSvg, credential: result.credential },
        201,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/credentials/{id}',
      summary: 'A credential: its issuer or its graduate holder',
      tags,
      security,
      middleware: [requireRole(deps.auth, 'issuer', 'graduate')] as const,
      request: () => ({ params: z.object({ id: z.string().check(z.minLength(1), z.maxLength(64)) }) }),
      responses: () => ({ 200: jsonContent(issuedCredentialSchema(), 'The credential'), ...problemResponses(401, 403, 404) }),
    }),
    async (c) => {
      const principal = c.get('principal');
      const credential = await deps.credentials.get(c.req.valid('param').id);
      const mine =
        credential &&
        (credential.issuerId === principal.sub ||
          (credential.holder.kind === 'graduate' && credential.holder.graduateId === principal.sub) ||
          isAdmin(principal));
      if (!mine) throw notFound('credential');
      return c.json(credential, 200);
    },
  );

  for (const action of ['revoke', 'suspend', 'reinstate'] as const) {
    app.openapi(
      createRoute({
        method: 'post',
        path: `/v1/credentials/{id}/${action}`,
        summary: `${action[0]!.toUpperCase()}${action.slice(1)} a credential (its issuer only)`,
        description:
          'Revocation is final: reinstating a revoked credential is a 409. Only a suspended credential can be reinstated.',
        tags,
        security,
        middleware: [issuer] as const,
        request: () => ({ params: z.object({ id: z.string().check(z.minLength(1), z.maxLength(64)) }) }),
        responses: () => ({
          200: jsonContent(issuedCredentialSchema(), 'The credential in its new state'),
          ...problemResponses(401, 403, 404, 409),
        }),
      }),
      async (c) => c.json(await service.changeStatus(c.get('principal').sub, c.req.valid('param').id, action), 200),
    );
  }

  app.openapi(
    createRoute({
      method: 'get',
      path: '/status-lists/{listId}/{purpose}',
      summary: 'A signed BitstringStatusListCredential (vc+jwt)',
      tags,
      request: () => ({
        params: z.object({ listId: z.string().check(z.regex(/^[\w-]{1,32}$/)), purpose: z.enum(['revocation', 'suspension']) }),
      }),
      responses: () => ({
        200: { description: 'application/vc+jwt', content: { 'application/vc+jwt': { schema: z.string() } } },
        ...problemResponses(400, 404),
      }),
    }),
    async (c) => {
      const { listId, purpose } = c.req.valid('param');
      if (!(await deps.credentials.isStatusListInUse(listId))) throw notFound('status list');
      return c.body(await service.statusListJws(listId, purpose), 200, {
        'Content-Type': 'application/vc+jwt',
        'Cache-Control': `public, max-age=${STATUS_LIST_TTL_SECONDS}`,
      });
    },
  );

  const verifyRoute = (path: string, summary: string, bodySchema: () => z.ZodMiniType = verifyRequestSchema) =>
    createRoute({
      method: 'post',
      path,
      summary,
      description:
        'Public. Accepts a compact JWS, {"jwt": …} or an EnvelopedVerifiableCredential ({"verifiableCredential": …} for the VC API path). Bad input gives a failed report, never a 5xx.',
      tags: ['Verification'],
      request: () => ({ body: { content: { 'application/json': { schema: bodySchema() } }, required: true } }),
      responses: () => ({
        200: jsonContent(verificationReportSchema(), 'The report, check by check'),
        ...problemResponses(400, 413, 415),
      }),
    });
  app.openapi(verifyRoute('/v1/verify', 'Verify a credential'), async (c) => {
    const body = c.req.valid('json');
    const report =
      body && typeof body === 'object' && 'credentialId' in body && typeof body.credentialId === 'string'
        ? await service.verifyById(body.credentialId)
        : await service.verify(body);
    return c.json(report, 200);
  });
  app.openapi(
    verifyRoute('/credentials/verify', 'Verify a credential (W3C VC API shape)', () =>
      z.object({ verifiableCredential: z.unknown(), options: z.optional(z.record(z.string(), z.unknown())) }),
    ),
    async (c) =>
      c.json(await service.verify((c.req.valid('json') as { verifiableCredential: unknown }).verifiableCredential), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/verify',
      summary: 'The verification page (English and Chinese); reads the credential from the URL fragment',
      tags: ['Verification'],
      responses: () => ({ 200: { description: 'HTML page', content: { 'text/html': { schema: z.string() } } } }),
    }),
    (c) => c.html(VERIFY_PAGE, 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/.well-known/jwks.json',
      summary: "The platform's public signing keys (current and retired)",
      tags,
      responses: () => ({ 200: jsonContent(z.object({ keys: z.array(z.record(z.string(), z.unknown())) }), 'JWKS') }),
    }),
    async (c) =>
      c.json({ keys: (await deps.publishedKeys()) as Array<Record<string, unknown>> }, 200, {
        'Cache-Control': 'public, max-age=3600',
      }),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/.well-known/did.json',
      summary: 'The did:web document naming the signing keys',
      tags,
      responses: () => ({ 200: jsonContent(z.record(z.string(), z.unknown()), 'DID document') }),
    }),
    async (c) => {
      const did = `did:web:${new URL(deps.publicOrigin).host.replace(':', '%3A')}`;
      const keys = await deps.publishedKeys();
      return c.json(
        {
          '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/suites/jws-2020/v1'],
          id: did,
          verificationMethod: keys.map((jwk) => ({ id: jwk.kid, type: 'JsonWebKey2020', controller: did, publicKeyJwk: jwk })),
          assertionMethod: keys.map((jwk) => jwk.kid),
        },
        200,
      );
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/keys/{keyId}',
      summary: 'One public key as a bare JWK: what every credential `kid` resolves to',
      tags,
      request: () => ({ params: z.object({ keyId: z.string().check(z.regex(/^[\w-]{1,64}$/)) }) }),
      responses: () => ({ 200: jsonContent(z.record(z.string(), z.unknown()), 'JWK'), ...problemResponses(400, 404) }),
    }),
    async (c) => {
      const jwk = (await deps.publishedKeys()).find((k) => k.kid === `${deps.publicOrigin}/keys/${c.req.valid('param').keyId}`);
      if (!jwk) throw notFound('key');
      return c.json(jwk as Record<string, unknown>, 200, { 'Content-Type': 'application/jwk+json' });
    },
  );

  // A credential's issuer and achievement ids are URLs a verifier can follow.
  const documentIdParamSchema = builtOnFirstUse(() => z.string().check(z.minLength(1), z.maxLength(128)));
  app.openapi(
    createRoute({
      method: 'get',
      path: '/issuers/{issuerId}',
      summary: "An issuer's Open Badges Profile: what a credential's issuer id resolves to",
      tags: ['Verification'],
      request: () => ({ params: z.object({ issuerId: documentIdParamSchema() }) }),
      responses: () => ({ 200: jsonContent(z.record(z.string(), z.unknown()), 'Profile'), ...problemResponses(400, 404) }),
    }),
    async (c) => {
      const profile = await service.issuerDocument(c.req.valid('param').issuerId);
      if (!profile) throw notFound('issuer');
      return c.json(profile, 200, { 'Cache-Control': 'public, max-age=300' });
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/credential-templates/{templateId}',
      summary: "A credential template as an Open Badges Achievement: what a credential's achievement id resolves to",
      tags: ['Verification'],
      request: () => ({ params: z.object({ templateId: documentIdParamSchema() }) }),
      responses: () => ({ 200: jsonContent(z.record(z.string(), z.unknown()), 'Achievement'), ...problemResponses(400, 404) }),
    }),
    async (c) => {
      const achievement = await service.achievementDocument(c.req.valid('param').templateId);
      if (!achievement) throw notFound('credential template');
      return c.json(achievement, 200, { 'Cache-Control': 'public, max-age=300' });
    },
  );
}

const batchJsonSchema = builtOnFirstUse(() =>
  z.object({
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

export function registerCredentialBatchRoutes(app: ApiApp, deps: ApiDeps): void {
  const issuer = requireRole(deps.auth, 'issuer');
  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/credential-batches',
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
        throw new DomainError('validation', 'templateId is required.', [{ path: 'query.templateId', message: 'required' }]);
      const key = c.get('idempotencyKey');
      const batch = await createCredentialBatch(deps, deps.batchQueue, {
        batchId: key ? deterministicId('batch', sub, key) : newId('batch'),
        issuerId: sub,
        templateId,
        rows,
        now: deps.clock(),
      });
      c.header('Location', `/v1/credential-batches/${batch.batchId}`);
      return c.json({ batchId: batch.batchId, total: batch.total, failed: batch.failed }, 202);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/credential-batches/{id}',
      summary: 'Progress of a batch, with per-recipient results and errors',
      tags,
      security,
      middleware: [issuer] as const,
      request: () => ({
        params: z.object({ id: z.string().check(z.minLength(1), z.maxLength(64)) }),
        query: z.extend(pageQuerySchema(), { limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(1000)), 100) }),
      }),
      responses: () => ({ 200: jsonContent(batchStatusSchema(), 'Progress'), ...problemResponses(400, 401, 403, 404) }),
    }),
    async (c) => {
      const batch = await deps.batches.get(c.req.valid('param').id);
      if (!batch || (batch.issuerId !== c.get('principal').sub && !isAdmin(c.get('principal')))) throw notFound('batch');
      const [page, progress] = await Promise.all([
        deps.batches.listRecipients(batch.batchId, c.req.valid('query')),
        deps.batches.progress(batch.batchId),
      ]);
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
}

export function registerHolderRoutes(app: ApiApp, deps: ApiDeps): void {
  const graduate = requireRole(deps.auth, 'graduate');
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

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/profiles/me/credentials',
      summary: 'Bring a credential I hold (from any trusted issuer)',
      description:
        'The credential is verified on import; a failed check is a 422 carrying the report. Its ESCO-aligned skills become verified skills. It is part of the export and erased with the profile.',
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
      const sub = c.get('principal').sub;
      if (!(await deps.profiles.get(sub))) throw notFound('profile');
      const report = await service.verifyForImport(c.req.valid('json'));
      if (!report.verified || !report.credential) {
        const failed = Object.entries(report.checks).filter(([, check]) => check.result === 'failed');
        throw new DomainError(
          'unprocessable',
          'The credential did not verify, so it was not imported.',
          failed.map(([name, check]) => ({ path: `checks.${name}`, message: check.message })),
        );
      }
      const vc = report.credential;
      const skills = (vc.credentialSubject?.achievement?.alignment ?? [])
        .map((a) => a.targetUrl)
        .filter((uri) => deps.taxonomy.isKnownSkill(uri));
      const held = {
        heldId: deterministicId('held', sub, vc.id),
        graduateId: sub,
        jwt: report.jwt,
        issuerId: typeof vc.issuer === 'string' ? vc.issuer : vc.issuer.id,
        title: vc.credentialSubject?.achievement?.name ?? vc.name ?? 'credential',
        skills,
        ...(vc.validUntil ? { validUntil: vc.validUntil } : {}),
        importedAt: deps.clock().toISOString(),
      };
      await deps.credentials.putHeld(held);
      const { jwt: _jwt, graduateId: _g, ...shown } = held;
      return c.json({ held: shown, report: { verified: report.verified, checks: report.checks } }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/profiles/me/credentials',
      summary: 'Credentials issued to me here, and those I brought',
      tags: ['Graduate profile'],
      security,
      middleware: [graduate] as const,
      responses: () => ({
        200: jsonContent(
          z.object({ issued: z.array(issuedCredentialSchema()), held: z.array(z.extend(heldSchema(), { jwt: z.string() })) }),
          'My credentials',
        ),
        ...problemResponses(401, 403),
      }),
    }),
    async (c) => {
      const sub = c.get('principal').sub;
      const [issued, held] = await Promise.all([
        deps.credentials.listForHolder(sub),
        deps.credentials.listHeld(sub),
      ]);
      return c.json({ issued, held: held.map(({ graduateId: _g, ...rest }) => rest) }, 200);
    },
  );

  const service = deps.credentialService;
  app.openapi(
    createRoute({
      method: 'post',
      path: '/credentials/issue',
      summary: 'Issue a credential (W3C VC API shape)',
      description:
        'Body: {"credential": {"templateId", "holder", "grade"?, "validUntil"?}}; answers with the credential as an EnvelopedVerifiableCredential.',
      tags,
      security,
      middleware: [requireRole(deps.auth, 'issuer'), idempotent(deps.idempotency)] as const,
      request: () => ({
        body: {
          content: {
            'application/json': {
              schema: z.strictObject({
                credential: issueRequestSchema(),
                options: z.optional(z.record(z.string(), z.unknown())),
              }),
            },
          },
          required: true,
        },
      }),
      responses: () => ({
        201: jsonContent(
          z.object({ verifiableCredential: z.object({ '@context': z.array(z.string()), type: z.string(), id: z.string() }) }),
          'Issued',
        ),
        ...problemResponses(400, 401, 403, 409, 422),
      }),
    }),
    async (c) => {
      const sub = c.get('principal').sub;
      const key = c.get('idempotencyKey');
      const credentialId = key ? deterministicId('cred', sub, key) : newId('cred');
      const result = await service.issue(sub, c.req.valid('json').credential, credentialId);
      return c.json(
        {
          verifiableCredential: {
            '@context': ['https://www.w3.org/ns/credentials/v2'],
            type: 'EnvelopedVerifiableCredential',
            id: `data:application/vc+jwt,${result.credential.jwt}`,
          },
        },
        201,
      );
    },
  );
}
