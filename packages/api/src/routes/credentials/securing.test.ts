import { describe, expect, it } from 'vitest';
import { securingAsked } from './securing.ts';

describe('securingAsked (content negotiation between vc+jwt and Data Integrity)', () => {
  it.each([
    ['application/vc+jwt', 'vc+jwt'],
    ['application/vc+ld+json', 'data-integrity'],
    ['application/ld+json', 'data-integrity'],
    ['application/vc+jwt;q=0.5, application/vc+ld+json', 'data-integrity'],
    ['application/vc+ld+json;q=0.2, application/vc+jwt;q=0.9', 'vc+jwt'],
    ['application/vc+ld+json;q=0, application/vc+jwt', 'vc+jwt'],
    ['application/json', undefined],
    ['*/*', undefined],
    [undefined, undefined],
  ])('%s → %s', (accept, securing) => {
    expect(securingAsked(accept)).toBe(securing);
  });
});
