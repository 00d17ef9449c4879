import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BATTERY_CHEMISTRY } from './battery-template.ts';
import { interrupt, npmStart, type Started } from './npm-start.ts';
import { Api, graduateWithProfile } from './web/api.ts';
import { checkPage, type Lang, launchChromium, signInOnPage } from './web/browser.ts';

/**
 * A joint job fair in a real browser against the local stack: the organiser creates a cross-province fair, an
 * employer (set up through the API) has a booth in another province, a graduate registers, sees the fair list, books
 * a slot, is checked in by code at the booth and applies from the fair page; the report shows it. The journey runs in
 * English at 360 px; then every fair page is checked with axe in Chinese at 360 px. `UPDATE_SCREENSHOTS=1` writes
 * docs/screenshots/fairs-*-{en,zh}.png.
 */

const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS ? resolve(import.meta.dirname, '../../docs/screenshots') : undefined;

let server: Started;
let api: Api;
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
  server = await npmStart(mkdtempSync(join(tmpdir(), 'skillpass-fairs-web-')), ['--in-memory']);
  api = new Api(server.origin);
  if (SCREENSHOTS) mkdirSync(SCREENSHOTS, { recursive: true });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  if (server) await interrupt(server);
});

const signIn = (lang: Lang, role: string, name: string, next: string) =>
  signInOnPage(browser, server.origin, { lang, role, name, next });

async function shoot(page: Page, name: string, lang: Lang) {
  if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, `fairs-${name}-${lang}.png`), fullPage: true });
}

let fairId: string;

describe('a joint job fair in the browser', () => {
  it('organiser → booth → graduate registers, books, checks in, applies → the report shows it (en, 360 px)', async () => {
    // The organiser creates a fair with venues in Jiangsu and Zhejiang.
    const organiser = await signIn('en', 'organiser', 'e2e-organiser', '/fairs/organise');
    await organiser.locator('#fair-title-en').fill('Delta Autumn Job Fair');
    await organiser.locator('#fair-title-zh').fill('长三角秋季联合招聘会');
    await organiser.locator('#fair-starts').fill('2999-10-01');
    await organiser.locator('#fair-ends').fill('2999-10-02');
    await organiser.locator('#venue-city-0').selectOption('320500');
    await organiser.locator('#venue-name-0').fill('Suzhou Expo Centre');
    await organiser.getByRole('button', { name: 'Add a venue' }).click();
    await organiser.locator('#venue-city-1').selectOption('330100');
    await organiser.locator('#venue-name-1').fill('Hangzhou Expo Centre');
    await organiser.getByRole('button', { name: 'Add a session' }).click();
    await organiser.locator('#session-sector-0').fill('manufacturing');
    await organiser.locator('#session-en-0').fill('Manufacturing');
    await organiser.locator('#session-zh-0').fill('制造业');
    await checkPage(organiser, 'organise en');
    await organiser.getByRole('button', { name: 'Create the fair' }).click();
    await organiser.locator('.card h3', { hasText: 'Delta Autumn Job Fair' }).waitFor();
    await shoot(organiser, 'organise', 'en');
    const organiserToken = await api.token('organiser', 'e2e-organiser');
    const fairs = await api.call<{ items: Array<{ fairId: string }> }>('GET', '/v1/organisers/me/fairs', {
      token: organiserToken,
    });
    fairId = fairs.items[0]!.fairId;

    // An employer in Hangzhou registers a booth with a job and a slot (through the API).
    const employerToken = await api.token('employer', 'e2e-fair-employer');
    await api.call('PUT', '/v1/employers/me', {
      token: employerToken,
      body: {
        name: { en: 'Hangzhou Battery Co.', zh: '杭州电池公司' },
        registeredPlace: { kind: 'delta', cityCode: '330100' },
      },
    });
    const job = await api.call<{ id: string }>('POST', '/v1/jobs', {
      token: employerToken,
      body: {
        title: { en: 'Battery technician', zh: '电池技术员' },
        description: 'Assemble battery packs',
        requiredSkills: [{ uri: BATTERY_CHEMISTRY, importance: 'essential' }],
        place: { kind: 'delta', cityCode: '330100' },
        closingDate: '2999-12-31',
      },
    });
    await api.call('POST', `/v1/fairs/${fairId}/booths`, {
      token: employerToken,
      body: {
        jobIds: [job.id],
        cityCode: '330100',
        sector: 'manufacturing',
        slots: [{ startsAt: '2999-10-01T10:00:00+08:00', capacity: 3 }],
      },
    });

    // A graduate from Suzhou registers with the cross-region opt-in, sees the Hangzhou booth and books its slot.
    const graduateToken = await graduateWithProfile(api, 'e2e-fair-grad', 'Chen Jing');
    const graduate = await signIn('en', 'graduate', 'e2e-fair-grad', '/fairs');
    await graduate.locator('.card h2 a', { hasText: 'Delta Autumn Job Fair' }).waitFor();
    await checkPage(graduate, 'fairs en');
    await shoot(graduate, 'list', 'en');
    await graduate.locator('.card h2 a', { hasText: 'Delta Autumn Job Fair' }).click();
    await graduate.locator('#fair-home').selectOption('320500');
    await graduate.getByLabel('Also show me booths in other provinces').check();
    await checkPage(graduate, 'fair register en');
    await graduate.getByRole('button', { name: 'Register', exact: true }).click();
    await graduate.locator('.card h3', { hasText: 'Hangzhou Battery Co.' }).waitFor();
    const code = (await graduate.getByTestId('check-in-code').innerText()).trim();
    expect(code).toMatch(/^[2-9A-HJ-NP-Z]{12}$/);
    await graduate.getByRole('button', { name: /^Book / }).click();
    await graduate.locator('.notice.ok', { hasText: 'Booked' }).waitFor();
    // Changing one's mind gives the place back (the slot offers it again), and booking again takes it.
    await graduate.getByRole('button', { name: /^Cancel the .* interview$/ }).click();
    await graduate.getByRole('button', { name: /^Book .*3 left/ }).waitFor();
    await graduate.getByRole('button', { name: /^Book / }).click();
    await graduate.locator('.notice.ok', { hasText: 'Booked' }).waitFor();
    await graduate.getByRole('button', { name: 'Withdraw from this fair' }).waitFor();

    // At the booth, the employer types the graduate's code.
    const employer = await signIn('en', 'employer', 'e2e-fair-employer', '/fairs/booths');
    await employer.locator('li li', { hasText: 'Chen Jing' }).waitFor();
    await employer.locator(`#check-in-${fairId}`).fill(code);
    await employer.getByRole('button', { name: 'Check in', exact: true }).click();
    await employer.locator('.notice.ok', { hasText: 'Chen Jing is checked in' }).waitFor();
    await checkPage(employer, 'booths en');
    await shoot(employer, 'booths', 'en');

    // Back on the fair page the graduate applies; the application carries the fair.
    await graduate.getByRole('button', { name: 'Apply at this fair' }).click();
    await graduate.locator('.notice.ok', { hasText: 'Applied at this fair' }).waitFor();
    await checkPage(graduate, 'fair list en');
    await shoot(graduate, 'fair', 'en');
    const applications = await api.call<{ items: Array<{ jobId: string; fairId?: string }> }>(
      'GET',
      '/v1/profiles/me/applications',
      { token: graduateToken },
    );
    expect(applications.items).toEqual([expect.objectContaining({ jobId: job.id, fairId })]);

    // The organiser's report: one registration from Jiangsu, checked in, one application flowing to Zhejiang.
    await organiser.getByRole('link', { name: 'Report' }).click();
    const flows = organiser.locator('section.table-scroll', { hasText: 'Between provinces' });
    await flows.waitFor();
    // Charts over the tables: ECharts draws an SVG per chart (the tables below carry the same figures).
    await organiser.getByTestId('chart-by-province').locator('svg').waitFor();
    await organiser.getByTestId('chart-by-sector').locator('svg').waitFor();
    expect(await flows.innerText()).toMatch(/Jiangsu → Zhejiang\s+1\s+0\s+0/);
    const totals = await organiser.locator('section.table-scroll').first().innerText();
    expect(totals).toMatch(/Totals\s+1\s+1\s+1\s+1\s+0\s+0/);
    await checkPage(organiser, 'report en');
    await shoot(organiser, 'report', 'en');
    for (const p of [organiser, graduate, employer]) await p.context().close();
  }, 600_000);

  it('passes axe on every fair page in Chinese at 360 px', async () => {
    const graduate = await signIn('zh', 'graduate', 'e2e-fair-grad', '/fairs');
    await graduate.locator('.card h2 a').first().waitFor();
    await checkPage(graduate, 'fairs zh');
    await shoot(graduate, 'list', 'zh');
    await graduate.locator('.card h2 a').first().click();
    await graduate.getByTestId('check-in-code').waitFor();
    await graduate.locator('.card h3', { hasText: '杭州电池公司' }).waitFor();
    await checkPage(graduate, 'fair zh');
    await shoot(graduate, 'fair', 'zh');

    const employer = await signIn('zh', 'employer', 'e2e-fair-employer', '/fairs/booths');
    await employer.locator('.tag', { hasText: '已签到' }).waitFor();
    await checkPage(employer, 'booths zh');
    await shoot(employer, 'booths', 'zh');

    const organiser = await signIn('zh', 'organiser', 'e2e-organiser', '/fairs/organise');
    await organiser.locator('.card h3', { hasText: '长三角秋季联合招聘会' }).waitFor();
    await checkPage(organiser, 'organise zh');
    await shoot(organiser, 'organise', 'zh');
    await organiser.getByRole('link', { name: '报告' }).click();
    await organiser.locator('section.table-scroll').first().waitFor();
    await checkPage(organiser, 'report zh');
    await shoot(organiser, 'report', 'zh');
    for (const p of [graduate, employer, organiser]) await p.context().close();
  }, 600_000);
});
