import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerSchoolWithTemplate, skillUri, startTestRuntime, type TestRuntime } from './harness.ts';

// An issuer finds what it issued: its credentials (by holder name, number or template) and its batches, paged.
let rt: TestRuntime;
let school: string;
let templateId: string;
let batchId: string;

beforeAll(async () => {
  rt = await startTestRuntime();
  templateId = (await registerSchoolWithTemplate(rt.deps.issuers, rt.deps.signingKid, skillUri(3))).templateId;
  school = await rt.token('school', 'issuer');
  for (const [graduateId, name] of [
    ['grad-list-1', 'Zhang Wei'],
    ['grad-list-2', 'Li Na'],
  ] as const) {
    const token = await rt.token(graduateId, 'graduate');
    expect(
      (await rt.call('PUT', '/v1/profiles/me', { token, body: { displayName: name, contactEmail: 'x@example.com' } }))
        .status,
    ).toBe(201);
    const issued = await rt.call('POST', '/v1/credentials', {
      token: school,
      body: { templateId, holder: { graduateId } },
    });
    expect(issued.status).toBe(201);
  }
  const batch = await rt.call('POST', '/v1/credential-batches', {
    token: school,
    body: {
      templateId,
      recipients: Array.from({ length: 3 }, (_, i) => ({
        subjectId: `urn:learner:list${i}`,
        email: `list${i}@example.com`,
        name: `Learner ${i}`,
      })),
    },
  });
  expect(batch.status).toBe(202);
  batchId = batch.body.batchId;
  await (rt.deps.batchQueue as unknown as { idle(): Promise<void> }).idle();
});
afterAll(async () => rt.close());

const list = (token: string | undefined, query = '') =>
  rt.call('GET', `/v1/credentials${query}`, token ? { token } : {});

describe("an issuer's credentials", () => {
  it('are listed newest first and paged with cursors', async () => {
    const first = await list(school, '?limit=2');
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.items[0].createdAt >= first.body.items[1].createdAt).toBe(true);
    expect(first.body.items[0]).not.toHaveProperty('proof');
    const rest = await list(school, `?limit=10&cursor=${encodeURIComponent(first.body.nextCursor)}`);
    const all = [...first.body.items, ...rest.body.items].map((c: { credentialId: string }) => c.credentialId);
    expect(new Set(all).size).toBe(5);
    expect((await list(school, '?cursor=tampered')).status).toBe(400);
  });

  it('are found by part of the holder’s name (any case), by number, and by template', async () => {
    const byName = await list(school, '?q=zhang');
    expect(byName.body.items.map((c: { holder: { graduateId?: string } }) => c.holder.graduateId)).toEqual([
      'grad-list-1',
    ]);
    const learners = await list(school, '?q=LEARNER');
    expect(learners.body.items).toHaveLength(3);
    const number = byName.body.items[0].credentialId as string;
    const byNumber = await list(school, `?q=${number.slice(-10)}`);
    expect(byNumber.body.items.map((c: { credentialId: string }) => c.credentialId)).toEqual([number]);
    expect((await list(school, `?templateId=${templateId}`)).body.items).toHaveLength(5);
    expect((await list(school, '?templateId=tpl_other')).body.items).toEqual([]);
  });

  it('are the issuer’s own: another issuer lists none of them; other roles 403; no token 401', async () => {
    const other = await list(await rt.token('school-other', 'issuer'));
    expect(other.status).toBe(200);
    expect(other.body.items).toEqual([]);
    expect((await list(await rt.token('grad-list-1', 'graduate'))).status).toBe(403);
    expect((await list(await rt.token('emp', 'employer'))).status).toBe(403);
    expect((await list(undefined)).status).toBe(401);
  });
});

describe("an issuer's batches", () => {
  it('are listed with their progress, to their issuer only', async () => {
    const mine = await rt.call('GET', '/v1/credential-batches', { token: school });
    expect(mine.status).toBe(200);
    expect(mine.body.items).toEqual([
      expect.objectContaining({ batchId, templateId, total: 3, issued: 3, failed: 0, pending: 0 }),
    ]);
    const other = await rt.call('GET', '/v1/credential-batches', { token: await rt.token('school-other', 'issuer') });
    expect(other.body.items).toEqual([]);
    expect((await rt.call('GET', '/v1/credential-batches', { token: await rt.token('g', 'graduate') })).status).toBe(
      403,
    );
    expect((await rt.call('GET', '/v1/credential-batches')).status).toBe(401);
  });
});

describe('a status change with a reason', () => {
  it('keeps the reason for the issuer, shows it to others only when made public, and is the issuer’s own', async () => {
    const holder = await rt.token('grad-list-2', 'graduate');
    const [credential] = (await list(school, '?q=li%20na')).body.items;
    const id = credential.credentialId as string;
    const path = (action: string) => `/v1/credentials/${id}/${action}`;
    const privateReason = 'Assessment record under review';
    expect(
      (await rt.call('POST', path('suspend'), { token: await rt.token('school-other', 'issuer'), body: {} })).status,
    ).toBe(404);
    expect((await rt.call('POST', path('suspend'), { token: holder, body: {} })).status).toBe(403);
    const suspended = await rt.call('POST', path('suspend'), { token: school, body: { reason: privateReason } });
    expect(suspended.status).toBe(200);
    expect(suspended.body.statusChanges).toEqual([
      expect.objectContaining({ status: 'suspended', reason: privateReason, reasonPublic: false }),
    ]);
    // A private reason never reaches the public verification, by number or by id.
    for (const whileSuspended of [
      await rt.call('GET', `/v1/verify/by-number/${id}`),
      await rt.call('POST', '/v1/verify', { body: { credentialId: id } }),
    ]) {
      expect(whileSuspended.body.checks.status.result).toBe('failed');
      expect(whileSuspended.body).not.toHaveProperty('statusReason');
      expect(JSON.stringify(whileSuspended.body)).not.toContain(privateReason);
    }
    const revoked = await rt.call('POST', path('revoke'), {
      token: school,
      body: { reason: 'Issued in error', reasonPublic: true },
    });
    expect(revoked.status).toBe(200);
    // The issuer sees both reasons, in its list too.
    const listed = (await list(school, `?q=${id}`)).body.items[0];
    expect(listed.statusChanges.map((s: { reason?: string }) => s.reason)).toEqual([privateReason, 'Issued in error']);
    // The holder sees the moves, and only the public reason.
    const asHolder = await rt.call('GET', `/v1/credentials/${id}`, { token: holder });
    expect(asHolder.body.statusChanges).toEqual([
      expect.objectContaining({ status: 'suspended', reasonPublic: false }),
      expect.objectContaining({ status: 'revoked', reason: 'Issued in error', reasonPublic: true }),
    ]);
    expect(asHolder.body.statusChanges[0]).not.toHaveProperty('reason');
    const held = await rt.call('GET', '/v1/profiles/me/credentials', { token: holder });
    expect(JSON.stringify(held.body)).not.toContain(privateReason);
    // The public verification says revoked, and nothing of the private reason.
    const verified = await rt.call('GET', `/v1/verify/by-number/${id}`);
    expect(JSON.stringify(verified.body)).toContain('revoked');
    expect(JSON.stringify(verified.body)).not.toContain(privateReason);
    // …and the public reason, with what it explains.
    expect(verified.body.statusReason).toEqual({
      status: 'revoked',
      reason: 'Issued in error',
      at: expect.any(String),
    });
    const byId = await rt.call('POST', '/v1/verify', { body: { credentialId: id } });
    expect(byId.body.statusReason).toEqual(verified.body.statusReason);
    // A bad reason is a 400 naming it.
    const bad = await rt.call('POST', path('reinstate'), { token: school, body: { reason: 'x'.repeat(1_001) } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ path: 'reason' })]);
  });
});
