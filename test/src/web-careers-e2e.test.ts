import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BATTERY_TEMPLATE_BODY } from './battery-template.ts';
import { interrupt, npmStart, type Started } from './npm-start.ts';
import { Api, graduateWithProfile, schoolWithTemplate } from './web/api.ts';
import { checkPage, type Lang, launchChromium, openPage } from './web/browser.ts';

/**
 * The career assessment and career pages in a real browser against `npm start`, at 360 px: take the assessment →
 * see suggested occupations → open one → see the skills still missing and a course teaching them; axe-clean, no
 * sideways scroll, in English (signed in, saving) and Chinese (anonymous). `CAREERS_SCREENSHOTS=<dir>` keeps shots.
 */

const SCREENSHOTS = process.env.CAREERS_SCREENSHOTS;
const RATINGS = { S1: 2, S2: 3, S3: 1, S4: 2, S5: 1, S6: 4, S7: 2, S8: 5 } as const;
const COURSE = { en: 'Career journey course', zh: '职业路径课程' };

let server: Started;
let browser: Browser;
let topOccupation: { uri: string; label: string };
const firstByName = <T extends { label: string }>(items: readonly T[]): T =>
  [...items].sort((a, b) => a.label.localeCompare(b.label))[0]!;

beforeAll(async () => {
  browser = await launchChromium();
  server = await npmStart(mkdtempSync(join(tmpdir(), 'skillpass-web-careers-')), ['--in-memory']);
  const api = new Api(server.origin);
  // A course teaching an essential skill of the occupation these answers put first.
  const scored = await api.call<{ occupations: Array<{ uri: string; label: string }> }>(
    'POST',
    '/v1/careers/assessment/score',
    { body: { ratings: RATINGS, lang: 'en' } },
  );
  topOccupation = scored.occupations[0]!;
  const career = await api.call<{ essentialSkills: Array<{ uri: string; label: string }> }>(
    'GET',
    `/v1/careers/${topOccupation.uri.split('/').pop()}?lang=en`,
  );
  const school = await schoolWithTemplate(api);
  await api.call('POST', '/v1/credential-templates', {
    token: school.token,
    // The skill the page lists first among the missing ones (no open jobs here, so by name).
    body: { ...BATTERY_TEMPLATE_BODY, title: COURSE, learningOutcomes: [firstByName(career.essentialSkills).uri] },
  });
  await graduateWithProfile(api, 'e2e-career-grad', 'Lin Mei');
}, 600_000);

afterAll(async () => {
  await browser?.close();
  if (server) await interrupt(server);
});

async function shoot(page: Page, name: string) {
  if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, `careers-${name}.png`), fullPage: true });
}

async function answer(page: Page) {
  for (const [area, value] of Object.entries(RATINGS)) await page.locator(`#rate-${area}-${value}`).check();
  await page.locator('form button[type=submit]').click();
  await page.locator('#results').waitFor();
}

describe('the career assessment in the browser', () => {
  it('a graduate takes it, opens the first suggestion, sees missing skills and a course, and saves (en, 360 px)', async () => {
    const page = await openPage(browser, 'en', 'phone');
    await page.goto(`${server.origin}/sign-in?next=${encodeURIComponent('/careers')}`);
    await page.locator('input[name=role][value=graduate]').check();
    await page.locator('#name').fill('e2e-career-grad');
    await page.locator('form button[type=submit]').click();
    await page.locator('.career-list li').first().waitFor();
    await checkPage(page, 'careers en');
    await shoot(page, 'list-en');

    await page.getByRole('link', { name: 'Take the career assessment' }).click();
    await page.locator('#rate-S1-1').waitFor();
    // Submitting unanswered says which questions are missing, at the top.
    await page.locator('form button[type=submit]').click();
    await expect.poll(() => page.locator('#error-summary li').count()).toBe(8);
    await checkPage(page, 'assessment errors en');
    await answer(page);
    expect(await page.locator('#error-summary').count()).toBe(0);
    const first = page.locator('.results li.card').first();
    expect(await first.locator('h3').innerText()).toBe(topOccupation.label);
    expect(await first.innerText()).toContain('Relies on:');
    await checkPage(page, 'assessment results en');
    await shoot(page, 'assessment-en');
    await page.getByRole('button', { name: 'Save my answers' }).click();
    await page.getByText('Saved. Only you can see them.').waitFor();

    await first.locator('h3 a').click();
    await page.locator('h1', { hasText: topOccupation.label }).waitFor();
    // The graduate holds none of this occupation's skills: the missing ones are listed, one taught by the course.
    await page.locator('.missing-skills li').first().waitFor();
    expect(await page.locator('.missing-skills').innerText()).toContain(COURSE.en);
    await expect.poll(() => page.locator('body').innerText(), { timeout: 60_000 }).toContain(COURSE.en);
    await checkPage(page, 'career en');
    await shoot(page, 'career-en');
    await page.context().close();
  }, 600_000);

  it('anyone can take it in Chinese and read a career page that says the description is English-only (zh, 360 px)', async () => {
    const page = await openPage(browser, 'zh' as Lang, 'phone');
    await page.goto(`${server.origin}/careers/assessment`);
    await page.locator('#rate-S1-1').waitFor();
    expect(await page.locator('legend').first().innerText()).toBe('沟通、协作与创新');
    await answer(page);
    await checkPage(page, 'assessment zh');
    await shoot(page, 'assessment-zh');
    // Every suggested occupation, and the page it opens, is named in Chinese (no English fall-back left).
    const suggested = await page.locator('.results li.card h3 a').allInnerTexts();
    expect(suggested.length).toBeGreaterThan(0);
    expect(suggested.filter((name) => !/\p{Script=Han}/u.test(name))).toEqual([]);
    await page.locator('.results li.card h3 a').first().click();
    await page.locator('h2', { hasText: '职业简介' }).waitFor();
    expect(await page.locator('h1').innerText()).toBe(suggested[0]);
    expect(await page.locator('h1').getAttribute('lang')).toBeNull();
    expect(await page.locator('body').innerText()).toContain('ESCO 仅提供英文的职业描述');
    // The ISCO-08 unit and major groups are named in Chinese too.
    expect(await page.locator('p', { hasText: 'ISCO-08 分组' }).innerText()).toMatch(
      /^ISCO-08 分组 \d{4}：\p{Script=Han}/u,
    );
    expect(await page.locator('p', { hasText: '大类：' }).innerText()).toMatch(/^大类：\p{Script=Han}/u);
    await checkPage(page, 'career zh');
    await shoot(page, 'career-zh');
    await page.context().close();
  }, 600_000);
});
