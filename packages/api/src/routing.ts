import type { Context, Env, MiddlewareHandler } from 'hono';
import { Hono } from 'hono/tiny';
import { validator } from 'hono/validator';
import type * as z from 'zod/mini';
import { madeOnFirstUse } from '@skillpass/domain/first-use';
import { PROTOTYPE_NAMES } from './merge-patch.ts';
import { issuesFromZod, problemResponse } from './problem.ts';

/**
 * Documented routes: each route is one plain description (path, middleware, zod schemas for its
 * parameters, body and responses) that both validates requests and generates the OpenAPI
 * document (openapi-document.ts). Unlike @hono/zod-openapi it never hands the zod namespace
 * around as a value, so Lambda bundles keep only the parts of zod they use. Request and response
 * schemas are given as functions: a route builds its schemas on its first request, not when the
 * app starts (about 4 ms of the Lambda's cold start; response schemas only ever serve the document).
 */
export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';
export type ContentSpec = Record<string, { schema: z.ZodMiniType }>;

export interface ResponseSpec {
  description: string;
  content?: ContentSpec;
}

export interface RequestSpec {
  params?: z.ZodMiniObject;
  query?: z.ZodMiniObject;
  headers?: z.ZodMiniObject;
  body?: { content: ContentSpec; required?: boolean; description?: string };
}

export interface RouteSpec {
  method: HttpMethod;
  /** OpenAPI style: `/v1/jobs/{id}`. */
  path: string;
  /** Stable, unique, camelCase verb + noun (`getMyProfile`, `listMyJobMatches`): the name generated clients use. */
  operationId: string;
  summary: string;
  description?: string;
  tags?: string[];
  /** Required so that no route is public by omission: `[]` for a public one, `[{ bearer: [] }]` otherwise. */
  security: ReadonlyArray<Readonly<Record<string, readonly string[]>>>;
  middleware?: readonly MiddlewareHandler[];
  request?: () => RequestSpec;
  responses: () => Record<number, ResponseSpec>;
}

export const createRoute = <const R extends RouteSpec>(route: R): R => route;

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;
type EnvOf<M> = M extends MiddlewareHandler<infer E> ? E : never;
type RouteEnv<R extends RouteSpec> = R['middleware'] extends readonly MiddlewareHandler[]
  ? UnionToIntersection<EnvOf<R['middleware'][number]>>
  : unknown;

type OutputOf<S> = S extends z.ZodMiniType ? z.output<S> : never;
type JsonBodyOf<C> = {
  [K in keyof C]: K extends `application/${string}json`
    ? OutputOf<C[K] extends { schema: infer S } ? S : never>
    : never;
}[keyof C];
type RequestOf<R extends RouteSpec> = R['request'] extends () => infer Q ? Q : undefined;
type Validated<R extends RouteSpec> = (RequestOf<R> extends { params: infer P } ? { param: OutputOf<P> } : object) &
  (RequestOf<R> extends { query: infer Q } ? { query: OutputOf<Q> } : object) &
  (RequestOf<R> extends { headers: infer H } ? { header: OutputOf<H> } : object) &
  (RequestOf<R> extends { body: { content: infer C } } ? { json: JsonBodyOf<C> } : object);

export type RouteContext<R extends RouteSpec> = Context<Env & RouteEnv<R>, string, { out: Validated<R> }>;
export type RouteHandler<R extends RouteSpec> = (c: RouteContext<R>) => Response | Promise<Response>;

const JSON_MEDIA_TYPE = /^application\/([\w.-]+\+)?json$/i;
const mediaTypeOf = (c: Context) => (c.req.header('Content-Type') ?? '').split(';')[0]!.trim().toLowerCase();

/**
 * Where a parsed JSON body names a prototype member, if it does. Checked before the schema because zod skips a
 * `__proto__` member silently instead of refusing it as an unknown field.
 */
function prototypeMemberPath(value: unknown, path: readonly string[] = []): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  for (const [name, member] of Object.entries(value)) {
    const here = [...path, name];
    if (!Array.isArray(value) && PROTOTYPE_NAMES.has(name)) return here.join('.');
    const found = prototypeMemberPath(member, here);
    if (found) return found;
  }
  return undefined;
}

function validating(target: 'param' | 'query' | 'header' | 'json', schema: z.ZodMiniType): MiddlewareHandler {
  return validator(target, (value, c) => {
    const prototypePath = target === 'json' ? prototypeMemberPath(value) : undefined;
    if (prototypePath !== undefined) {
      return problemResponse(c, 'validation', 'The request has invalid fields.', [
        { path: prototypePath, message: 'not a field: names an object prototype' },
      ]);
    }
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    const root = target === 'json' ? undefined : target;
    return problemResponse(c, 'validation', 'The request has invalid fields.', issuesFromZod(result.error, root));
  });
}

/** A JSON body is validated when it is sent as JSON; other declared media types (CSV) reach the handler as they are. */
function bodyValidator(content: ContentSpec): MiddlewareHandler | undefined {
  const jsonSchema = Object.entries(content).find(([type]) => JSON_MEDIA_TYPE.test(type))?.[1].schema;
  if (!jsonSchema) return undefined;
  const declared = new Set(Object.keys(content).map((type) => type.toLowerCase()));
  const validateJson = validating('json', jsonSchema);
  return async (c, next) => {
    const mediaType = mediaTypeOf(c);
    if (!JSON_MEDIA_TYPE.test(mediaType) && declared.has(mediaType)) return next();
    return validateJson(c, next);
  };
}

function validatorsOf(request: RequestSpec | undefined): MiddlewareHandler[] {
  return [
    request?.params && validating('param', request.params),
    request?.query && validating('query', request.query),
    request?.headers && validating('header', request.headers),
    request?.body && bodyValidator(request.body.content),
  ].filter((v): v is MiddlewareHandler => v !== undefined);
}

/** OpenAPI path (`/v1/jobs/{id}`) → hono path (`/v1/jobs/:id`). */
const honoPathOf = (path: string) => path.replace(/\{(\w+)\}/g, ':$1');

/** Whether a lazy module's path pattern (hono syntax over OpenAPI paths: `{id}` one segment, a final `/*` the rest) covers `path`. */
export function pathPatternCovers(pattern: string, path: string): boolean {
  const escaped = pattern
    .replace(/\{\w+\}|:\w+/g, '\0')
    .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
    .replaceAll('\0', '[^/]+');
  const regex = escaped.endsWith('/*') ? `${escaped.slice(0, -2)}(/.*)?` : escaped;
  return new RegExp(`^${regex}$`).test(path);
}

/** A route module imported on its first request: the paths it serves, and how to build it. */
export interface LazyRouteModule {
  readonly paths: readonly string[];
  readonly load: () => Promise<DocumentedHono>;
}

// Marks a lazy module's answer to a request it has no route for, so the app goes on to the next module.
const NOT_SERVED_HEADER = 'x-skillpass-lazy-module-not-served';

/** A hono app whose `openapi(route, handler)` validates by the route's schemas and remembers the route for the document. */
export class DocumentedHono<E extends Env = Env> extends Hono<E> {
  readonly documentedRoutes: RouteSpec[] = [];
  /** Every mounted module in mounting order: its routes (eager) or its lazy description. */
  readonly #modules: Array<readonly RouteSpec[] | LazyRouteModule> = [];
  #bodyMediaTypes?: Array<{ method: string; path: RegExp; types: Set<string> }>;

  /** The modules mounted with `lazyRouteModule`, in order. */
  get lazyModules(): LazyRouteModule[] {
    return this.#modules.filter((module): module is LazyRouteModule => 'load' in module);
  }

  /**
   * Every documented route, lazy modules' included (which this imports), in mounting order: what the
   * OpenAPI document lists. A Lambda never asks: it serves the document written at build time.
   */
  async allDocumentedRoutes(): Promise<RouteSpec[]> {
    const routes = await Promise.all(
      this.#modules.map(async (module) => ('load' in module ? (await module.load()).documentedRoutes : module)),
    );
    return routes.flat();
  }

  /**
   * Whether the documented route at `method` `path` declares a request body of `mediaType`: the
   * route's own description is the one list of what each route accepts (JSON everywhere, CSV on
   * batch issuance). Read on the first question, which imports every lazy module (only a body that is
   * not JSON asks).
   */
  async acceptsBody(method: string, path: string, mediaType: string): Promise<boolean> {
    this.#bodyMediaTypes ??= (await this.allDocumentedRoutes()).flatMap((route) => {
      const content = route.request?.().body?.content;
      if (!content) return [];
      const pattern = new RegExp(`^${route.path.replace(/\{\w+\}/g, '[^/]+')}$`);
      return [
        {
          method: route.method.toUpperCase(),
          path: pattern,
          types: new Set(Object.keys(content).map((t) => t.toLowerCase())),
        },
      ];
    });
    const type = mediaType.toLowerCase();
    return this.#bodyMediaTypes.some(
      (route) => route.method === method && route.path.test(path) && route.types.has(type),
    );
  }

  openapi<const R extends RouteSpec>(route: R, handler: RouteHandler<R>): this {
    let validators: MiddlewareHandler[] | undefined;
    const validate: MiddlewareHandler = async (c, next) => {
      validators ??= validatorsOf(route.request?.());
      // Each validator either answers with a problem or passes on; the first problem is the answer.
      for (const validator of validators) {
        let passed = false;
        const problem = await validator(c, async () => {
          passed = true;
        });
        if (!passed) return problem;
      }
      return next();
    };
    // The typed handler sees what the validators above put in the context; hono's own types cannot follow that.
    this.on(
      route.method.toUpperCase(),
      [honoPathOf(route.path)],
      ...(route.middleware ?? []),
      validate,
      handler as unknown as MiddlewareHandler,
    );
    this.documentedRoutes.push(route);
    this.#modules.push([route]);
    return this;
  }

  /**
   * Mounts a route module (hono's "larger application" pattern: each module is its own app, the
   * main app routes to it) and takes over its documented routes for the OpenAPI document.
   */
  routeModule(module: DocumentedHono<E>): this {
    this.route('/', module);
    this.documentedRoutes.push(...module.documentedRoutes);
    this.#modules.push(module.documentedRoutes);
    return this;
  }

  /**
   * Mounts a route module that is imported and built on the first request to one of `paths` (OpenAPI
   * paths; a final `/*` covers everything below): a module no request needs costs nothing at cold
   * start, since the Lambda bundle keeps it, and what only it imports, in chunks of their own. The
   * module answers as its own app, with errors handed on to this app's error handler; a request it
   * has no route for goes on to the modules mounted after it. A test checks that `paths` cover the
   * module's routes (routing.test.ts).
   */
  lazyRouteModule(paths: readonly string[], build: () => Promise<DocumentedHono>): this {
    const load = madeOnFirstUse(async () => {
      const module = await build();
      module.onError((error) => {
        throw error;
      });
      module.notFound((c) => c.body(null, 404, { [NOT_SERVED_HEADER]: '1' }));
      return module;
    });
    this.#modules.push({ paths, load });
    for (const path of paths) {
      this.all(honoPathOf(path), async (c, next) => {
        const response = await (await load()).fetch(c.req.raw, c.env);
        if (response.headers.has(NOT_SERVED_HEADER)) return next();
        return response;
      });
    }
    return this;
  }
}
