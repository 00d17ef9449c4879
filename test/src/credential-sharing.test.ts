import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerSchoolWithTemplate, skillUri, startTestRuntime, type TestRuntime } from './harness.ts';

// What the wallet and the verify page need: a credential's links and QR code for its holder and issuer, and
// verification by the credential number printed on a certificate.
let rt: TestRuntime;
let school: string;
let holder: string;
let credentialId: string;

beforeAll(async () => {
  rt = await startTestRuntime();
  const template = await registerSchoolWithTemplate(rt.deps.issuers, rt.deps.signingKid, skillUri(7));
  school = await rt.token('school', 'issuer');
  holder = await rt.token('grad-wallet', 'graduate');
  const profile = await rt.call('PUT', '/v1/profiles/me', {
    token: holder,
    body: { displayName: 'Chen Jing', contactEmail: 'chen@example.com' },
  });
  expect(profile.status).toBe(201);
  const issued = await rt.call('POST', '/v1/credentials', {
    token: school,
    body: { templateId: template.templateId, holder: { graduateId: 'grad-wallet' }, grade: 'merit' },
  });
  expect(issued.status).toBe(201);
  credentialId = issued.body.id;
});
afterAll(async () => rt.close());

describe('a credential as its holder and issuer read it', () => {
  it('carries its verify link, its QR code and the link to the code', async () => {
    for (const token of [holder, school]) {
      const res = await rt.call('GET', `/v1/credentials/${credentialId}`, { token });
      expect(res.status).toBe(200);
      expect(res.body.verifyUrl).toBe(`http://localhost:3000/verify#${res.body.jwt}`);
      expect(res.body.qrUrl).toBe(`http://localhost:3000/v1/credentials/${credentialId}/qr.svg`);
      expect(res.body.qrSvg).toMatch(/^<\?xml[\s\S]*<svg[\s\S]*<\/svg>\s*$/);
    }
  });

  it('serves the QR code as an SVG image at qrUrl, to the holder and the issuer only', async () => {
    const path = `/v1/credentials/${credentialId}/qr.svg`;
    const res = await rt.call('GET', path, { token: holder });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/svg+xml');
    // An SVG opened on its own runs nothing: it gets the policy of everything that is not a page.
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(String(res.body)).toContain('<svg');
    expect((await rt.call('GET', path)).status).toBe(401);
    expect((await rt.call('GET', path, { token: await rt.token('emp', 'employer') })).status).toBe(403);
    // Another graduate and another issuer: no such credential, for them.
    expect((await rt.call('GET', path, { token: await rt.token('grad-other', 'graduate') })).status).toBe(404);
    expect((await rt.call('GET', path, { token: await rt.token('school-other', 'issuer') })).status).toBe(404);
    expect(
      (await rt.call('GET', `/v1/credentials/${credentialId}`, { token: await rt.token('x', 'graduate') })).status,
    ).toBe(404);
    const bad = await rt.call('GET', `/v1/credentials/${'x'.repeat(65)}/qr.svg`, { token: holder });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ path: 'param.id' })]);
  });

  it('is listed with the links in the holder’s one list of issued and brought credentials', async () => {
    const res = await rt.call('GET', '/v1/profiles/me/credentials', { token: holder });
    expect(res.status).toBe(200);
    expect(res.body.issued).toEqual([
      expect.objectContaining({
        credentialId,
        verifyUrl: expect.stringMatching(/\/verify#ey/),
        qrUrl: expect.stringMatching(/\/qr\.svg$/),
      }),
    ]);
    expect(res.body.held).toEqual([]);
    // A brought credential joins the same list, with its own verify link.
    const own = await rt.call('GET', `/v1/credentials/${credentialId}`, { token: holder });
    const imported = await rt.call('POST', '/v1/profiles/me/credentials', {
      token: holder,
      body: { jwt: own.body.jwt },
    });
    expect(imported.status).toBe(201);
    const after = await rt.call('GET', '/v1/profiles/me/credentials', { token: holder });
    expect(after.body.held).toEqual([
      expect.objectContaining({ verifyUrl: `http://localhost:3000/verify#${own.body.jwt}`, standing: 'active' }),
    ]);
    expect((await rt.call('GET', '/v1/profiles/me/credentials')).status).toBe(401);
    expect((await rt.call('GET', '/v1/profiles/me/credentials', { token: school })).status).toBe(403);
    const stranger = await rt.call('GET', '/v1/profiles/me/credentials', { token: await rt.token('g2', 'graduate') });
    expect(stranger.body).toEqual({ issued: [], held: [] });
  });
});

describe('GET /v1/verify/by-number/{number}', () => {
  it('gives the same report as verifying the credential itself, to anyone, however the number is typed', async () => {
    const direct = await rt.call('POST', '/v1/verify', { body: { credentialId } });
    expect(direct.body.verified).toBe(true);
    for (const typed of [credentialId, credentialId.toUpperCase(), credentialId.slice('cred_'.length)]) {
      const res = await rt.call('GET', `/v1/verify/by-number/${encodeURIComponent(typed)}`);
      expect(res.status, typed).toBe(200);
      expect(res.body).toEqual(direct.body);
    }
    const spaced = credentialId.replace(/(.{6})/g, '$1 ');
    expect((await rt.call('GET', `/v1/verify/by-number/${encodeURIComponent(spaced)}`)).body.verified).toBe(true);
  });

  it('reports a revoked credential as revoked', async () => {
    const template = (await rt.call('GET', '/v1/credential-templates')).body.items[0].templateId;
    const issued = await rt.call('POST', '/v1/credentials', {
      token: school,
      body: { templateId: template, holder: { graduateId: 'grad-wallet' } },
    });
    expect((await rt.call('POST', `/v1/credentials/${issued.body.id}/revoke`, { token: school })).status).toBe(200);
    const res = await rt.call('GET', `/v1/verify/by-number/${issued.body.id}`);
    expect(res.status).toBe(200);
    expect(res.body.verified).toBe(false);
    expect(res.body.checks.status.result).toBe('failed');
  });

  it('is a 404 problem saying so for an unknown number, and a 400 naming the parameter for garbage', async () => {
    const unknown = await rt.call('GET', '/v1/verify/by-number/cred_00000000000000000000000000');
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toBe('application/problem+json');
    expect(unknown.body.detail).toContain('No credential with number cred_00000000000000000000000000 was issued here');
    const garbage = await rt.call('GET', `/v1/verify/by-number/${encodeURIComponent('<script>')}`);
    expect(garbage.status).toBe(400);
    expect(garbage.body.errors).toEqual([expect.objectContaining({ path: 'param.number' })]);
  });
});
