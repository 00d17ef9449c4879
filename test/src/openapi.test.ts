import { describe, expect, it } from 'vitest';
import { openApiDocumentOfTheApi } from '../../scripts/write-openapi.ts';

type Operation = { operationId?: string; security?: unknown[]; responses: Record<string, unknown> };

const document = openApiDocumentOfTheApi();
const operations = Object.entries(document.paths).flatMap(([path, item]) =>
  Object.entries(item as Record<string, Operation>).map(([method, operation]) => ({ path, method, operation })),
);

describe('the OpenAPI document generated clients are built from', () => {
  it('gives every operation a unique camelCase verb-noun operationId', () => {
    const ids = operations.map(({ operation }) => operation.operationId);
    for (const { path, method, operation } of operations) {
      expect(operation.operationId, `${method.toUpperCase()} ${path}`).toMatch(/^[a-z]+[A-Z][a-zA-Z0-9]*$/);
    }
    const repeated = ids.filter((id, i) => ids.indexOf(id) !== i);
    expect(repeated).toEqual([]);
  });

  it('declares security on every operation: [] for public ones, the bearer scheme otherwise', () => {
    for (const { path, method, operation } of operations) {
      const name = `${method.toUpperCase()} ${path}`;
      expect(Array.isArray(operation.security), name).toBe(true);
      // A protected operation documents its 401; a public one has none to document.
      expect('401' in operation.responses, name).toBe((operation.security ?? []).length > 0);
    }
    const publicIds = operations
      .filter(({ operation }) => operation.security?.length === 0)
      .map((o) => o.operation.operationId);
    expect(publicIds).toEqual(expect.arrayContaining(['searchJobs', 'getJob', 'verifyCredential', 'getHealth']));
    expect(publicIds).not.toContain('getMyProfile');
  });

  it('names a server, relative to wherever the shipped copy is served from', () => {
    expect(document.servers).toEqual([expect.objectContaining({ url: '/' })]);
  });
});
