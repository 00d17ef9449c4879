import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { madeOnFirstUse } from '@skillpass/domain/first-use';

/** The API's OpenAPI document, written next to the bundle at build time (scripts/write-openapi.ts); read once. */
export const openApiDocumentFromFile = madeOnFirstUse(
  async (): Promise<object> =>
    JSON.parse(
      await readFile(
        process.env.OPENAPI_DOCUMENT_FILE ?? fileURLToPath(new URL('openapi.json', import.meta.url)),
        'utf8',
      ),
    ),
);
