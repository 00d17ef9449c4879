/**
 * npm run bench:credentials (first part) — sign and verify throughput next to raw node:crypto with
 * the same algorithm, and the cost of a status-list check. The batch part, which needs the store,
 * is packages/services/bench/credential-batch.ts.
 */
import { createPublicKey, sign as nodeSign, verify as nodeVerify } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  buildCredential,
  decodeStatusList,
  encodeStatusList,
  isStatusSet,
  loadOrCreateLocalSigner,
  signCredential,
  verifyCredential,
} from '../src/index.ts';
import { sampleTemplate } from '../src/sample-template.test-support.ts';

const ORIGIN = 'https://bench.example';
const SIGN_N = 2_000;
const template = sampleTemplate();
const perSecond = (n: number, ms: number) => Math.round((n * 1000) / ms);

console.log(`skillpass credentials benchmark — ${new Date().toISOString()}`);
console.log(`machine: ${cpus().length} × ${cpus()[0]?.model}, node ${process.version}\n`);

const signer = loadOrCreateLocalSigner(mkdtempSync(join(tmpdir(), 'bench-keys-')), {
  alg: 'ES256',
  keyId: 'k1',
  kidBaseUrl: `${ORIGIN}/keys`,
});
const vc = buildCredential({
  credentialUrl: `${ORIGIN}/credentials/1`,
  templateUrl: `${ORIGIN}/templates/tpl`,
  template,
  issuer: { id: `${ORIGIN}/issuers/1`, name: 'Bench School', country: 'CN', region: 'Jiangsu' },
  holder: { id: 'urn:learner:1' },
  skillLabel: () => 'battery chemistry',
  validFrom: new Date('2026-01-01T00:00:00Z'),
  status: { listUrl: `${ORIGIN}/status-lists/l1`, index: 42 },
});
const now = new Date('2026-11-24T00:00:00Z');
let started = performance.now();
let jwt = '';
for (let i = 0; i < SIGN_N; i++) jwt = await signCredential(vc, signer, now);
const signMs = performance.now() - started;

const { createPrivateKey } = await import('node:crypto');
const privateKey = createPrivateKey({
  key: JSON.parse(
    (await import('node:fs')).readFileSync(
      join(
        (await import('node:fs'))
          .readdirSync(tmpdir())
          .filter((d) => d.startsWith('bench-keys-'))
          .map((d) => join(tmpdir(), d))
          .pop()!,
        'k1.private.jwk.json',
      ),
      'utf8',
    ),
  ),
  format: 'jwk',
});
const signingInput = new TextEncoder().encode(jwt.split('.').slice(0, 2).join('.'));
started = performance.now();
let raw = Buffer.alloc(0);
for (let i = 0; i < SIGN_N; i++) raw = nodeSign('sha256', signingInput, { key: privateKey, dsaEncoding: 'ieee-p1363' });
const rawSignMs = performance.now() - started;

const deps = {
  resolveKey: async () => signer.publicJwk,
  issuer: async (id: string) => ({ id, name: 'Bench School', keyIds: [signer.kid] }),
  statusOf: async () => 'unset' as const,
};
started = performance.now();
for (let i = 0; i < SIGN_N; i++) await verifyCredential(jwt, deps, now);
const verifyMs = performance.now() - started;
const publicKey = createPublicKey(privateKey);
started = performance.now();
for (let i = 0; i < SIGN_N; i++) nodeVerify('sha256', signingInput, { key: publicKey, dsaEncoding: 'ieee-p1363' }, raw);
const rawVerifyMs = performance.now() - started;

console.table({
  'sign (skillpass, vc+jwt ES256)': { 'credentials/s': perSecond(SIGN_N, signMs) },
  'sign (node:crypto ES256, baseline)': { 'credentials/s': perSecond(SIGN_N, rawSignMs) },
  'verify (skillpass, all 7 checks)': { 'credentials/s': perSecond(SIGN_N, verifyMs) },
  'verify (node:crypto ES256, baseline)': { 'credentials/s': perSecond(SIGN_N, rawVerifyMs) },
});
console.log(
  `ratio to raw crypto: sign ${(signMs / rawSignMs).toFixed(2)}×, verify ${(verifyMs / rawVerifyMs).toFixed(2)}× the time\n`,
);

const encoded = encodeStatusList(Array.from({ length: 5_000 }, (_, i) => i * 26));
started = performance.now();
for (let i = 0; i < 1_000; i++) isStatusSet(decodeStatusList(encoded), i * 13);
const decodeMs = (performance.now() - started) / 1_000;
const bits = decodeStatusList(encoded);
started = performance.now();
for (let i = 0; i < 1_000_000; i++) isStatusSet(bits, i % 131_072);
const lookupNs = ((performance.now() - started) * 1e6) / 1_000_000;
console.log(
  `status list (131,072 entries, ${encoded.length} chars encoded): decode + check ${decodeMs.toFixed(3)} ms; bit lookup on a decoded list ${lookupNs.toFixed(1)} ns\n`,
);
