/**
 * Security headers for the web app's static files. A stand-in with the same name and signature as
 * `securityHeaders` in packages/api/src/security-headers.ts (web-api's side of issue #12): once that is
 * merged, web.ts imports it from @skillpass/api and this file goes.
 */
export type SecurityHeaderKind = 'html' | 'other';

const HTML_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self' https://*.amazoncognito.com",
  "manifest-src 'self'",
  "media-src 'self' blob:",
  "worker-src 'self' blob:",
  "base-uri 'none'",
  "form-action 'self'",
  "object-src 'none'",
  "frame-ancestors 'none'",
].join('; ');

export function securityHeaders(kind: SecurityHeaderKind): Record<string, string> {
  return {
    'Content-Security-Policy': kind === 'html' ? HTML_POLICY : "default-src 'none'; frame-ancestors 'none'",
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
  };
}
