import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type Browser, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';

/** Debian's chromium, driven by playwright-core (no browser download). CHROME_PATH overrides. */
export const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';
export const INSTALL_HINT = 'sudo apt-get install -y chromium fonts-noto-cjk';

export function assertChromium(): void {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `The browser tests need Chromium at ${CHROMIUM} and it is not there. Install it: ${INSTALL_HINT} (or set CHROME_PATH).`,
    );
}

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** `extraArgs` adds switches for one journey, e.g. a fake camera that plays a file. */
export async function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  assertChromium();
  return chromium.launch({
    executablePath: CHROMIUM,
    // playwright gives every launch a fresh, temporary user data dir of its own.
    args: [...CHROMIUM_ARGS, ...extraArgs],
    timeout: 120_000,
  });
}

export const VIEWPORTS = { desktop: { width: 1280, height: 900 }, phone: { width: 360, height: 780 } } as const;
export type Viewport = keyof typeof VIEWPORTS;
export type Lang = 'en' | 'zh';

/** A fresh browser context per language and width; CSP violations and page errors fail the test. */
export async function openPage(browser: Browser, lang: Lang, viewport: Viewport): Promise<Page> {
  const context = await browser.newContext({
    viewport: VIEWPORTS[viewport],
    locale: lang === 'zh' ? 'zh-CN' : 'en-GB',
    acceptDownloads: true,
  });
  context.setDefaultTimeout(60_000);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) problems.push(`CSP: ${message.text()}`);
  });
  (page as Page & { problems: string[] }).problems = problems;
  return page;
}

/** Signs in on the local sign-in page as `role` named `name` (the session lives in memory only) and lands on `next`. */
export async function signInOnPage(
  browser: Browser,
  origin: string,
  who: { lang: Lang; role: string; name: string; next: string; viewport?: Viewport },
): Promise<Page> {
  const page = await openPage(browser, who.lang, who.viewport ?? 'phone');
  await page.goto(`${origin}/sign-in?next=${encodeURIComponent(who.next)}`);
  await page.locator(`input[name=role][value=${who.role}]`).check();
  await page.locator('#name').fill(who.name);
  await page.locator('form button[type=submit]').click();
  return page;
}

/** Follows a header link to `href`: on a phone the role's pages sit behind the menu button, so it is opened first. */
export async function clickNav(page: Page, href: string): Promise<void> {
  const menu = page.locator('header .menu-button');
  if ((await menu.isVisible()) && (await menu.getAttribute('aria-expanded')) !== 'true') await menu.click();
  await page.locator(`header nav a[href="${href}"]`).click();
}

export const problemsOf = (page: Page): string[] => (page as Page & { problems?: string[] }).problems ?? [];

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown }>;
}

/** axe-core on the page as it is: no serious or critical violation; the page fits the width (no sideways scroll). */
export async function checkPage(page: Page, label: string): Promise<void> {
  // Evaluated through the DevTools protocol, which the page's CSP (no inline scripts) does not govern.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document) => Promise<{ violations: unknown[] }> } }).axe;
    return (await axe.run(document)).violations;
  });
  const serious = (violations as AxeViolation[])
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${JSON.stringify(v.nodes.map((n) => n.target))}`);
  expect(serious, `axe on ${label}`).toEqual([]);
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, `horizontal scroll on ${label}`).toBeLessThanOrEqual(innerWidth);
  expect(problemsOf(page), `errors on ${label}`).toEqual([]);
}
