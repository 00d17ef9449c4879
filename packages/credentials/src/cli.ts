#!/usr/bin/env -S npx tsx
/**
 * skillpass verify <file|jwt> [--jwks <url|file>] [--offline]
 * skillpass issue --key <private jwk file> --input <credential json file> [--kid <url>]
 */
import { createPrivateKey, sign as nodeSign } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { JWK } from 'jose';
import { signCredential } from './jws.ts';
import type { Signer } from './signer.ts';
import { RemoteStatusLists } from './remote-status.ts';
import { CHECK_NAMES, type VerificationReport, verifyCredential } from './verify.ts';

const readArg = (value: string) => (existsSync(value) ? readFileSync(value, 'utf8').trim() : value.trim());

async function loadJwks(source: string): Promise<JWK[]> {
  const text = /^https?:\/\//.test(source) ? await (await fetch(source)).text() : readFileSync(source, 'utf8');
  const parsed = JSON.parse(text) as { keys?: JWK[] } & JWK;
  return parsed.keys ?? [parsed];
}

export function formatReport(report: VerificationReport): string {
  const mark = { passed: '✔', failed: '✘', not_applicable: '–' } as const;
  const lines = [report.verified ? 'VERIFIED' : 'NOT VERIFIED'];
  for (const name of CHECK_NAMES) lines.push(`  ${mark[report.checks[name].result]} ${name.padEnd(20)} ${report.checks[name].message}`);
  return lines.join('\n');
}

async function verifyCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { jwks: { type: 'string' }, offline: { type: 'boolean', default: false }, json: { type: 'boolean', default: false } } });
  if (positionals.length !== 1) throw new Error('usage: skillpass verify <file|jwt> [--jwks <url|file>] [--offline] [--json]');
  const input = readArg(positionals[0]!);
  const keys = values.jwks ? await loadJwks(values.jwks) : [];
  const resolveKey = async (kid: string) =>
    keys.find((k) => k.kid === kid) ?? (values.offline || !/^https?:\/\//.test(kid) ? undefined : ((await (await fetch(kid)).json()) as JWK));
  // Status lists are believed only when signed by one of the issuer's keys.
  const statusLists = new RemoteStatusLists(resolveKey, { allowLoopbackHttp: true });
  const report = await verifyCredential(input.startsWith('{') ? JSON.parse(input) : input, {
    resolveKey,
    // The keys the user supplied are the trust anchor: the credential's issuer is trusted for them.
    issuer: async (id) => (keys.length > 0 ? { id, name: id, keyIds: keys.flatMap((k) => (k.kid ? [k.kid] : [])) } : undefined),
    statusOf: async (url, index, purpose, issuer) => (values.offline ? 'unset' : statusLists.statusOf(url, index, purpose, issuer)),
  });
  if (values.offline && report.checks.status.result !== 'not_applicable') {
    report.checks.status = { result: 'not_applicable', message: 'Not checked: --offline.' };
  }
  process.stdout.write(`${values.json ? JSON.stringify(report, null, 2) : formatReport(report)}\n`);
  return report.verified ? 0 : 1;
}

async function issueCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { key: { type: 'string' }, input: { type: 'string' }, kid: { type: 'string' } } });
  if (!values.key || !values.input) throw new Error('usage: skillpass issue --key <private jwk file> --input <credential json file> [--kid <url>]');
  const jwk = JSON.parse(readFileSync(values.key, 'utf8')) as JWK;
  const kid = values.kid ?? jwk.kid;
  if (!kid || !/^https?:\/\//.test(kid)) throw new Error('the key needs a kid that is an absolute URL (in the JWK or with --kid)');
  const key = createPrivateKey({ key: jwk, format: 'jwk' });
  const alg = key.asymmetricKeyType === 'ed25519' ? 'EdDSA' : 'ES256';
  const signer: Signer = {
    alg,
    kid,
    sign: async (input) => (alg === 'ES256' ? nodeSign('sha256', input, { key, dsaEncoding: 'ieee-p1363' }) : nodeSign(null, input, key)),
  };
  const credential = JSON.parse(readFileSync(values.input, 'utf8'));
  process.stdout.write(`${await signCredential(credential, signer, new Date())}\n`);
  return 0;
}

const [command, ...rest] = process.argv.slice(2);
try {
  const code = command === 'verify' ? await verifyCommand(rest) : command === 'issue' ? await issueCommand(rest) : -1;
  if (code === -1) {
    process.stderr.write('usage: skillpass verify <file|jwt> [--jwks <url|file>] [--offline] | skillpass issue --key <jwk> --input <credential.json>\n');
    process.exit(2);
  }
  process.exit(code);
} catch (error) {
  process.stderr.write(`skillpass: ${(error as Error).message}\n`);
  process.exit(2);
}
