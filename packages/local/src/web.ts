import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, relative, resolve, sep } from 'node:path';
import { securityHeaders } from '@skillpass/api';

/**
 * The web app, served by `npm start` from the API's origin: built when its sources changed (a content hash
 * kept beside the build), then its files from packages/web/dist, and index.html for every other GET that is
 * not an API path (the single-page app's routes).
 */
export const WEB_ROOT = resolve(import.meta.dirname, '../../web');
export const WEB_DIST = join(WEB_ROOT, 'dist');
const STAMP = '.source-hash';

/** Paths the API answers; everything else is the app's. The same list CloudFront routes to the API. */
export const API_PATH_PREFIXES = [
  '/v1/',
  '/credentials/',
  '/presentations/',
  '/oid4vci/',
  '/verify',
  '/.well-known/',
  '/status-lists/',
  '/keys/',
  '/issuers/',
  '/credential-templates/',
  '/auth/',
  '/openapi.json',
  '/docs',
  '/health',
] as const;

export const isApiPath = (path: string) => API_PATH_PREFIXES.some((prefix) => path.startsWith(prefix));

const SOURCE_ENTRIES = ['index.html', 'vite.config.ts', 'package.json', 'src'];

function filesUnder(path: string): string[] {
  if (!existsSync(path)) return [];
  if (statSync(path).isFile()) return [path];
  return readdirSync(path, { withFileTypes: true })
    .filter((entry) => !entry.name.endsWith('.test.ts'))
    .flatMap((entry) => filesUnder(join(path, entry.name)))
    .sort();
}

/** A hash of everything the build reads from packages/web (tests aside), and the lock file (library versions). */
export function webSourceHash(root = WEB_ROOT): string {
  const hash = createHash('sha256');
  for (const file of [
    ...SOURCE_ENTRIES.flatMap((entry) => filesUnder(join(root, entry))),
    resolve(root, '../../package-lock.json'),
  ]) {
    if (!existsSync(file)) continue;
    hash.update(relative(root, file));
    hash.update('\0');
    hash.update(readFileSync(file));
    hash.update('\0');
  }
  return hash.digest('hex');
}

export function webBuildIsCurrent(root = WEB_ROOT): boolean {
  const stamp = join(root, 'dist', STAMP);
  return (
    existsSync(join(root, 'dist', 'index.html')) &&
    existsSync(stamp) &&
    readFileSync(stamp, 'utf8') === webSourceHash(root)
  );
}

/** Builds the app with Vite unless dist/ was built from the same sources; says which it did. */
export async function ensureWebBuild(log: (line: string) => void, root = WEB_ROOT): Promise<'built' | 'current'> {
  if (webBuildIsCurrent(root)) return 'current';
  log('Building the web app (its sources changed)…');
  const hash = webSourceHash(root);
  const { build } = await import('vite');
  // Built aside and moved into place, so that another `npm start` building at the same time never serves half a build.
  const staging = `${join(root, 'dist')}.building-${process.pid}`;
  await build({
    configFile: join(root, 'vite.config.ts'),
    root,
    logLevel: 'warn',
    build: { outDir: staging, emptyOutDir: true },
  });
  writeFileSync(join(staging, STAMP), hash);
  rmSync(join(root, 'dist'), { recursive: true, force: true });
  renameSync(staging, join(root, 'dist'));
  return 'built';
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
};

/**
 * Answers a request for the app, or returns undefined for the API to answer. Files under /assets/ carry a
 * content hash in their names and are cached for a year; index.html is revalidated every time.
 */
export function serveWebApp(request: Request, dist = WEB_DIST): Response | undefined {
  if (request.method !== 'GET' && request.method !== 'HEAD') return undefined;
  const url = new URL(request.url);
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return undefined;
  }
  if (isApiPath(path)) return undefined;
  const file = resolve(dist, `.${path}`);
  const inside = file.startsWith(dist + sep);
  const isFile =
    inside && !path.split('/').some((part) => part.startsWith('.')) && existsSync(file) && statSync(file).isFile();
  const target = isFile ? file : join(dist, 'index.html');
  // A missing asset is a 404, not the app: a stale page asking for an old chunk must not get HTML as JavaScript.
  if (!isFile && path.startsWith('/assets/'))
    return new Response('Not found', { status: 404, headers: securityHeaders('other') });
  if (!existsSync(target)) return undefined;
  const type = TYPES[extname(target)] ?? 'application/octet-stream';
  const html = type.startsWith('text/html');
  const body = request.method === 'HEAD' ? null : readFileSync(target);
  return new Response(body, {
    status: 200,
    headers: {
      'Content-Type': type,
      'Cache-Control': path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      ...securityHeaders(html ? 'html' : 'other'),
    },
  });
}
