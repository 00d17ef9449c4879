import { getTaxonomy } from '@skillpass/taxonomy';
import { freshTable } from '@skillpass/store/testing';
import { describe, expect, it } from 'vitest';
import { createApp } from './app.ts';
import { type CoreOptions, composeLazyApiDeps } from './compose-lazy.ts';

const unused = async (): Promise<never> => {
  throw new Error('not called by these tests');
};

/** The Lambda's composition, counting how often the core and the services are asked for; the core fails `failures` times. */
async function lazyApp(failures = 0) {
  const table = await freshTable();
  const asked = { core: 0, services: 0 };
  const shell = { table, publicOrigin: 'https://api.example.com', openApiDocument: unused };
  const core = async (): Promise<CoreOptions> => {
    asked.core += 1;
    if (asked.core <= failures) throw new Error('the core could not be loaded');
    return {
      ...shell,
      cursorSecret: 'compose-lazy-test-secret',
      taxonomy: getTaxonomy(),
      auth: { issuer: 'https://issuer.example.com', audience: 'compose-lazy', keys: unused },
      signingKid: 'https://api.example.com/keys/unused',
      publishedKeys: unused,
    };
  };
  const services = async () => {
    asked.services += 1;
    return unused();
  };
  const app = createApp(composeLazyApiDeps(shell, core, services));
  return { app, asked };
}

describe('the lazily composed API (the Lambda)', () => {
  it('answers /health from the shell, without loading the core or the services', async () => {
    const { app, asked } = await lazyApp();
    const health = await app.request('/health');
    // The table answers: a fresh table has no seed marker, and a missing item is still an answer.
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    expect(asked).toEqual({ core: 0, services: 0 });
  });

  it('loads the core on the first route that uses it, once, and not the services', async () => {
    const { app, asked } = await lazyApp();
    expect((await app.request('/v1/jobs?province=310000')).status).toBe(200);
    expect((await app.request('/v1/skills?q=welding')).status).toBe(200);
    expect(asked).toEqual({ core: 1, services: 0 });
  });

  it('tries a failed core load again on the next request', async () => {
    const { app, asked } = await lazyApp(1);
    expect((await app.request('/v1/jobs?province=310000')).status).toBe(500);
    expect((await app.request('/v1/jobs?province=310000')).status).toBe(200);
    expect(asked.core).toBe(2);
  });
});
