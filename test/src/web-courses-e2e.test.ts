import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BATTERY_CHEMISTRY, BATTERY_COMPONENTS } from './battery-template.ts';
import { interrupt, npmStart, type Started } from './npm-start.ts';
import { Api, graduateWithProfile, schoolWithTemplate } from './web/api.ts';
import { checkPage, clickNav, type Lang, launchChromium, signInOnPage } from './web/browser.ts';

/**
 * From a skill gap to a job in a real browser against the local stack: a school publishes a course of its battery
 * offering; a graduate who lacks one of a job's skills finds the course under that skill on the job page and enrols;
 * the school records the completion on the roster; the credential lands in the graduate's wallet and, through the
 * pipeline, the match for that job scores higher. English at 360 px, then every course page with axe in Chinese.
 * `UPDATE_SCREENSHOTS=1` writes docs/screenshots/courses-*-{en,zh}.png.
 */

const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS ? resolve(import.meta.dirname, '../../docs/screenshots') : undefined;

let server: Started;
let api: Api;
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
  server = await npmStart(mkdtempSync(join(tmpdir(), 'skillpass-courses-web-')), ['--in-memory']);
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
  if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, `courses-${name}-${lang}.png`), fullPage: true });
}

/** The graduate's score for one job, or 0 while it is not (yet) in their list. */
async function scoreFor(token: string, jobId: string): Promise<number> {
  const matches = await api.call<{ items: Array<{ job: { jobId: string }; score: number }> }>(
    'GET',
    '/v1/profiles/me/matches?limit=50',
    { token },
  );
  return matches.items.find((m) => m.job.jobId === jobId)?.score ?? 0;
}

const COURSE = 'Battery pack assembly, evening class';
let jobId: string;

describe('from a skill gap to a job in the browser', () => {
  it('skill gap → course → enrol → completion → credential in the wallet → a better match (en, 360 px)', async () => {
    await schoolWithTemplate(api);
    const employerToken = await api.token('employer', 'e2e-course-employer');
    const job = await api.call<{ id: string }>('POST', '/v1/jobs', {
      token: employerToken,
      body: {
        title: { en: 'Battery pack technician', zh: '电池包技术员' },
        description: 'Assemble and test battery packs',
        requiredSkills: [
          { uri: BATTERY_CHEMISTRY, importance: 'essential' },
          { uri: BATTERY_COMPONENTS, importance: 'essential' },
        ],
        place: { kind: 'delta', cityCode: '320500' },
        closingDate: '2999-12-31',
      },
    });
    jobId = job.id;
    // The graduate declares battery chemistry themselves and lacks battery components.
    const graduateToken = await graduateWithProfile(api, 'e2e-course-grad', 'Chen Jing');
    let before = 0;
    await expect
      .poll(async () => (before = await scoreFor(graduateToken, jobId)), { timeout: 120_000 })
      .toBeGreaterThan(0);

    // The school publishes a course of its battery offering, starting today, in Suzhou.
    const issuer = await signIn('en', 'issuer', 'e2e-school', '/issuer/courses/new');
    await issuer.locator('#templateId').waitFor();
    await issuer.locator('#course-titleEn').fill(COURSE);
    await issuer.locator('#course-titleZh').fill('电池包装配夜校班');
    await issuer.locator('#course-startsOn').fill(new Date().toISOString().slice(0, 10));
    await issuer.locator('#course-endsOn').fill('2999-06-30');
    await issuer.locator('#course-city').selectOption('320500');
    await issuer.locator('#course-address').fill('1 Renai Road, Suzhou Industrial Park');
    await issuer.locator('#course-seats').fill('12');
    await checkPage(issuer, 'course editor en');
    await shoot(issuer, 'editor', 'en');
    await issuer.getByRole('button', { name: 'Publish the course' }).click();
    await issuer.locator('.card h2', { hasText: COURSE }).waitFor();
    await checkPage(issuer, 'issuer courses en');
    await shoot(issuer, 'issuer-list', 'en');

    // On the job page the missing skill shows the course with an Enrol button.
    const graduate = await signIn('en', 'graduate', 'e2e-course-grad', `/jobs/${jobId}`);
    const offer = graduate.locator('li.course', { hasText: COURSE }).first();
    await offer.waitFor();
    await offer.getByRole('button', { name: `Enrol in ${COURSE}` }).click();
    await offer.locator('.tag', { hasText: 'Enrolled' }).waitFor();
    await checkPage(graduate, 'job skill gap en');
    await shoot(graduate, 'skill-gap', 'en');
    await clickNav(graduate, '/courses');
    await graduate.locator('.card h3', { hasText: COURSE }).first().waitFor();
    await checkPage(graduate, 'courses en');
    await shoot(graduate, 'list', 'en');

    // The school ticks the graduate on the roster and records the completion.
    await issuer.getByRole('link', { name: 'Roster and completion' }).click();
    await issuer.getByLabel('Chen Jing').check();
    await checkPage(issuer, 'roster en');
    await issuer.getByRole('button', { name: 'Record completion' }).click();
    await issuer.locator('.notice.ok', { hasText: 'Recorded: 1 credentials issued.' }).waitFor();
    await shoot(issuer, 'roster', 'en');

    // The credential is in the wallet, and the pipeline lifts the match.
    await clickNav(graduate, '/wallet');
    await graduate.locator('main', { hasText: 'EV battery pack assembly' }).waitFor();
    await expect.poll(() => scoreFor(graduateToken, jobId), { timeout: 120_000 }).toBeGreaterThan(before);
    await clickNav(graduate, '/courses');
    await graduate.locator('.tag', { hasText: 'Completed' }).first().waitFor();
    for (const p of [issuer, graduate]) await p.context().close();
  }, 600_000);

  it('passes axe on every course page in Chinese at 360 px', async () => {
    const graduate = await signIn('zh', 'graduate', 'e2e-course-grad', '/courses');
    await graduate.locator('.tag', { hasText: '已结业' }).first().waitFor();
    await checkPage(graduate, 'courses zh');
    await shoot(graduate, 'list', 'zh');
    const issuer = await signIn('zh', 'issuer', 'e2e-school', '/issuer/courses');
    await issuer.locator('.card h2', { hasText: '电池包装配夜校班' }).waitFor();
    await checkPage(issuer, 'issuer courses zh');
    await issuer.getByRole('link', { name: '学员名单与结业' }).click();
    await issuer.locator('.tag', { hasText: '已结业' }).waitFor();
    await checkPage(issuer, 'roster zh');
    await shoot(issuer, 'roster', 'zh');
    await clickNav(issuer, '/issuer/courses');
    await issuer.getByRole('link', { name: '编辑' }).click();
    await issuer.locator('#course-titleZh').waitFor();
    await checkPage(issuer, 'course editor zh');
    await shoot(issuer, 'editor', 'zh');
    for (const p of [graduate, issuer]) await p.context().close();
  }, 600_000);
});
