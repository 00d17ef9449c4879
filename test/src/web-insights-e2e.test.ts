import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BATTERY_CHEMISTRY } from './battery-template.ts';
import { interrupt, npmStart, type Started } from './npm-start.ts';
import { Api, schoolWithTemplate } from './web/api.ts';
import { checkPage, type Lang, launchChromium, openPage, type Viewport } from './web/browser.ts';

/**
 * The public skills-intelligence page in a real browser against `npm start`: the shortage ranking of a city as a
 * chart and as a table with the same figures, the skill's weeks, suppression of small graduate counts, axe-clean
 * and without horizontal scroll at 360 px, in English and Chinese. `INSIGHTS_SCREENSHOTS=<dir>` keeps screenshots.
 */

const LISHUI = '331100'; // no demo data there: the figures are this test's own
const WORDS = {
  en: { skill: 'battery chemistry', few: 'fewer than 10', city: 'Lishui', course: 'EV battery pack assembly' },
  zh: { skill: '电池化学', few: '少于 10', city: '丽水', course: '动力电池包装配' },
} as const;
const COMBINATIONS: Array<[Lang, Viewport]> = [
  ['en', 'phone'],
  ['zh', 'phone'],
  ['en', 'desktop'],
];

let server: Started;
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
  server = await npmStart(mkdtempSync(join(tmpdir(), 'skillpass-web-insights-')), ['--in-memory']);
  const api = new Api(server.origin);
  await schoolWithTemplate(api);
  const employer = await api.token('employer', 'e2e-insights-employer');
  for (let n = 0; n < 3; n++) {
    await api.call('POST', '/v1/jobs', {
      token: employer,
      body: {
        title: { en: `Battery technician ${n}` },
        description: 'Builds battery packs.',
        requiredSkills: [{ uri: BATTERY_CHEMISTRY, importance: 'essential', minProficiency: 2 }],
        place: { kind: 'delta', cityCode: LISHUI },
        closingDate: '2999-01-01',
      },
    });
  }
}, 600_000);

afterAll(async () => {
  await browser?.close();
  if (server) await interrupt(server);
});

describe.each(COMBINATIONS)('the skills-intelligence page (%s, %s)', (lang, viewport) => {
  const words = WORDS[lang];

  it("ranks a city's shortage skills as a chart and a table, hides small graduate counts, and follows the place picker", async () => {
    const page = await openPage(browser, lang, viewport);
    // The pipeline counts the jobs a moment after they are written: reload until they are in.
    await expect
      .poll(
        async () => {
          await page.goto(`${server.origin}/insights?place=city:${LISHUI}`);
          await page.locator('h1').waitFor();
          const table = page.locator('table.data-table').first();
          return (await table.count()) > 0 ? table.innerText() : '';
        },
        { timeout: 120_000, interval: 1_000 },
      )
      .toContain(words.skill);
    const row = page.locator('table.data-table').first().locator('tbody tr').first();
    const cells = await row.locator('td, th').allInnerTexts();
    // Rank, skill, 3 open jobs, no graduates (shown as "fewer than 10"), index (3 + 1) / (9 + 1), course.
    expect(cells.slice(0, 5)).toEqual(['1', words.skill, '3', words.few, '0.4']);
    expect(cells[6]).toContain(words.course);
    // The chart is drawn (SVG, from the lazily loaded chart chunk) and hidden from assistive technology.
    await page.locator('.chart svg').first().waitFor({ timeout: 60_000 });
    expect(await page.locator('.chart').first().getAttribute('aria-hidden')).toBe('true');
    // The weekly table of the first skill.
    await expect.poll(() => page.locator('table.data-table').count(), { timeout: 60_000 }).toBe(2);
    expect(await page.locator('table.data-table').nth(1).locator('tbody tr').count()).toBe(12);
    expect(await page.locator('#insights-place option:checked').innerText()).toBe(words.city);
    await checkPage(page, `insights ${lang} ${viewport}`);
    const dir = process.env.INSIGHTS_SCREENSHOTS;
    if (dir) await page.screenshot({ path: join(dir, `insights-${lang}-${viewport}.png`), fullPage: true });
    // Another place: the address follows, and Lishui's skill is not Shanghai's top one by these jobs.
    await page.locator('#insights-place').selectOption('province:310000');
    await expect.poll(() => new URL(page.url()).searchParams.get('place')).toBe('province:310000');
    await page.context().close();
  });
});
