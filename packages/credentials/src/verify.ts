import { createPublicKey, type KeyObject, verify as nodeVerify } from 'node:crypto';
import type { JWK } from 'jose';
import { missingEuMandatoryElements, statusEntriesOf, VC_CONTEXT, type VerifiableCredential } from './credential.ts';
import { allDataModelViolations, dataModelViolations, describeViolations } from './data-model-rules.ts';
import type { StatusPurpose } from './status-list.ts';

export type CheckResult = 'passed' | 'failed' | 'not_applicable';
export interface Check {
  result: CheckResult;
  message: string;
}
export const CHECK_NAMES = [
  'format',
  'signature',
  'keyResolution',
  'issuerTrusted',
  'validityWindow',
  'status',
  'euMandatoryElements',
] as const;
export type CheckName = (typeof CHECK_NAMES)[number];

export interface VerificationReport {
  verified: boolean;
  checks: Record<CheckName, Check>;
  credential?: VerifiableCredential;
}

export interface TrustedIssuer {
  id: string;
  name: string;
  /** The `kid`s this issuer signs with (current and retired). */
  keyIds: readonly string[];
  /** End of the accreditation that makes the issuer trusted; undefined = no expiry (the platform itself). */
  accreditedUntil?: string;
}

export interface VerifyDeps {
  resolveKey(kid: string): Promise<JWK | undefined>;
  issuer(issuerId: string): Promise<TrustedIssuer | undefined>;
  /** The credential's issuer is passed so that a status list published elsewhere can be checked against its keys. */
  statusOf(
    statusListCredential: string,
    index: number,
    purpose: StatusPurpose,
    issuer: TrustedIssuer | undefined,
  ): Promise<'set' | 'unset' | 'unknown'>;
}

/**
 * The state of each status entry of a credential (an object or an array of them): `set`, `unset`,
 * or `unknown` when its list cannot be read — never `unset` by default.
 */
export async function readStatusEntries(
  credentialStatus: unknown,
  statusOf: VerifyDeps['statusOf'],
  issuer: TrustedIssuer | undefined,
): Promise<Array<{ purpose: StatusPurpose; state: 'set' | 'unset' | 'unknown' }>> {
  return Promise.all(
    statusEntriesOf(credentialStatus).map(async (entry) => {
      const purpose: StatusPurpose = entry.statusPurpose === 'suspension' ? 'suspension' : 'revocation';
      const state =
        typeof entry.statusListCredential === 'string'
          ? await statusOf(entry.statusListCredential, Number(entry.statusListIndex), purpose, issuer).catch(
              () => 'unknown' as const,
            )
          : ('unknown' as const);
      return { purpose, state };
    }),
  );
}

/** Public keys by JWK: turning a JWK into a key is most of a verification's cost outside the signature itself. */
const publicKeys = new Map<string, KeyObject>();
function publicKeyOf(jwk: JWK): KeyObject {
  const cacheKey = JSON.stringify(jwk);
  let key = publicKeys.get(cacheKey);
  if (!key) {
    const { kty, crv, x, y } = jwk;
    key = createPublicKey({ key: { kty, crv, x, ...(y === undefined ? {} : { y }) }, format: 'jwk' });
    if (publicKeys.size > 1_000) publicKeys.clear();
    publicKeys.set(cacheKey, key);
  }
  return key;
}

/** How node:crypto checks each accepted JWS algorithm: the digest, and JOSE's raw r‖s signatures for ECDSA. */
const NODE_VERIFY: Record<string, { digest: string | null; dsaEncoding?: 'ieee-p1363' }> = {
  ES256: { digest: 'sha256', dsaEncoding: 'ieee-p1363' },
  ES384: { digest: 'sha384', dsaEncoding: 'ieee-p1363' },
  ES512: { digest: 'sha512', dsaEncoding: 'ieee-p1363' },
  EdDSA: { digest: null },
};

/**
 * Checks a compact JWS's signature (RFC 7515 §5.2) with node:crypto's one-shot verify, which is
 * synchronous and several times faster than WebCrypto through jose. The caller has checked the
 * algorithm against the key (ACCEPTED) and refused `crit`.
 */
export function signatureHolds(jws: string, jwk: JWK, alg: string): boolean {
  const how = NODE_VERIFY[alg];
  const dot = jws.lastIndexOf('.');
  const signature = jws.slice(dot + 1);
  if (!how || !/^[\w-]*$/.test(signature)) return false;
  const key = publicKeyOf(jwk);
  return nodeVerify(
    how.digest,
    Buffer.from(jws.slice(0, dot), 'latin1'),
    how.dsaEncoding ? { key, dsaEncoding: how.dsaEncoding } : key,
    Buffer.from(signature, 'base64url'),
  );
}

export const ACCEPTED: Record<string, (jwk: JWK) => boolean> = {
  ES256: (jwk) => jwk.kty === 'EC' && jwk.crv === 'P-256',
  ES384: (jwk) => jwk.kty === 'EC' && jwk.crv === 'P-384',
  ES512: (jwk) => jwk.kty === 'EC' && jwk.crv === 'P-521',
  EdDSA: (jwk) => jwk.kty === 'OKP' && jwk.crv === 'Ed25519',
};
const CLOCK_SKEW_SECONDS = 60;

/** Types that make a document a status list: it says which credentials are revoked, it certifies nothing. */
export const STATUS_LIST_TYPES = ['BitstringStatusListCredential', 'StatusList2021Credential'] as const;
/** The credentials that certify an achievement: what skillpass issues, imports and reports skills from. */
export const ACHIEVEMENT_TYPES = ['OpenBadgeCredential', 'AchievementCredential'] as const;

export interface VerifyOptions {
  /** When given, the credential must have one of these types (checked under `format`). Status lists are refused always. */
  acceptTypes?: readonly string[];
  /**
   * Also check that every JSON-LD term of a vc+jwt's payload is defined by a context (VC DM 2.0). Loads the
   * JSON-LD libraries on first use; every verifier of the platform sets it (a Data Integrity credential is
   * always expanded in safe mode anyway).
   */
  checkTerms?: boolean;
}

/**
 * The term rule's verdict per JWS payload: expanding JSON-LD costs milliseconds, and the same credential is
 * verified again and again (its verify page, a held credential), while its signed payload never changes.
 */
const termVerdicts = new Map<string, string | undefined>();
async function undefinedTermsProblem(encodedPayload: string, payload: Record<string, unknown>) {
  if (termVerdicts.has(encodedPayload)) return termVerdicts.get(encodedPayload);
  const credentialOnly = Object.fromEntries(Object.entries(payload).filter(([name]) => !JWT_CLAIMS.has(name)));
  const violations = await allDataModelViolations(credentialOnly);
  const problem =
    violations.length > 0 ? `Not a valid VC 2.0 credential: ${describeViolations(violations)}.` : undefined;
  if (termVerdicts.size >= 1_000) termVerdicts.clear();
  termVerdicts.set(encodedPayload, problem);
  return problem;
}

/** Claims a vc+jwt adds beside the credential (RFC 7519): not JSON-LD terms of the credential itself. */
const JWT_CLAIMS = new Set(['iss', 'jti', 'sub', 'nbf', 'iat', 'exp', 'aud', 'cnf']);

/** Why the payload is not a VC 2.0 credential secured as vc+jwt for the purpose asked, or undefined when it is. */
function formatProblem(
  header: Record<string, unknown>,
  payload: Record<string, unknown>,
  options: VerifyOptions,
): string | undefined {
  const contexts = Array.isArray(payload['@context']) ? payload['@context'] : [];
  const types: unknown[] = Array.isArray(payload.type) ? payload.type : [];
  const issuerId =
    typeof payload.issuer === 'string' ? payload.issuer : (payload.issuer as { id?: unknown } | undefined)?.id;
  if (header.typ !== 'vc+jwt') return `The JWS typ must be vc+jwt, got ${String(header.typ)}.`;
  if (header.cty !== undefined && header.cty !== 'vc')
    return `The JWS cty must be vc when present, got ${String(header.cty)}.`;
  if (contexts[0] !== VC_CONTEXT) return `The first @context must be ${VC_CONTEXT}.`;
  if (!types.includes('VerifiableCredential')) return 'type must include VerifiableCredential.';
  if (typeof issuerId !== 'string' || typeof payload.credentialSubject !== 'object')
    return 'issuer and credentialSubject are required.';
  // VC-JOSE-COSE secures the credential itself; a vc or vp claim is the older VC-JWT shape, which means something else.
  if ('vc' in payload || 'vp' in payload)
    return 'The payload carries a vc or vp claim: VC-JOSE-COSE secures the credential itself, not a claim wrapping it.';
  if (payload.iss !== undefined && payload.iss !== issuerId)
    return `The JWT iss (${String(payload.iss)}) is not the credential's issuer (${issuerId}).`;
  if (types.some((t) => (STATUS_LIST_TYPES as readonly unknown[]).includes(t)))
    return 'This is a status list, not a credential that certifies anything.';
  if (options.acceptTypes && !types.some((t) => options.acceptTypes!.includes(String(t))))
    return `Not a credential accepted here: type must include one of ${options.acceptTypes.join(', ')}.`;
  const violations = dataModelViolations(payload);
  if (violations.length > 0) return `Not a valid VC 2.0 credential: ${describeViolations(violations)}.`;
  return undefined;
}

/** Accepts a compact JWS, `{ "jwt": "…" }` or an EnvelopedVerifiableCredential. */
export function compactJwsOf(input: unknown): string | undefined {
  if (typeof input === 'string') return input.trim();
  if (input && typeof input === 'object') {
    const record = input as Record<string, unknown>;
    if (typeof record.jwt === 'string') return record.jwt.trim();
    const types = Array.isArray(record.type) ? record.type : [record.type];
    if (types.includes('EnvelopedVerifiableCredential') && typeof record.id === 'string') {
      const match = /^data:application\/vc\+jwt,(.+)$/.exec(record.id);
      return match?.[1];
    }
  }
  return undefined;
}

export const decodeJson = (part: string): Record<string, unknown> => {
  const value = JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as unknown;
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error('not a JSON object');
  return value as Record<string, unknown>;
};

/**
 * The payload of a compact JWS signed by one of `keyIds`, or undefined: for documents a credential
 * points at, such as the status list its issuer publishes. Never throws on bad input.
 */
export async function verifiedJwsPayload(
  jws: string,
  keyIds: readonly string[],
  resolveKey: (kid: string) => Promise<JWK | undefined>,
): Promise<{ payload: Record<string, unknown>; kid: string } | undefined> {
  const parts = jws.split('.');
  if (parts.length !== 3) return undefined;
  try {
    const header = decodeJson(parts[0]!);
    const alg = typeof header.alg === 'string' ? header.alg : '';
    const kid = typeof header.kid === 'string' ? header.kid : '';
    const accepts = ACCEPTED[alg];
    if (!accepts || header.crit !== undefined || !keyIds.includes(kid)) return undefined;
    const jwk = await resolveKey(kid);
    if (!jwk || !accepts(jwk) || !signatureHolds(jws, jwk, alg)) return undefined;
    return { payload: decodeJson(parts[1]!), kid };
  } catch {
    return undefined;
  }
}

/** Verifies a credential and says, check by check, what holds. Never throws on bad input. */
export async function verifyCredential(
  input: unknown,
  deps: VerifyDeps,
  now: Date = new Date(),
  options: VerifyOptions = {},
): Promise<VerificationReport> {
  const checks = Object.fromEntries(
    CHECK_NAMES.map((name) => [name, { result: 'not_applicable', message: 'not reached' }]),
  ) as Record<CheckName, Check>;
  const fail = (name: CheckName, message: string) => {
    checks[name] = { result: 'failed', message };
  };
  const pass = (name: CheckName, message: string) => {
    checks[name] = { result: 'passed', message };
  };
  const report = (credential?: VerifiableCredential): VerificationReport => ({
    verified: CHECK_NAMES.every((name) => checks[name].result !== 'failed') && checks.signature.result === 'passed',
    checks,
    ...(credential ? { credential } : {}),
  });

  const jws = compactJwsOf(input);
  const parts = jws?.split('.') ?? [];
  if (!jws || parts.length !== 3) {
    fail('format', 'Not a compact JWS (three base64url parts), {"jwt": …} or an EnvelopedVerifiableCredential.');
    return report();
  }
  let header: Record<string, unknown>;
  let payload: Record<string, unknown>;
  try {
    header = decodeJson(parts[0]!);
    payload = decodeJson(parts[1]!);
  } catch {
    fail('format', 'The JWS header or payload is not base64url-encoded JSON.');
    return report();
  }
  const credential = payload as unknown as VerifiableCredential;
  const issuerId =
    typeof payload.issuer === 'string' ? payload.issuer : (payload.issuer as { id?: unknown } | undefined)?.id;
  let problem = formatProblem(header, payload, options);
  if (!problem && options.checkTerms) problem = await undefinedTermsProblem(parts[1]!, payload);
  if (problem) fail('format', problem);
  else pass('format', 'A VC 2.0 credential secured as vc+jwt.');

  const alg = typeof header.alg === 'string' ? header.alg : '';
  const kid = typeof header.kid === 'string' ? header.kid : '';
  const accepts = ACCEPTED[alg];
  if (!accepts) {
    fail('signature', `Algorithm ${alg || '(none)'} is not accepted; only ES256, ES384, ES512 and EdDSA are.`);
  } else if (header.crit !== undefined) {
    fail('signature', `Unknown critical header parameters: ${JSON.stringify(header.crit)}.`);
  }
  const issuer = typeof issuerId === 'string' ? await deps.issuer(issuerId).catch(() => undefined) : undefined;
  let jwk: JWK | undefined;
  if (!kid) fail('keyResolution', 'The JWS header names no kid.');
  else {
    jwk = await deps.resolveKey(kid).catch(() => undefined);
    if (!jwk) fail('keyResolution', `No public key is published at ${kid}.`);
    else if (issuer && !issuer.keyIds.includes(kid)) {
      fail('keyResolution', `${kid} is not one of ${issuer.name}'s keys.`);
      jwk = undefined;
    } else pass('keyResolution', `Public key ${kid} resolved.`);
  }
  if (accepts && header.crit === undefined && jwk) {
    if (!accepts(jwk)) fail('signature', `The key at ${kid} does not fit algorithm ${alg}.`);
    else {
      let holds = false;
      try {
        holds = signatureHolds(jws, jwk, alg);
      } catch {
        // A key that cannot be built or a malformed signature: the signature does not hold.
      }
      if (holds) pass('signature', `${alg} signature is valid.`);
      else fail('signature', 'The signature does not match the credential: it was altered or signed by another key.');
    }
  } else if (checks.signature.result === 'not_applicable') {
    fail('signature', 'The signature could not be checked without a trusted key.');
  }

  await checkTrustValidityStatusAndElements(payload, issuer, checks, deps, now);
  return report(credential);
}

/**
 * The checks every securing shares once the signature is settled: the issuer's trust, the validity
 * window, the status entries (read only after a valid signature) and the EU elements. Used for
 * vc+jwt here and for Data Integrity credentials (data-integrity/verify-credential.ts).
 */
export async function checkTrustValidityStatusAndElements(
  payload: Record<string, unknown>,
  issuer: TrustedIssuer | undefined,
  checks: Record<CheckName, Check>,
  deps: VerifyDeps,
  now: Date,
): Promise<void> {
  const fail = (name: CheckName, message: string) => {
    checks[name] = { result: 'failed', message };
  };
  const pass = (name: CheckName, message: string) => {
    checks[name] = { result: 'passed', message };
  };
  const issuerId =
    typeof payload.issuer === 'string' ? payload.issuer : (payload.issuer as { id?: unknown } | undefined)?.id;
  const types = Array.isArray(payload.type) ? payload.type : [];
  const credential = payload as unknown as VerifiableCredential;
  if (!issuer) fail('issuerTrusted', `${String(issuerId)} is not on the trust list.`);
  else if (issuer.accreditedUntil && issuer.accreditedUntil < now.toISOString().slice(0, 10)) {
    fail('issuerTrusted', `${issuer.name}'s accreditation ended on ${issuer.accreditedUntil}.`);
  } else
    pass(
      'issuerTrusted',
      `${issuer.name} is trusted${issuer.accreditedUntil ? ` and accredited until ${issuer.accreditedUntil}` : ''}.`,
    );

  const at = now.getTime() / 1000;
  // validFrom is optional in VC DM 2.0: without it (and without nbf) the credential is valid from the start.
  const from =
    typeof payload.validFrom === 'string'
      ? Date.parse(payload.validFrom) / 1000
      : typeof payload.issuanceDate === 'string'
        ? Date.parse(payload.issuanceDate) / 1000
        : Number(payload.nbf ?? Number.NEGATIVE_INFINITY);
  const until =
    typeof payload.validUntil === 'string'
      ? Date.parse(payload.validUntil) / 1000
      : typeof payload.expirationDate === 'string'
        ? Date.parse(payload.expirationDate) / 1000
        : Number(payload.exp ?? Number.POSITIVE_INFINITY);
  if (Number.isNaN(from) || Number.isNaN(until)) fail('validityWindow', 'validFrom or validUntil is not a date-time.');
  else if (at + CLOCK_SKEW_SECONDS < from)
    fail('validityWindow', `Not valid before ${new Date(from * 1000).toISOString()}.`);
  else if (at - CLOCK_SKEW_SECONDS > until)
    fail('validityWindow', `Expired on ${new Date(until * 1000).toISOString()}.`);
  else
    pass(
      'validityWindow',
      Number.isFinite(until) ? `Valid until ${new Date(until * 1000).toISOString()}.` : 'Valid, with no expiry.',
    );

  const entries = statusEntriesOf(payload.credentialStatus);
  if (entries.length === 0)
    checks.status = { result: 'not_applicable', message: 'The credential has no status entry.' };
  else if (checks.signature.result !== 'passed') {
    // An unauthenticated credential's status URLs are the sender's choice: following them would let anyone make this server fetch any URL.
    checks.status = { result: 'not_applicable', message: 'Not checked: the signature is not valid.' };
  } else {
    const read = await readStatusEntries(payload.credentialStatus, deps.statusOf, issuer);
    const states = read
      .filter((r) => r.state === 'set')
      .map((r) => (r.purpose === 'revocation' ? 'revoked' : 'suspended'));
    const unread = read.filter((r) => r.state === 'unknown').map((r) => r.purpose);
    const sentences = [
      ...(states.length > 0 ? [`The credential is ${states.join(' and ')}.`] : []),
      ...(unread.length > 0 ? [`Its ${unread.join(' and ')} status could not be read.`] : []),
    ];
    if (sentences.length > 0) fail('status', sentences.join(' '));
    else pass('status', 'Neither revoked nor suspended.');
  }

  if (!types.includes('OpenBadgeCredential')) {
    checks.euMandatoryElements = { result: 'not_applicable', message: 'Not a micro-credential.' };
  } else {
    const missing = missingEuMandatoryElements(credential);
    if (missing.length > 0) fail('euMandatoryElements', `Missing EU mandatory elements: ${missing.join(', ')}.`);
    else pass('euMandatoryElements', 'All eleven EU mandatory elements are present.');
  }
}
