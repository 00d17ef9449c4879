/**
 * npm run bench:credentials (Data Integrity part) — in one run, side by side: signing and verifying
 * a credential as vc+jwt (ES256) — without and with the JSON-LD term rule every platform verifier applies —
 * with an eddsa-rdfc-2022 proof, with an ecdsa-rdfc-2019 proof, with
 * both (what skillpass issues), and raw node:crypto Ed25519 / P-256 as the baseline; then the cost of
 * the first JSON-LD verification in a fresh process (loading jsonld and the cryptosuites, first
 * canonicalisation), which only the first Data Integrity request of a process pays.
 */
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync, sign as nodeSign, verify as nodeVerify } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { addDataIntegrityProofs, type ProofKey } from '../src/data-integrity/json-ld.ts';
import { buildCredential, loadOrCreateLocalSigner, signCredential, verifySecuredCredential } from '../src/index.ts';
import { sampleTemplate } from '../src/sample-template.test-support.ts';

const ORIGIN = 'https://bench.example';
const ISSUER = `${ORIGIN}/issuers/1`;
const N = Number(process.env.BENCH_DI_N ?? 200);
const perSecond = (n: number, ms: number) => Math.round((n * 1000) / ms);

if (process.env.BENCH_DI_FIRST !== '1') {
  console.log(`skillpass Data Integrity benchmark — ${new Date().toISOString()}`);
  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model}, node ${process.version}; ${N} credentials per row\n`);
}

// The first JSON-LD verification, in a process of its own: what a cold process pays once.
const firstRun =
  process.env.BENCH_DI_FIRST === '1'
    ? ''
    : execFileSync(process.execPath, ['--import', 'tsx', import.meta.filename], {
        env: { ...process.env, BENCH_DI_FIRST: '1' },
        encoding: 'utf8',
      });

const dir = mkdtempSync(join(tmpdir(), 'bench-di-keys-'));
const es256 = loadOrCreateLocalSigner(dir, { alg: 'ES256', keyId: 'k1', kidBaseUrl: `${ORIGIN}/keys` });
const ed25519 = loadOrCreateLocalSigner(dir, { alg: 'EdDSA', keyId: 'k1-ed25519', kidBaseUrl: `${ORIGIN}/keys` });
const eddsaKey: ProofKey = {
  verificationMethod: `${ISSUER}#k1-ed25519`,
  algorithm: 'Ed25519',
  sign: (d) => ed25519.sign(d),
};
const ecdsaKey: ProofKey = { verificationMethod: `${ISSUER}#k1`, algorithm: 'P-256', sign: (d) => es256.sign(d) };
const vc = buildCredential({
  credentialUrl: `${ORIGIN}/credentials/1`,
  templateUrl: `${ORIGIN}/credential-templates/tpl`,
  template: sampleTemplate(),
  issuer: { id: ISSUER, name: 'Bench School', country: 'CN', region: 'Jiangsu' },
  holder: { id: 'urn:learner:1' },
  skillLabel: () => 'battery chemistry',
  validFrom: new Date('2026-01-01T00:00:00Z'),
  status: { listUrl: `${ORIGIN}/status-lists/l1`, index: 42 },
});
const now = new Date('2026-11-24T00:00:00Z');
const keys = new Map([
  [es256.kid, es256.publicJwk],
  [ed25519.kid, ed25519.publicJwk],
  [`${ISSUER}#k1`, es256.publicJwk],
  [`${ISSUER}#k1-ed25519`, ed25519.publicJwk],
]);
const deps = {
  resolveKey: async (kid: string) => keys.get(kid),
  issuer: async (id: string) => ({ id, name: 'Bench School', keyIds: [...keys.keys()] }),
  statusOf: async () => 'unset' as const,
};

if (process.env.BENCH_DI_FIRST === '1') {
  const secured = await addDataIntegrityProofs(vc, [eddsaKey], now);
  const started = performance.now();
  const report = await verifySecuredCredential(secured, deps, now);
  const first = performance.now() - started;
  const again = performance.now();
  await verifySecuredCredential(secured, deps, now);
  process.stdout.write(JSON.stringify({ first, second: performance.now() - again, verified: report.verified }));
  process.exit(0);
}

async function time(n: number, work: () => Promise<unknown>): Promise<number> {
  await work(); // warm: the JSON-LD libraries and the contexts' first processing are the row below's
  const started = performance.now();
  for (let i = 0; i < n; i++) await work();
  return performance.now() - started;
}

const jwt = await signCredential(vc, es256, now);
const securedBoth = await addDataIntegrityProofs(vc, [eddsaKey, ecdsaKey], now);
const securedEddsa = await addDataIntegrityProofs(vc, [eddsaKey], now);
const securedEcdsa = await addDataIntegrityProofs(vc, [ecdsaKey], now);
const data = new TextEncoder().encode(JSON.stringify(vc));
const edPair = generateKeyPairSync('ed25519');
const ecPair = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const edSig = nodeSign(null, data, edPair.privateKey);
const ecSig = nodeSign('sha256', data, { key: ecPair.privateKey, dsaEncoding: 'ieee-p1363' });

// The platform verifies a vc+jwt with the JSON-LD term rule too (its payload expanded in safe mode), once per
// credential (the verdict is kept per payload): so each verification here is of a credential not seen before.
const distinctJwts = await Promise.all(
  Array.from({ length: N + 1 }, (_, i) => signCredential({ ...vc, id: `${ORIGIN}/credentials/${i + 2}` }, es256, now)),
);
let nextJwt = 0;

const rows: Record<string, { 'sign /s': number | string; 'verify /s': number | string }> = {
  'vc+jwt ES256 (skillpass)': {
    'sign /s': perSecond(N, await time(N, () => signCredential(vc, es256, now))),
    'verify /s': perSecond(N, await time(N, () => verifySecuredCredential(jwt, deps, now))),
  },
  'vc+jwt ES256 + JSON-LD term rule, as the API verifies (skillpass)': {
    'sign /s': '—',
    'verify /s': perSecond(
      N,
      await time(N, () => verifySecuredCredential(distinctJwts[nextJwt++]!, deps, now, { checkTerms: true })),
    ),
  },
  'eddsa-rdfc-2022 (skillpass)': {
    'sign /s': perSecond(N, await time(N, () => addDataIntegrityProofs(vc, [eddsaKey], now))),
    'verify /s': perSecond(N, await time(N, () => verifySecuredCredential(securedEddsa, deps, now))),
  },
  'ecdsa-rdfc-2019 (skillpass)': {
    'sign /s': perSecond(N, await time(N, () => addDataIntegrityProofs(vc, [ecdsaKey], now))),
    'verify /s': perSecond(N, await time(N, () => verifySecuredCredential(securedEcdsa, deps, now))),
  },
  'both proofs, as issued (skillpass)': {
    'sign /s': perSecond(N, await time(N, () => addDataIntegrityProofs(vc, [eddsaKey, ecdsaKey], now))),
    'verify /s': perSecond(N, await time(N, () => verifySecuredCredential(securedBoth, deps, now))),
  },
  'node:crypto Ed25519 (baseline)': {
    'sign /s': perSecond(N * 10, await time(N * 10, async () => nodeSign(null, data, edPair.privateKey))),
    'verify /s': perSecond(N * 10, await time(N * 10, async () => nodeVerify(null, data, edPair.publicKey, edSig))),
  },
  'node:crypto P-256 (baseline)': {
    'sign /s': perSecond(
      N * 10,
      await time(N * 10, async () => nodeSign('sha256', data, { key: ecPair.privateKey, dsaEncoding: 'ieee-p1363' })),
    ),
    'verify /s': perSecond(
      N * 10,
      await time(N * 10, async () =>
        nodeVerify('sha256', data, { key: ecPair.publicKey, dsaEncoding: 'ieee-p1363' }, ecSig),
      ),
    ),
  },
};
console.table(rows);
const first = JSON.parse(firstRun) as { first: number; second: number; verified: boolean };
console.log(
  `first JSON-LD verification in a fresh process (loading jsonld + cryptosuites, first canonicalisation): ${first.first.toFixed(0)} ms; the second: ${first.second.toFixed(1)} ms (verified: ${first.verified})`,
);
console.log(
  `credential: ${Buffer.byteLength(jwt)} bytes as vc+jwt, ${Buffer.byteLength(JSON.stringify(securedBoth))} bytes as JSON-LD with both proofs\n`,
);
