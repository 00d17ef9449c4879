#!/usr/bin/env -S npx tsx
/**
 * skillpass verify <file|jwt|verifyUrl> [--jwks <url|file> | --did <did:web:…>] [--offline] [--allow-loopback-http] [--json]
 * skillpass issue --key <private jwk file> --input <credential json file> [--kid <url|did url>]
 *   exit 0 signed (the JWS on stdout), 1 the credential breaks VC DM 2.0 rules (listed on stderr), 2 bad usage
 */
import { createPrivateKey, sign as nodeSign } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { JWK } from 'jose';
import { didKeyJwk } from './data-integrity/multikey.ts';
import { isDataIntegrityCredential, issuerIdOf, verifySecuredCredential } from './data-integrity/verify-credential.ts';
import { allDataModelViolations } from './data-model-rules.ts';
import { DidWebResolver, keysFromDocument } from './did-web.ts';
import { signCredential } from './jws.ts';
import type { Signer } from './signer.ts';
import { RemoteStatusLists } from './remote-status.ts';
import { CHECK_NAMES, compactJwsOf, type TrustedIssuer, type VerificationReport } from './verify.ts';

/** A file, a compact JWS, JSON, or a pasted verify link (`…/verify#<jwt>`); a path that names nothing is a usage error. */
function readArg(value: string): string {
  if (existsSync(value)) return readFileSync(value, 'utf8').trim();
  const link = /^https?:\/\/[^#\s]+\/verify#(.+)$/.exec(value.trim());
  if (link?.[1]?.startsWith('id='))
    throw new Error('a verify#id= link names a credential stored on its platform: open it in a browser');
  if (link) return decodeURIComponent(link[1]!);
  if (/^[\w-]+\.[\w-]+\.[\w-]*$/.test(value.trim()) || value.trim().startsWith('{')) return value.trim();
  throw new Error(`no such file: ${value}`);
}

const fetchableUrl = (url: string, loopback: boolean) =>
  /^https:\/\//.test(url) || (loopback && /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?\//.test(url));

async function loadJwks(source: string): Promise<JWK[]> {
  const text = /^https?:\/\//.test(source) ? await (await fetch(source)).text() : readFileSync(source, 'utf8');
  const parsed = JSON.parse(text) as { keys?: JWK[] } & JWK;
  return parsed.keys ?? [parsed];
}

export function formatReport(report: VerificationReport, anchor?: string): string {
  const mark = { passed: '✔', failed: '✘', not_applicable: '–' } as const;
  const lines = [report.verified ? 'VERIFIED' : 'NOT VERIFIED', ...(anchor ? [`  trust anchor: ${anchor}`] : [])];
  for (const name of CHECK_NAMES)
    lines.push(`  ${mark[report.checks[name].result]} ${name.padEnd(20)} ${report.checks[name].message}`);
  return lines.join('\n');
}

const VERIFY_USAGE =
  'usage: skillpass verify <file|jwt|verifyUrl> [--jwks <url|file> | --did <did:web:…>] [--offline] [--allow-loopback-http] [--json]';

interface Anchor {
  resolveKey: (kid: string) => Promise<JWK | undefined>;
  issuer: (id: string) => Promise<TrustedIssuer | undefined>;
  /** Said to the user, so they know whom a VERIFIED vouches for. */
  description: string;
}

const fetchJwk = async (kid: string) =>
  (await fetch(kid, { signal: AbortSignal.timeout(5_000) })).json() as Promise<JWK>;

/** The DID's document is the anchor: only keys it lists under assertionMethod may sign. */
async function didAnchor(did: string): Promise<Anchor> {
  const didKeys = await new DidWebResolver().keysOf(did);
  if (!didKeys) throw new Error(`could not read a DID document for ${did} (did:web only, served over https)`);
  return {
    resolveKey: async (kid) => didKeys.keys.find((k) => k.kid === kid),
    issuer: async (id) => (id === did ? { id, name: did, keyIds: didKeys.assertionKeyIds } : undefined),
    description: `the DID document of ${did}`,
  };
}

/**
 * With no --jwks or --did, the credential's own issuer is the anchor: its did:web document, or — for an
 * https issuer id — keys published under the same origin. That proves who published it, not that anyone accredits them.
 */
async function issuerAnchor(input: unknown, loopback: boolean): Promise<Anchor | undefined> {
  if (isDataIntegrityCredential(input)) return dataIntegrityIssuerAnchor(input, loopback);
  const jws = compactJwsOf(input) ?? '';
  try {
    const [header, payload] = jws
      .split('.')
      .slice(0, 2)
      .map((part) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')));
    const issuerId: unknown = typeof payload.issuer === 'string' ? payload.issuer : payload.issuer?.id;
    const kid: unknown = header.kid;
    if (typeof issuerId !== 'string' || typeof kid !== 'string') return undefined;
    if (issuerId.startsWith('did:web:')) return await didAnchor(issuerId);
    if (!fetchableUrl(issuerId, loopback)) return undefined;
    const origin = new URL(issuerId).origin;
    const sameOrigin = (url: string) => fetchableUrl(url, loopback) && new URL(url).origin === origin;
    return {
      resolveKey: async (k) => (sameOrigin(k) ? fetchJwk(k) : undefined),
      issuer: async (id) => (id === issuerId && sameOrigin(kid) ? { id, name: origin, keyIds: [kid] } : undefined),
      description: `the issuer's own origin ${origin} (keys and status lists published there; not an accreditation)`,
    };
  } catch {
    return undefined;
  }
}

/** The keys given with --jwks are the anchor: the credential's issuer is trusted for them. */
async function jwksAnchor(source: string, offline: boolean, loopback: boolean): Promise<Anchor> {
  const keys = await loadJwks(source);
  return {
    resolveKey: async (kid) =>
      keys.find((k) => k.kid === kid) ?? (offline || !fetchableUrl(kid, loopback) ? undefined : fetchJwk(kid)),
    issuer: async (id) => ({ id, name: id, keyIds: keys.flatMap((k) => (k.kid ? [k.kid] : [])) }),
    description: `the keys in ${source}`,
  };
}

/**
 * The same for a Data Integrity credential: a did:key issuer is its own key; a did:web issuer's DID
 * document, or an https issuer's controller document (its id, same origin), lists the Multikey
 * verification methods it asserts with.
 */
async function dataIntegrityIssuerAnchor(
  document: Record<string, unknown>,
  loopback: boolean,
): Promise<Anchor | undefined> {
  const issuerId = issuerIdOf(document);
  if (!issuerId) return undefined;
  if (issuerId.startsWith('did:web:')) return didAnchor(issuerId);
  if (issuerId.startsWith('did:key:')) {
    const method = `${issuerId}#${issuerId.slice('did:key:'.length)}`;
    return {
      resolveKey: async (id) => (id === method ? didKeyJwk(id) : undefined),
      issuer: async (id) => (id === issuerId ? { id, name: issuerId, keyIds: [method] } : undefined),
      description: `the key ${issuerId} itself (a did:key proves who signed, not that anyone accredits them)`,
    };
  }
  if (!fetchableUrl(issuerId, loopback)) return undefined;
  const controller = await fetch(issuerId, {
    headers: { accept: 'application/ld+json, application/json' },
    signal: AbortSignal.timeout(5_000),
  })
    .then((r) => r.json() as Promise<unknown>)
    .catch(() => undefined);
  const keys = keysFromDocument(issuerId, controller);
  if (!keys) return undefined;
  return {
    resolveKey: async (id) => keys.keys.find((k) => k.kid === id),
    issuer: async (id) =>
      id === issuerId ? { id, name: new URL(issuerId).origin, keyIds: keys.assertionKeyIds } : undefined,
    description: `the issuer's own controller document ${issuerId} (keys and status lists published there; not an accreditation)`,
  };
}

async function trustAnchor(
  values: {
    jwks?: string | undefined;
    did?: string | undefined;
    offline?: boolean | undefined;
    'allow-loopback-http'?: boolean | undefined;
  },
  input: unknown,
): Promise<Anchor> {
  const loopback = values['allow-loopback-http'] ?? false;
  if (values.did) {
    if (values.jwks) throw new Error(`give --jwks or --did, not both\n${VERIFY_USAGE}`);
    if (values.offline) throw new Error('--did reads the DID document over https; offline, give its keys with --jwks');
    return didAnchor(values.did);
  }
  if (values.jwks) return jwksAnchor(values.jwks, values.offline ?? false, loopback);
  if (values.offline) throw new Error("offline, give the issuer's keys with --jwks");
  const own = await issuerAnchor(input, loopback);
  if (!own)
    throw new Error(
      'the credential names no issuer whose keys can be fetched (https or did:web): give --jwks or --did',
    );
  return own;
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
      'allow-loopback-http': { type: 'boolean', default: false },
    },
  });
  if (positionals.length !== 1) throw new Error(VERIFY_USAGE);
  const text = readArg(positionals[0]!);
  const input: unknown = text.startsWith('{') ? JSON.parse(text) : text;
  const { resolveKey, issuer, description } = await trustAnchor(values, input);
  // Status lists are believed only when signed by one of the issuer's keys.
  const statusLists = new RemoteStatusLists(resolveKey, { allowLoopbackHttp: values['allow-loopback-http'] });
  const report = await verifySecuredCredential(
    input,
    {
      resolveKey,
      issuer,
      statusOf: async (url, index, purpose, trusted) =>
        values.offline ? 'unset' : statusLists.statusOf(url, index, purpose, trusted),
    },
    new Date(),
    // Every VC DM 2.0 rule, the JSON-LD one too: the CLI is no cold path.
    { checkTerms: true },
  );
  if (values.offline && report.checks.status.result !== 'not_applicable') {
    report.checks.status = { result: 'not_applicable', message: 'Not checked: --offline.' };
  }
  process.stdout.write(
    `${values.json ? JSON.stringify({ ...report, trustAnchor: description }, null, 2) : formatReport(report, description)}\n`,
  );
  return report.verified ? 0 : 1;
}

/** The JWS algorithm a key's type and curve call for: a P-384 key signing as ES256 makes a token no verifier accepts. */
function algorithmOf(jwk: JWK): Signer['alg'] {
  const byCurve: Record<string, Signer['alg']> = {
    'P-256': 'ES256',
    'P-384': 'ES384',
    'P-521': 'ES512',
    Ed25519: 'EdDSA',
  };
  const alg = (jwk.kty === 'EC' || jwk.kty === 'OKP') && jwk.crv ? byCurve[jwk.crv] : undefined;
  if (!alg)
    throw new Error(
      `the key must be EC P-256, P-384 or P-521, or OKP Ed25519; got kty ${jwk.kty} ${jwk.crv ?? ''}`.trim(),
    );
  return alg;
}

async function issueCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { key: { type: 'string' }, input: { type: 'string' }, kid: { type: 'string' } },
  });
  if (!values.key || !values.input)
    throw new Error(
      'usage: skillpass issue --key <private jwk file> --input <credential json file> [--kid <url|did url>]',
    );
  const jwk = JSON.parse(readFileSync(values.key, 'utf8')) as JWK;
  const kid = values.kid ?? jwk.kid;
  // Verifiers find the key from its kid: a URL serving the JWK, or a did:web DID URL.
  if (!kid || !/^(https?:\/\/|did:web:[^#]+#.)/.test(kid))
    throw new Error('the key needs a kid that is an absolute URL or a did:web DID URL (in the JWK or with --kid)');
  const key = createPrivateKey({ key: jwk, format: 'jwk' });
  const alg = algorithmOf(jwk);
  const hash = alg === 'EdDSA' ? null : `sha${alg.slice(2)}`;
  const signer: Signer = {
    alg,
    kid,
    sign: async (input) =>
      hash ? nodeSign(hash, input, { key, dsaEncoding: 'ieee-p1363' }) : nodeSign(null, input, key),
  };
  const credential = JSON.parse(readFileSync(values.input, 'utf8')) as unknown;
  // Only a conforming credential is signed: a signature would lend a broken document authority it should not have.
  const violations = await allDataModelViolations(credential);
  if (violations.length > 0) {
    process.stderr.write(
      `skillpass: not signed: ${values.input} breaks ${violations.length} VC Data Model 2.0 rule(s):\n${violations
        .map((v) => `  - ${v.path || '(credential)'}: ${v.message}`)
        .join('\n')}\n`,
    );
    return 1;
  }
  process.stdout.write(
    `${await signCredential(credential as Parameters<typeof signCredential>[0], signer, new Date())}\n`,
  );
  return 0;
}

const [command, ...rest] = process.argv.slice(2);
try {
  const code = command === 'verify' ? await verifyCommand(rest) : command === 'issue' ? await issueCommand(rest) : -1;
  if (code === -1) {
    process.stderr.write(
      `${VERIFY_USAGE}\n       skillpass issue --key <jwk> --input <credential.json> [--kid <url|did url>]\n`,
    );
    process.exit(2);
  }
  process.exit(code);
} catch (error) {
  process.stderr.write(`skillpass: ${(error as Error).message}\n`);
  process.exit(2);
}
