import { VC_CONTEXT, type VerifiableCredential } from '../credential.ts';
import { dataModelViolations, describeViolations } from '../data-model-rules.ts';
import {
  CHECK_NAMES,
  type Check,
  type CheckName,
  checkTrustValidityStatusAndElements,
  STATUS_LIST_TYPES,
  type TrustedIssuer,
  type VerificationReport,
  type VerifyDeps,
  type VerifyOptions,
} from '../verify.ts';
import { proofsOf, verifyDataIntegrityProofs } from './json-ld.ts';
import { didKeyJwk } from './multikey.ts';

/**
 * The Data Integrity branch of verification: the format, key and proof checks of a JSON-LD
 * credential, then the checks every securing shares. Part of the lazily imported module.
 */

const VC_V1_CONTEXT = 'https://www.w3.org/2018/credentials/v1';

function issuerIdOf(document: Record<string, unknown>): string | undefined {
  const issuer = document.issuer;
  const id = typeof issuer === 'string' ? issuer : (issuer as { id?: unknown } | undefined)?.id;
  return typeof id === 'string' ? id : undefined;
}

function formatProblem(document: Record<string, unknown>, options: VerifyOptions): string | undefined {
  const contexts = Array.isArray(document['@context']) ? document['@context'] : [document['@context']];
  const types: unknown[] = Array.isArray(document.type) ? document.type : [document.type];
  if (contexts[0] !== VC_CONTEXT && contexts[0] !== VC_V1_CONTEXT)
    return `The first @context must be ${VC_CONTEXT} (or ${VC_V1_CONTEXT}).`;
  if (!types.includes('VerifiableCredential')) return 'type must include VerifiableCredential.';
  if (!issuerIdOf(document) || !document.credentialSubject || typeof document.credentialSubject !== 'object')
    return 'issuer and credentialSubject are required.';
  if (types.some((t) => (STATUS_LIST_TYPES as readonly unknown[]).includes(t)))
    return 'This is a status list, not a credential that certifies anything.';
  if (options.acceptTypes && !types.some((t) => options.acceptTypes!.includes(String(t))))
    return `Not a credential accepted here: type must include one of ${options.acceptTypes.join(', ')}.`;
  // VC 1.1 credentials are read too: the rule on the first context is the one above.
  const violations = dataModelViolations(document).filter((v) => v.path !== '@context.0');
  if (violations.length > 0) return `Not a valid verifiable credential: ${describeViolations(violations)}.`;
  return undefined;
}

/**
 * The keys that may sign for `issuerId`: a trusted issuer's, or — for a did:key issuer not on the
 * list — the one key its DID names (the signature can then be checked; `issuerTrusted` still fails).
 */
function assertionMethodsOf(issuerId: string, issuer: TrustedIssuer | undefined): readonly string[] {
  if (issuer) return issuer.keyIds;
  if (issuerId.startsWith('did:key:') && didKeyJwk(issuerId)) return [`${issuerId}#${issuerId.slice(8)}`];
  return [];
}

/** Verifies a Data Integrity credential check by check, with the same trust, status and EU checks as vc+jwt. */
export async function verifyDataIntegrityCredential(
  document: Record<string, unknown>,
  deps: VerifyDeps,
  now: Date,
  options: VerifyOptions,
): Promise<VerificationReport> {
  const checks = Object.fromEntries(
    CHECK_NAMES.map((name) => [name, { result: 'not_applicable', message: 'not reached' }]),
  ) as Record<CheckName, Check>;
  const problem = formatProblem(document, options);
  checks.format = problem
    ? { result: 'failed', message: problem }
    : { result: 'passed', message: 'A verifiable credential secured with a Data Integrity proof.' };
  const issuerId = issuerIdOf(document) ?? '';
  const issuer = issuerId ? await deps.issuer(issuerId).catch(() => undefined) : undefined;
  const assertionMethods = assertionMethodsOf(issuerId, issuer);
  const keyOf = async (id: string) => (await deps.resolveKey(id).catch(() => undefined)) ?? didKeyJwk(id);

  const methods = proofsOf(document).map((p) => p.verificationMethod);
  const foreign = methods.find((m) => !assertionMethods.includes(m));
  if (methods.length === 0)
    checks.keyResolution = { result: 'failed', message: 'The proof names no verification method.' };
  else if (foreign)
    checks.keyResolution = {
      result: 'failed',
      message: issuer
        ? `${foreign} is not one of ${issuer.name}'s keys.`
        : `No trusted key is published at ${foreign}.`,
    };
  else checks.keyResolution = { result: 'passed', message: `Verification method ${methods.join(', ')} resolved.` };

  if (checks.keyResolution.result === 'passed') {
    const result = await verifyDataIntegrityProofs(document, { controller: issuerId, assertionMethods, keyOf });
    const suites = [...new Set(result.proofs.map((p) => p.suite))].join(' and ');
    checks.signature = result.verified
      ? { result: 'passed', message: `${suites} proof is valid.` }
      : { result: 'failed', message: result.problem ?? 'The proof is not valid.' };
  } else checks.signature = { result: 'failed', message: 'The proof could not be checked without a trusted key.' };

  await checkTrustValidityStatusAndElements(document, issuer, checks, deps, now);
  return {
    verified: CHECK_NAMES.every((name) => checks[name].result !== 'failed') && checks.signature.result === 'passed',
    checks,
    credential: document as unknown as VerifiableCredential,
  };
}
