import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { interrupt, npmStart, type Started } from './npm-start.ts';
import { BATTERY_CHEMISTRY } from './battery-template.ts';
import { Api, graduateWithProfile, type Issued, issue, schoolWithTemplate, tampered } from './web/api.ts';
import { checkPage, clickNav, type Lang, launchChromium, openPage, type Viewport } from './web/browser.ts';

/**
 * The web app in a real browser (Debian's chromium) against the real local stack (`npm start`, DynamoDB Local):
 * the verifier's and the graduate's journeys, in English and Chinese, at desktop and phone (360 px) widths, with
 * axe-core on every page. `UPDATE_SCREENSHOTS=1` also writes the README's screenshots to docs/screenshots/.
 */

const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS ? resolve(import.meta.dirname, '../../docs/screenshots') : undefined;
const COMBINATIONS: Array<[Lang, Viewport]> = [
  ['en', 'desktop'],
  ['en', 'phone'],
  ['zh', 'desktop'],
  ['zh', 'phone'],
];
const WORDS = {
  en: {
    valid: 'Valid certificate',
    revoked: 'Revoked',
    invalid: 'Not valid',
    notFound: 'No certificate with this number',
    garbage: 'This is not a certificate skillpass can read',
    network: 'skillpass could not be reached',
    updating: 'Updating',
    holder: 'Issued to',
    outcome: 'battery chemistry',
    issuer: 'Suzhou Vocational Institute',
    signIn: 'Sign in',
    viewed: 'Viewed',
    withdraw: 'Withdraw this application',
    withdrawn: 'Withdrawn',
    withdrewNote: 'An applicant withdrew their application',
    erased: 'Your account and its data were deleted.',
  },
  zh: {
    valid: '证书有效',
    revoked: '已撤销',
    invalid: '证书无效',
    notFound: '没有此编号的证书',
    garbage: '这不是 skillpass 能识别的证书',
    network: '无法连接 skillpass',
    updating: '正在更新',
    holder: '持证人',
    outcome: '电池化学',
    issuer: '苏州职业技术学院',
    signIn: '登录',
    viewed: '已查看',
    withdraw: '撤回此申请',
    withdrawn: '已撤回',
    withdrewNote: '一位申请人撤回了对',
    erased: '您的账号及其数据已删除。',
  },
} as const;

let server: Started;
let api: Api;
let browser: Browser;
let school: { token: string; templateId: string };
let valid: Issued;
let revoked: Issued;

beforeAll(async () => {
  browser = await launchChromium();
  server = await npmStart(mkdtempSync(join(tmpdir(), 'skillpass-web-')), ['--in-memory']);
  api = new Api(server.origin);
  school = await schoolWithTemplate(api);
  await graduateWithProfile(api, 'e2e-holder', 'Wang Fang');
  valid = await issue(api, school, 'e2e-holder');
  revoked = await issue(api, school, 'e2e-holder');
  await api.call('POST', `/v1/credentials/${revoked.credentialId}/revoke`, { token: school.token });
  if (SCREENSHOTS) mkdirSync(SCREENSHOTS, { recursive: true });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  if (server) await interrupt(server);
});

async function verdictOf(page: Page): Promise<string> {
  const verdict = page.locator('.verdict');
  await verdict.waitFor();
  return verdict.innerText();
}

describe.each(COMBINATIONS)('the verifier journey (%s, %s)', (lang, viewport) => {
  const words = WORDS[lang];

  it('opens a verify link: the verdict first, then to whom, what and by whom; then prints a dated report', async () => {
    const page = await openPage(browser, lang, viewport);
    // The credential's own public link (what its QR code and share button hold) lands on the verify page.
    // (It names the origin npm start announces — localhost — where the test reaches it by address.)
    const link = new URL(valid.verifyUrl);
    expect(link.pathname + link.hash).toBe(`/verify#${valid.jwt}`);
    await page.goto(`${server.origin}${link.pathname}${link.hash}`);
    expect(await verdictOf(page)).toContain(words.valid);
    expect(new URL(page.url()).pathname).toBe('/check');
    await expect.poll(() => page.locator('.facts').innerText()).toContain('Wang Fang');
    // The title in both languages; learning outcomes and issuer named in the reader's language (credentials sign English).
    await expect.poll(() => page.locator('.facts').innerText()).toContain('动力电池包装配');
    await expect.poll(() => page.locator('.facts').innerText()).toContain(words.outcome);
    await expect.poll(() => page.locator('.facts').innerText()).toContain(words.issuer);
    const facts = await page.locator('.facts').innerText();
    expect(facts).toContain('EV battery pack assembly');
    expect(facts).toContain('Merit');
    expect(facts).toContain(words.holder);
    await checkPage(page, `check valid ${lang} ${viewport}`);
    if (SCREENSHOTS && viewport === 'phone')
      await page.screenshot({ path: join(SCREENSHOTS, `check-${lang}.png`), fullPage: true });
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.inputs').isVisible()).toBe(false);
    expect(await page.locator('.print-only').innerText()).toMatch(/\d{2}:\d{2}:\d{2}/);
    await page.context().close();
  });

  it('looks a certificate up by its number, and says plainly when a number is unknown', async () => {
    const page = await openPage(browser, lang, viewport);
    await page.goto(`${server.origin}/check`);
    await page.locator('#number').fill(valid.credentialId);
    await page.locator('#number').press('Enter');
    expect(await verdictOf(page)).toContain(words.valid);
    await page.locator('#number').fill('NO-SUCH-NUMBER-123');
    await page.locator('#number').press('Enter');
    await expect.poll(() => page.locator('.verdict').innerText()).toContain(words.notFound);
    await checkPage(page, `check unknown number ${lang} ${viewport}`);
    await page.context().close();
  });

  it('says revoked for a revoked credential, opened by the short link a QR code holds', async () => {
    const page = await openPage(browser, lang, viewport);
    await page.goto(`${server.origin}/verify#id=${revoked.credentialId}`);
    expect(await verdictOf(page)).toContain(words.revoked);
    await checkPage(page, `check revoked ${lang} ${viewport}`);
    await page.context().close();
  });

  it('never shows a tampered credential’s details, and explains garbage and network failures', async () => {
    const page = await openPage(browser, lang, viewport);
    await page.goto(`${server.origin}/check`);
    await page.locator('.inputs details summary').click();
    await page.locator('#pasted').fill(tampered(valid.jwt, 'Mallory Forger'));
    await page.locator('#pasted + button').click();
    expect(await verdictOf(page)).toContain(words.invalid);
    expect(await page.locator('main').innerText()).not.toContain('Mallory Forger');
    await checkPage(page, `check tampered ${lang} ${viewport}`);

    await page.locator('#pasted').fill('this is not a certificate at all!');
    await page.locator('#pasted + button').click();
    await expect.poll(() => page.locator('.verdict').innerText()).toContain(words.garbage);

    await page.route('**/v1/verify', (route) => route.abort('internetdisconnected'));
    await page.locator('#number').fill(valid.credentialId);
    await page.locator('#number').press('Enter');
    await expect.poll(() => page.locator('.verdict').innerText()).toContain(words.network);
    await page.context().close();
  });
});

describe.each(COMBINATIONS)('the graduate journey (%s, %s)', (lang, viewport) => {
  const words = WORDS[lang];
  const name = `e2e-grad-${lang}-${viewport}`;

  it('signs in, builds a profile, sees matches, applies, is notified, withdraws, keeps credentials, exports, erases', async () => {
    const page = await openPage(browser, lang, viewport);
    await page.goto(`${server.origin}/`);
    await checkPage(page, `home ${lang} ${viewport}`);
    await page.locator('header').getByText(words.signIn, { exact: true }).click();
    await page.locator('#name').waitFor();
    await checkPage(page, `sign-in ${lang} ${viewport}`);
    await page.locator('#name').fill(name);
    await page.locator('form button[type=submit]').click();

    // No profile yet: the matches page sends the graduate to the profile editor.
    await page.locator('.notice a[href="/profile"]').click();
    await page.locator('#displayName').waitFor();
    await checkPage(page, `onboarding ${lang} ${viewport}`);
    await page.locator('#displayName').fill(lang === 'zh' ? '张敏' : 'Zhang Min');
    await page.locator('#contactEmail').fill(`${name}@example.com`);
    await page.locator('#skill-search').fill(lang === 'zh' ? '电池' : 'battery');
    await page.locator('.suggestions button').first().click();
    await page.locator('summary', { hasText: lang === 'zh' ? '粘贴简历' : 'Paste your CV' }).click();
    const cv =
      lang === 'zh'
        ? '我在苏州一家工厂做电池组装，熟悉电气工程和质量标准。'
        : 'I assembled battery packs in Suzhou and know electrical engineering and quality standards.';
    await page.locator('#cv').fill(cv);
    await page.locator('#cv + button').click();
    // Suggestions (or "none recognised") appear under the text, each quoting the words it was read from; the
    // graduate adds what was found.
    await page.locator('#cv ~ .suggested p').first().waitFor();
    if ((await page.locator('#cv ~ .suggested li').count()) > 0) {
      for (const quote of await page.locator('#cv ~ .suggested li .hint').allInnerTexts())
        expect(cv).toContain(quote.replace(/^[^“]*“|”[^”]*$/g, ''));
      await checkPage(page, `cv suggestions ${lang} ${viewport}`);
      await page.locator('#cv-add-all').click();
    }
    await page.locator('summary', { hasText: lang === 'zh' ? '江苏' : 'Jiangsu' }).click();
    await page.getByLabel(lang === 'zh' ? '苏州' : 'Suzhou', { exact: true }).check();
    await page.getByLabel(lang === 'zh' ? '按我的技能排序职位' : 'Rank jobs by my skills').check();
    await checkPage(page, `profile filled ${lang} ${viewport}`);
    await page.locator('form > button[type=submit]').click();

    // Ranked jobs, each with "x of y required skills".
    const firstMatch = page.locator('.match-list > li').first();
    await firstMatch.waitFor({ timeout: 120_000 });
    expect(await firstMatch.locator('.fit').innerText()).toMatch(/\d/);
    await checkPage(page, `matches ${lang} ${viewport}`);
    if (SCREENSHOTS && viewport === 'phone')
      await page.screenshot({ path: join(SCREENSHOTS, `matches-${lang}.png`), fullPage: true });

    await firstMatch.locator('h2 a').click();
    await page.locator('#cover').waitFor();
    await checkPage(page, `job ${lang} ${viewport}`);
    await page.locator('#cover').fill(lang === 'zh' ? '我有电池组装经验。' : 'I have assembled battery packs.');
    await page.locator('#cover ~ button[type=submit]').click();
    await page.locator('.notice.ok').waitFor();

    // The employer moves the application (through the API); the graduate sees it in notifications and the timeline.
    const graduate = await api.token('graduate', name);
    const { items } = await api.call<{ items: Array<{ applicationId: string; jobId: string }> }>(
      'GET',
      '/v1/profiles/me/applications',
      { token: graduate },
    );
    const application = items[0]!;
    const job = await api.call<{ employerId: string }>('GET', `/v1/jobs/${application.jobId}`);
    const employerToken = await api.token('employer', job.employerId);
    await api.call('PATCH', `/v1/applications/${application.applicationId}`, {
      token: employerToken,
      body: { status: 'viewed' },
    });
    await expect
      .poll(
        async () => {
          await clickNav(page, '/notifications');
          await page.locator('h1').waitFor();
          // Read the list, not the skeleton shown while it loads (slow on a busy machine).
          await page.locator('main [aria-busy="true"]').waitFor({ state: 'detached', timeout: 60_000 });
          return page.locator('main').innerText();
        },
        { timeout: 120_000, interval: 1_000 },
      )
      .toContain(lang === 'zh' ? '已被雇主查看' : 'was viewed by the employer');
    await checkPage(page, `notifications ${lang} ${viewport}`);
    await clickNav(page, '/applications');
    await expect.poll(() => page.locator('.timeline').first().innerText(), { timeout: 60_000 }).toContain(words.viewed);
    await checkPage(page, `applications ${lang} ${viewport}`);

    // The graduate withdraws, after a confirmation; the employer is told, in the language it reads.
    await page.locator('.card > button', { hasText: words.withdraw }).first().click();
    await page.locator('.confirm button.danger').waitFor();
    await checkPage(page, `withdraw confirmation ${lang} ${viewport}`);
    await page.locator('.confirm button.danger').click();
    await expect.poll(() => page.locator('main .card > .tag').first().innerText()).toContain(words.withdrawn);
    expect(await page.locator('.card > button', { hasText: words.withdraw }).count()).toBe(0);
    await expect
      .poll(
        async () =>
          (
            await api.call<{ items: Array<{ applicationId: string; title: string }> }>(
              'GET',
              `/v1/employers/me/notifications?lang=${lang}`,
              { token: employerToken },
            )
          ).items.filter((note) => note.applicationId === application.applicationId),
        { timeout: 120_000, interval: 1_000 },
      )
      .toEqual([expect.objectContaining({ title: expect.stringContaining(words.withdrewNote) })]);

    // A school issues a credential: the wallet lists it, opens it, shares it and downloads it.
    const profile = await api.call<{ graduateId: string }>('GET', '/v1/profiles/me', { token: graduate });
    await issue(api, school, profile.graduateId);
    await clickNav(page, '/wallet');
    await page.locator('main .card').first().waitFor();
    await page.locator('main .card button').first().click();
    await page.locator('canvas.qr').waitFor();
    await checkPage(page, `wallet ${lang} ${viewport}`);
    const jwtDownload = page.waitForEvent('download');
    await page.locator('.credential-detail .actions button').first().click();
    expect((await jwtDownload).suggestedFilename()).toMatch(/\.jwt$/);

    // Export, then erase with a confirmation that says what goes.
    await clickNav(page, '/account');
    await page.locator('main button').first().waitFor();
    await checkPage(page, `account ${lang} ${viewport}`);
    const exported = page.waitForEvent('download');
    await page.locator('main button').first().click();
    expect((await exported).suggestedFilename()).toBe('skillpass-export.json');
    await page.locator('main button.danger').click();
    await page.locator('.danger-zone li').first().waitFor();
    await checkPage(page, `erase confirmation ${lang} ${viewport}`);
    await page.locator('.danger-zone button.danger').click();
    await expect.poll(() => page.locator('main').innerText()).toContain(words.erased);
    expect(await api.status('/v1/profiles/me', graduate)).toBe(404);
    await page.context().close();
    // A whole journey of a dozen pages, each waiting on the real stack: generous on a slow, busy machine.
  }, 600_000);
});

describe.each<[Lang, Viewport]>([
  ['en', 'desktop'],
  ['zh', 'phone'],
])('a graduate’s matches as they change (%s, %s)', (lang, viewport) => {
  const words = WORDS[lang];
  const name = `e2e-fresh-${lang}-${viewport}`;

  it('marks a job "new" from its notification, and says "updating" while the API is still applying changes', async () => {
    // A graduate who asked for personalised matching in Suzhou; then a job in Suzhou that needs their skill.
    const graduate = await api.token('graduate', name);
    await api.call('PUT', '/v1/profiles/me', {
      token: graduate,
      body: {
        displayName: name,
        contactEmail: `${name}@example.com`,
        skills: [{ uri: BATTERY_CHEMISTRY, proficiency: 3 }],
        preferredPlaces: [{ kind: 'delta', cityCode: '320500' }],
        consents: { personalisedMatching: true, discoverable: false },
      },
    });
    // Only a job that arrives after the profile is in the index is "new" to it: wait for the pipeline to settle.
    await expect
      .poll(
        async () =>
          (await api.call<{ upToDate: boolean }>('GET', '/v1/profiles/me/matches', { token: graduate })).upToDate,
        { timeout: 120_000, interval: 1_000 },
      )
      .toBe(true);
    const posted = await api.call<{ id: string }>('POST', '/v1/jobs', {
      token: await api.token('employer', `e2e-employer-${lang}`),
      body: {
        title: { en: `Battery technician ${lang}`, zh: `电池技术员 ${lang}` },
        description: 'Battery pack testing.',
        requiredSkills: [{ uri: BATTERY_CHEMISTRY, importance: 'essential', minProficiency: 1 }],
        place: { kind: 'delta', cityCode: '320500' },
        closingDate: '2999-01-01',
      },
    });
    await expect
      .poll(
        async () =>
          (
            await api.call<{ items: Array<{ kind: string; jobIds: string[] }> }>(
              'GET',
              '/v1/profiles/me/notifications',
              { token: graduate },
            )
          ).items.some((note) => note.kind === 'new-matches' && note.jobIds.includes(posted.id)),
        { timeout: 120_000, interval: 1_000 },
      )
      .toBe(true);

    const page = await openPage(browser, lang, viewport);
    await page.goto(`${server.origin}/sign-in`);
    await page.locator('#name').fill(name);
    await page.locator('form button[type=submit]').click();
    const card = page.locator('.match-list > li', { has: page.locator(`a[href="/jobs/${posted.id}"]`) });
    await card.waitFor({ timeout: 120_000 });
    expect(await card.locator('.tag.new').innerText()).toBe(lang === 'zh' ? '新' : 'New');
    expect(await page.locator('.notice.updating').count()).toBe(0);

    // The API answers that changes are still being applied: the page says so, and reads again until they are.
    let stale = true;
    await page.route('**/v1/profiles/me/matches*', async (route) => {
      const response = await route.fetch();
      const body = await response.json();
      await route.fulfill({ response, json: { ...body, upToDate: !stale } });
    });
    await clickNav(page, '/matches');
    await page.locator('.notice.updating').waitFor();
    expect(await page.locator('.notice.updating').innerText()).toContain(words.updating);
    await checkPage(page, `matches updating ${lang} ${viewport}`);
    stale = false;
    await page.locator('.notice.updating').waitFor({ state: 'detached', timeout: 60_000 });
    expect(await card.count()).toBe(1);

    // The saved profile holds skill URIs: the editor names them in the page's language, not by id.
    await clickNav(page, '/profile');
    await page.locator('#displayName').waitFor();
    await expect.poll(() => page.locator('main').innerText()).toContain(words.outcome);
    await page.context().close();
  }, 300_000);
});
