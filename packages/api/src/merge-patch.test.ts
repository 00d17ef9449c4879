import { DomainError } from '@skillpass/domain';
import { describe, expect, it } from 'vitest';
import { applyMergePatch } from './merge-patch.ts';

describe('applyMergePatch', () => {
  it('merges objects, removes members patched with null and replaces the rest', () => {
    expect(applyMergePatch({ a: 1, b: { c: 2, d: 3 } }, { a: null, b: { c: 4 }, e: [1] })).toEqual({
      b: { c: 4, d: 3 },
      e: [1],
    });
  });

  it.each([
    ['{"__proto__": {"polluted": true}}', '__proto__'],
    ['{"constructor": {"prototype": {"polluted": true}}}', 'constructor'],
    ['{"a": {"prototype": 1}}', 'a.prototype'],
  ])('refuses %s, naming %s', (json, path) => {
    const patch: unknown = JSON.parse(json);
    expect(() => applyMergePatch({ a: {} }, patch)).toThrow(DomainError);
    try {
      applyMergePatch({ a: {} }, patch);
    } catch (error) {
      expect((error as DomainError).fieldIssues).toEqual([expect.objectContaining({ path })]);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
