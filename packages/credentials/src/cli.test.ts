import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const cli = resolve(import.meta.dirname, 'cli.ts');
const tsx = resolve(import.meta.dirname, '../../../node_modules/.bin/tsx');

async function skillpass(...args: string[]): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await run(tsx, [cli, ...args], { env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' } });
    return { code: 0, stdout };
  } catch (error) {
    const failure = error as { code: number; stdout: string };
    return { code: failure.code, stdout: failure.stdout };
  }
}

describe('the skillpass CLI', () => {
  it('issues with an issuer-held key and verifies offline against a JWKS file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-'));
    const { loadOrCreateLocalSigner } = await import('./signer.ts');
    const signer = loadOrCreateLocalSigner(dir, { alg: 'ES256', keyId: 'own', kidBaseUrl: 'https://school.example/keys' });
    const privateJwk = { ...JSON.parse(readFileSync(join(dir, 'own.private.jwk.json'), 'utf8')), kid: signer.kid };
    writeFileSync(join(dir, 'key.json'), JSON.stringify(privateJwk));
    writeFileSync(join(dir, 'jwks.json'), JSON.stringify({ keys: [signer.publicJwk] }));
    writeFileSync(
      join(dir, 'credential.json'),
      JSON.stringify({
        '@context': ['https://www.w3.org/ns/credentials/v2'],
        id: 'https://school.example/credentials/1',
        type: ['VerifiableCredential'],
        issuer: { id: 'https://school.example', name: 'School' },
        validFrom: '2026-01-01T00:00:00Z',
        credentialSubject: { id: 'urn:learner:1' },
      }),
    );
    const issued = await skillpass('issue', '--key', join(dir, 'key.json'), '--input', join(dir, 'credential.json'));
    expect(issued.code).toBe(0);
    const jwt = issued.stdout.trim();
    expect(jwt.split('.')).toHaveLength(3);
    writeFileSync(join(dir, 'credential.jwt'), jwt);

    const ok = await skillpass('verify', join(dir, 'credential.jwt'), '--jwks', join(dir, 'jwks.json'), '--offline');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^VERIFIED/);
    expect(ok.stdout).toContain('signature');

    const tampered = `${jwt.slice(0, -6)}AAAAAA`;
    const bad = await skillpass('verify', tampered, '--jwks', join(dir, 'jwks.json'), '--offline');
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/NOT VERIFIED[\s\S]*✘ signature/);
  }, 30_000);
});
