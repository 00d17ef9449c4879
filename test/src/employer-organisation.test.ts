import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime, type TestRuntime } from './harness.ts';

// An employer's organisation: edited by its owner only (merge patch, If-Match), public at /v1/employers/{id}.
let rt: TestRuntime;
beforeAll(async () => {
  rt = await startTestRuntime();
});
afterAll(async () => rt.close());

const ORGANISATION = {
  name: { en: 'Suzhou Battery Works', zh: '苏州电池厂' },
  registeredPlace: { kind: 'delta', cityCode: '320500' },
  website: 'https://battery.example.cn',
  logoUrl: 'https://battery.example.cn/logo.png',
  unifiedSocialCreditCode: '91320500MA1MXXXX0X',
};

async function employer() {
  const sub = `employer-${randomUUID().slice(0, 8)}`;
  const token = await rt.token(sub, 'employer');
  const put = await rt.call('PUT', '/v1/employers/me', { token, body: ORGANISATION });
  expect(put.status).toBe(200);
  return { sub, token, etag: put.headers.get('etag')! };
}

const patch = (token: string | undefined, body: unknown, headers: Record<string, string> = {}) =>
  rt.call('PATCH', '/v1/employers/me', {
    ...(token ? { token } : {}),
    body,
    headers: { 'Content-Type': 'application/merge-patch+json', ...headers },
  });

describe("an employer's organisation", () => {
  it('is public with its names, place, website and logo, and nothing private', async () => {
    const { sub } = await employer();
    const zh = await rt.call('GET', `/v1/employers/${sub}?lang=zh`);
    expect(zh.status).toBe(200);
    expect(zh.body).toEqual({
      id: sub,
      name: '苏州电池厂',
      names: ORGANISATION.name,
      city: '苏州',
      registeredPlace: ORGANISATION.registeredPlace,
      website: ORGANISATION.website,
      logoUrl: ORGANISATION.logoUrl,
      openJobs: 0,
    });
    expect(JSON.stringify(zh.body)).not.toContain(ORGANISATION.unifiedSocialCreditCode);
  });

  it('is changed by merge patch, under If-Match when given: a stale ETag is a 412 and changes nothing', async () => {
    const { sub, token, etag } = await employer();
    const changed = await patch(
      token,
      { name: { en: 'Suzhou Battery Co.', zh: '苏州电池公司' } },
      { 'If-Match': etag },
    );
    expect(changed.status).toBe(200);
    expect(changed.body.name.zh).toBe('苏州电池公司');
    expect(changed.body.website).toBe(ORGANISATION.website);
    expect(changed.headers.get('etag')).toBe('"v2"');
    const stale = await patch(token, { website: 'https://other.example' }, { 'If-Match': etag });
    expect(stale.status).toBe(412);
    const stalePut = await rt.call('PUT', '/v1/employers/me', {
      token,
      body: ORGANISATION,
      headers: { 'If-Match': etag },
    });
    expect(stalePut.status).toBe(412);
    // Without If-Match the change applies; null removes the logo.
    const noLogo = await patch(token, { logoUrl: null });
    expect(noLogo.status).toBe(200);
    expect(noLogo.body.logoUrl).toBeUndefined();
    const page = await rt.call('GET', `/v1/employers/${sub}`);
    expect(page.body).toMatchObject({ name: 'Suzhou Battery Co.', website: ORGANISATION.website });
    expect(page.body.logoUrl).toBeUndefined();
  });

  it('names a bad field in a 400, and refuses an insecure logo', async () => {
    const { token } = await employer();
    const insecure = await patch(token, { logoUrl: 'http://battery.example.cn/logo.png' });
    expect(insecure.status).toBe(400);
    expect(insecure.body.errors).toEqual([expect.objectContaining({ path: 'logoUrl' })]);
    const unknown = await patch(token, { slogan: 'Power' });
    expect(unknown.status).toBe(400);
  });

  it("is the owner's to change: no token 401, another role 403, and an employer only ever patches its own", async () => {
    const { sub } = await employer();
    expect((await patch(undefined, { website: 'https://x.example' })).status).toBe(401);
    expect((await patch(await rt.token('g', 'graduate'), { website: 'https://x.example' })).status).toBe(403);
    expect((await patch(await rt.token('i', 'issuer'), { website: 'https://x.example' })).status).toBe(403);
    // Another employer without an organisation: 404 for theirs, and ours is untouched.
    const other = await rt.token(`employer-${randomUUID().slice(0, 8)}`, 'employer');
    expect((await patch(other, { website: 'https://evil.example' })).status).toBe(404);
    expect((await rt.call('GET', `/v1/employers/${sub}`)).body.website).toBe(ORGANISATION.website);
  });
});
