/**
 * npm run bench:credentials (first part) — sign and verify throughput next to raw node:crypto with
 * the same algorithm, and the cost of a status-list check. The batch part, which needs the store,
 * is packages/services/bench/credential-batch.ts.
 */
import { createPrivateKey, createPublicKey, sign as nodeSign, verify as nodeVerify } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
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

const keysDir = mkdtempSync(join(tmpdir(), 'bench-keys-'));
const signer = loadOrCreateLocalSigner(keysDir, {
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
const jwt = await signCredential(vc, signer, now);
const signingInput = Buffer.from(jwt.slice(0, jwt.lastIndexOf('.')), 'latin1');
const privateKey = createPrivateKey({
  key: JSON.parse(readFileSync(join(keysDir, 'k1.private.jwk.json'), 'utf8')),
  format: 'jwk',
});
const publicKey = createPublicKey(privateKey);
const header = jwt.slice(0, jwt.indexOf('.'));
const rawSignature = nodeSign('sha256', signingInput, { key: privateKey, dsaEncoding: 'ieee-p1363' });
const deps = {
  resolveKey: async () => signer.publicJwk,
  issuer: async (id: string) => ({ id, name: 'Bench School', keyIds: [signer.kid] }),
  statusOf: async () => 'unset' as const,
};

/**
 * Each contender runs ROUNDS rounds of ROUND operations, interleaved with the others (a, b, c, d, a, b, …)
 * after a warm-up round each, so the JIT and any noise on this shared machine land on every row alike;
 * the median round gives the rate.
 */
const ROUNDS = 9;
const ROUND = SIGN_N / 4;
const contenders: Record<string, () => Promise<unknown> | unknown> = {
  'sign (skillpass, vc+jwt ES256)': () => signCredential(vc, signer, now),
  'sign (node:crypto ES256, baseline)': () =>
    nodeSign('sha256', signingInput, { key: privateKey, dsaEncoding: 'ieee-p1363' }),
  // The floor for any JWS signer: serialise the payload, base64url it, sign.
  'sign floor (JSON + base64url + node:crypto)': () =>
    nodeSign('sha256', Buffer.from(`${header}.${Buffer.from(JSON.stringify(vc)).toString('base64url')}`, 'latin1'), {
      key: privateKey,
      dsaEncoding: 'ieee-p1363',
    }),
  'verify (skillpass, all 7 checks)': () => verifyCredential(jwt, deps, now),
  'verify (node:crypto ES256, baseline)': () =>
    nodeVerify('sha256', signingInput, { key: publicKey, dsaEncoding: 'ieee-p1363' }, rawSignature),
};
const rounds = new Map<string, number[]>(Object.keys(contenders).map((name) => [name, []]));
for (let round = -1; round < ROUNDS; round++) {
  for (const [name, run] of Object.entries(contenders)) {
    const started = performance.now();
    for (let i = 0; i < ROUND; i++) await run();
    if (round >= 0) rounds.get(name)!.push(performance.now() - started);
  }
}
const medianMs = (name: string) => rounds.get(name)!.sort((a, b) => a - b)[ROUNDS >> 1]!;
console.table(
  Object.fromEntries([...rounds.keys()].map((name) => [name, { 'credentials/s': perSecond(ROUND, medianMs(name)) }])),
);
const signRatio = medianMs('sign (skillpass, vc+jwt ES256)') / medianMs('sign (node:crypto ES256, baseline)');
const verifyRatio = medianMs('verify (skillpass, all 7 checks)') / medianMs('verify (node:crypto ES256, baseline)');
const floorRatio = medianMs('sign (skillpass, vc+jwt ES256)') / medianMs('sign floor (JSON + base64url + node:crypto)');
console.log(
  `speed relative to raw crypto (median of ${ROUNDS} interleaved rounds of ${ROUND}): sign ${(1 / signRatio).toFixed(2)}×, verify ${(1 / verifyRatio).toFixed(2)}× (targets ≥ 0.8× and ≥ 0.5×); sign relative to the serialise-and-sign floor ${(1 / floorRatio).toFixed(2)}×\n`,
);

const encoded = encodeStatusList(Array.from({ length: 5_000 }, (_, i) => i * 26));
let started = performance.now();
for (let i = 0; i < 1_000; i++) isStatusSet(decodeStatusList(encoded), i * 13);
const decodeMs = (performance.now() - started) / 1_000;
const bits = decodeStatusList(encoded);
started = performance.now();
for (let i = 0; i < 1_000_000; i++) isStatusSet(bits, i % 131_072);
const lookupNs = ((performance.now() - started) * 1e6) / 1_000_000;
console.log(
  `status list (131,072 entries, ${encoded.length} chars encoded): decode + check ${decodeMs.toFixed(3)} ms; bit lookup on a decoded list ${lookupNs.toFixed(1)} ns\n`,
);
