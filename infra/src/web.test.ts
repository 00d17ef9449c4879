import { HeadersReferrerPolicy } from 'aws-cdk-lib/aws-cloudfront';
import { describe, expect, it } from 'vitest';
import { securityHeaders } from '@skillpass/api';
import { responseHeadersFrom } from './web.ts';

describe('the CloudFront security headers', () => {
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
      referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.NO_REFERRER, override: true },
      strictTransportSecurity: { override: true, includeSubdomains: false },
    });
    expect(customHeadersBehavior).toEqual({
      customHeaders: [{ header: 'Permissions-Policy', value: 'camera=(self)', override: true }],
    });
    expect(responseHeadersFrom(securityHeaders('other'), false).customHeadersBehavior).toBeUndefined();
  });
});
