import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { getTaxonomy } from '@skillpass/taxonomy';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { interrupt, npmStart, type Started } from './npm-start.ts';
import { Api } from './web/api.ts';
import { checkPage, clickNav, type Lang, launchChromium, signInOnPage, type Viewport } from './web/browser.ts';

/**
 * Shared skill-level standards in a real browser against `npm start`, in English and Chinese at desktop and phone
 * widths, axe-core on every page: a Jiangsu centre proposes a standard on /issuer/standards, a Zhejiang centre approves
 * it there, the public pages show its levels; the Jiangsu centre offers a template naming level 4 (the template
 * form's picker); an employer asks for level 5 on a job (the job editor's picker), sees it kept when editing again;
 * a graduate holding the level-4 credential sees the job's level requirement met on their matches and the level on
 * the job page; the credential's verify page shows the standard and the level. Screenshots (phone width) go to a
 * temporary directory, or to docs/screenshots with `UPDATE_SCREENSHOTS=1`.
 */

const SHOTS = process.env.UPDATE_SCREENSHOTS
  ? resolve(import.meta.dirname, '../../docs/screenshots')
  : mkdtempSync(join(tmpdir(), 'standards-shots-'));
const COMBINATIONS: Array<[Lang, Viewport]> = [
  ['en', 'desktop'],
  ['en', 'phone'],
  ['zh', 'desktop'],
  ['zh', 'phone'],
];
const SUZHOU = '320500';
const WELDER = 'http://data.europa.eu/esco/occupation/7aedaa07-3884-4c5b-88f9-80997b2aa54b';
const taxonomy = getTaxonomy();
const [first, second] = taxonomy.occupationSkills(WELDER).essential as [string, string];
const label = (uri: string, lang: Lang) => taxonomy.labelOf(uri, lang) ?? uri;
/** A suggestion button naming exactly `name` ("Add weld …", "选择“焊工”"), not a longer name containing it. */
const naming = (name: string) => new RegExp(`[\\s“]${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}”?$`);
const WORDS = {
  en: {
    proposed: 'is proposed',
    approve: 'Approve and publish',
    published: 'is published',
    offered: 'is on offer',
    saved: 'Your changes were saved.',
    level4: 'intermediate worker',
    level5: 'junior worker',
  },
  zh: {
    proposed: '已提交',
    approve: '通过并发布',
    published: '已发布',
    offered: '已可颁发',
    saved: '修改已保存。',
    level4: '四级 / 中级工',
    level5: '五级 / 初级工',
  },
} as const;
const SLOW = { timeout: 120_000 };

let server: Started;
let api: Api;
let browser: Browser;

async function accredited(sub: string, provinceCode: string): Promise<string> {
  const token = await api.token('issuer', sub);
  await api.call('PUT', '/v1/issuers/me', {
    token,
    body: {
      legalName: { en: `Centre ${sub}` },
      kind: 'training-centre',
      country: 'CN',
      region: 'Delta',
      provinceCode,
      accreditation: [{ by: 'Provincial HRSS', scope: 'vocational training', validUntil: '2030-12-31' }],
    },
  });
  const admin = await api.token('admin', 'e2e-standards-operator');
  await api.call('PUT', `/v1/admin/issuers/${sub}/accreditation`, { token: admin, body: { validUntil: '2099-12-31' } });
  return token;
}

/** Adds the skill named `uri` to a level of the proposal form, through its search. */
async function addSkill(page: Page, level: number, uri: string, lang: Lang): Promise<void> {
  const fieldset = page.locator('fieldset', { has: page.locator(`#std-level-${level}`) });
  await fieldset.locator(`#std-level-${level}`).fill(label(uri, lang));
  await fieldset
    .locator('.suggestions button', { hasText: naming(label(uri, lang)) })
    .first()
    .click();
  await fieldset.locator('li.row', { hasText: label(uri, lang) }).waitFor();
}

async function shot(page: Page, viewport: Viewport, name: string): Promise<void> {
  if (viewport === 'phone') await page.screenshot({ path: join(SHOTS, name), fullPage: true });
}

beforeAll(async () => {
  browser = await launchChromium();
  server = await npmStart(mkdtempSync(join(tmpdir(), 'skillpass-standards-web-')), ['--in-memory']);
  api = new Api(server.origin);
  mkdirSync(SHOTS, { recursive: true });
}, 600_000);
afterAll(async () => {
  await browser?.close();
  if (server) await interrupt(server);
});

describe.each(COMBINATIONS)('shared standards (%s, %s)', (lang, viewport) => {
  it('proposed and approved across provinces → public → template level → job level → met on matches', async () => {
    const words = WORDS[lang];
    const tag = `${lang}-${viewport}`;
    const proposerName = `e2e-std-js-${tag}`;
    const proposer = await accredited(proposerName, '320000');
    await accredited(`e2e-std-zj-${tag}`, '330000');
    const title = { en: `Welder ${tag}`, zh: `焊工 ${tag}` };

    // The Jiangsu centre proposes the standard with the form: title, occupation, levels 5 and 4.
    const issuer = await signInOnPage(browser, server.origin, {
      lang,
      viewport,
      role: 'issuer',
      name: proposerName,
      next: '/issuer/standards',
    });
    await issuer.locator('#std-title-en').waitFor(SLOW);
    await issuer.locator('#std-title-en').fill(title.en);
    await issuer.locator('#std-title-zh').fill(title.zh);
    await issuer.locator('#std-occupation').fill(label(WELDER, lang));
    await issuer
      .locator('.suggestions button', { hasText: naming(label(WELDER, lang)) })
      .first()
      .click();
    await addSkill(issuer, 5, first, lang);
    await addSkill(issuer, 4, first, lang);
    await addSkill(issuer, 4, second, lang);
    await checkPage(issuer, `propose ${tag}`);
    await shot(issuer, viewport, `standards-propose-${lang}.png`);
    await issuer
      .locator('form', { has: issuer.locator('#std-title-en') })
      .locator('button[type=submit]')
      .click();
    await expect.poll(() => issuer.locator('.notice.ok').innerText(), SLOW).toContain(words.proposed);

    // A Zhejiang centre reviews and approves it.
    const reviewer = await signInOnPage(browser, server.origin, {
      lang,
      viewport,
      role: 'issuer',
      name: `e2e-std-zj-${tag}`,
      next: '/issuer/standards',
    });
    const card = reviewer.locator('li.card', { hasText: title[lang] });
    await card.waitFor(SLOW);
    await checkPage(reviewer, `issuer standards ${tag}`);
    await shot(reviewer, viewport, `standards-review-${lang}.png`);
    await card.getByRole('button', { name: new RegExp(words.approve) }).click();
    await expect.poll(() => reviewer.locator('.notice.ok').innerText(), SLOW).toContain(words.published);

    // Anyone reads it on /standards.
    await clickNav(reviewer, '/standards');
    await reviewer.getByRole('link', { name: title[lang] }).click();
    await reviewer.locator('#level-4').waitFor(SLOW);
    const standardId = decodeURIComponent(new URL(reviewer.url()).pathname.split('/').pop()!);
    await checkPage(reviewer, `standard ${tag}`);
    await shot(reviewer, viewport, `standard-${lang}.png`);
    await reviewer.context().close();

    // The Jiangsu centre offers a template naming level 4, with the template form's picker.
    await clickNav(issuer, '/issuer/templates');
    await issuer.locator('#titleEn').waitFor();
    await issuer.locator('#titleEn').fill(`Welding, intermediate (${tag})`);
    await issuer.locator('#titleZh').fill(`焊工（中级工，${tag}）`);
    await issuer.locator('#descriptionEn').fill('Welding to level 4 of the shared standard.');
    await issuer.locator('#descriptionZh').fill('达到共享标准四级的焊接技能。');
    for (const uri of [first, second]) {
      await issuer.locator('#outcome-search').fill(label(uri, lang));
      await issuer
        .locator('.suggestions button', { hasText: naming(label(uri, lang)) })
        .first()
        .click();
    }
    await issuer.locator('#hours').fill('80');
    await issuer.locator('#eqfLevel').selectOption('3');
    await issuer.locator(`#skillLevelStandard option[value="${standardId}@1#4"]`).waitFor({ state: 'attached' });
    await issuer.locator('#skillLevelStandard').selectOption(`${standardId}@1#4`);
    await issuer.locator('#assessmentType').fill('Practical exam');
    await issuer.locator('#qualityAssurance').fill('Provincial audit');
    await checkPage(issuer, `template with a standard level ${tag}`);
    await shot(issuer, viewport, `template-standard-${lang}.png`);
    await issuer.locator('form > button[type=submit]').click();
    await expect.poll(() => issuer.locator('.notice.ok').innerText(), SLOW).toContain(words.offered);
    await issuer.context().close();

    // A graduate who welds, holding the level-4 credential from that template.
    const graduateToken = await api.token('graduate', `e2e-std-grad-${tag}`);
    const profile = await api.call<{ graduateId: string }>('PUT', '/v1/profiles/me', {
      token: graduateToken,
      body: {
        displayName: 'Xu Ming',
        contactEmail: `std-${tag}@example.com`,
        skills: [
          { uri: first, proficiency: 2 },
          { uri: second, proficiency: 1 },
        ],
        preferredPlaces: [{ kind: 'delta', cityCode: SUZHOU }],
        consents: { personalisedMatching: true },
      },
    });
    const templates = await api.call<{ items: Array<{ templateId: string }> }>(
      'GET',
      `/v1/credential-templates?issuer=${proposerName}`,
    );
    expect(templates.items).toHaveLength(1);
    const issued = await api.call<{ verifyUrl: string }>('POST', '/v1/credentials', {
      token: proposer,
      body: { templateId: templates.items[0]!.templateId, holder: { graduateId: profile.graduateId } },
    });

    // An employer's welding job, then the level asked for set with the job editor's picker and kept.
    const jobTitle = `Welder wanted ${tag}`;
    const posted = await api.call<{ jobId: string }>('POST', '/v1/jobs', {
      token: await api.token('employer', `e2e-std-employer-${tag}`),
      body: {
        title: { en: jobTitle, zh: `招聘焊工 ${tag}` },
        description: 'Welding of battery trays.',
        occupation: { escoUri: WELDER },
        requiredSkills: [
          { uri: first, importance: 'essential' },
          { uri: second, importance: 'essential' },
        ],
        place: { kind: 'delta', cityCode: SUZHOU },
        closingDate: '2999-01-01',
      },
    });
    const editPath = `/employer/jobs/${encodeURIComponent(posted.jobId)}/edit`;
    const employer = await signInOnPage(browser, server.origin, {
      lang,
      viewport,
      role: 'employer',
      name: `e2e-std-employer-${tag}`,
      next: editPath,
    });
    await employer.locator(`#job-standard option[value="${standardId}"]`).waitFor({ state: 'attached', ...SLOW });
    await employer.locator('#job-standard-search').fill(title[lang]);
    await employer.locator('#job-standard').selectOption(standardId);
    await employer.locator('#job-standard-level').selectOption('5');
    expect(await employer.locator('#job-standard-level option').count()).toBe(2);
    await checkPage(employer, `job standard picker ${tag}`);
    await shot(employer, viewport, `job-standard-${lang}.png`);
    await employer.locator('form > button[type=submit]').click();
    await employer.getByText(words.saved).waitFor(SLOW);
    // Opened again from the job list (a reload would end the in-memory session).
    await clickNav(employer, '/employer/jobs');
    await employer.locator(`main a[href="${editPath}"]`).click();
    await employer.locator('#job-standard-level').waitFor(SLOW);
    expect(await employer.locator('#job-standard').inputValue()).toBe(standardId);
    expect(await employer.locator('#job-standard-level').inputValue()).toBe('5');
    await employer.context().close();

    // The graduate's matches say the level asked is met (level 4 held, level 5 asked); the job page names it.
    const graduate = await signInOnPage(browser, server.origin, {
      lang,
      viewport,
      role: 'graduate',
      name: `e2e-std-grad-${tag}`,
      next: '/matches',
    });
    const match = graduate.locator('li.card.match', { hasText: lang === 'zh' ? `招聘焊工 ${tag}` : jobTitle });
    const met = match.locator(`.standard-fit[data-standard="${standardId}"][data-fit="meets"]`);
    // The credential reaches matching through the pipeline: read the list again until it has.
    await expect
      .poll(async () => {
        if (await met.isVisible()) return true;
        // Following the header link to the page one is on reads it afresh (a reload would end the session).
        await clickNav(graduate, '/matches');
        await graduate.locator('main h1').waitFor();
        return met.waitFor({ timeout: 5_000 }).then(
          () => true,
          () => false,
        );
      }, SLOW)
      .toBe(true);
    await expect.poll(() => met.innerText(), SLOW).toContain(title[lang]);
    expect(await met.innerText()).toContain(words.level5);
    await checkPage(graduate, `matches with a standard level ${tag}`);
    await shot(graduate, viewport, `match-standard-${lang}.png`);
    await match.locator('h2 a').click();
    const asked = graduate.locator(`main p[data-standard="${standardId}"]`);
    await asked.getByText(title[lang]).waitFor(SLOW);
    expect(await asked.innerText()).toContain(words.level5);
    await checkPage(graduate, `job with a standard level ${tag}`);

    // The credential's verify page shows the standard and the level it names.
    const link = new URL(issued.verifyUrl);
    await graduate.goto(`${server.origin}${link.pathname}${link.hash}`);
    const fact = graduate.locator(`dd[data-standard="${standardId}"]`);
    await fact.getByText(title[lang]).waitFor(SLOW);
    expect(await fact.textContent()).toContain(words.level4);
    await checkPage(graduate, `verify ${tag}`);
    await shot(graduate, viewport, `verify-standard-${lang}.png`);
    await graduate.context().close();
  }, 900_000);
});

describe.each(['en', 'zh'] as Lang[])('the header menu on a phone (%s)', (lang) => {
  it('folds the role’s pages behind one button that opens, closes on Escape and on navigation; wide screens show them all', async () => {
    const page = await signInOnPage(browser, server.origin, {
      lang,
      viewport: 'phone',
      role: 'graduate',
      name: `e2e-std-header-${lang}`,
      next: '/standards',
    });
    const menu = page.locator('header .menu-button');
    const link = page.locator('header nav a[href="/courses"]');
    await page.locator('main h1').waitFor(SLOW);
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await menu.getAttribute('aria-controls')).toBe('site-nav');
    expect(await link.isVisible()).toBe(false);
    await checkPage(page, `header closed ${lang}`);
    await page.screenshot({ path: join(SHOTS, `header-menu-closed-${lang}.png`) });

    // Keyboard: Enter opens, Escape closes and gives the focus back to the button.
    await menu.focus();
    await page.keyboard.press('Enter');
    await link.waitFor();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    await checkPage(page, `header open ${lang}`);
    await page.screenshot({ path: join(SHOTS, `header-menu-open-${lang}.png`) });
    await page.keyboard.press('Tab');
    await page.keyboard.press('Escape');
    await link.waitFor({ state: 'hidden' });
    expect(await menu.evaluate((button) => button === document.activeElement)).toBe(true);

    // Following a link in it closes it.
    await menu.click();
    await link.click();
    await page.waitForURL((url) => url.pathname === '/courses');
    await link.waitFor({ state: 'hidden' });
    expect(await menu.getAttribute('aria-expanded')).toBe('false');

    // Wide, the button is gone and every link shows.
    await page.setViewportSize({ width: 1280, height: 900 });
    await link.waitFor();
    expect(await menu.isVisible()).toBe(false);
    await page.context().close();
  }, 300_000);
});
