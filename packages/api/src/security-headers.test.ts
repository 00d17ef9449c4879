import { describe, expect, it } from 'vitest';
import { securityHeaderKindOf, securityHeaders } from './security-headers.ts';

const directives = (policy: string) =>
  Object.fromEntries(
    policy.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name!, values];
    }),
  );

describe('securityHeaders', () => {
  it('gives HTML a policy without inline code, eval or framing', () => {
    const headers = securityHeaders('html');
    const csp = directives(headers['Content-Security-Policy']!);
    expect(csp['default-src']).toEqual(["'none'"]);
    expect(csp['script-src']).toEqual(["'self'"]);
    expect(csp['style-src']).toEqual(["'self'"]);
    expect(csp['frame-ancestors']).toEqual(["'none'"]);
    expect(csp['object-src']).toEqual(["'none'"]);
    expect(headers['Content-Security-Policy']).not.toMatch(/unsafe-inline|unsafe-eval|\*(?!\.amazoncognito\.com)/);
    expect(headers).toMatchObject({
      'X-Content-Type-Options': 'nosniff',
      'X-Frame-Options': 'DENY',
      'Referrer-Policy': 'no-referrer',
    });
  });

  it('lets HTML fetch from Cognito and from a named sign-in origin, nothing else', () => {
    expect(directives(securityHeaders('html')['Content-Security-Policy']!)['connect-src']).toEqual([
      "'self'",
      'https://*.amazoncognito.com',
    ]);
    const custom = securityHeaders('html', { connectSrc: ['https://auth.example.com'] });
    expect(directives(custom['Content-Security-Policy']!)['connect-src']).toContain('https://auth.example.com');
  });

  it('lets nothing else run anything, framed or opened directly', () => {
    expect(securityHeaders('other')).toEqual({
      'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
      'X-Content-Type-Options': 'nosniff',
      'X-Frame-Options': 'DENY',
      'Referrer-Policy': 'no-referrer',
    });
  });

  it('tells HTML by its media type', () => {
    expect(securityHeaderKindOf('text/html; charset=UTF-8')).toBe('html');
    expect(securityHeaderKindOf('application/json')).toBe('other');
    expect(securityHeaderKindOf('image/svg+xml')).toBe('other');
    expect(securityHeaderKindOf(null)).toBe('other');
  });
});
