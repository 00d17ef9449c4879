import type { JWK } from 'jose';
import { VC_CONTEXT } from './credential.ts';
import { isUrl } from './data-model-rules.ts';
import { didJwkJwk, didKeyJwk } from './data-integrity/multikey.ts';
import { ACCEPTED, type Check, decodeJson, signatureHolds, type VerificationReport } from './verify.ts';

/**
 * Verifiable presentations (VC DM 2.0): a holder wraps credentials and signs the whole for one
 * verifier's challenge and domain. Two securings: `vp+jwt` (VC-JOSE-COSE; a compact JWS or an
 * EnvelopedVerifiablePresentation, `nonce` = challenge, `aud` = domain) and Data Integrity with an
 * `authentication` proof carrying `challenge` and `domain`. The holder is a DID whose keys the verifier
 * can read: `did:key` and `did:jwk` name their one key themselves (no look-up); a `did:web` holder's
 * keys come from `PresentationDeps.holderKeys` (the platform's trust list), never from a URL the
 * presentation chooses.
 */

export const PRESENTATION_CHECK_NAMES = ['format', 'proof', 'challenge', 'domain', 'credentials'] as const;
export type PresentationCheckName = (typeof PRESENTATION_CHECK_NAMES)[number];

export interface PresentationReport {
  verified: boolean;
  checks: Record<PresentationCheckName, Check>;
  holder?: string;
  /** One report per credential inside, in order. */
  credentials: VerificationReport[];
}

export interface PresentationOptions {
  /** What the verifier asked the holder to sign; without one, a presentation could be replayed. */
  challenge?: string;
  domain?: string;
}

/** The keys a holder DID may authenticate with: method ids (DID URLs), and each one's public key. */
export interface HolderKeys {
  authenticationMethods: readonly string[];
  keyOf(methodId: string): JWK | undefined;
}

export interface PresentationDeps {
  /** Verifies one credential inside (any securing), with the verifier's trust list. */
  verifyCredential(credential: unknown): Promise<VerificationReport>;
  /** Keys of holders beyond did:key and did:jwk (a did:web on the trust list); undefined when unknown. */
  holderKeys?(holder: string): Promise<HolderKeys | undefined>;
  now: Date;
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => !!value && typeof value === 'object' && !Array.isArray(value);
const passed = (message: string): Check => ({ result: 'passed', message });
const failed = (message: string): Check => ({ result: 'failed', message });
const notApplicable = (message: string): Check => ({ result: 'not_applicable', message });

/** Accepts a compact JWS, `{ "jwt" }`, an EnvelopedVerifiablePresentation, or a Data Integrity presentation. */
export function presentationJwsOf(input: unknown): string | undefined {
  if (typeof input === 'string') return input.trim();
  if (!isObject(input)) return undefined;
  if (typeof input.jwt === 'string') return input.jwt.trim();
  const types = Array.isArray(input.type) ? input.type : [input.type];
  if (types.includes('EnvelopedVerifiablePresentation') && typeof input.id === 'string')
    return /^data:application\/vp\+jwt,(.+)$/.exec(input.id)?.[1];
  return undefined;
}

const holderIdOf = (vp: Json): string | undefined => {
  const holder = isObject(vp.holder) ? vp.holder.id : vp.holder;
  return isUrl(holder) ? holder : undefined;
};

/** The keys of a holder identified by its key itself: did:key (`did:key:z…#z…`) and did:jwk (`did:jwk:…#0`). */
export function selfDescribingHolderKeys(holder: string): HolderKeys | undefined {
  if (holder.includes('#')) return undefined;
  if (holder.startsWith('did:key:') && didKeyJwk(holder))
    return { authenticationMethods: [`${holder}#${holder.slice('did:key:'.length)}`], keyOf: didKeyJwk };
  if (holder.startsWith('did:jwk:') && didJwkJwk(holder))
    return { authenticationMethods: [`${holder}#0`], keyOf: didJwkJwk };
  return undefined;
}

async function holderKeysOf(holder: string, deps: PresentationDeps): Promise<HolderKeys | undefined> {
  return (
    selfDescribingHolderKeys(holder) ??
    (holder.startsWith('did:web:') ? await deps.holderKeys?.(holder).catch(() => undefined) : undefined)
  );
}

/** Why the unsecured presentation is not one, or undefined. */
function formatProblem(vp: Json): string | undefined {
  const contexts = Array.isArray(vp['@context']) ? vp['@context'] : [vp['@context']];
  const types = Array.isArray(vp.type) ? vp.type : [vp.type];
  if (contexts[0] !== VC_CONTEXT) return `The first @context must be ${VC_CONTEXT}.`;
  if (!types.includes('VerifiablePresentation')) return 'type must include VerifiablePresentation.';
  if (!holderIdOf(vp)) return 'holder must be a URL (a DID) or an object with one as id.';
  return undefined;
}

/** Why the holder's keys cannot be read, for the proof check. */
const unresolvedHolder = (holder: string) =>
  `The holder ${holder} could not be resolved: holders are did:key or did:jwk DIDs, or did:web DIDs on this platform's trust list.`;

/** The credentials a presentation carries, each as the verifier reads it (an envelope or a secured credential). */
const credentialsOf = (vp: Json): unknown[] =>
  Array.isArray(vp.verifiableCredential)
    ? vp.verifiableCredential
    : vp.verifiableCredential === undefined
      ? []
      : [vp.verifiableCredential];

/** The vp+jwt proof: typ, algorithm, a kid that is the holder's key, and the signature. */
function jwsProof(jws: string, header: Json, holder: string, keys: HolderKeys): Check {
  const alg = typeof header.alg === 'string' ? header.alg : '';
  const kid = typeof header.kid === 'string' ? header.kid : '';
  if (header.typ !== 'vp+jwt') return failed(`The JWS typ must be vp+jwt, got ${String(header.typ)}.`);
  if (header.cty !== undefined && header.cty !== 'vp')
    return failed(`The JWS cty must be vp, got ${String(header.cty)}.`);
  const accepts = ACCEPTED[alg];
  if (!accepts || header.crit !== undefined)
    return failed(`Algorithm ${alg || '(none)'} or its header is not accepted.`);
  if (!keys.authenticationMethods.includes(kid))
    return failed(`The kid ${kid || '(none)'} is not a key of the holder ${holder}.`);
  const jwk: JWK | undefined = keys.keyOf(kid);
  let holds = false;
  try {
    holds = !!jwk && accepts(jwk) && signatureHolds(jws, jwk, alg);
  } catch {
    // A malformed key or signature: it does not hold.
  }
  return holds
    ? passed(`${alg} signature by the holder's key is valid.`)
    : failed('The signature does not match the presentation: it was altered or signed by another key.');
}

/** Checks `nonce`/`aud` (vp+jwt) or the proof's `challenge`/`domain` against what the verifier asked. */
function bindingChecks(
  asked: PresentationOptions,
  got: { challenge?: unknown; domain?: unknown },
): Pick<Record<PresentationCheckName, Check>, 'challenge' | 'domain'> {
  const domains = Array.isArray(got.domain) ? got.domain : got.domain === undefined ? [] : [got.domain];
  return {
    challenge:
      asked.challenge === undefined
        ? notApplicable('No challenge was asked for: the presentation could be a replay.')
        : got.challenge === asked.challenge
          ? passed('Made for this challenge.')
          : failed('The presentation was not made for this challenge.'),
    domain:
      asked.domain === undefined
        ? notApplicable('No domain was asked for.')
        : domains.includes(asked.domain)
          ? passed(`Made for ${asked.domain}.`)
          : failed(`The presentation was not made for ${asked.domain}.`),
  };
}

async function credentialsCheck(
  vp: Json,
  deps: PresentationDeps,
): Promise<{ check: Check; reports: VerificationReport[] }> {
  const reports = await Promise.all(credentialsOf(vp).map((credential) => deps.verifyCredential(credential)));
  const bad = reports.flatMap((report, i) =>
    report.verified
      ? []
      : [
          `credential ${i + 1}: ${Object.entries(report.checks)
            .filter(([, check]) => check.result === 'failed')
            .map(([name, check]) => `${name} — ${check.message}`)
            .join(' ')}`,
        ],
  );
  if (reports.length === 0) return { check: notApplicable('The presentation carries no credential.'), reports };
  return {
    check: bad.length === 0 ? passed(`All ${reports.length} credential(s) verify.`) : failed(bad.join('; ')),
    reports,
  };
}

const reportOf = (
  checks: Record<PresentationCheckName, Check>,
  credentials: VerificationReport[],
  holder?: string,
): PresentationReport => ({
  verified: PRESENTATION_CHECK_NAMES.every((n) => checks[n].result !== 'failed') && checks.proof.result === 'passed',
  checks,
  ...(holder ? { holder } : {}),
  credentials,
});

/** Verifies a presentation of either securing and every credential inside it. Never throws on bad input. */
export async function verifyPresentation(
  input: unknown,
  options: PresentationOptions,
  deps: PresentationDeps,
): Promise<PresentationReport> {
  const unreached = notApplicable('not reached');
  const checks: Record<PresentationCheckName, Check> = {
    format: unreached,
    proof: unreached,
    challenge: unreached,
    domain: unreached,
    credentials: unreached,
  };
  const jws = presentationJwsOf(input);
  if (jws === undefined && isObject(input) && input.proof !== undefined)
    return verifyDataIntegrity(input, options, deps);
  const parts = jws?.split('.') ?? [];
  if (!jws || parts.length !== 3) {
    checks.format = failed(
      'Not a vp+jwt (compact JWS or EnvelopedVerifiablePresentation) nor a Data Integrity presentation.',
    );
    return reportOf(checks, []);
  }
  let header: Json;
  let vp: Json;
  try {
    header = decodeJson(parts[0]!);
    vp = decodeJson(parts[1]!);
  } catch {
    checks.format = failed('The JWS header or payload is not base64url-encoded JSON.');
    return reportOf(checks, []);
  }
  const problem =
    formatProblem(vp) ??
    ('vp' in vp ? 'The payload carries a vp claim: VC-JOSE-COSE secures the presentation itself.' : undefined);
  const holder = holderIdOf(vp);
  checks.format = problem ? failed(problem) : passed('A VC 2.0 presentation secured as vp+jwt.');
  const keys = holder && !problem ? await holderKeysOf(holder, deps) : undefined;
  checks.proof =
    !holder || problem
      ? failed('The proof could not be checked without a holder.')
      : keys
        ? jwsProof(jws, header, holder, keys)
        : failed(unresolvedHolder(holder));
  const at = deps.now.getTime() / 1000;
  if (typeof vp.exp === 'number' && at > vp.exp + 60)
    checks.proof = failed(`The presentation expired at ${new Date(vp.exp * 1000).toISOString()}.`);
  Object.assign(checks, bindingChecks(options, { challenge: vp.nonce, domain: vp.aud }));
  const { check, reports } = await credentialsCheck(vp, deps);
  checks.credentials = check;
  return reportOf(checks, reports, holder);
}

/** The Data Integrity branch: the authentication proof is checked by the lazily loaded JSON-LD module. */
async function verifyDataIntegrity(
  vp: Json,
  options: PresentationOptions,
  deps: PresentationDeps,
): Promise<PresentationReport> {
  const problem = formatProblem(vp);
  const holder = holderIdOf(vp);
  const checks = {
    format: problem ? failed(problem) : passed('A VC 2.0 presentation with a Data Integrity proof.'),
  } as Record<PresentationCheckName, Check>;
  const proof = isObject(vp.proof) ? vp.proof : {};
  const keys = holder && !problem ? await holderKeysOf(holder, deps) : undefined;
  if (problem || !holder) checks.proof = failed('The proof could not be checked without a holder.');
  else if (!keys) checks.proof = failed(unresolvedHolder(holder));
  else if (proof.proofPurpose !== 'authentication') checks.proof = failed('The proof must be made for authentication.');
  else {
    const { verifyPresentationProof } = await import('@skillpass/credentials/data-integrity');
    const result = await verifyPresentationProof(vp, {
      holder,
      authenticationMethods: keys.authenticationMethods,
      keyOf: (id) => keys.keyOf(id),
      // Without a challenge asked, the proof's own is checked for form only; the challenge check says it was not asked.
      challenge: options.challenge ?? String(proof.challenge ?? ''),
      ...(options.domain !== undefined ? { domain: options.domain } : {}),
    });
    checks.proof = result.verified
      ? passed(`${result.proofs[0]?.suite} proof by the holder's key is valid.`)
      : failed(result.problem ?? 'The proof is not valid.');
  }
  Object.assign(checks, bindingChecks(options, { challenge: proof.challenge, domain: proof.domain }));
  const { check, reports } = await credentialsCheck(vp, deps);
  checks.credentials = check;
  return reportOf(checks, reports, holder);
}
