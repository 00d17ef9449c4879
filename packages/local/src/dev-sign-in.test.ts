import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import { devSignIn, devSubject } from './dev-sign-in.ts';
import { loadOrCreateDevIdentity } from './identity.ts';

describe('the local dev sign-in', () => {
  it('gives the same name the same subject: plain ids as typed, other names hashed', () => {
    expect(devSubject('graduate', 'demo-graduate')).toBe('demo-graduate');
    expect(devSubject('graduate', '李伟')).toBe(devSubject('graduate', ' 李伟 '));
    expect(devSubject('graduate', '李伟')).toMatch(/^dev-graduate-[0-9a-f]{16}$/);
    expect(devSubject('employer', 'Li Wei')).not.toBe(devSubject('graduate', 'Li Wei'));
  });

  it('mints a token for the role and name, and refuses other roles and empty names naming the field', async () => {
    const identity = await loadOrCreateDevIdentity(join(mkdtempSync(join(tmpdir(), 'skillpass-idp-')), 'key.json'));
    const post = (body: unknown) => devSignIn(body, identity);
    const ok = await post({ role: 'graduate', name: 'demo-graduate' });
    expect(ok.status).toBe(200);
    const body = (await ok.json()) as { accessToken: string; expiresIn: number; subject: string };
    expect(body.subject).toBe('demo-graduate');
    expect(body.expiresIn).toBeGreaterThan(0);
    expect(decodeJwt(body.accessToken)).toMatchObject({ sub: 'demo-graduate', 'cognito:groups': ['graduate'] });
    const badRole = await post({ role: 'root', name: 'x' });
    expect(badRole.status).toBe(400);
    expect(((await badRole.json()) as { errors: Array<{ path: string }> }).errors[0]!.path).toBe('role');
    expect((await post({ role: 'issuer', name: '  ' })).status).toBe(400);
    expect((await post(undefined)).status).toBe(400);
  });
});
