/**
 * Content negotiation between a credential's two securings: `application/vc+jwt` (the JWS) and
 * `application/vc+ld+json` / `application/ld+json` (the JSON-LD credential with Data Integrity proofs).
 */
export type Securing = 'vc+jwt' | 'data-integrity';

const MEDIA_TYPES: Record<string, Securing> = {
  'application/vc+jwt': 'vc+jwt',
  'application/vc+ld+json': 'data-integrity',
  'application/ld+json': 'data-integrity',
};

export const DATA_INTEGRITY_MEDIA_TYPE = 'application/vc+ld+json';

/** The securing the Accept header ranks highest (by q, then order), or undefined when it names neither. */
export function securingAsked(accept: string | undefined): Securing | undefined {
  let best: { securing: Securing; q: number } | undefined;
  for (const part of (accept ?? '').split(',')) {
    const [type, ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    const securing = MEDIA_TYPES[type ?? ''];
    const qParam = params.find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (securing && q > 0 && (!best || q > best.q)) best = { securing, q };
  }
  return best?.securing;
}
