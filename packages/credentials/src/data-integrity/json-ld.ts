import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as ecdsaRdfc2019 } from '@digitalbazaar/ecdsa-rdfc-2019-cryptosuite';
import { Ed25519Signature2020 } from '@digitalbazaar/ed25519-signature-2020';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import type { JWK } from 'jose';
import jsonld from 'jsonld';
import jsigs from 'jsonld-signatures';
import type { RuleViolation } from '../data-model-rules.ts';
import { offlineDocumentLoader, unknownContextIn } from './document-loader.ts';
import { multikeyOfJwk } from './multikey.ts';

/**
 * The JSON-LD half of Data Integrity: signing and verifying `eddsa-rdfc-2022`, `ecdsa-rdfc-2019` and
 * `Ed25519Signature2020` proofs with the digitalbazaar libraries over the offline document loader.
 * Everything that imports jsonld lives behind this module, which callers import dynamically
 * (`@skillpass/credentials/data-integrity`), so that no other path pays for loading it.
 */

export { UnknownContextError } from './document-loader.ts';

const MULTIKEY_CONTEXT = 'https://w3id.org/security/multikey/v1';

/** A key that signs Data Integrity proofs: Ed25519 for eddsa-rdfc-2022, P-256 for ecdsa-rdfc-2019. */
export interface ProofKey {
  /** The verification method's URL, as the proof names it. */
  verificationMethod: string;
  algorithm: 'Ed25519' | 'P-256';
  /** A raw signature: Ed25519's 64 bytes, or ECDSA's r‖s (the same bytes a JWS carries). */
  sign(data: Uint8Array): Promise<Uint8Array>;
}

type Cryptosuite = typeof eddsaRdfc2022;

/**
 * Cryptosuites that canonicalise each document once between them: eddsa-rdfc-2022 and
 * ecdsa-rdfc-2019 canonicalise the same way (RDFC-1.0), and every proof of a set signs the same
 * document, so the second proof reuses the first's canonical form — it was half of signing both.
 * Made per call, so the canonical forms kept never outlive the document loader that produced them.
 */
function sharingCanonicalForms(): (suite: Cryptosuite) => Cryptosuite {
  const canonical = new Map<string, Promise<string>>();
  return (suite) => ({
    ...suite,
    canonize(input, options) {
      const key = JSON.stringify(input);
      let form = canonical.get(key);
      if (!form) {
        form = suite.canonize(input, options);
        canonical.set(key, form);
      }
      return form;
    },
  });
}

/** `credential` with one embedded proof per key (a proof set when there are several), created at `created`. */
export async function addDataIntegrityProofs(
  credential: Record<string, unknown>,
  keys: readonly ProofKey[],
  created: Date,
): Promise<Record<string, unknown>> {
  let secured = credential;
  const shared = sharingCanonicalForms();
  for (const key of keys) {
    const suite = new DataIntegrityProof({
      cryptosuite: shared(key.algorithm === 'Ed25519' ? eddsaRdfc2022 : ecdsaRdfc2019),
      signer: { id: key.verificationMethod, algorithm: key.algorithm, sign: ({ data }) => key.sign(data) },
      date: created,
    });
    // jsonld-signatures adds the proof to the document it is given: sign a copy, never the caller's object.
    const copy = { ...secured, ...(secured.proof ? { proof: structuredClone(secured.proof) } : {}) };
    secured = await jsigs.sign(copy, {
      suite,
      purpose: new jsigs.purposes.AssertionProofPurpose(),
      documentLoader: offlineDocumentLoader(),
    });
  }
  return secured;
}

export interface ProofCheck {
  verified: boolean;
  /** What each proof is: `eddsa-rdfc-2022`, `ecdsa-rdfc-2019` or `Ed25519Signature2020`, and its verification method. */
  proofs: Array<{ suite: string; verificationMethod: string }>;
  /** Why not, in a sentence, when not verified. */
  problem?: string;
}

const SUITES = new Set(['eddsa-rdfc-2022', 'ecdsa-rdfc-2019', 'Ed25519Signature2020']);

/** The proofs a document carries, each with its suite name (the cryptosuite, or the legacy proof type). */
export function proofsOf(document: Record<string, unknown>): Array<{ suite: string; verificationMethod: string }> {
  const proofs = Array.isArray(document.proof) ? document.proof : document.proof ? [document.proof] : [];
  return proofs.map((proof: unknown) => {
    const p = (proof && typeof proof === 'object' ? proof : {}) as Record<string, unknown>;
    const suite = p.type === 'DataIntegrityProof' ? String(p.cryptosuite) : String(p.type);
    const vm = typeof p.verificationMethod === 'string' ? p.verificationMethod : '';
    return { suite, verificationMethod: vm };
  });
}

/**
 * Verifies every proof of `document`: each must use a suite named above, a verification method
 * that `keyOf` resolves (the issuer's keys from the trust list, never fetched here) and that the
 * issuer `controller` lists for assertions; every context must be bundled. Never throws.
 */
export async function verifyDataIntegrityProofs(
  document: Record<string, unknown>,
  options: { controller: string; assertionMethods: readonly string[]; keyOf(id: string): Promise<JWK | undefined> },
): Promise<ProofCheck> {
  const proofs = proofsOf(document);
  if (proofs.length === 0) return { verified: false, proofs, problem: 'The credential carries no proof.' };
  const unsupported = proofs.find((p) => !SUITES.has(p.suite));
  if (unsupported)
    return {
      verified: false,
      proofs,
      problem: `Proof suite ${unsupported.suite} is not accepted; only eddsa-rdfc-2022, ecdsa-rdfc-2019 and Ed25519Signature2020 are.`,
    };
  const methods = new Map<string, Record<string, unknown>>();
  for (const { verificationMethod } of proofs) {
    if (!options.assertionMethods.includes(verificationMethod))
      return { verified: false, proofs, problem: `${verificationMethod} is not one of the issuer's keys.` };
    const jwk = await options.keyOf(verificationMethod).catch(() => undefined);
    const publicKeyMultibase = jwk && multikeyOfJwk(jwk);
    if (!publicKeyMultibase)
      return { verified: false, proofs, problem: `No public key is published at ${verificationMethod}.` };
    methods.set(verificationMethod, {
      '@context': MULTIKEY_CONTEXT,
      id: verificationMethod,
      type: 'Multikey',
      controller: options.controller,
      publicKeyMultibase,
    });
  }
  const documentLoader = offlineDocumentLoader((url) => methods.get(url));
  try {
    // Safe mode: a term no context defines is an error, not a property silently left out of the signature.
    await jsonld.expand(document, { documentLoader, safe: true });
    const shared = sharingCanonicalForms();
    const result = await jsigs.verify(document, {
      suite: [
        new DataIntegrityProof({ cryptosuite: shared(eddsaRdfc2022) }),
        new DataIntegrityProof({ cryptosuite: shared(ecdsaRdfc2019) }),
        new Ed25519Signature2020(),
      ],
      purpose: new jsigs.purposes.AssertionProofPurpose({
        controller: { id: options.controller, assertionMethod: [...options.assertionMethods] },
      }),
      documentLoader,
    });
    const results = result.results ?? [];
    // Every proof must hold: one good proof must not carry a bad one along.
    if (result.verified && results.length === proofs.length && results.every((r) => r.verified))
      return { verified: true, proofs };
    const error = results.find((r) => !r.verified)?.error ?? result.error;
    return { verified: false, proofs, problem: problemOf(error) };
  } catch (error) {
    return { verified: false, proofs, problem: problemOf(error) };
  }
}

/**
 * The JSON-LD rule of VC DM 2.0: every term is defined by a context (a bundled one: none is fetched).
 * Expanded in safe mode, which stops at the first property that would be dropped; that term is named.
 */
export async function undefinedTermViolations(document: Record<string, unknown>): Promise<RuleViolation[]> {
  try {
    await jsonld.expand(document, { documentLoader: offlineDocumentLoader(), safe: true });
    return [];
  } catch (error) {
    const unknownContext = unknownContextIn(error);
    if (unknownContext) return [{ path: '@context', message: unknownContext.message }];
    const details = (error as { details?: { event?: { details?: { property?: unknown } } } }).details;
    const term = details?.event?.details?.property;
    return [
      {
        path: typeof term === 'string' ? term : '@context',
        message:
          typeof term === 'string'
            ? `the term ${term} is not defined by any of the credential's contexts`
            : `the credential is not valid JSON-LD (${error instanceof Error ? error.message : String(error)})`,
      },
    ];
  }
}

/**
 * Verifies a Data Integrity presentation's proof: made for authentication by one of the holder's
 * `authenticationMethods` (resolved by `keyOf`), over the `challenge` and, when given, the `domain`.
 * The credentials inside are verified separately. Never throws.
 */
export async function verifyPresentationProof(
  presentation: Record<string, unknown>,
  options: {
    holder: string;
    authenticationMethods: readonly string[];
    keyOf(id: string): JWK | undefined;
    challenge: string;
    domain?: string;
  },
): Promise<ProofCheck> {
  const proofs = proofsOf(presentation);
  if (proofs.length !== 1) return { verified: false, proofs, problem: 'A presentation must carry exactly one proof.' };
  const [{ suite, verificationMethod }] = proofs as [{ suite: string; verificationMethod: string }];
  if (!SUITES.has(suite)) return { verified: false, proofs, problem: `Proof suite ${suite} is not accepted.` };
  if (!options.authenticationMethods.includes(verificationMethod))
    return { verified: false, proofs, problem: `${verificationMethod} is not a key of the holder ${options.holder}.` };
  const jwk = options.keyOf(verificationMethod);
  const publicKeyMultibase = jwk && multikeyOfJwk(jwk);
  if (!publicKeyMultibase)
    return { verified: false, proofs, problem: `No public key could be read from ${verificationMethod}.` };
  const method = {
    '@context': MULTIKEY_CONTEXT,
    id: verificationMethod,
    type: 'Multikey',
    controller: options.holder,
    publicKeyMultibase,
  };
  const documentLoader = offlineDocumentLoader((url) => (url === verificationMethod ? method : undefined));
  try {
    await jsonld.expand(presentation, { documentLoader, safe: true });
    const result = await jsigs.verify(presentation, {
      suite: [
        new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 }),
        new DataIntegrityProof({ cryptosuite: ecdsaRdfc2019 }),
        new Ed25519Signature2020(),
      ],
      purpose: new jsigs.purposes.AuthenticationProofPurpose({
        challenge: options.challenge,
        ...(options.domain !== undefined ? { domain: options.domain } : {}),
        controller: { id: options.holder, authentication: [...options.authenticationMethods] },
      }),
      documentLoader,
    });
    if (result.verified && result.results?.every((r) => r.verified)) return { verified: true, proofs };
    const error = result.results?.find((r) => !r.verified)?.error ?? result.error;
    return { verified: false, proofs, problem: presentationProblemOf(error) };
  } catch (error) {
    return { verified: false, proofs, problem: presentationProblemOf(error) };
  }
}

function presentationProblemOf(error: unknown): string {
  const first = Array.isArray(error) ? error[0] : error;
  const message = first instanceof Error ? first.message : '';
  if (/challenge/i.test(message)) return 'The proof was not made for this challenge.';
  if (/domain/i.test(message)) return 'The proof was not made for this domain.';
  return problemOf(error).replace('credential', 'presentation');
}

function problemOf(error: unknown): string {
  const unknownContext = unknownContextIn(Array.isArray(error) ? error[0] : error);
  if (unknownContext) return unknownContext.message;
  const first = Array.isArray(error) ? error[0] : error;
  const message = first instanceof Error ? first.message : '';
  if (/safe mode/i.test(message) || (first as { name?: string })?.name === 'jsonld.ValidationError')
    return `The credential uses a term no context defines (${message}).`;
  if (/Invalid signature|verify/i.test(message) || message === '')
    return 'The proof does not match the credential: it was altered or signed by another key.';
  return `The proof could not be verified: ${message}`;
}
