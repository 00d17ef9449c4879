/**
 * Writes the API's OpenAPI document to the given file: the Lambda bundle's copy, so the function needs no JSON Schema
 * code, and what `npm run lint:openapi` lints. Its server is relative (`/`); the API names its origin when serving it.
 * Usage: node --import tsx scripts/write-openapi.ts <file>
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { composeApiDeps, createApp, type RouteSpec, skillpassOpenApiDocument } from '@skillpass/api';
import { connectTable } from '@skillpass/store';
import { getTaxonomy } from '@skillpass/taxonomy';

/** The routes as the API registers them (lazy modules imported), from a composition that is never called. */
async function routesOfTheApi(): Promise<readonly RouteSpec[]> {
  const unused = async (): Promise<never> => {
    throw new Error('the document build calls no dependency');
  };
  const app = createApp(
    composeApiDeps({
      table: connectTable({ tableName: 'openapi-document', region: 'eu-central-1' }),
      cursorSecret: unused,
      taxonomy: getTaxonomy(),
      publicOrigin: 'https://api.example.com',
      auth: { issuer: 'https://issuer.example.com', audience: 'openapi-document', keys: unused },
      signer: { alg: 'ES256', kid: 'https://api.example.com/keys/unused', sign: unused },
      publishedKeys: unused,
      batchQueue: () => ({ enqueue: unused }),
      openApiDocument: unused,
    }),
  );
  return app.allDocumentedRoutes();
}

// Imported once, when this module is: the CDK app and the tests read the list synchronously.
const routes = await routesOfTheApi();

export function documentedRoutesOfTheApi(): readonly RouteSpec[] {
  return routes;
}

export function openApiDocumentOfTheApi() {
  return skillpassOpenApiDocument(documentedRoutesOfTheApi());
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const file = process.argv[2];
  if (!file) throw new Error('usage: write-openapi.ts <file>');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(openApiDocumentOfTheApi()));
}
