import { describe, expect, it } from 'vitest';
import { ifMatchAccepts } from './http.ts';

describe('If-Match (strong comparison, one rule for every route)', () => {
  it('accepts the current version, `*`, or a list naming the current version', () => {
    expect(ifMatchAccepts('"v3"', 3)).toBe(true);
    expect(ifMatchAccepts('*', 3)).toBe(true);
    expect(ifMatchAccepts('"v1", "v3"', 3)).toBe(true);
  });

  it('refuses another version, a weak tag, garbage, and anything when nothing is current', () => {
    expect(ifMatchAccepts('"v2"', 3)).toBe(false);
    expect(ifMatchAccepts('W/"v3"', 3)).toBe(false);
    expect(ifMatchAccepts('v3', 3)).toBe(false);
    expect(ifMatchAccepts('*', undefined)).toBe(false);
  });
});
