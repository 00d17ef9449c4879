import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readMailbox } from '@skillpass/local';
import { credentialMailId } from '@skillpass/services';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { interrupt, npmStart, type Started } from './npm-start.ts';
import { Api, graduateWithProfile } from './web/api.ts';
import { checkPage, clickNav, type Lang, launchChromium, openPage, type Viewport } from './web/browser.ts';

/**
 * The issuer console in a real browser against the real local stack: a school registers, offers a credential in
 * English and Chinese, issues one, issues a class from a CSV file (watching the progress bar reach 100 %, reading
 * every row's result and downloading them), revokes a credential with a public reason, and the verify page says so.
 * In English and Chinese, at desktop and phone widths, axe-core on every page; each variant uploads a class of 200 rows.
 * Every issued learner without an account is mailed once (the local file mailbox, also shown at /dev/mailbox).
 * `UPDATE_SCREENSHOTS=1` also writes docs/screenshots/issuer-*-{en,zh}.png at the phone width.
 */

const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS ? resolve(import.meta.dirname, '../../docs/screenshots') : undefined;
const COMBINATIONS: Array<[Lang, Viewport]> = [
  ['en', 'desktop'],
  ['en', 'phone'],
  ['zh', 'desktop'],
  ['zh', 'phone'],
];
/** A class as #13 describes it: 200 rows, three of them bad. */
const CLASS_SIZE = 200;
const WORDS = {
  en: {
    saved: 'Your organisation is saved.',
    accredited: 'Accredited until',
    problem: 'There is a problem',
    skill: 'battery',
    offered: 'is on offer',
    issued: 'Issued: credential number',
    finished: (issued: number, failed: number) => `Finished: ${issued} issued, ${failed} failed.`,
    revokeFinal: 'Revocation is final',
    nowRevoked: 'is now Revoked',
    revoked: 'Revoked',
  },
  zh: {
    saved: '机构信息已保存。',
    accredited: '认证有效期至',
    problem: '有问题需要处理',
    skill: '电池',
    offered: '已可颁发',
    issued: '已颁发：证书编号',
    finished: (issued: number, failed: number) => `已完成：颁发 ${issued}，失败 ${failed}。`,
    revokeFinal: '撤销不可恢复',
    nowRevoked: '现在的状态：已撤销',
    revoked: '已撤销',
  },
} as const;
const PUBLIC_REASON = 'Issued in error: wrong course';
/** Each save goes through the API on a busy machine: wait on what the page shows, generously. */
const SLOW = { timeout: 120_000, interval: 500 };

let server: Started;
let api: Api;
let browser: Browser;
let dir: string;

beforeAll(async () => {
  browser = await launchChromium();
  dir = mkdtempSync(join(tmpdir(), 'skillpass-issuer-web-'));
  server = await npmStart(join(dir, 'data'), ['--in-memory']);
  api = new Api(server.origin);
  if (SCREENSHOTS) mkdirSync(SCREENSHOTS, { recursive: true });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  if (server) await interrupt(server);
});

/**
 * A class list as a school exports it: learners without a skillpass account, one graduate who has one, and three
 * bad rows (an address that is not one, a row naming nobody, a graduate id that does not exist) among them.
 */
function classCsv(rows: number, graduateId: string): { csv: string; bad: number[] } {
  const bad = [2, Math.floor(rows / 2), rows];
  const lines = ['graduateId,subjectId,email,name,grade'];
  for (let row = 1; row <= rows; row++) {
    if (row === bad[0]) lines.push(`,urn:student:${row},not-an-email,Learner ${row},Pass`);
    else if (row === bad[1]) lines.push(`,,,Learner ${row},Pass`);
    else if (row === bad[2]) lines.push('no-such-graduate,,,,');
    else if (row === 1) lines.push(`${graduateId},,,,Merit`);
    else lines.push(`,urn:student:${row},learner${row}@example.com,Learner ${row},Pass`);
  }
  return { csv: `${lines.join('\n')}\n`, bad };
}

async function shot(page: Page, viewport: Viewport, name: string, lang: Lang) {
  if (SCREENSHOTS && viewport === 'phone')
    await page.screenshot({ path: join(SCREENSHOTS, `issuer-${name}-${lang}.png`), fullPage: true });
}

describe.each(COMBINATIONS)('the issuer journey (%s, %s)', (lang, viewport) => {
  const classSize = CLASS_SIZE;
  const words = WORDS[lang];
  const name = `e2e-issuer-${lang}-${viewport}`;

  it('registers, offers a bilingual credential, issues one and a class, revokes one, and the verify page says so', async () => {
    const graduateId = `e2e-issuer-grad-${lang}-${viewport}`;
    await graduateWithProfile(api, graduateId, 'Wang Fang');
    const page = await openPage(browser, lang, viewport);

    // Sign in as an issuer: the console opens on the organisation page, which asks to register first.
    await page.goto(`${server.origin}/sign-in`);
    await page.locator('input[name=role][value=issuer]').check();
    await page.locator('#name').fill(name);
    await page.locator('form button[type=submit]').click();
    await page.locator('#nameEn').waitFor();
    expect(new URL(page.url()).pathname).toBe('/issuer');
    await page.locator('#nameEn').fill('Suzhou Vocational Institute');
    await page.locator('#nameZh').fill('苏州职业技术学院');
    await page.locator('#region').fill('Jiangsu');
    await page.locator('#accreditation-by').fill('Jiangsu HRSS');
    await page.locator('#accreditation-scope').fill('vocational training');
    await page.locator('#accreditation-until').fill('2030-12-31');
    await page.locator('#accreditation-until ~ button').click();
    await page.locator('form > button[type=submit]').click();
    await expect.poll(() => page.locator('main').innerText(), SLOW).toContain(words.saved);
    expect(await page.locator('.accredited').innerText()).toContain(words.accredited);
    await checkPage(page, `issuer organisation ${lang} ${viewport}`);
    await shot(page, viewport, 'organisation', lang);

    // Offer a credential: an empty form is refused with a summary; then every mandatory element, in both languages.
    await clickNav(page, '/issuer/templates');
    await page.locator('#titleEn').waitFor();
    await page.locator('form > button[type=submit]').click();
    await page.locator('.error-summary').waitFor();
    expect(await page.locator('.error-summary').innerText()).toContain(words.problem);
    await checkPage(page, `issuer template errors ${lang} ${viewport}`);
    const titleEn = `EV battery pack assembly (${lang} ${viewport})`;
    const titleZh = `动力电池包装配（${lang} ${viewport}）`;
    await page.locator('#titleEn').fill(titleEn);
    await page.locator('#titleZh').fill(titleZh);
    await page.locator('#descriptionEn').fill('Assemble and test EV battery packs safely.');
    await page.locator('#descriptionZh').fill('安全地装配和测试动力电池包。');
    await page.locator('#outcome-search').fill(words.skill);
    await page.locator('.suggestions button').first().click();
    await page.locator('#ects').fill('3');
    await page.locator('#hours').fill('75');
    await page.locator('#eqfLevel').selectOption('4');
    await page.locator('#chinaSkillLevel').selectOption('4');
    await page.locator('#assessmentType').fill('Practical exam');
    await page.locator('#qualityAssurance').fill('Jiangsu HRSS');
    await checkPage(page, `issuer template filled ${lang} ${viewport}`);
    await shot(page, viewport, 'template', lang);
    await page.locator('form > button[type=submit]').click();
    await expect.poll(() => page.locator('.notice.ok').innerText(), SLOW).toContain(words.offered);
    await expect
      .poll(() => page.locator('.template-list').innerText(), SLOW)
      .toContain(lang === 'zh' ? titleZh : titleEn);

    // Issue one credential to a graduate by their skillpass id.
    await clickNav(page, '/issuer/issue');
    await page.locator('#graduateId').waitFor();
    await page.locator('#graduateId').fill(graduateId);
    await page.locator('#grade').fill('Merit');
    await checkPage(page, `issuer issue ${lang} ${viewport}`);
    await shot(page, viewport, 'issue', lang);
    await page.locator('form > button[type=submit]').click();
    await expect.poll(() => page.locator('.notice.ok').innerText(), SLOW).toContain(words.issued);
    const single = /cred_\w+/.exec(await page.locator('.notice.ok').innerText())?.[0];
    expect(single).toBeDefined();

    // A class from a CSV file: the progress bar reaches 100 %, every row has its result, the results download.
    const { csv, bad } = classCsv(classSize, graduateId);
    const file = join(dir, `class-${lang}-${viewport}.csv`);
    writeFileSync(file, csv);
    await clickNav(page, '/issuer/batch');
    await page.locator('#file').waitFor();
    await page.locator('#file').setInputFiles(file);
    await checkPage(page, `issuer batch upload ${lang} ${viewport}`);
    await page.locator('form > button[type=submit]').click();
    await page.locator('#batch-progress').waitFor();
    await page.locator('.batch-results').waitFor({ timeout: 300_000 });
    expect(await page.locator('#batch-progress').getAttribute('value')).toBe('100');
    expect(await page.locator('.progress-text').innerText()).toContain(words.finished(classSize - 3, 3));
    expect(await page.locator('.batch-results tbody tr.row-issued').count()).toBe(classSize - 3);
    const failedRows = page.locator('.batch-results tbody tr.row-failed');
    expect(await failedRows.count()).toBe(3);
    for (let i = 0; i < 3; i++) {
      const cells = await failedRows.nth(i).locator('td').allInnerTexts();
      expect(Number(cells[0])).toBe(bad[i]);
      expect(cells[2]!.trim().length, `reason of row ${bad[i]}`).toBeGreaterThan(3);
    }
    await checkPage(page, `issuer batch results ${lang} ${viewport}`);
    await shot(page, viewport, 'batch', lang);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('button', { hasText: lang === 'zh' ? '下载结果' : 'Download the results' }).click(),
    ]);
    const lines = readFileSync((await download.path())!, 'utf8')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('row,status,credentialId,reason');
    expect(lines).toHaveLength(classSize + 1);
    expect(lines.filter((line) => /^\d+,issued,cred_\w+,$/.test(line))).toHaveLength(classSize - 3);
    expect(lines.filter((line) => /^\d+,failed,,.{4,}/.test(line)).map((line) => Number(line.split(',')[0]))).toEqual(
      bad,
    );

    // Each issued learner without an account is mailed once, with the verify link; the graduate is not mailed.
    const mailed = lines
      .map((line) => line.split(','))
      .filter(([row, status]) => status === 'issued' && row !== '1')
      .map(([row, , credentialId]) => ({
        to: `learner${row}@example.com`,
        credentialId: credentialId!,
        messageId: credentialMailId(credentialId!),
      }));
    expect(mailed).toHaveLength(classSize - 4);
    const mailbox = join(dir, 'data', 'mailbox');
    await expect
      .poll(() => {
        const sent = new Map(readMailbox(mailbox).map((message) => [message.messageId, message]));
        return mailed.filter(({ to, messageId }) => sent.get(messageId)?.to === to).length;
      }, SLOW)
      .toBe(mailed.length);
    // The verify link by number, on the port this server listens on (the mail names the origin as localhost).
    const port = new URL(server.origin).port;
    const byId = new Map(readMailbox(mailbox).map((message) => [message.messageId, message.text]));
    for (const { credentialId, messageId } of mailed)
      expect(byId.get(messageId)).toContain(`:${port}/verify#id=${credentialId}`);

    // The batch is listed on the upload page, and reopens there.
    await clickNav(page, '/issuer/batch');
    const earlier = page.locator('.earlier-batches a').first();
    await earlier.waitFor();
    expect(await earlier.innerText()).toContain(String(classSize));
    await earlier.click();
    await page.locator('.batch-results').waitFor();

    // Revoke the single credential with a public reason, after confirming (revocation is final).
    await clickNav(page, '/issuer/credentials');
    await page.locator('#q').waitFor();
    await page.locator('.issued-list').waitFor();
    await page.locator('#q').fill(single!);
    await page.locator('#q').press('Enter');
    const card = page.locator(`.issued-list li[data-credential="${single}"]`);
    await card.waitFor();
    await expect.poll(() => page.locator('.issued-list > li').count(), SLOW).toBe(1);
    expect(await card.innerText()).toContain('Wang Fang');
    await card.locator('button.danger').click();
    expect(await card.locator('.confirm .warning').innerText()).toContain(words.revokeFinal);
    await card.locator('textarea').fill(PUBLIC_REASON);
    await card.locator('input[type=checkbox]').check();
    await checkPage(page, `issuer revoke confirm ${lang} ${viewport}`);
    await shot(page, viewport, 'credentials', lang);
    await card.locator('.confirm button.danger').click();
    await expect.poll(() => page.locator('.notice.ok').innerText(), SLOW).toContain(words.nowRevoked);
    expect(await card.locator('button').count()).toBe(0);

    // The verify page, by the certificate number: revoked, with the reason the issuer made public.
    await page.goto(`${server.origin}/check`);
    await page.locator('#number').fill(single!);
    await page.locator('#number').press('Enter');
    await page.locator('.verdict').waitFor();
    expect(await page.locator('.verdict').innerText()).toContain(words.revoked);
    expect(await page.locator('.verdict .status-reason').innerText()).toContain(PUBLIC_REASON);
    // The title as signed, in both languages, the reader's first.
    const titles = page.locator('.facts dd.big').nth(1).locator('span');
    await expect.poll(() => titles.count(), SLOW).toBe(2);
    expect(await titles.first().innerText()).toBe(lang === 'zh' ? titleZh : titleEn);
    await checkPage(page, `check revoked with reason ${lang} ${viewport}`);

    // The local mailbox page shows what was mailed.
    await page.goto(`${server.origin}/dev/mailbox`);
    await page.locator('main .card').first().waitFor();
    expect(await page.locator('main .card').count()).toBeGreaterThanOrEqual(mailed.length);
    await checkPage(page, `dev mailbox ${lang} ${viewport}`);
    await page.context().close();
  }, 900_000);
});
