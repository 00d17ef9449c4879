#!/usr/bin/env -S npx tsx
/**
 * skillpass verify <file|jwt> [--jwks <url|file> | --did <did:web:…>] [--offline] [--json]
 * skillpass issue --key <private jwk file> --input <credential json file> [--kid <url|did url>]
 */
import { createPrivateKey, sign as nodeSign } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { JWK } from 'jose';
import { DidWebResolver } from './did-web.ts';
import { signCredential } from './jws.ts';
import type { Signer } from './signer.ts';
import { RemoteStatusLists } from './remote-status.ts';
import { CHECK_NAMES, type TrustedIssuer, type VerificationReport, verifyCredential } from './verify.ts';

const readArg = (value: string) => (existsSync(value) ? readFileSync(value, 'utf8').trim() : value.trim());

async function loadJwks(source: string): Promise<JWK[]> {
  const text = /^https?:\/\//.test(source) ? await (await fetch(source)).text() : readFileSync(source, 'utf8');
  const parsed = JSON.parse(text) as { keys?: JWK[] } & JWK;
  return parsed.keys ?? [parsed];
}

export function formatReport(report: VerificationReport): string {
  const mark = { passed: '✔', failed: '✘', not_applicable: '–' } as const;
  const lines = [report.verified ? 'VERIFIED' : 'NOT VERIFIED'];
  for (const name of CHECK_NAMES)
    lines.push(`  ${mark[report.checks[name].result]} ${name.padEnd(20)} ${report.checks[name].message}`);
  return lines.join('\n');
}

const VERIFY_USAGE = 'usage: skillpass verify <file|jwt> [--jwks <url|file> | --did <did:web:…>] [--offline] [--json]';

/**
 * The issuer the user trusts, and how to find its keys: the keys given with --jwks, or those a did:web
 * DID document lists under assertionMethod. Without either, keys are fetched from their kid URLs but
 * no issuer is trusted.
 */
async function trustAnchor(values: {
  jwks?: string | undefined;
  did?: string | undefined;
  offline?: boolean | undefined;
}): Promise<{
  resolveKey: (kid: string) => Promise<JWK | undefined>;
  issuer: (id: string) => Promise<TrustedIssuer | undefined>;
}> {
  if (values.did) {
    if (values.jwks) throw new Error(`give --jwks or --did, not both\n${VERIFY_USAGE}`);
    if (values.offline) throw new Error('--did reads the DID document over https; offline, give its keys with --jwks');
    const did = values.did;
    const didKeys = await new DidWebResolver().keysOf(did);
    if (!didKeys) throw new Error(`could not read a DID document for ${did} (did:web only, served over https)`);
    return {
      resolveKey: async (kid) => didKeys.keys.find((k) => k.kid === kid),
      issuer: async (id) => (id === did ? { id, name: did, keyIds: didKeys.assertionKeyIds } : undefined),
    };
  }
  const keys = values.jwks ? await loadJwks(values.jwks) : [];
  return {
    resolveKey: async (kid) =>
      keys.find((k) => k.kid === kid) ??
      (values.offline || !/^https?:\/\//.test(kid) ? undefined : ((await (await fetch(kid)).json()) as JWK)),
    // The keys the user supplied are the trust anchor: the credential's issuer is trusted for them.
    issuer: async (id) => (keys.length > 0 ? { id, name: id, keyIds: keys.flatMap((k) => (k.kid ? [k.kid] : [])) } : undefined),
  };
}

async function verifyCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      jwks: { type: 'string' },
      did: { type: 'string' },
      offline: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
  });
  if (positionals.length !== 1) throw new Error(VERIFY_USAGE);
  const input = readArg(positionals[0]!);
  const { resolveKey, issuer } = await trustAnchor(values);
  // Status lists are believed only when signed by one of the issuer's keys.
  const statusLists = new RemoteStatusLists(resolveKey, { allowLoopbackHttp: true });
  const report = await verifyCredential(input.startsWith('{') ? JSON.parse(input) : input, {
    resolveKey,
    issuer,
    statusOf: async (url, index, purpose, trusted) =>
      values.offline ? 'unset' : statusLists.statusOf(url, index, purpose, trusted),
  });
  if (values.offline && report.checks.status.result !== 'not_applicable') {
    report.checks.status = { result: 'not_applicable', message: 'Not checked: --offline.' };
  }
  process.stdout.write(`${values.json ? JSON.stringify(report, null, 2) : formatReport(report)}\n`);
  return report.verified ? 0 : 1;
}

async function issueCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { key: { type: 'string' }, input: { type: 'string' }, kid: { type: 'string' } },
  });
  if (!values.key || !values.input)
    throw new Error('usage: skillpass issue --key <private jwk file> --input <credential json file> [--kid <url|did url>]');
  const jwk = JSON.parse(readFileSync(values.key, 'utf8')) as JWK;
  const kid = values.kid ?? jwk.kid;
  // Verifiers find the key from its kid: a URL serving the JWK, or a did:web DID URL.
  if (!kid || !/^(https?:\/\/|did:web:[^#]+#.)/.test(kid))
    throw new Error('the key needs a kid that is an absolute URL or a did:web DID URL (in the JWK or with --kid)');
  const key = createPrivateKey({ key: jwk, format: 'jwk' });
  const alg = key.asymmetricKeyType === 'ed25519' ? 'EdDSA' : 'ES256';
  const signer: Signer = {
    alg,
    kid,
    sign: async (input) =>
      alg === 'ES256' ? nodeSign('sha256', input, { key, dsaEncoding: 'ieee-p1363' }) : nodeSign(null, input, key),
  };
  const credential = JSON.parse(readFileSync(values.input, 'utf8'));
  process.stdout.write(`${await signCredential(credential, signer, new Date())}\n`);
  return 0;
}

const [command, ...rest] = process.argv.slice(2);
try {
  const code = command === 'verify' ? await verifyCommand(rest) : command === 'issue' ? await issueCommand(rest) : -1;
  if (code === -1) {
    process.stderr.write(`${VERIFY_USAGE}\n       skillpass issue --key <jwk> --input <credential.json> [--kid <url|did url>]\n`);
    process.exit(2);
  }
  process.exit(code);
} catch (error) {
  process.stderr.write(`skillpass: ${(error as Error).message}\n`);
  process.exit(2);
}
