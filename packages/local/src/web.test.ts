import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { isApiPath, serveWebApp } from './web.ts';

const dist = mkdtempSync(join(tmpdir(), 'skillpass-dist-'));
mkdirSync(join(dist, 'assets'));
writeFileSync(join(dist, 'index.html'), '<!doctype html><title>app</title>');
writeFileSync(join(dist, 'assets', 'index-abc.js'), 'console.log(1)');
mkdirSync(join(dist, '.vite'));
writeFileSync(join(dist, '.vite', 'manifest.json'), '{}');

const get = (path: string, method = 'GET') => serveWebApp(new Request(`http://localhost${path}`, { method }), dist);

describe('serving the web app next to the API', () => {
  it('answers app routes with index.html under the strict CSP, revalidated every time', async () => {
    for (const path of ['/', '/check', '/matches', '/jobs/42', '/check?id=x']) {
      const response = get(path)!;
      expect(response.status, path).toBe(200);
      expect(response.headers.get('Content-Type')).toMatch(/^text\/html/);
      expect(response.headers.get('Content-Security-Policy')).toContain("script-src 'self'");
      expect(response.headers.get('X-Frame-Options')).toBe('DENY');
      expect(response.headers.get('Cache-Control')).toBe('no-cache');
      expect(await response.text()).toContain('<title>app</title>');
    }
  });

  it('serves hashed assets for a year, and a missing asset as a 404 rather than the page', () => {
    const asset = get('/assets/index-abc.js')!;
    expect(asset.headers.get('Content-Type')).toMatch(/^text\/javascript/);
    expect(asset.headers.get('Cache-Control')).toContain('immutable');
    expect(asset.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(get('/assets/gone-123.js')!.status).toBe(404);
  });

  it('sends text gzipped to a client that takes gzip, and as it is to one that does not', async () => {
    const compressed = serveWebApp(
      new Request('http://localhost/assets/index-abc.js', { headers: { 'Accept-Encoding': 'gzip, deflate, br' } }),
      dist,
    )!;
    expect(compressed.headers.get('Content-Encoding')).toBe('gzip');
    expect(compressed.headers.get('Vary')).toBe('Accept-Encoding');
    expect(gunzipSync(Buffer.from(await compressed.arrayBuffer())).toString()).toBe('console.log(1)');
    const page = serveWebApp(new Request('http://localhost/check', { headers: { 'Accept-Encoding': 'gzip' } }), dist)!;
    expect(gunzipSync(Buffer.from(await page.arrayBuffer())).toString()).toContain('<title>app</title>');
    const plain = get('/assets/index-abc.js')!;
    expect(plain.headers.get('Content-Encoding')).toBeNull();
    expect(plain.headers.get('Vary')).toBe('Accept-Encoding');
    expect(await plain.text()).toBe('console.log(1)');
  });

  it('leaves API paths, other methods, hidden files and paths outside dist/ alone', async () => {
    for (const path of [
      '/v1/jobs',
      '/verify',
      '/auth/dev/sign-in',
      '/openapi.json',
      '/health',
      '/.well-known/jwks.json',
    ])
      expect(isApiPath(path), path).toBe(true);
    expect(get('/v1/jobs')).toBeUndefined();
    expect(get('/', 'POST')).toBeUndefined();
    expect(await get('/.vite/manifest.json')!.text()).toContain('<title>app</title>');
    expect(await get('/%2e%2e/%2e%2e/etc/passwd')!.text()).toContain('<title>app</title>');
  });
});
