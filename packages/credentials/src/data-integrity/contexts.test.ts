import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLED_CONTEXTS } from './context-files.ts';
import { contextsFromPackages } from './context-sources.test-support.ts';
import { offlineDocumentLoader, UnknownContextError } from './document-loader.ts';

describe('bundled JSON-LD contexts', () => {
  const fromPackages = contextsFromPackages();

  it.each(BUNDLED_CONTEXTS.map((c) => [c.url, c.file, c.from]))(
    '%s is committed as %s, as %s ships it',
    (url, file) => {
      const committed = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../contexts', file), 'utf8'));
      expect(committed).toEqual(fromPackages.get(url));
    },
  );

  it('serves every bundled context without a network', async () => {
    const load = offlineDocumentLoader();
    for (const { url } of BUNDLED_CONTEXTS) expect((await load(url)).document).toBeTruthy();
  });

  it('refuses a context it does not bundle, naming it', async () => {
    const load = offlineDocumentLoader();
    await expect(load('https://evil.example/context.json')).rejects.toThrow(UnknownContextError);
    await expect(load('https://evil.example/context.json')).rejects.toThrow(/https:\/\/evil\.example\/context\.json/);
  });
});
