import { securityHeaders } from '@skillpass/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime, type TestRuntime } from './harness.ts';

let rt: TestRuntime;
beforeAll(async () => {
  rt = await startTestRuntime();
});
afterAll(async () => rt.close());

const expectHeaders = (headers: Headers, kind: 'html' | 'other') => {
  for (const [name, value] of Object.entries(securityHeaders(kind))) expect(headers.get(name), name).toBe(value);
};

describe('security headers on every API response', () => {
  it('are on JSON, problems (401, 404, 400, 415) and non-JSON media types', async () => {
    expectHeaders((await rt.call('GET', '/health')).headers, 'other');
    expectHeaders((await rt.call('GET', '/v1/profiles/me')).headers, 'other');
    expectHeaders((await rt.call('GET', '/no/such/route')).headers, 'other');
    expectHeaders((await rt.call('GET', '/v1/jobs?limit=0')).headers, 'other');
    expectHeaders(
      (await rt.call('POST', '/v1/verify', { rawBody: 'x', headers: { 'Content-Type': 'text/plain' } })).headers,
      'other',
    );
    expectHeaders((await rt.call('GET', '/.well-known/jwks.json')).headers, 'other');
  });

  it('give the HTML pages the strict policy, and the pages need nothing inline', async () => {
    for (const path of ['/docs', '/verify']) {
      const page = await rt.call('GET', path);
      expect(page.status).toBe(200);
      expectHeaders(page.headers, 'html');
      const html = String(page.body);
      // No inline script or style: every <script> has a src, no <style>, no style= or on…= attributes.
      expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/i);
      expect(html).not.toMatch(/<style|\sstyle=|\son[a-z]+=/i);
      // The files they name are served, with their own media types, from the same origin.
      const files = [...html.matchAll(/(?:src|href)="(\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
      expect(files).toHaveLength(2);
      for (const file of files) {
        const asset = await rt.call('GET', file);
        expect(asset.status, file).toBe(200);
        expect(asset.headers.get('content-type')).toMatch(file.endsWith('.js') ? /^text\/javascript/ : /^text\/css/);
        expectHeaders(asset.headers, 'other');
      }
    }
  });

  it('name an unknown page file as a 400 problem', async () => {
    const res = await rt.call('GET', '/docs/assets/evil.js');
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ path: 'param.file' })]);
    expectHeaders(res.headers, 'other');
  });
});

describe('GET /verify, where every verifyUrl points', () => {
  const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';

  it("sends a browser on to the web app's verify page, query kept (the fragment stays with the browser)", async () => {
    const plain = await rt.call('GET', '/verify', { headers: { Accept: BROWSER_ACCEPT } });
    expect(plain.status).toBe(302);
    expect(plain.headers.get('location')).toBe('/check');
    expectHeaders(plain.headers, 'other');
    const withQuery = await rt.call('GET', '/verify?id=cred_X&lang=zh', { headers: { Accept: BROWSER_ACCEPT } });
    expect(withQuery.status).toBe(302);
    expect(withQuery.headers.get('location')).toBe('/check?id=cred_X&lang=zh');
  });

  it('still gives other clients the self-contained page', async () => {
    for (const accept of [undefined, '*/*', 'application/json']) {
      const page = await rt.call('GET', '/verify', accept ? { headers: { Accept: accept } } : {});
      expect(page.status, String(accept)).toBe(200);
      expect(String(page.body)).toContain('验证证书');
    }
  });
});

describe('GET /auth/config', () => {
  it('tells the web app to use the local sign-in, without a token, cacheable', async () => {
    const res = await rt.call('GET', '/auth/config');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ provider: 'local' });
    expect(res.headers.get('cache-control')).toBe('public, max-age=300');
  });
});
