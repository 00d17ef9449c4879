import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { generateKeyPairSync } from 'node:crypto';
import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { sampleTemplate } from './sample-template.test-support.ts';

const run = promisify(execFile);
const cli = resolve(import.meta.dirname, 'cli.ts');
const tsx = resolve(import.meta.dirname, '../../../node_modules/.bin/tsx');

async function skillpass(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return skillpassWith({}, ...args);
}

async function skillpassWith(
  env: Record<string, string>,
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(tsx, [cli, ...args], {
      env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
  }
}

const schoolCredential = (issuer: string) => ({
  '@context': ['https://www.w3.org/ns/credentials/v2'],
  id: 'https://school.example/credentials/1',
  type: ['VerifiableCredential'],
  issuer: { id: issuer, name: 'School' },
  validFrom: '2026-01-01T00:00:00Z',
  credentialSubject: { id: 'urn:learner:1' },
});

describe('the skillpass CLI', () => {
  it('issues with an issuer-held key and verifies offline against a JWKS file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-'));
    const { loadOrCreateLocalSigner } = await import('./signer.ts');
    const signer = loadOrCreateLocalSigner(dir, {
      alg: 'ES256',
      keyId: 'own',
      kidBaseUrl: 'https://school.example/keys',
    });
    const privateJwk = { ...JSON.parse(readFileSync(join(dir, 'own.private.jwk.json'), 'utf8')), kid: signer.kid };
    writeFileSync(join(dir, 'key.json'), JSON.stringify(privateJwk));
    writeFileSync(join(dir, 'jwks.json'), JSON.stringify({ keys: [signer.publicJwk] }));
    writeFileSync(join(dir, 'credential.json'), JSON.stringify(schoolCredential('https://school.example')));
    const issued = await skillpass('issue', '--key', join(dir, 'key.json'), '--input', join(dir, 'credential.json'));
    expect(issued.code).toBe(0);
    const jwt = issued.stdout.trim();
    expect(jwt.split('.')).toHaveLength(3);
    writeFileSync(join(dir, 'credential.jwt'), jwt);

    const ok = await skillpass('verify', join(dir, 'credential.jwt'), '--jwks', join(dir, 'jwks.json'), '--offline');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^VERIFIED/);
    expect(ok.stdout).toContain('signature');

    // A credential that breaks VC DM 2.0 rules is not signed: each broken rule is listed, exit 1.
    writeFileSync(
      join(dir, 'broken.json'),
      JSON.stringify({
        ...schoolCredential('School'),
        validFrom: '2026-01-01',
        evidence: [{ id: 'https://e.example' }],
      }),
    );
    const refused = await skillpass('issue', '--key', join(dir, 'key.json'), '--input', join(dir, 'broken.json'));
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toContain('breaks 3 VC Data Model 2.0 rule(s)');
    expect(refused.stderr).toMatch(/- issuer\.id: must be a URL[\s\S]*- evidence\.0\.type:[\s\S]*- validFrom:/);
    const missing = await skillpass('issue', '--key', join(dir, 'key.json'), '--input', join(dir, 'none.json'));
    expect(missing.code).toBe(2);

    const tampered = `${jwt.slice(0, -6)}AAAAAA`;
    const bad = await skillpass('verify', tampered, '--jwks', join(dir, 'jwks.json'), '--offline');
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/NOT VERIFIED[\s\S]*✘ signature/);
  }, 300_000);

  it('verifies a did:web issuer against the keys its DID document lists for assertions', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-did-'));
    // did:web is https only: a certificate for localhost that the CLI process is told to trust.
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:P-256',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=localhost',
        '-addext',
        'subjectAltName=DNS:localhost',
        '-keyout',
        join(dir, 'tls.key'),
        '-out',
        join(dir, 'tls.crt'),
      ],
      { stdio: 'ignore' },
    );
    const { loadOrCreateLocalSigner } = await import('./signer.ts');
    let document = {};
    const server = createServer(
      { key: readFileSync(join(dir, 'tls.key')), cert: readFileSync(join(dir, 'tls.crt')) },
      (req, res) => {
        res
          .writeHead(req.url === '/.well-known/did.json' ? 200 : 404, { 'content-type': 'application/did+json' })
          .end(JSON.stringify(document));
      },
    );
    await new Promise<void>((listening) => server.listen(0, listening));
    try {
      const did = `did:web:localhost%3A${(server.address() as AddressInfo).port}`;
      const assertionKey = loadOrCreateLocalSigner(dir, {
        alg: 'ES256',
        keyId: 'assert',
        kidBaseUrl: 'https://unused.example',
      });
      const authKey = loadOrCreateLocalSigner(dir, {
        alg: 'ES256',
        keyId: 'auth',
        kidBaseUrl: 'https://unused.example',
      });
      document = {
        id: did,
        verificationMethod: [
          { id: '#key-1', type: 'JsonWebKey2020', controller: did, publicKeyJwk: assertionKey.publicJwk },
          { id: '#auth-1', type: 'JsonWebKey2020', controller: did, publicKeyJwk: authKey.publicJwk },
        ],
        assertionMethod: ['#key-1'],
      };
      const issueWith = async (keyId: string, fragment: string, issuer = did) => {
        writeFileSync(join(dir, 'credential.json'), JSON.stringify(schoolCredential(issuer)));
        writeFileSync(
          join(dir, `${keyId}.jwk.json`),
          JSON.stringify({
            ...JSON.parse(readFileSync(join(dir, `${keyId}.private.jwk.json`), 'utf8')),
            kid: `${did}#${fragment}`,
          }),
        );
        const issued = await skillpass(
          'issue',
          '--key',
          join(dir, `${keyId}.jwk.json`),
          '--input',
          join(dir, 'credential.json'),
        );
        expect(issued.code, issued.stderr).toBe(0);
        return issued.stdout.trim();
      };
      const trustingTestCa = { NODE_EXTRA_CA_CERTS: join(dir, 'tls.crt') };

      const ok = await skillpassWith(trustingTestCa, 'verify', await issueWith('assert', 'key-1'), '--did', did);
      expect(ok.stdout).toMatch(/^VERIFIED/);
      expect(ok.stdout).toMatch(/✔ issuerTrusted\s+did:web:localhost/);
      expect(ok.code).toBe(0);

      // In the document, but not an assertion key: it may authenticate the issuer, not sign credentials.
      const authSigned = await skillpassWith(trustingTestCa, 'verify', await issueWith('auth', 'auth-1'), '--did', did);
      expect(authSigned.code).toBe(1);
      expect(authSigned.stdout).toMatch(/NOT VERIFIED[\s\S]*✘ keyResolution\s+.*auth-1 is not one of/);

      // Signed with the DID's key, but in another issuer's name: the DID vouches for itself only.
      const otherIssuer = await skillpassWith(
        trustingTestCa,
        'verify',
        await issueWith('assert', 'key-1', 'https://school.example'),
        '--did',
        did,
      );
      expect(otherIssuer.code).toBe(1);
      expect(otherIssuer.stdout).toMatch(/✘ issuerTrusted\s+https:\/\/school.example is not on the trust list/);

      const unreachable = await skillpassWith(
        trustingTestCa,
        'verify',
        await issueWith('assert', 'key-1'),
        '--did',
        'did:web:localhost%3A1',
      );
      expect(unreachable.code).toBe(2);
      expect(unreachable.stderr).toContain('could not read a DID document for did:web:localhost%3A1');

      const offline = await skillpassWith(
        trustingTestCa,
        'verify',
        await issueWith('assert', 'key-1'),
        '--did',
        did,
        '--offline',
      );
      expect(offline.code).toBe(2);
      expect(offline.stderr).toContain('offline, give its keys with --jwks');
    } finally {
      server.close();
    }
    // Six CLI processes, each a tsx start: minutes on a loaded machine, so only a hang fails this.
  }, 300_000);

  it('issue chooses ES256, ES384 or ES512 from the key curve, and refuses a key it cannot sign with', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-alg-'));
    writeFileSync(join(dir, 'credential.json'), JSON.stringify(schoolCredential('https://school.example')));
    for (const [namedCurve, alg] of [
      ['P-384', 'ES384'],
      ['P-521', 'ES512'],
    ] as const) {
      const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve });
      const kid = `https://school.example/keys/${alg}`;
      writeFileSync(join(dir, 'key.json'), JSON.stringify({ ...privateKey.export({ format: 'jwk' }), kid }));
      writeFileSync(
        join(dir, 'jwks.json'),
        JSON.stringify({ keys: [{ ...publicKey.export({ format: 'jwk' }), kid }] }),
      );
      const issued = await skillpass('issue', '--key', join(dir, 'key.json'), '--input', join(dir, 'credential.json'));
      expect(JSON.parse(Buffer.from(issued.stdout.split('.')[0]!, 'base64url').toString()).alg).toBe(alg);
      const verified = await skillpass('verify', issued.stdout.trim(), '--jwks', join(dir, 'jwks.json'), '--offline');
      expect(verified.stdout, alg).toMatch(/^VERIFIED/);
    }
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    writeFileSync(
      join(dir, 'key.json'),
      JSON.stringify({ ...rsa.export({ format: 'jwk' }), kid: 'https://school.example/keys/rsa' }),
    );
    const refused = await skillpass('issue', '--key', join(dir, 'key.json'), '--input', join(dir, 'credential.json'));
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('the key must be EC P-256, P-384 or P-521, or OKP Ed25519');
  }, 300_000);

  it("verify with no options trusts the credential's own issuer origin, says so, takes a verify link, and exits 2 on a missing file", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-own-'));
    const { loadOrCreateLocalSigner } = await import('./signer.ts');
    const { buildCredential } = await import('./credential.ts');
    const { signCompactJws, signCredential } = await import('./jws.ts');
    const { encodeStatusList } = await import('./status-list.ts');
    const served = new Map<string, string>();
    const server = createHttpServer((req, res) => {
      const body = served.get(req.url ?? '');
      res.writeHead(body ? 200 : 404).end(body ?? '');
    });
    await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
    try {
      const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const signer = loadOrCreateLocalSigner(dir, { alg: 'ES256', keyId: 'k1', kidBaseUrl: `${origin}/keys` });
      served.set('/keys/k1', JSON.stringify(signer.publicJwk));
      const now = new Date();
      for (const purpose of ['revocation', 'suspension']) {
        const id = `${origin}/status-lists/l1/${purpose}`;
        const list = {
          '@context': ['https://www.w3.org/ns/credentials/v2'],
          id,
          type: ['VerifiableCredential', 'BitstringStatusListCredential'],
          issuer: `${origin}/issuers/platform`,
          credentialSubject: {
            id: `${id}#list`,
            type: 'BitstringStatusList',
            statusPurpose: purpose,
            encodedList: encodeStatusList([]),
          },
        };
        served.set(`/status-lists/l1/${purpose}`, await signCompactJws(list, signer, 'vc+jwt'));
      }
      const vc = buildCredential({
        credentialUrl: `${origin}/credentials/c1`,
        templateUrl: `${origin}/credential-templates/t1`,
        template: sampleTemplate({ templateId: 't1', issuerId: 'school' }),
        issuer: { id: `${origin}/issuers/school`, name: 'School', country: 'CN', region: 'Jiangsu' },
        holder: { id: 'urn:skillpass:graduate:g1' },
        skillLabel: () => 'a skill',
        validFrom: new Date(now.getTime() - 60_000),
        status: { listUrl: `${origin}/status-lists/l1`, index: 5 },
      });
      const jwt = await signCredential(vc, signer, now);
      writeFileSync(join(dir, 'credential.jwt'), jwt);

      const ok = await skillpass('verify', join(dir, 'credential.jwt'), '--allow-loopback-http');
      expect(ok.stdout, ok.stderr).toMatch(
        /^VERIFIED\n {2}trust anchor: the issuer's own origin http:\/\/127\.0\.0\.1/,
      );
      expect(ok.stdout).toMatch(/✔ status\s+Neither revoked nor suspended/);
      expect(ok.code).toBe(0);

      const link = await skillpass('verify', `${origin}/verify#${jwt}`, '--allow-loopback-http');
      expect(link.code, link.stdout).toBe(0);

      const missing = await skillpass('verify', join(dir, 'no-such.jwt'));
      expect(missing.code).toBe(2);
      expect(missing.stderr).toContain('no such file');
    } finally {
      server.close();
    }
  }, 300_000);
});
