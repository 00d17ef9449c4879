import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { buildOpenApiDocument } from './openapi-document.ts';
import { createRoute, DocumentedHono } from './routing.ts';

const Pet = z
  .object({ name: z.string().check(z.minLength(1)), legs: z._default(z.int(), 4) })
  .register(z.globalRegistry, { id: 'Pet' });
const routes = [
  createRoute({
    method: 'post',
    path: '/pets/{owner}',
    operationId: 'addPet',
    summary: 'Add a pet, as JSON or CSV',
    security: [],
    request: () => ({
      params: z.object({ owner: z.string().check(z.maxLength(8)) }),
      query: z.object({
        dryRun: z.optional(z.enum(['yes', 'no'])),
        limit: z._default(z.coerce.number().check(z.int()), 5),
      }),
      body: { content: { 'application/json': { schema: Pet }, 'text/csv': { schema: z.string() } }, required: true },
    }),
    responses: () => ({
      201: { description: 'Added', content: { 'application/json': { schema: z.object({ pet: Pet }) } } },
    }),
  }),
] as const;

function petApp() {
  const app = new DocumentedHono();
  app.openapi(routes[0], async (c) => {
    const csv = c.req.header('Content-Type') === 'text/csv' ? await c.req.text() : undefined;
    return c.json(
      { owner: c.req.valid('param').owner, limit: c.req.valid('query').limit, pet: csv ?? c.req.valid('json') },
      201,
    );
  });
  return app;
}

describe('documented routes', () => {
  it('validate path, query and JSON body, and name the failing field in a problem', async () => {
    const app = petApp();
    const ok = await app.request('/pets/ann?limit=7', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"name":"Rex"}',
    });
    expect(ok.status).toBe(201);
    expect(await ok.json()).toEqual({ owner: 'ann', limit: 7, pet: { name: 'Rex', legs: 4 } });

    const badBody = await app.request('/pets/ann', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"name":""}',
    });
    expect(badBody.status).toBe(400);
    expect(badBody.headers.get('content-type')).toBe('application/problem+json');
    expect((await badBody.json()).errors).toEqual([expect.objectContaining({ path: 'name' })]);

    const badQuery = await app.request('/pets/ann?dryRun=maybe', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"name":"Rex"}',
    });
    expect((await badQuery.json()).errors).toEqual([expect.objectContaining({ path: 'query.dryRun' })]);

    const badParam = await app.request('/pets/much-too-long', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"name":"Rex"}',
    });
    expect((await badParam.json()).errors).toEqual([expect.objectContaining({ path: 'param.owner' })]);
  });

  it('pass a declared non-JSON body (CSV) to the handler unvalidated', async () => {
    const res = await petApp().request('/pets/ann', {
      method: 'POST',
      headers: { 'Content-Type': 'text/csv' },
      body: 'name\nRex',
    });
    expect(res.status).toBe(201);
    expect((await res.json()).pet).toBe('name\nRex');
  });

  it('generate an OpenAPI 3.1 document with parameters, shared components and an input variant where they differ', () => {
    const doc = buildOpenApiDocument(routes, {
      info: { title: 't', version: '1', description: 'd' },
      securitySchemes: {},
    });
    const operation = doc.paths['/pets/{owner}']!.post as Record<string, unknown> & {
      parameters: Array<{ name: string; in: string; required: boolean }>;
      requestBody: { content: Record<string, { schema: unknown }> };
      responses: Record<string, { content: Record<string, { schema: { properties: { pet: unknown } } }> }>;
    };
    expect(operation.parameters.map(({ name, in: location, required }) => [name, location, required])).toEqual([
      ['owner', 'path', true],
      ['dryRun', 'query', false],
      ['limit', 'query', false],
    ]);
    expect(operation.requestBody.content['application/json']!.schema).toEqual({
      $ref: '#/components/schemas/PetInput',
    });
    expect(operation.requestBody.content['text/csv']!.schema).toMatchObject({ type: 'string' });
    expect(operation.responses['201']!.content['application/json']!.schema.properties.pet).toEqual({
      $ref: '#/components/schemas/Pet',
    });
    // The default makes `legs` optional on the way in and always present on the way out.
    expect(doc.components.schemas.Pet!.required).toEqual(['name', 'legs']);
    expect(doc.components.schemas.PetInput!.required).toEqual(['name']);
  });
});
