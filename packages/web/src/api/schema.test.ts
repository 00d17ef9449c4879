import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { WEB_SCHEMA_FILE, webApiTypes } from '../../../../scripts/openapi-types.ts';

describe('the web app API types', () => {
  it('are what `npm run openapi:types` generates from the current OpenAPI document', async () => {
    const committed = readFileSync(WEB_SCHEMA_FILE, 'utf8');
    expect(
      committed === (await webApiTypes()),
      'packages/web/src/api/schema.d.ts is stale: run `npm run openapi:types`',
    ).toBe(true);
  });
});
