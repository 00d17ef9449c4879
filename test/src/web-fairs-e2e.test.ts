import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BATTERY_CHEMISTRY } from './battery-template.ts';
import { interrupt, npmStart, type Started } from './npm-start.ts';
import { Api, graduateWithProfile } from './web/api.ts';
import { checkPage, type Lang, launchChromium, signInOnPage, type Viewport } from './web/browser.ts';
import { canvasMatrix, fakeCameraArgs } from './web/fake-camera.ts';

/**
 * A joint job fair in a real browser against the local stack, at 360 px and at 1280 px: the organiser creates a
 * cross-province fair; an employer registers a booth on the booths page, choosing one of its two open jobs; a graduate
 * registers, sees the fair list, books a slot; the organiser checks them in by pointing a camera at the QR code on the
 * graduate's fair page (Chromium's fake camera plays a video made from that very canvas); the employer's camera is
 * refused, so the typed box is the fallback; the graduate applies from the fair page; the report counts it all. Then
 * every fair page is checked with axe in Chinese at the same width. `UPDATE_SCREENSHOTS=1` writes
 * docs/screenshots/fairs-*-{en,zh}.png from the 360 px run.
 */

const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS ? resolve(import.meta.dirname, '../../docs/screenshots') : undefined;
const WIDTHS: Viewport[] = ['phone', 'desktop'];

let server: Started;
let api: Api;
let browser: Browser;
const cameras: Browser[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  server = await npmStart(mkdtempSync(join(tmpdir(), 'skillpass-fairs-web-')), ['--in-memory']);
  api = new Api(server.origin);
  if (SCREENSHOTS) mkdirSync(SCREENSHOTS, { recursive: true });
}, 600_000);

afterAll(async () => {
  for (const camera of cameras) await camera.close();
  await browser?.close();
  if (server) await interrupt(server);
});

describe.each(WIDTHS)('a joint job fair in the browser (%s)', (viewport) => {
  const width = viewport === 'phone' ? '360' : '1280';
  const fairTitle = `Delta Autumn Job Fair ${width}`;
  const names = {
    organiser: `e2e-organiser-${width}`,
    employer: `e2e-fair-employer-${width}`,
    graduate: `e2e-fair-grad-${width}`,
  };
  const signIn = (lang: Lang, role: keyof typeof names, next: string, on = browser) =>
    signInOnPage(on, server.origin, { lang, role, name: names[role], next, viewport });
  const shoot = async (page: Page, name: string, lang: Lang) => {
    if (SCREENSHOTS && viewport === 'phone')
      await page.screenshot({ path: join(SCREENSHOTS, `fairs-${name}-${lang}.png`), fullPage: true });
  };
  let fairId: string;

  it('organiser → booth on the booths page → graduate registers, books → camera check-in → applies → report (en)', async () => {
    // The organiser creates a fair with venues in Jiangsu and Zhejiang.
    const organiser = await signIn('en', 'organiser', '/fairs/organise');
    await organiser.locator('#fair-title-en').fill(fairTitle);
    await organiser.locator('#fair-title-zh').fill(`长三角秋季联合招聘会 ${width}`);
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
    await checkPage(organiser, `organise en ${width}`);
    await organiser.getByRole('button', { name: 'Create the fair' }).click();
    await organiser.locator('.card h3', { hasText: fairTitle }).waitFor();
    await shoot(organiser, 'organise', 'en');
    const organiserToken = await api.token('organiser', names.organiser);
    const fairs = await api.call<{ items: Array<{ fairId: string }> }>('GET', '/v1/organisers/me/fairs', {
      token: organiserToken,
    });
    fairId = fairs.items[0]!.fairId;

    // An employer in Hangzhou with two open jobs (set up through the API) registers a booth showing one of them.
    const employerToken = await api.token('employer', names.employer);
    await api.call('PUT', '/v1/employers/me', {
      token: employerToken,
      body: {
        name: { en: `Hangzhou Battery Co. ${width}`, zh: `杭州电池公司 ${width}` },
        registeredPlace: { kind: 'delta', cityCode: '330100' },
      },
    });
    const postJob = (en: string, zh: string) =>
      api.call<{ id: string }>('POST', '/v1/jobs', {
        token: employerToken,
        body: {
          title: { en, zh },
          description: 'Assemble battery packs',
          requiredSkills: [{ uri: BATTERY_CHEMISTRY, importance: 'essential' }],
          place: { kind: 'delta', cityCode: '330100' },
          closingDate: '2999-12-31',
        },
      });
    const job = await postJob('Battery technician', '电池技术员');
    await postJob('Battery line supervisor', '电池产线主管');
    const employer = await signIn('en', 'employer', '/fairs/booths');
    await employer.getByRole('heading', { name: 'Register a booth' }).waitFor();
    await employer.getByLabel(/^Battery technician/).waitFor();
    // Sending the empty form lists what is missing, each linking to its field.
    await employer.getByRole('button', { name: 'Register the booth' }).click();
    const summary = employer.locator('#error-summary');
    await summary.getByRole('link', { name: 'Choose at least one of your open jobs to show' }).waitFor();
    await checkPage(employer, `booth form errors en ${width}`);
    await employer.locator('#booth-fair').selectOption({ label: fairTitle });
    await employer.getByLabel(/^Battery technician/).check();
    await employer.locator('#booth-city').selectOption('330100');
    await employer.locator('#booth-sector').selectOption('manufacturing');
    await employer.getByRole('button', { name: 'Add an interview slot' }).click();
    await expect.poll(() => employer.locator('#slot-time-0').inputValue()).toBe('2999-10-01T10:00');
    await employer.locator('#slot-capacity-0').fill('3');
    await checkPage(employer, `booth form en ${width}`);
    await employer.getByRole('button', { name: 'Register the booth' }).click();
    await employer.locator('.notice.ok', { hasText: `Your booth at ${fairTitle} is registered.` }).waitFor();
    await employer.locator('.card h2', { hasText: fairTitle }).waitFor();
    await expect.poll(() => summary.count()).toBe(0);

    // A graduate from Suzhou registers with the cross-region opt-in, sees the Hangzhou booth and books its slot.
    const graduateToken = await graduateWithProfile(api, names.graduate, 'Chen Jing');
    const graduate = await signIn('en', 'graduate', '/fairs');
    const fairLink = graduate.locator('.card h2 a', { hasText: fairTitle });
    await fairLink.waitFor();
    await checkPage(graduate, `fairs en ${width}`);
    await shoot(graduate, 'list', 'en');
    await fairLink.click();
    await graduate.locator('#fair-home').selectOption('320500');
    await graduate.getByLabel('Also show me booths in other provinces').check();
    await checkPage(graduate, `fair register en ${width}`);
    await graduate.getByRole('button', { name: 'Register', exact: true }).click();
    const booth = graduate.locator('li.card', { hasText: `Hangzhou Battery Co. ${width}` });
    await booth.getByRole('link', { name: 'Battery technician' }).waitFor();
    // Only the job the employer chose is at the booth.
    await expect.poll(() => booth.getByRole('link', { name: 'Battery line supervisor' }).count()).toBe(0);
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

    // At the entrance the organiser points a camera at the graduate's screen: the fake camera plays the QR code
    // exactly as the fair page drew it.
    const qr = await canvasMatrix(graduate.locator('canvas.qr'));
    const camera = await launchChromium(fakeCameraArgs(mkdtempSync(join(tmpdir(), 'skillpass-camera-')), qr));
    cameras.push(camera);
    const entrance = await signIn('en', 'organiser', `/fairs/${fairId}/report`, camera);
    const scanButton = entrance.getByRole('button', { name: 'Scan with the camera' });
    await scanButton.waitFor();
    // The scanner is not part of the page until someone starts the camera.
    const scripts = () =>
      entrance.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name.split('/').pop()));
    expect((await scripts()).filter((name) => /^(scan|jsQR)-/.test(name ?? ''))).toEqual([]);
    await scanButton.click();
    await entrance.locator('.notice.ok', { hasText: 'Chen Jing is checked in.' }).waitFor({ timeout: 120_000 });
    await expect.poll(() => entrance.locator('video.camera').count()).toBe(0);
    expect((await scripts()).some((name) => /^scan-/.test(name ?? ''))).toBe(true);
    await checkPage(entrance, `report after camera check-in en ${width}`);

    // The employer's device refuses the camera: the page says so, and the typed box still works.
    await employer.getByRole('button', { name: 'Scan with the camera' }).click();
    await employer
      .locator('.error-summary', { hasText: /Camera access was refused|No camera can be used here/ })
      .waitFor();
    await checkPage(employer, `booths camera refused en ${width}`);
    await employer.locator(`#check-in-${fairId}`).fill(code.toLowerCase());
    await employer.getByRole('button', { name: 'Check in', exact: true }).click();
    await employer.locator('.notice.ok', { hasText: 'Chen Jing was already checked in.' }).waitFor();
    await employer.locator('li li', { hasText: 'Chen Jing' }).locator('.tag', { hasText: '✓ Checked in' }).waitFor();
    await checkPage(employer, `booths en ${width}`);
    await shoot(employer, 'booths', 'en');

    // Back on the fair page the graduate sees the check-in and applies; the application carries the fair.
    // (Back to the list and in again: the session lives in this page's memory, so no reload.)
    await graduate.goBack();
    await fairLink.click();
    await graduate.locator('.notice.ok', { hasText: '✓ Checked in' }).waitFor();
    await graduate.getByRole('button', { name: 'Apply at this fair' }).click();
    await graduate.locator('.notice.ok', { hasText: 'Applied at this fair' }).waitFor();
    await checkPage(graduate, `fair list en ${width}`);
    await shoot(graduate, 'fair', 'en');
    const applications = await api.call<{ items: Array<{ jobId: string; fairId?: string }> }>(
      'GET',
      '/v1/profiles/me/applications',
      { token: graduateToken },
    );
    expect(applications.items).toEqual([expect.objectContaining({ jobId: job.id, fairId })]);

    // The organiser's report: one registration from Jiangsu, checked in by camera, one application to Zhejiang.
    await organiser.getByRole('link', { name: 'Report' }).click();
    const flows = organiser.locator('section.table-scroll', { hasText: 'Between provinces' });
    await flows.waitFor();
    // Charts over the tables: ECharts draws an SVG per chart (the tables below carry the same figures).
    await organiser.getByTestId('chart-by-province').locator('svg').waitFor();
    await organiser.getByTestId('chart-by-sector').locator('svg').waitFor();
    expect(await flows.innerText()).toMatch(/Jiangsu → Zhejiang\s+1\s+0\s+0/);
    const totals = await organiser.locator('section.table-scroll').first().innerText();
    expect(totals).toMatch(/Totals\s+1\s+1\s+1\s+1\s+0\s+0/);
    await checkPage(organiser, `report en ${width}`);
    await shoot(organiser, 'report', 'en');
    for (const p of [organiser, graduate, employer, entrance]) await p.context().close();
  }, 900_000);

  it('passes axe on every fair page in Chinese', async () => {
    const graduate = await signIn('zh', 'graduate', '/fairs');
    const fairLink = graduate.locator('.card h2 a', { hasText: `长三角秋季联合招聘会 ${width}` });
    await fairLink.waitFor();
    await checkPage(graduate, `fairs zh ${width}`);
    await shoot(graduate, 'list', 'zh');
    await fairLink.click();
    await graduate.getByTestId('check-in-code').waitFor();
    await graduate.locator('.card h3', { hasText: `杭州电池公司 ${width}` }).waitFor();
    await checkPage(graduate, `fair zh ${width}`);
    await shoot(graduate, 'fair', 'zh');

    const employer = await signIn('zh', 'employer', '/fairs/booths');
    await employer.locator('.tag', { hasText: '已签到' }).waitFor();
    await employer.getByRole('button', { name: '用摄像头扫码' }).click();
    await employer.locator('.error-summary', { hasText: /摄像头权限被拒绝|此处无法使用摄像头/ }).waitFor();
    await checkPage(employer, `booths zh ${width}`);
    await shoot(employer, 'booths', 'zh');

    const organiser = await signIn('zh', 'organiser', '/fairs/organise');
    await organiser.locator('.card h3', { hasText: `长三角秋季联合招聘会 ${width}` }).waitFor();
    await checkPage(organiser, `organise zh ${width}`);
    await shoot(organiser, 'organise', 'zh');
    await organiser.getByRole('link', { name: '报告' }).click();
    await organiser.locator('section.table-scroll').first().waitFor();
    await checkPage(organiser, `report zh ${width}`);
    await shoot(organiser, 'report', 'zh');
    for (const p of [graduate, employer, organiser]) await p.context().close();
  }, 600_000);
});
