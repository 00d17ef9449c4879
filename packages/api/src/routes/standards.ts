import * as z from 'zod/mini';
import {
  builtOnFirstUse,
  notFound,
  skillLevelStandardSchema,
  type StandardContent,
  standardContentSchema,
  standardReviewInputSchema,
  standardVersionSchema,
} from '@skillpass/domain';
import {
  proposeStandard,
  proposeStandardVersion,
  publishedStandards,
  reviewStandardVersion,
} from '@skillpass/services';
import type { StandardWithVersions } from '@skillpass/store';
import { requireRole } from '../auth.ts';
import type { ApiApp, CoreApiDeps } from '../deps.ts';
import { etagOf, idempotent, ifMatchAccepts, jsonContent, problemResponses } from '../http.ts';
import { createRoute, DocumentedHono } from '../routing.ts';
import { assertKnownConcepts } from '../validation.ts';

const security = [{ bearer: [] }];
const tags = ['Skill-level standards'];

const headSchema = builtOnFirstUse(() =>
  skillLevelStandardSchema().register(z.globalRegistry, { id: 'SkillLevelStandard' }),
);
const versionSchema = builtOnFirstUse(() =>
  standardVersionSchema().register(z.globalRegistry, { id: 'SkillLevelStandardVersion' }),
);
const withVersionsSchema = builtOnFirstUse(() =>
  z
    .object({ standard: headSchema(), versions: z.array(versionSchema()) })
    .register(z.globalRegistry, { id: 'SkillLevelStandardWithVersions' }),
);
const contentSchema = builtOnFirstUse(() =>
  standardContentSchema().register(z.globalRegistry, { id: 'SkillLevelStandardContent' }),
);
const idParamSchema = builtOnFirstUse(() => z.object({ id: z.string().check(z.minLength(1), z.maxLength(100)) }));
const versionParamSchema = builtOnFirstUse(() =>
  z.object({
    id: z.string().check(z.minLength(1), z.maxLength(100)),
    number: z.coerce.number().check(z.int(), z.gte(1), z.lte(9999)),
  }),
);

/** ESCO URIs in a proposal must name real concepts (400 naming the field otherwise). */
function assertKnownContent(deps: CoreApiDeps, content: StandardContent): void {
  assertKnownConcepts(
    deps.taxonomy,
    content.levels.flatMap((level, i) =>
      level.skills.map((skill, j) => ({ path: `levels.${i}.skills.${j}.uri`, uri: skill.uri })),
    ),
    [{ path: 'occupationUri', uri: content.occupationUri }],
  );
}

/** What anyone may read of a standard: its head and its published versions, none of the open or rejected ones. */
const publicView = (found: StandardWithVersions): StandardWithVersions => ({
  standard: found.standard,
  versions: found.versions.filter((v) => v.status === 'published'),
});

/**
 * Shared skill-level standards (技能等级评价标准共建共享): anyone reads the published ones; accredited issuers propose
 * standards and versions, and an accredited issuer of another province reviews each (docs/standards.md).
 */
export function standardRoutes(deps: CoreApiDeps): ApiApp {
  const app: ApiApp = new DocumentedHono();
  const issuer = requireRole(deps.auth, 'issuer');

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/standards',
      operationId: 'listStandards',
      summary: 'Published skill-level standards, by occupation (public)',
      description: 'Each head names its published version; read the levels with GET /v1/standards/{id}.',
      tags,
      security: [],
      responses: () => ({ 200: jsonContent(z.object({ items: z.array(headSchema()) }), 'The standards') }),
    }),
    async (c) => c.json({ items: await publishedStandards(deps) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/standards/awaiting-review',
      operationId: 'listStandardsAwaitingReview',
      summary: 'Standards with a version awaiting review, with every version and review (issuers)',
      tags,
      security,
      middleware: [issuer] as const,
      responses: () => ({
        200: jsonContent(z.object({ items: z.array(withVersionsSchema()) }), 'Standards awaiting review'),
        ...problemResponses(401, 403),
      }),
    }),
    async (c) => {
      const pending = (await deps.standards.list()).filter((s) => s.pendingVersion !== undefined);
      const found = await Promise.all(pending.map((s) => deps.standards.get(s.standardId)));
      return c.json({ items: found.filter((f): f is StandardWithVersions => f !== undefined) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/standards/{id}',
      operationId: 'getStandard',
      summary: 'A published standard with its published versions (public)',
      description: 'A standard with no published version yet is not found here; its history is at …/history.',
      tags,
      security: [],
      request: () => ({ params: idParamSchema() }),
      responses: () => ({ 200: jsonContent(withVersionsSchema(), 'The standard'), ...problemResponses(400, 404) }),
    }),
    async (c) => {
      const found = await deps.standards.get(c.req.valid('param').id);
      if (found?.standard.publishedVersion === undefined) throw notFound('standard');
      c.header('ETag', etagOf(found.standard.version));
      return c.json(publicView(found), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/standards/{id}/history',
      operationId: 'getStandardHistory',
      summary: 'Every version of a standard with its proposer and review, published or not (issuers)',
      tags,
      security,
      middleware: [issuer] as const,
      request: () => ({ params: idParamSchema() }),
      responses: () => ({
        200: jsonContent(withVersionsSchema(), 'The standard and its history'),
        ...problemResponses(400, 401, 403, 404),
      }),
    }),
    async (c) => {
      const found = await deps.standards.get(c.req.valid('param').id);
      if (!found) throw notFound('standard');
      c.header('ETag', etagOf(found.standard.version));
      return c.json(found, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/standards/{id}/versions/{number}',
      operationId: 'getStandardVersion',
      summary: 'One published version of a standard (public): what a credential aligned to it points at',
      tags,
      security: [],
      request: () => ({ params: versionParamSchema() }),
      responses: () => ({ 200: jsonContent(versionSchema(), 'The version'), ...problemResponses(400, 404) }),
    }),
    async (c) => {
      const { id, number } = c.req.valid('param');
      const version = (await deps.standards.get(id))?.versions.find((v) => v.number === number);
      if (version?.status !== 'published') throw notFound('published standard version');
      c.header('Cache-Control', 'public, max-age=86400, immutable');
      return c.json(version, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/standards',
      operationId: 'proposeStandard',
      summary: 'Propose a new skill-level standard (accredited issuers with a province)',
      description:
        'Creates the standard with version 1 awaiting review by an accredited issuer of another province. ' +
        'A higher level (smaller number) must require every skill of the levels below at the same or a higher ' +
        'proficiency. `Idempotency-Key` makes a retry find the first attempt.',
      tags,
      security,
      middleware: [issuer, idempotent(deps.idempotency)] as const,
      request: () => ({ body: { content: { 'application/json': { schema: contentSchema() } }, required: true } }),
      responses: () => ({
        201: jsonContent(withVersionsSchema(), 'Proposed'),
        ...problemResponses(400, 401, 403, 409),
      }),
    }),
    async (c) => {
      const content = c.req.valid('json');
      assertKnownContent(deps, content);
      const created = await proposeStandard(deps, {
        issuerId: c.get('principal').sub,
        content,
        ...(c.get('idempotencyKey') ? { idempotencyKey: c.get('idempotencyKey') } : {}),
        now: deps.clock(),
      });
      c.header('ETag', etagOf(created.standard.version));
      c.header('Location', `/v1/standards/${created.standard.standardId}`);
      return c.json(created, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/standards/{id}/versions',
      operationId: 'proposeStandardVersion',
      summary: 'Propose the next version of a standard (accredited issuers with a province)',
      description:
        'One version awaits review at a time (409 otherwise). `If-Match` (the ETag of the standard) optional: ' +
        'with one, a standard changed since is a 412.',
      tags,
      security,
      middleware: [issuer, idempotent(deps.idempotency)] as const,
      request: () => ({
        params: idParamSchema(),
        body: { content: { 'application/json': { schema: contentSchema() } }, required: true },
      }),
      responses: () => ({
        201: jsonContent(withVersionsSchema(), 'Proposed'),
        ...problemResponses(400, 401, 403, 404, 409, 412),
      }),
    }),
    async (c) => {
      const content = c.req.valid('json');
      assertKnownContent(deps, content);
      const ifMatch = c.req.header('If-Match');
      const updated = await proposeStandardVersion(deps, {
        issuerId: c.get('principal').sub,
        standardId: c.req.valid('param').id,
        content,
        ...(ifMatch === undefined ? {} : { precondition: (version: number) => ifMatchAccepts(ifMatch, version) }),
        now: deps.clock(),
      });
      c.header('ETag', etagOf(updated.standard.version));
      return c.json(updated, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/v1/standards/{id}/versions/{number}/review',
      operationId: 'reviewStandardVersion',
      summary: 'Approve (publish) or reject a proposed version (an accredited issuer of another province)',
      description:
        'The proposer cannot review, nor an issuer of its province (403 naming `reviewer` or `provinceCode`). ' +
        'A rejection gives a reason. Sending the same decision again changes nothing; another review of a ' +
        'reviewed version is a 409.',
      tags,
      security,
      middleware: [issuer] as const,
      request: () => ({
        params: versionParamSchema(),
        body: { content: { 'application/json': { schema: standardReviewInputSchema() } }, required: true },
      }),
      responses: () => ({
        200: jsonContent(withVersionsSchema(), 'Reviewed'),
        ...problemResponses(400, 401, 403, 404, 409),
      }),
    }),
    async (c) => {
      const { id, number } = c.req.valid('param');
      const reviewed = await reviewStandardVersion(deps, {
        issuerId: c.get('principal').sub,
        standardId: id,
        number,
        review: c.req.valid('json'),
        now: deps.clock(),
      });
      c.header('ETag', etagOf(reviewed.standard.version));
      return c.json(reviewed, 200);
    },
  );
  return app;
}
