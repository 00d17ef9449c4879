import { bodyLimit } from 'hono/body-limit';
import type { Env, MiddlewareHandler } from 'hono';
import type { CredentialBatchQueue, CredentialService } from '@skillpass/credentials';
import type { MatchingDeps } from '@skillpass/pipeline';
import type { JWK } from 'jose';
import type { CursorCodec, DynamoCredentialStore, SkillpassStore } from '@skillpass/store';
import type { AuthConfig } from './auth.ts';
import { problemFromError, problemResponse } from './problem.ts';
import { DocumentedHono, type RouteSpec } from './routing.ts';
import { registerDocsRoutes } from './routes/docs.ts';
import { registerCredentialBatchRoutes, registerCredentialRoutes, registerHolderRoutes } from './routes/credentials.ts';
import { registerEmployerRoutes } from './routes/employers.ts';
import { registerJobRoutes } from './routes/jobs.ts';
import { registerMatchingRoutes } from './routes/matching.ts';
import { registerProfileRoutes } from './routes/profiles.ts';
import { registerSkillRoutes } from './routes/skills.ts';

/** What the API must know about ESCO: which concept URIs exist. */
export interface SkillCatalog {
  isKnownSkill(uri: string): boolean;
  isKnownOccupation(uri: string): boolean;
}

type ConceptHit = { uri: string; preferredLabel: string; label: string; matchedLabel: string; type?: string };

/** ESCO look-up and extraction (the taxonomy package in production; anything with this shape in tests). */
export interface SkillDirectory {
  labelOf(uri: string, lang?: 'en' | 'zh'): string | undefined;
  occupationSkills(uri: string): { essential: string[]; optional: string[] };
  searchSkills(query: { q: string; lang: 'en' | 'zh'; limit: number }): ConceptHit[];
  searchOccupations(query: { q: string; lang: 'en' | 'zh'; limit: number }): ConceptHit[];
  extractSkills(
    text: string,
    options: { lang?: 'en' | 'zh' },
  ): Array<{ uri: string; label: string; span: { start: number; end: number; text: string }; confidence: number }>;
}

export interface ApiDeps {
  store: SkillpassStore;
  auth: AuthConfig;
  catalog: SkillCatalog;
  skills: SkillDirectory;
  /** Stores and skill graph the matching engine runs on (shared with the consumers). */
  matching: MatchingDeps;
  credentials: DynamoCredentialStore;
  credentialService: CredentialService;
  batchQueue: CredentialBatchQueue;
  /** The platform's current signing key id, and every public key verifiers may need. */
  signingKid: string;
  publishedKeys: () => Promise<JWK[]>;
  cursors: CursorCodec;
  /**
   * The OpenAPI document of the routes the app registers. Built from them in-process locally; a
   * Lambda reads the copy written at build time, which keeps zod's JSON Schema code out of the bundle.
   */
  openApiDocument: (routes: readonly RouteSpec[]) => Promise<object>;
  /** Origin the API is reached at, for links in responses. */
  publicOrigin: string;
  maxBodyBytes?: number;
}

export const DEFAULT_MAX_BODY_BYTES = 256 * 1024;
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);
const JSON_TYPES = /^application\/(json|merge-patch\+json)$/i;
/** Routes that also take CSV. */
const CSV_ROUTES = /^\/v1\/credential-batches$/;

export type ApiApp = DocumentedHono<Env>;

export interface AppOptions {
  /** Runs before everything else, around every request (the Lambda's request log). */
  middleware?: MiddlewareHandler[];
}

export function createApp(deps: ApiDeps, options: AppOptions = {}): ApiApp {
  const app = new DocumentedHono<Env>();
  for (const middleware of options.middleware ?? []) app.use('*', middleware);
  app.onError((error, c) => problemFromError(c, error));
  app.notFound((c) => problemResponse(c, 'not-found', `There is no ${c.req.method} ${c.req.path}.`));

  app.use('*', async (c, next) => {
    if (BODY_METHODS.has(c.req.method) && c.req.header('Content-Length') !== '0') {
      const type = (c.req.header('Content-Type') ?? '').split(';')[0]!.trim();
      const hasBody = c.req.header('Content-Length') !== undefined || c.req.header('Transfer-Encoding') !== undefined;
      if (hasBody && !JSON_TYPES.test(type) && !(CSV_ROUTES.test(c.req.path) && /^text\/csv$/i.test(type))) {
        return problemResponse(c, 'unsupported-media-type', 'Send the body as application/json.', [
          { path: 'header.Content-Type', message: `expected application/json, got ${type || 'nothing'}` },
        ]);
      }
    }
    await next();
  });
  app.use(
    '*',
    bodyLimit({
      maxSize: deps.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
      onError: (c) =>
        problemResponse(c, 'payload-too-large', `The body is larger than ${deps.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES} bytes.`),
    }),
  );

  registerDocsRoutes(app, deps);
  registerProfileRoutes(app, deps);
  registerEmployerRoutes(app, deps);
  registerJobRoutes(app, deps);
  registerSkillRoutes(app, deps);
  registerMatchingRoutes(app, deps);
  registerCredentialRoutes(app, deps);
  registerCredentialBatchRoutes(app, deps);
  registerHolderRoutes(app, deps);
  return app;
}
