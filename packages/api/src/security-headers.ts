/**
 * The security headers of every response skillpass sends: the API's (a hono middleware in app.ts), the local
 * server's static files (packages/local), and CloudFront's response headers policy in AWS (infra), all from here.
 *
 * HTML gets a strict Content-Security-Policy: scripts, styles, fonts and fetches from the page's own origin only, no
 * inline script or style, no plugins, no framing. Everything else (JSON, vc+jwt, SVG, CSS, JS) gets `default-src
 * 'none'`, so a response opened directly in a browser (an SVG, say) can run nothing.
 */
export type SecurityHeaderKind = 'html' | 'other';

export interface SecurityHeaderOptions {
  /**
   * Origins besides the page's own that HTML pages may fetch from: the sign-in token endpoint when it is on another
   * origin (a custom Cognito domain). Cognito's own domains (`*.amazoncognito.com`) are always allowed.
   */
  connectSrc?: readonly string[];
}

const COGNITO_DOMAINS = 'https://*.amazoncognito.com';

function htmlPolicy(options: SecurityHeaderOptions): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self' ${[COGNITO_DOMAINS, ...(options.connectSrc ?? [])].join(' ')}`,
    "manifest-src 'self'",
    "media-src 'self' blob:",
    "worker-src 'self' blob:",
    "base-uri 'none'",
    "form-action 'self'",
    "object-src 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export function securityHeaders(kind: SecurityHeaderKind, options: SecurityHeaderOptions = {}): Record<string, string> {
  return {
    'Content-Security-Policy': kind === 'html' ? htmlPolicy(options) : "default-src 'none'; frame-ancestors 'none'",
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    // Credential ids travel in paths and queries of the verify pages: no other site learns them from a link.
    'Referrer-Policy': 'no-referrer',
  };
}

/** Which set a response gets, by its media type. */
export const securityHeaderKindOf = (contentType: string | null | undefined): SecurityHeaderKind =>
  /^text\/html\b/i.test(contentType ?? '') ? 'html' : 'other';
