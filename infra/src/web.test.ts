import { describe, expect, it } from 'vitest';
import { allowConnectTo, responseHeadersFrom, securityHeaders } from './web.ts';

const LOGIN = 'https://skillpass-dev-1.auth.eu-central-1.amazoncognito.com';
const cspOf = (csp: string) => allowConnectTo({ 'Content-Security-Policy': csp }, LOGIN)['Content-Security-Policy'];

describe('the CloudFront security headers', () => {
  it("let the app's page fetch from the managed login domain, and nothing else new", () => {
    expect(cspOf("default-src 'self'; connect-src 'self'; frame-ancestors 'none'")).toBe(
      `default-src 'self'; connect-src 'self' ${LOGIN}; frame-ancestors 'none'`,
    );
    // Without connect-src, default-src governs fetch: its sources are kept and the login domain added.
    expect(cspOf("default-src 'self'; script-src 'self'")).toBe(
      `default-src 'self'; script-src 'self'; connect-src 'self' ${LOGIN}`,
    );
    expect(cspOf("default-src 'none'")).toBe(`default-src 'none'; connect-src ${LOGIN}`);
    expect(allowConnectTo({ 'X-Content-Type-Options': 'nosniff' }, LOGIN)).toEqual({
      'X-Content-Type-Options': 'nosniff',
    });
    expect(allowConnectTo(securityHeaders('html'), LOGIN)['Content-Security-Policy']).toContain(
      `connect-src 'self' ${LOGIN};`,
    );
  });

  it("map each header of the API's set to CloudFront's settings, and others to custom headers", () => {
    const { securityHeadersBehavior, customHeadersBehavior } = responseHeadersFrom(
      { ...securityHeaders('html'), 'Permissions-Policy': 'camera=(self)' },
      true,
    );
    expect(securityHeadersBehavior).toMatchObject({
      contentSecurityPolicy: {
        contentSecurityPolicy: securityHeaders('html')['Content-Security-Policy'],
        override: true,
      },
      contentTypeOptions: { override: true },
      frameOptions: { frameOption: 'DENY', override: true },
      referrerPolicy: { referrerPolicy: 'strict-origin-when-cross-origin', override: true },
      strictTransportSecurity: { override: true, includeSubdomains: false },
    });
    expect(customHeadersBehavior).toEqual({
      customHeaders: [{ header: 'Permissions-Policy', value: 'camera=(self)', override: true }],
    });
    expect(responseHeadersFrom(securityHeaders('other'), false).customHeadersBehavior).toBeUndefined();
  });
});
