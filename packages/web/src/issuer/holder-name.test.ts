import { describe, expect, it } from 'vitest';
import { holderNameOf } from './holder-name.ts';

const jwtWith = (claims: unknown) =>
  `eyJhbGciOiJFUzI1NiJ9.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.c2ln`;

describe('holderNameOf', () => {
  it('reads the signed holder name, Chinese included', () => {
    expect(holderNameOf(jwtWith({ credentialSubject: { name: '王芳' } }))).toBe('王芳');
  });
  it('is undefined for a credential naming nobody, or one that cannot be read', () => {
    expect(holderNameOf(jwtWith({ credentialSubject: { id: 'urn:x' } }))).toBeUndefined();
    expect(holderNameOf('not-a-jwt')).toBeUndefined();
    expect(holderNameOf('a.%%%.b')).toBeUndefined();
  });
});
