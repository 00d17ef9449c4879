import credentialsV1 from '../../contexts/credentials-v1.json' with { type: 'json' };
import credentialsV2 from '../../contexts/credentials-v2.json' with { type: 'json' };
import dataIntegrityV2 from '../../contexts/data-integrity-v2.json' with { type: 'json' };
import didV1 from '../../contexts/did-v1.json' with { type: 'json' };
import ed25519V1 from '../../contexts/ed25519-2020-v1.json' with { type: 'json' };
import multikeyV1 from '../../contexts/multikey-v1.json' with { type: 'json' };
import ob300 from '../../contexts/ob-v3p0-context-3.0.0.json' with { type: 'json' };
import ob301 from '../../contexts/ob-v3p0-context-3.0.1.json' with { type: 'json' };
import ob302 from '../../contexts/ob-v3p0-context-3.0.2.json' with { type: 'json' };
import ob303 from '../../contexts/ob-v3p0-context-3.0.3.json' with { type: 'json' };
import { BUNDLED_CONTEXTS, type BundledContextUrl } from './context-files.ts';

const FILES: Record<(typeof BUNDLED_CONTEXTS)[number]['file'], unknown> = {
  'credentials-v2.json': credentialsV2,
  'credentials-v1.json': credentialsV1,
  'ob-v3p0-context-3.0.3.json': ob303,
  'ob-v3p0-context-3.0.2.json': ob302,
  'ob-v3p0-context-3.0.1.json': ob301,
  'ob-v3p0-context-3.0.0.json': ob300,
  'data-integrity-v2.json': dataIntegrityV2,
  'multikey-v1.json': multikeyV1,
  'ed25519-2020-v1.json': ed25519V1,
  'did-v1.json': didV1,
};
const CONTEXTS = new Map<string, unknown>(BUNDLED_CONTEXTS.map(({ url, file }) => [url, FILES[file]]));

/** Thrown for a context skillpass does not bundle: its message names the URL and what is accepted. */
export class UnknownContextError extends Error {
  constructor(readonly url: string) {
    super(
      `Unknown JSON-LD context ${url}: skillpass processes only the contexts it bundles (${[...CONTEXTS.keys()].join(', ')}) and never fetches one.`,
    );
    this.name = 'UnknownContextError';
  }
}

export const isBundledContext = (url: string): url is BundledContextUrl => CONTEXTS.has(url);

/**
 * A jsonld.js document loader that never touches the network: the bundled contexts, then whatever
 * `documents` knows (verification methods and controller documents resolved from the trust list),
 * and an UnknownContextError for anything else.
 */
export function offlineDocumentLoader(documents: (url: string) => unknown = () => undefined): DocumentLoader {
  return async (url) => {
    const document = CONTEXTS.get(url) ?? documents(url);
    if (document === undefined) throw new UnknownContextError(url);
    return { contextUrl: null, documentUrl: url, document };
  };
}

/** The first UnknownContextError in an error's cause chain (jsonld.js wraps loader errors in its own). */
export function unknownContextIn(error: unknown): UnknownContextError | undefined {
  for (let current = error, depth = 0; current && depth < 10; depth++) {
    if (current instanceof UnknownContextError) return current;
    const next = current as { cause?: unknown; details?: { cause?: unknown } };
    current = next.cause ?? next.details?.cause;
  }
  return undefined;
}
