/**
 * npm run bench:web — per page of the web app: the JavaScript and CSS a first visit downloads (gzip), next to the
 * 90 KB budget, and Lighthouse's performance and accessibility scores on its default mobile profile (simulated
 * slow 4G, mid-range phone), run with Debian's chromium (CHROME_PATH, default /usr/bin/chromium).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ensureWebBuild, WEB_DIST } from '@skillpass/local/web';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

const ROOT = resolve(import.meta.dirname, '../../..');
const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const BUDGET_KB = 90;
const PAGES: Array<{ path: string; module: string; lighthouse?: true }> = [
  { path: '/', module: 'src/pages/home.tsx', lighthouse: true },
  { path: '/check', module: 'src/pages/check.tsx', lighthouse: true },
  { path: '/sign-in', module: 'src/pages/sign-in.tsx' },
  { path: '/matches', module: 'src/pages/matches.tsx', lighthouse: true },
  { path: '/jobs/:id', module: 'src/pages/job.tsx' },
  { path: '/profile', module: 'src/pages/profile.tsx' },
  { path: '/applications', module: 'src/pages/applications.tsx' },
  { path: '/notifications', module: 'src/pages/notifications.tsx' },
  { path: '/wallet', module: 'src/pages/wallet.tsx' },
  { path: '/account', module: 'src/pages/account.tsx' },
  { path: '/employer/jobs', module: 'src/pages/employer/jobs.tsx', lighthouse: true },
  { path: '/employer/jobs/new', module: 'src/pages/employer/job-edit.tsx' },
  { path: '/employer/jobs/:id/candidates', module: 'src/pages/employer/candidates.tsx' },
  { path: '/employer/jobs/:id/applications', module: 'src/pages/employer/board.tsx' },
  { path: '/employer/applications/:id', module: 'src/pages/employer/application.tsx' },
  { path: '/employer/organisation', module: 'src/pages/employer/organisation.tsx' },
  { path: '/employer/notifications', module: 'src/pages/employer/notifications.tsx' },
  { path: '/issuer', module: 'src/pages/issuer/organisation.tsx' },
  { path: '/issuer/templates', module: 'src/pages/issuer/templates.tsx' },
  { path: '/issuer/issue', module: 'src/pages/issuer/issue.tsx' },
  { path: '/issuer/batch', module: 'src/pages/issuer/batch.tsx', lighthouse: true },
  { path: '/issuer/credentials', module: 'src/pages/issuer/credentials.tsx' },
  { path: '/admin', module: 'src/pages/admin/admin.tsx' },
  { path: '/dev/mailbox', module: 'src/pages/dev-mailbox.tsx' },
  { path: '/fairs', module: 'src/pages/fairs/list.tsx' },
  { path: '/fairs/:id', module: 'src/pages/fairs/fair.tsx' },
  { path: '/fairs/booths', module: 'src/pages/fairs/booths.tsx' },
  { path: '/fairs/organise', module: 'src/pages/fairs/organise.tsx' },
  { path: '/fairs/:id/report', module: 'src/pages/fairs/report.tsx' },
  // Public; ECharts is a chunk the page imports when it draws a chart, so it is not in the first load.
  { path: '/insights', module: 'src/pages/insights.tsx', lighthouse: true },
  { path: '/courses', module: 'src/pages/courses/list.tsx' },
  { path: '/issuer/courses', module: 'src/pages/courses/issuer-courses.tsx' },
  { path: '/issuer/courses/new', module: 'src/pages/courses/editor.tsx' },
  { path: '/issuer/courses/:id/roster', module: 'src/pages/courses/roster.tsx' },
  { path: '/careers', module: 'src/pages/careers/list.tsx' },
  // Public, and taken on phones: the career assessment.
  { path: '/careers/assessment', module: 'src/pages/careers/assessment.tsx', lighthouse: true },
  { path: '/careers/:id', module: 'src/pages/careers/occupation.tsx' },
  { path: '/standards', module: 'src/pages/standards/list.tsx' },
  { path: '/standards/:id', module: 'src/pages/standards/standard.tsx' },
  { path: '/issuer/standards', module: 'src/pages/issuer/standards.tsx' },
];

type Manifest = Record<string, { file: string; css?: string[]; imports?: string[]; isEntry?: boolean }>;

function firstLoad(manifest: Manifest, keys: string[]): { js: Set<string>; css: Set<string> } {
  const js = new Set<string>();
  const css = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || js.has(chunk.file) || css.has(chunk.file)) return;
    (chunk.file.endsWith('.css') ? css : js).add(chunk.file);
    for (const file of chunk.css ?? []) css.add(file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const key of keys) visit(key);
  return { js, css };
}

const gzipKb = (files: Iterable<string>) =>
  [...files].reduce((sum, file) => sum + gzipSync(readFileSync(join(WEB_DIST, file)), { level: 9 }).length, 0) / 1024;

async function freePort(): Promise<number> {
  return new Promise((done) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });
}

async function startServer(): Promise<{ origin: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn('npm', ['start', '--', '--in-memory'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      SKILLPASS_DATA_DIR: mkdtempSync(join(tmpdir(), 'skillpass-bench-web-')),
    },
    stdio: 'ignore',
    detached: true,
  });
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    if (
      await fetch(`${origin}/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return { origin, child };
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('npm start did not become healthy');
}

await ensureWebBuild((line) => process.stdout.write(`${line}\n`));
const manifest = JSON.parse(readFileSync(join(WEB_DIST, '.vite/manifest.json'), 'utf8')) as Manifest;
// A first visit also fetches one language's catalogue (a chunk of its own, beside the page's): count the larger.
const CATALOGUES = ['src/messages/en/index.ts', 'src/messages/zh/index.ts'];
const catalogue = CATALOGUES.map((key) => ({ key, kb: gzipKb(firstLoad(manifest, [key]).js) })).sort(
  (a, b) => b.kb - a.kb,
)[0]!;
console.log(`language catalogue counted in every page: ${catalogue.key} (${catalogue.kb.toFixed(1)} KB gzip)`);
const sizes = PAGES.map(({ path, module }) => {
  const { js, css } = firstLoad(manifest, ['index.html', module, catalogue.key]);
  return { path, jsKb: gzipKb(js), cssKb: gzipKb(css), lazy: path };
});

const scores = new Map<string, { performance: number; accessibility: number }>();
if (!existsSync(CHROME)) throw new Error(`Chromium not found at ${CHROME}: sudo apt-get install -y chromium`);
const server = await startServer();
try {
  for (const page of PAGES.filter((p) => p.lighthouse)) {
    const chrome = await chromeLauncher.launch({
      chromePath: CHROME,
      chromeFlags: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-sync',
      ],
    });
    try {
      const result = await lighthouse(`${server.origin}${page.path}`, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility'],
      });
      const categories = result?.lhr.categories;
      scores.set(page.path, {
        performance: Math.round((categories?.performance?.score ?? 0) * 100),
        accessibility: Math.round((categories?.accessibility?.score ?? 0) * 100),
      });
    } finally {
      chrome.kill();
    }
  }
} finally {
  if (server.child.pid) process.kill(-server.child.pid, 'SIGINT');
}

const row = (cells: Array<string | number>) => `| ${cells.join(' | ')} |`;
const lines = [
  row(['page', 'JS first load (KB gzip)', 'budget', 'CSS (KB gzip)', 'Lighthouse perf (mobile)', 'Lighthouse a11y']),
  row(['---', '---:', '---:', '---:', '---:', '---:']),
  ...sizes.map((s) => {
    const score = scores.get(s.path);
    return row([
      s.path,
      s.jsKb.toFixed(1),
      `≤ ${BUDGET_KB}`,
      s.cssKb.toFixed(1),
      score ? `${score.performance} (≥ 90)` : '–',
      score ? `${score.accessibility} (≥ 95)` : '–',
    ]);
  }),
];
process.stdout.write(`${lines.join('\n')}\n`);
const over = sizes.filter((s) => s.jsKb > BUDGET_KB);
if (over.length > 0) process.stdout.write(`Over the JS budget: ${over.map((s) => s.path).join(', ')}\n`);
