import * as z from 'zod/mini';
import { ESCO_ATTRIBUTION } from '@skillpass/taxonomy';
import type { ContentSpec, RouteSpec } from './routing.ts';

type JsonSchema = { [key: string]: unknown; properties?: Record<string, JsonSchema>; required?: string[] };

export const API_INFO = {
  title: 'skillpass API',
  version: '0.1.0',
  description:
    'Talent–job matching and signed skills credentials for the Yangtze River Delta and EU regions. ' +
    `Errors are RFC 9457 application/problem+json. ${ESCO_ATTRIBUTION}`,
};

export interface DocumentOptions {
  info: { title: string; version: string; description: string };
  servers?: Array<{ url: string; description?: string }>;
  securitySchemes: Record<string, object>;
}

export type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>;

const COMPONENTS = '#/components/schemas/';

/**
 * JSON Schema (2020-12, as OpenAPI 3.1 uses) for a set of named zod schemas, converted together
 * so that schemas carrying `.meta({ id })` become shared components referenced by `$ref`.
 */
function convert(schemas: Record<string, z.ZodMiniType>, io: 'input' | 'output') {
  const json = z.toJSONSchema(z.object(schemas), { target: 'draft-2020-12', io, unrepresentable: 'any' }) as JsonSchema;
  return { properties: json.properties ?? {}, defs: (json.$defs ?? {}) as Record<string, JsonSchema> };
}

function renameRefs<T>(value: T, rename: (name: string) => string): T {
  if (Array.isArray(value)) return value.map((item) => renameRefs(item, rename)) as T;
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] =
      key === '$ref' && typeof item === 'string' && item.startsWith('#/$defs/')
        ? COMPONENTS + rename(item.slice(8))
        : renameRefs(item, rename);
  }
  return out as T;
}

const contentOf = (content: ContentSpec, key: (mediaType: string) => string, schemas: Record<string, JsonSchema>) =>
  Object.fromEntries(Object.keys(content).map((mediaType) => [mediaType, { schema: schemas[key(mediaType)] }]));

/** The OpenAPI 3.1 document of a set of documented routes. */
export function buildOpenApiDocument(routes: readonly RouteSpec[], options: DocumentOptions) {
  const inputs: Record<string, z.ZodMiniType> = {};
  const outputs: Record<string, z.ZodMiniType> = {};
  // Each route's schemas built once for the whole document.
  const specs = routes.map((route) => ({ route, request: route.request?.() ?? {}, responses: route.responses() }));
  specs.forEach(({ request, responses }, i) => {
    if (request.params) inputs[`${i} path`] = request.params;
    if (request.query) inputs[`${i} query`] = request.query;
    if (request.headers) inputs[`${i} header`] = request.headers;
    for (const [mediaType, { schema }] of Object.entries(request.body?.content ?? {}))
      inputs[`${i} body ${mediaType}`] = schema;
    for (const [status, response] of Object.entries(responses)) {
      for (const [mediaType, { schema }] of Object.entries(response.content ?? {}))
        outputs[`${i} ${status} ${mediaType}`] = schema;
    }
  });
  const requestJson = convert(inputs, 'input');
  const responseJson = convert(outputs, 'output');

  // A shared schema whose input differs from its output (defaults, coercion) gets an `…Input` component.
  const components: Record<string, JsonSchema> = {};
  const inputName = (id: string) => {
    const output = responseJson.defs[id];
    return output && JSON.stringify(output) !== JSON.stringify(requestJson.defs[id]) ? `${id}Input` : id;
  };
  for (const [id, def] of Object.entries(responseJson.defs)) components[id] = renameRefs(def, (name) => name);
  for (const [id, def] of Object.entries(requestJson.defs)) components[inputName(id)] = renameRefs(def, inputName);
  const requestSchemas = renameRefs(requestJson.properties, inputName);
  const responseSchemas = renameRefs(responseJson.properties, (name) => name);

  const paths: Record<string, Record<string, object>> = {};
  specs.forEach(({ route, request, responses }, i) => {
    const parameters = (['path', 'query', 'header'] as const).flatMap((location) => {
      const schema = requestSchemas[`${i} ${location}`];
      return Object.entries(schema?.properties ?? {}).map(([name, property]) => ({
        name,
        in: location,
        required: location === 'path' || (schema?.required ?? []).includes(name),
        schema: property,
      }));
    });
    const body = request.body;
    paths[route.path] ??= {};
    paths[route.path]![route.method] = {
      operationId: route.operationId,
      summary: route.summary,
      ...(route.description ? { description: route.description } : {}),
      ...(route.tags ? { tags: route.tags } : {}),
      security: route.security,
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(body
        ? {
            requestBody: {
              required: body.required ?? false,
              ...(body.description ? { description: body.description } : {}),
              content: contentOf(body.content, (mediaType) => `${i} body ${mediaType}`, requestSchemas),
            },
          }
        : {}),
      responses: Object.fromEntries(
        Object.entries(responses).map(([status, spec]) => [
          status,
          {
            description: spec.description,
            ...(spec.content
              ? { content: contentOf(spec.content, (mediaType) => `${i} ${status} ${mediaType}`, responseSchemas) }
              : {}),
          },
        ]),
      ),
    };
  });

  return {
    openapi: '3.1.0',
    info: options.info,
    ...(options.servers ? { servers: options.servers } : {}),
    paths,
    components: { schemas: components, securitySchemes: options.securitySchemes },
  };
}

/**
 * skillpass's document: its routes, the API description and the bearer scheme. Its server is the origin the document
 * is read from (a relative URL, so the copy written at build time is right wherever it is deployed); the API names
 * its public origin instead when it serves the document.
 */
export function skillpassOpenApiDocument(routes: readonly RouteSpec[]): OpenApiDocument {
  return buildOpenApiDocument(routes, {
    servers: [{ url: '/', description: 'The origin this document is served from' }],
    info: API_INFO,
    securitySchemes: {
      bearer: {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
        description: 'A JWT from the identity provider (Cognito in AWS, `npm run token` locally).',
      },
      walletAccessToken: {
        type: 'http',
        scheme: 'bearer',
        description: 'An OID4VCI access token from `POST /oid4vci/token` (a wallet app, not a signed-in person).',
      },
    },
  });
}
