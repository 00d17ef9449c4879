import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { interrupt, npmStart, type Started } from './npm-start.ts';
import { Api, schoolWithTemplate } from './web/api.ts';
import { checkPage, type Lang, launchChromium, openPage, type Viewport } from './web/browser.ts';

/**
 * The operators' page in a real browser against `npm start`: an administrator signs in, lands on /admin,
 * accredits a waiting issuer and approves a waiting employer, in English and Chinese, on a phone (360 px) and
 * a desktop, axe-core on every state; and the local mailbox shows the email a credential issued to an address
 * sent. `UPDATE_SCREENSHOTS=1` writes docs/screenshots/admin-{en,zh}.png.
 */

const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS ? resolve(import.meta.dirname, '../../docs/screenshots') : undefined;
const COMBINATIONS: Array<[Lang, Viewport]> = [
  ['en', 'phone'],
  ['zh', 'phone'],
  ['en', 'desktop'],
];
const WORDS = {
  en: { signIn: 'Sign in', accredited: 'is accredited until', approved: 'is approved' },
  zh: { signIn: '登录', accredited: '已获认证', approved: '已获批准' },
} as const;

let server: Started;
let api: Api;
let browser: Browser;
let school: { token: string; templateId: string };

beforeAll(async () => {
  browser = await launchChromium();
  server = await npmStart(mkdtempSync(join(tmpdir(), 'skillpass-admin-web-')), ['--in-memory']);
  api = new Api(server.origin);
  school = await schoolWithTemplate(api);
  if (SCREENSHOTS) mkdirSync(SCREENSHOTS, { recursive: true });
}, 600_000);
afterAll(async () => {
  await browser?.close();
  if (server) await interrupt(server);
});

describe.each(COMBINATIONS)('the operator (%s, %s)', (lang, viewport) => {
  const words = WORDS[lang];
  const issuerName = `Changzhou College ${lang} ${viewport}`;
  const employerName = `Nantong Shipyard ${lang} ${viewport}`;

  it('signs in, sees the counts and who waits, accredits an issuer and approves an employer', async () => {
    const issuerId = `e2e-waiting-school-${lang}-${viewport}`;
    const employerId = `e2e-waiting-employer-${lang}-${viewport}`;
    await api.call('PUT', '/v1/issuers/me', {
      token: await api.token('issuer', issuerId),
      body: {
        legalName: { en: issuerName },
        kind: 'school',
        country: 'CN',
        region: 'Jiangsu',
        accreditation: [{ by: 'Jiangsu HRSS', scope: 'vocational training', validUntil: '2030-12-31' }],
      },
    });
    await api.call('PUT', '/v1/employers/me', {
      token: await api.token('employer', employerId),
      body: { name: { en: employerName }, registeredPlace: { kind: 'delta', cityCode: '320600' } },
    });

    const page = await openPage(browser, lang, viewport);
    await page.goto(`${server.origin}/sign-in?next=/`);
    await page.locator('#name').waitFor();
    await page.locator('input[name=role][value=admin]').check();
    await page.locator('#name').fill('e2e-operator');
    await page.locator('form button[type=submit]').click();

    // The administrator's landing page is /admin.
    const issuerCard = page.locator('li.card', { hasText: issuerName });
    await issuerCard.waitFor({ timeout: 120_000 });
    expect(new URL(page.url()).pathname).toBe('/admin');
    await page.locator('.counts dd').first().waitFor();
    await checkPage(page, `admin ${lang} ${viewport}`);
    if (SCREENSHOTS && viewport === 'phone')
      await page.screenshot({ path: join(SCREENSHOTS, `admin-${lang}.png`), fullPage: true });

    // A date in the past is refused at the field, and nothing changes.
    await issuerCard.locator('input[type=date]').fill('2020-01-01');
    await issuerCard.locator('button[type=submit]').click();
    await issuerCard.locator('.field-error').waitFor();
    await checkPage(page, `admin date error ${lang} ${viewport}`);
    await issuerCard.locator('input[type=date]').fill('2031-06-30');
    await issuerCard.locator('button[type=submit]').click();
    await page.locator('.notice.ok', { hasText: words.accredited }).waitFor();
    await issuerCard.waitFor({ state: 'detached' });

    const operator = await api.token('admin', 'e2e-operator');
    const waiting = await api.call<{ items: Array<{ issuerId: string }> }>(
      'GET',
      '/v1/admin/issuers/awaiting-accreditation',
      { token: operator },
    );
    expect(waiting.items.map((i) => i.issuerId)).not.toContain(issuerId);

    const employerCard = page.locator('li.card', { hasText: employerName });
    await employerCard.locator('button').click();
    await page.locator('.notice.ok', { hasText: words.approved }).waitFor();
    await employerCard.waitFor({ state: 'detached' });
    const employers = await api.call<{ items: Array<{ employerId: string }> }>(
      'GET',
      '/v1/admin/employers/awaiting-approval',
      { token: operator },
    );
    expect(employers.items.map((e) => e.employerId)).not.toContain(employerId);
    await checkPage(page, `admin after approvals ${lang} ${viewport}`);
    await page.context().close();
  });
});

describe('the local mailbox', () => {
  it('shows the email a credential issued to an address sent, with its verify link', async () => {
    const issued = await api.call<{ credential: { credentialId: string } }>('POST', '/v1/credentials', {
      token: school.token,
      body: {
        templateId: school.templateId,
        holder: { subjectId: 'urn:learner:mailbox', email: 'mailbox-learner@example.com', name: 'Zhou Lan' },
      },
    });
    const page = await openPage(browser, 'en', 'phone');
    // The pipeline mails it shortly after: read the page again until it is there (generous deadline, no fixed sleep).
    const deadline = Date.now() + 120_000;
    const message = page.locator('li.card', { hasText: 'mailbox-learner@example.com' });
    for (;;) {
      await page.goto(`${server.origin}/dev/mailbox`);
      await page.locator('h1').waitFor();
      await page.locator('.skeleton').waitFor({ state: 'detached' });
      if ((await message.count()) > 0 || Date.now() > deadline) break;
      await page.waitForTimeout(1_000);
    }
    expect(await message.innerText()).toContain(`/verify#id=${issued.credential.credentialId}`);
    await checkPage(page, 'mailbox en phone');
    await page.context().close();
  });
});
