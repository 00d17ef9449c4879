import type { aws_cloudfront as cloudfront } from 'aws-cdk-lib';
import { Duration } from 'aws-cdk-lib';
import { HeadersFrameOption, HeadersReferrerPolicy } from 'aws-cdk-lib/aws-cloudfront';

/**
 * CloudFront path patterns served by the API, never by the web app (the plan's shared contract). Everything else is
 * the app: a file from the bucket, or `index.html` for an app route such as `/check` or `/matches`.
 */
export const API_PATH_PATTERNS = [
  '/v1/*',
  '/credentials/*',
  '/presentations/*',
  '/oid4vci/*',
  '/verify',
  '/.well-known/*',
  '/status-lists/*',
  '/keys/*',
  '/issuers/*',
  '/credential-templates/*',
  '/auth/*',
  '/openapi.json',
  '/docs',
  '/docs/*',
  '/verify/*',
  '/health',
] as const;

/**
 * The viewer-request function of the app's (default) behaviour: a path whose last segment has no dot is an app
 * route, answered with `index.html`; files keep their path (a missing one is S3's 403, not the app). API paths have
 * their own behaviours and never reach it, so API errors are never masked — unlike distribution-wide error
 * responses, which would turn an API 403 or 404 into the app's page. CloudFront Functions run the `cloudfront-js-2.0`
 * runtime: plain ES5-style JavaScript, no modules.
 */
export const SPA_REWRITE_CODE = `function handler(event) {
  var request = event.request;
  var last = request.uri.substring(request.uri.lastIndexOf('/') + 1);
  if (last.indexOf('.') === -1) request.uri = '/index.html';
  return request;
}`;

/**
 * The public job search (`GET /v1/jobs`, which sends `Cache-Control: public, max-age=30`): the one API path CloudFront
 * caches. `POST /v1/jobs` (an employer posting a job) shares the path, so the behaviour lets every method through and
 * caches only GET and HEAD.
 */
export const JOB_SEARCH_PATH = '/v1/jobs';

/**
 * The viewer-request function of the job-search behaviour: a GET or HEAD loses its Authorization header before the
 * cache key is made, so a signed-in reader's search is the anonymous one (the route is public and never reads a
 * principal) and shares its cache entry — no response to a token is ever stored. A POST keeps it: posting a job needs
 * the employer's token, which then reaches the origin because the cache key names Authorization (CloudFront forwards
 * it no other way).
 */
export const PUBLIC_SEARCH_CODE = `function handler(event) {
  var request = event.request;
  if (request.method === 'GET' || request.method === 'HEAD') delete request.headers.authorization;
  return request;
}`;

const FRAME_OPTIONS: Record<string, HeadersFrameOption> = {
  DENY: HeadersFrameOption.DENY,
  SAMEORIGIN: HeadersFrameOption.SAMEORIGIN,
};
const REFERRER_POLICIES = new Map<string, HeadersReferrerPolicy>(
  Object.values(HeadersReferrerPolicy).map((policy) => [policy, policy]),
);

/**
 * A response headers policy's settings from a header record: the headers CloudFront knows go to its security-headers
 * settings, any other one is a custom header. `override` decides whether the origin's own value wins (false: the API
 * sets these on its responses; the policy only fills them in on answers API Gateway makes itself, such as a 401 from
 * the JWT authorizer or a 429). HSTS is added on top: CloudFront answers only over HTTPS.
 */
export function responseHeadersFrom(
  headers: Record<string, string>,
  override: boolean,
): Pick<cloudfront.ResponseHeadersPolicyProps, 'securityHeadersBehavior' | 'customHeadersBehavior'> {
  const security: {
    -readonly [K in keyof cloudfront.ResponseSecurityHeadersBehavior]: cloudfront.ResponseSecurityHeadersBehavior[K];
  } = {
    strictTransportSecurity: { accessControlMaxAge: Duration.days(365), includeSubdomains: false, override },
  };
  const custom: cloudfront.ResponseCustomHeader[] = [];
  for (const [name, value] of Object.entries(headers)) {
    const key = name.toLowerCase();
    const frameOption = FRAME_OPTIONS[value.toUpperCase()];
    const referrerPolicy = REFERRER_POLICIES.get(value);
    if (key === 'content-security-policy') security.contentSecurityPolicy = { contentSecurityPolicy: value, override };
    else if (key === 'x-content-type-options' && value === 'nosniff') security.contentTypeOptions = { override };
    else if (key === 'x-frame-options' && frameOption) security.frameOptions = { frameOption, override };
    else if (key === 'referrer-policy' && referrerPolicy) security.referrerPolicy = { referrerPolicy, override };
    else custom.push({ header: name, value, override });
  }
  return {
    securityHeadersBehavior: security,
    ...(custom.length > 0 ? { customHeadersBehavior: { customHeaders: custom } } : {}),
  };
}
