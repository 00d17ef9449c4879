import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { getTaxonomy } from '@skillpass/taxonomy';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { interrupt, npmStart, type Started } from './npm-start.ts';
import { Api } from './web/api.ts';
import { checkPage, type Lang, launchChromium, openPage } from './web/browser.ts';

/**
 * Shared skill-level standards in a real browser against `npm start`, on a phone (360 px) in English and Chinese:
 * a Jiangsu centre proposes a standard (API), a Zhejiang centre approves it on /issuer/standards, the public pages
 * show its levels, a template names level 4 and the verify page of a credential issued from it shows the standard and
 * the level. axe-core on every page. Screenshots go to a temporary directory, or to docs/screenshots with
 * `UPDATE_SCREENSHOTS=1`.
 */

const SHOTS = process.env.UPDATE_SCREENSHOTS
  ? resolve(import.meta.dirname, '../../docs/screenshots')
  : mkdtempSync(join(tmpdir(), 'standards-shots-'));
const WELDER = 'http://data.europa.eu/esco/occupation/7aedaa07-3884-4c5b-88f9-80997b2aa54b';
const [first, second] = getTaxonomy().occupationSkills(WELDER).essential as [string, string];
const WORDS = {
  en: { approve: 'Approve and publish', level4: 'intermediate worker', published: 'is published' },
  zh: { approve: '通过并发布', level4: '四级 / 中级工', published: '已发布' },
} as const;

let server: Started;
let api: Api;
let browser: Browser;

async function accredited(role: 'issuer', sub: string, provinceCode: string): Promise<string> {
  const token = await api.token(role, sub);
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

describe.each(['en', 'zh'] as Lang[])('shared standards on a phone (%s)', (lang) => {
  it('second-province review → public pages → template names the level → verify page shows it', async () => {
    const words = WORDS[lang];
    const proposer = await accredited('issuer', `e2e-std-js-${lang}`, '320000');
    await accredited('issuer', `e2e-std-zj-${lang}`, '330000');
    const title = { en: `Welder ${lang}`, zh: `焊工 ${lang}` };
    const proposed = await api.call<{ standard: { standardId: string } }>('POST', '/v1/standards', {
      token: proposer,
      body: {
        occupationUri: WELDER,
        title,
        levels: [
          { level: 5, skills: [{ uri: first, proficiency: 1 }] },
          {
            level: 4,
            skills: [
              { uri: first, proficiency: 2 },
              { uri: second, proficiency: 1 },
            ],
          },
        ],
      },
    });
    const standardId = proposed.standard.standardId;

    const page = await openPage(browser, lang, 'phone');
    await page.goto(`${server.origin}/sign-in?next=/issuer/standards`);
    await page.locator('#name').waitFor();
    await page.locator('input[name=role][value=issuer]').check();
    await page.locator('#name').fill(`e2e-std-zj-${lang}`);
    await page.locator('form button[type=submit]').click();
    const card = page.locator('li.card', { hasText: title[lang] });
    await card.waitFor({ timeout: 120_000 });
    await checkPage(page, `issuer standards ${lang}`);
    await page.screenshot({ path: join(SHOTS, `standards-review-${lang}.png`), fullPage: true });
    await card.getByRole('button', { name: new RegExp(words.approve) }).click();
    await page.getByText(words.published).waitFor({ timeout: 60_000 });

    await page.goto(`${server.origin}/standards`);
    await page.getByRole('link', { name: title[lang] }).click();
    await page.locator('#level-4').waitFor({ timeout: 60_000 });
    await checkPage(page, `standard ${lang}`);
    await page.screenshot({ path: join(SHOTS, `standard-${lang}.png`), fullPage: true });

    const template = await api.call<{ templateId: string }>('POST', '/v1/credential-templates', {
      token: proposer,
      body: {
        title: { en: 'Welding, intermediate', zh: '焊工（中级工）' },
        description: 'Welding to level 4 of the shared standard.',
        learningOutcomes: [first, second],
        workload: { hours: 80 },
        eqfLevel: 3,
        skillLevelStandard: { standardId, version: 1, level: 4 },
        assessmentType: 'practical exam',
        participationForm: 'onsite',
        qualityAssurance: 'provincial audit',
      },
    });
    const issued = await api.call<{ verifyUrl: string }>('POST', '/v1/credentials', {
      token: proposer,
      body: {
        templateId: template.templateId,
        holder: { subjectId: `urn:learner:${lang}`, email: `std-${lang}@example.com`, name: 'Xu Ming' },
      },
    });
    const link = new URL(issued.verifyUrl);
    await page.goto(`${server.origin}${link.pathname}${link.hash}`);
    const fact = page.locator(`dd[data-standard="${standardId}"]`);
    await fact.getByText(title[lang]).waitFor({ timeout: 120_000 });
    expect(await fact.textContent()).toContain(words.level4);
    await checkPage(page, `verify ${lang}`);
    await page.screenshot({ path: join(SHOTS, `verify-standard-${lang}.png`), fullPage: true });
    await page.context().close();
  }, 600_000);
});
