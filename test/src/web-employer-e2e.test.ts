import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { getTaxonomy } from '@skillpass/taxonomy';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BATTERY_CHEMISTRY } from './battery-template.ts';
import { interrupt, npmStart, type Started } from './npm-start.ts';
import { Api, issue, schoolWithTemplate } from './web/api.ts';
import {
  checkPage,
  clickNav,
  type Lang,
  launchChromium,
  openPage,
  signInOnPage,
  type Viewport,
} from './web/browser.ts';

/**
 * The employer console in a real browser against the real local stack, in English and Chinese, at desktop and
 * phone widths, with axe-core on every page: organisation, a job posted from pasted text with its suggested skills
 * confirmed, ranked candidates, an invitation, the applications board moved to hired, the applicant's contact on
 * the application and never on the candidates list; an edit that meets someone else's change (412); and the job's
 * occupation chosen, kept, replaced and cleared with the occupation picker the graduate profile shares.
 * `UPDATE_SCREENSHOTS=1` also writes docs/screenshots/employer-*.png at phone width.
 */

const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS ? resolve(import.meta.dirname, '../../docs/screenshots') : undefined;
const COMBINATIONS: Array<[Lang, Viewport]> = [
  ['en', 'desktop'],
  ['en', 'phone'],
  ['zh', 'desktop'],
  ['zh', 'phone'],
];
const JIANGSU = '320000';
const SUZHOU = '320500';
const WORDS = {
  en: {
    signIn: 'Sign in',
    graduate: 'Chen Jing',
    organisation: 'Suzhou Battery Works',
    title: 'Battery technician',
    description:
      'Suzhou Battery Works is hiring a technician for our EV battery line. You understand battery chemistry, ' +
      'assemble and test battery packs, and follow quality standards.\nBenefits: pension, canteen and training.',
    outcome: 'battery chemistry',
    asides: 'benefits',
    moves: ['Mark as viewed', 'Invite to interview', 'Make an offer', 'Mark as hired'],
    hired: 'Hired',
    erased: 'Applicant erased their data',
  },
  zh: {
    signIn: '登录',
    graduate: '陈静',
    organisation: '苏州电池厂',
    title: '电池技术员',
    description:
      '苏州电池厂招聘动力电池生产线技术员。要求熟悉电池化学，能够装配和测试电池包，遵守质量标准。\n福利待遇：五险一金，包吃住。',
    asides: '福利待遇',
    outcome: '电池化学',
    moves: ['标记为已查看', '邀请面试', '发出录用意向', '标记为已录用'],
    hired: '已录用',
    erased: '申请人已删除其数据',
  },
} as const;
const STATUSES = ['viewed', 'interview', 'offer', 'hired'] as const;

let server: Started;
let api: Api;
let browser: Browser;
let school: { token: string; templateId: string };

beforeAll(async () => {
  browser = await launchChromium();
  server = await npmStart(mkdtempSync(join(tmpdir(), 'skillpass-web-employer-')), ['--in-memory']);
  api = new Api(server.origin);
  school = await schoolWithTemplate(api);
  if (SCREENSHOTS) mkdirSync(SCREENSHOTS, { recursive: true });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  if (server) await interrupt(server);
});

async function signInAsEmployer(page: Page, name: string, next = '/'): Promise<void> {
  await page.goto(`${server.origin}/sign-in?next=${encodeURIComponent(next)}`);
  await page.locator('input[name="role"][value="employer"]').check();
  await page.locator('#name').fill(name);
  await page.locator('form button[type=submit]').click();
}

async function shoot(page: Page, viewport: Viewport, name: string): Promise<void> {
  if (SCREENSHOTS && viewport === 'phone') await page.screenshot({ path: join(SCREENSHOTS, name), fullPage: true });
}

/** A welding job in Suzhou posted through the API, for the tests that start on its edit page. */
async function postWeldingJob(token: string, title: string): Promise<{ id: string }> {
  return api.call<{ id: string }>('POST', '/v1/jobs', {
    token,
    body: {
      title: { en: title },
      description: 'Welding of battery trays.',
      requiredSkills: [{ uri: BATTERY_CHEMISTRY, importance: 'essential' }],
      place: { kind: 'delta', cityCode: SUZHOU },
      closingDate: '2999-01-01',
    },
  });
}

/** The job's candidates read again: to its board and back, by the pages' links. */
async function revisitCandidates(page: Page, jobId: string): Promise<void> {
  await page.locator(`main a[href="/employer/jobs/${jobId}/applications"]`).click();
  await page.locator(`main a[href="/employer/jobs/${jobId}/candidates"]`).click();
  await page.locator('.candidates, main [role="alert"]').first().waitFor();
}

/** A discoverable graduate who asked for ranking, in Suzhou, with the skill a school's credential backs. */
async function candidate(name: string, displayName: string): Promise<{ token: string; email: string }> {
  const token = await api.token('graduate', name);
  const email = `${name}@example.com`;
  const profile = await api.call<{ graduateId: string }>('PUT', '/v1/profiles/me', {
    token,
    body: {
      displayName,
      contactEmail: email,
      skills: [{ uri: BATTERY_CHEMISTRY, proficiency: 3 }],
      languages: [{ code: 'zh', level: 'C2' }],
      education: [{ eqfLevel: 4, field: 'Electrical engineering', institution: 'Suzhou Vocational Institute' }],
      preferredPlaces: [{ kind: 'delta', cityCode: SUZHOU }],
      consents: { personalisedMatching: true, discoverable: true },
    },
  });
  await issue(api, school, profile.graduateId);
  return { token, email };
}

describe.each(COMBINATIONS)('the employer journey (%s, %s)', (lang, viewport) => {
  const words = WORDS[lang];
  const employerName = `e2e-employer-${lang}-${viewport}`;
  const graduateName = `${words.graduate} ${viewport}`;

  it('sets up the organisation, posts a job from pasted text, invites a candidate and hires the applicant', async () => {
    const graduate = await candidate(`e2e-candidate-${lang}-${viewport}`, graduateName);
    const page = await openPage(browser, lang, viewport);
    await signInAsEmployer(page, employerName);

    // Signed in, the employer lands on their jobs, which first asks for the organisation.
    await page.locator('.notice a[href="/employer/organisation"]').click();
    await page.locator('#name-en').waitFor();
    await page.locator('#name-en').fill('Suzhou Battery Works');
    await page.locator('#name-zh').fill('苏州电池厂');
    await page.locator('#org-place-province').selectOption(JIANGSU);
    await page.locator('#org-place-city').selectOption(SUZHOU);
    await page.locator('#website').fill('https://battery.example.com');
    await checkPage(page, `organisation ${lang} ${viewport}`);
    await shoot(page, viewport, `employer-organisation-${lang}.png`);
    await page.locator('form > button[type=submit]').click();

    // Post a job from the pasted advert: the suggested skills are confirmed one by one.
    await page.locator('a[href="/employer/jobs/new"]').click();
    await page.locator('#title-en').fill('Battery technician');
    await page.locator('#title-zh').fill('电池技术员');
    await page.locator('#description').fill(words.description);
    await page.locator('#suggest-skills').click();
    await page.locator('.suggested p').first().waitFor();
    // The benefits part is named as not read for skills.
    expect(await page.locator('#suggest-asides').innerText()).toContain(words.asides);
    await page.locator('.suggested button', { hasText: words.outcome }).first().click();
    // The rest are not needed: each dismissed.
    while ((await page.locator('.suggested li').count()) > 0)
      await page.locator('.suggested li').first().locator('button').nth(1).click();
    await expect.poll(() => page.locator('.chosen-skills > li').count()).toBe(1);
    expect(await page.locator('.chosen-skills').innerText()).toContain(words.outcome);
    await page.locator('#job-place-province').selectOption(JIANGSU);
    await page.locator('#job-place-city').selectOption(SUZHOU);
    await page.locator('#closing-date').fill('2999-01-01');
    await checkPage(page, `post a job ${lang} ${viewport}`);
    await shoot(page, viewport, `employer-job-${lang}.png`);
    await page.locator('form > button[type=submit]').click();

    // Posted: its ranked candidates, the graduate among them with the credential-backed skill marked, no contact.
    await page.waitForURL(/\/employer\/jobs\/[^/]+\/candidates$/);
    const jobId = decodeURIComponent(new URL(page.url()).pathname.split('/')[3]!);
    // The session lives in memory only (a reload signs out): wait on the API until the pipeline ranked the
    // graduate with the credential-backed skill, then open the list afresh through the app's own links.
    const employerToken = await api.token('employer', employerName);
    await expect
      .poll(
        async () =>
          (
            await api.call<{ items: Array<{ displayName: string; explanation: { verifiedSkills?: string[] } }> }>(
              'GET',
              `/v1/jobs/${jobId}/candidates`,
              { token: employerToken },
            )
          ).items.some((item) => item.displayName === graduateName && item.explanation.verifiedSkills?.length),
        { timeout: 180_000, interval: 2_000 },
      )
      .toBe(true);
    await revisitCandidates(page, jobId);
    const card = page.locator('.candidates > li', { hasText: graduateName });
    await card.locator('.tag.verified').first().waitFor();
    expect(await card.locator('.fit').innerText()).toMatch(/1/);
    expect(await page.locator('main').innerText()).not.toContain(graduate.email);
    await checkPage(page, `candidates ${lang} ${viewport}`);
    await card.locator('button.primary').click();
    await card.locator('.tag.invited').waitFor();
    await shoot(page, viewport, `employer-candidates-${lang}.png`);
    // The invited state comes from the API: it is still there when the list is read again.
    await revisitCandidates(page, jobId);
    await card.locator('.tag.invited').waitFor();

    // The graduate accepts by applying (through the API); the board moves the application along with buttons.
    await api.call('POST', `/v1/jobs/${jobId}/applications`, { token: graduate.token, body: { coverNote: 'Hello' } });
    await page.locator(`main a[href="/employer/jobs/${jobId}/applications"]`).click();
    const application = page.locator('.application-card', { hasText: graduateName });
    await application.waitFor();
    await checkPage(page, `board ${lang} ${viewport}`);
    for (const [i, status] of STATUSES.entries()) {
      await application.locator('button', { hasText: words.moves[i]! }).click();
      await page.locator(`.column:has(#column-${status}) .application-card`, { hasText: graduateName }).waitFor();
    }
    expect(await application.locator('button').count()).toBe(0);
    await application.locator('summary').click();
    expect(await application.locator('.timeline li').count()).toBe(5);
    await checkPage(page, `board hired ${lang} ${viewport}`);
    await shoot(page, viewport, `employer-board-${lang}.png`);

    // The application shows the contact applying shared; the candidates list never does.
    await application.locator('h3 a').click();
    await expect.poll(() => page.locator('a.contact').innerText()).toBe(graduate.email);
    expect(await page.locator('main').innerText()).toContain(words.hired);
    expect(await page.locator('main .tag.verified').count()).toBeGreaterThan(0);
    await checkPage(page, `application ${lang} ${viewport}`);
    await shoot(page, viewport, `employer-application-${lang}.png`);
    await page.locator(`main a[href="/employer/jobs/${jobId}/applications"]`).click();
    await page.locator(`main a[href="/employer/jobs/${jobId}/candidates"]`).click();
    await card.waitFor();
    expect(await page.locator('main').innerText()).not.toContain(graduate.email);

    // The jobs list and the notifications page (no withdrawals here).
    await clickNav(page, '/employer/jobs');
    await page.locator('main .card h2', { hasText: words.title }).waitFor();
    await checkPage(page, `jobs ${lang} ${viewport}`);
    await shoot(page, viewport, `employer-jobs-${lang}.png`);
    await clickNav(page, '/employer/notifications');
    await page.locator('main [aria-busy="true"]').waitFor({ state: 'detached', timeout: 60_000 });
    await checkPage(page, `employer notifications ${lang} ${viewport}`);

    // The graduate erases their data: the employer keeps the application's history and nothing about the person.
    const erasure = await fetch(`${server.origin}/v1/profiles/me`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${graduate.token}` },
    });
    expect(erasure.status).toBe(204);
    await clickNav(page, '/employer/jobs');
    await page.locator(`main a[href="/employer/jobs/${jobId}/applications"]`).click();
    const erased = page.locator('.application-card', { hasText: words.erased });
    await erased.waitFor();
    expect(await page.locator('main').innerText()).not.toContain(graduateName);
    await erased.locator('h3 a').click();
    await page.locator('h1', { hasText: words.erased }).waitFor();
    expect(await page.locator('main .timeline li').count()).toBe(5);
    expect(await page.locator('main').innerText()).not.toContain(graduate.email);
    await checkPage(page, `erased application ${lang} ${viewport}`);
    await page.context().close();
  }, 600_000);
});

describe.each<[Lang, Viewport]>([
  ['en', 'desktop'],
  ['zh', 'phone'],
])('an edit that meets someone else’s change (%s, %s)', (lang, viewport) => {
  const name = `e2e-employer-412-${lang}-${viewport}`;

  /** Someone else's change, made with the job's current ETag. */
  async function changeElsewhere(jobId: string, token: string, title: string): Promise<void> {
    const read = await fetch(`${server.origin}/v1/jobs/${jobId}`);
    const response = await fetch(`${server.origin}/v1/jobs/${jobId}`, {
      method: 'PATCH',
      headers: {
        Authorization: `Bearer ${token}`,
        'Content-Type': 'application/merge-patch+json',
        'If-Match': read.headers.get('ETag') ?? '',
      },
      body: JSON.stringify({ title: { en: title } }),
    });
    expect(response.status).toBe(200);
  }

  it('says so, then keeps my edits on top of theirs, or shows theirs and drops mine', async () => {
    const token = await api.token('employer', name);
    const posted = await postWeldingJob(token, 'Welder');
    const page = await openPage(browser, lang, viewport);
    await signInAsEmployer(page, name, `/employer/jobs/${posted.id}/edit`);
    await expect.poll(() => page.locator('#title-en').inputValue()).toBe('Welder');

    // Mine over theirs.
    await changeElsewhere(posted.id, token, 'Welder (their edit)');
    await page.locator('#title-en').fill('Welder (my edit)');
    await page.locator('form > button[type=submit]').click();
    await page.locator('.conflict').waitFor();
    await checkPage(page, `edit conflict ${lang} ${viewport}`);
    await shoot(page, viewport, `employer-conflict-${lang}.png`);
    await page.locator('.conflict button.primary').click();
    await page.locator('.notice.ok').waitFor();
    expect((await api.call<{ title: { en: string } }>('GET', `/v1/jobs/${posted.id}`)).title.en).toBe(
      'Welder (my edit)',
    );

    // Theirs instead of mine.
    await changeElsewhere(posted.id, token, 'Welder (their second edit)');
    await page.locator('#title-en').fill('Welder (lost edit)');
    await page.locator('form > button[type=submit]').click();
    await page.locator('.conflict button:not(.primary)').click();
    expect(await page.locator('#title-en').inputValue()).toBe('Welder (their second edit)');
    expect(await page.locator('.conflict').count()).toBe(0);
    expect((await api.call<{ title: { en: string } }>('GET', `/v1/jobs/${posted.id}`)).title.en).toBe(
      'Welder (their second edit)',
    );
    await page.context().close();
  }, 300_000);
});

const WELDER = 'http://data.europa.eu/esco/occupation/7aedaa07-3884-4c5b-88f9-80997b2aa54b';
const ELECTRICIAN = 'http://data.europa.eu/esco/occupation/4910419f-b4af-4f59-b544-9dbebc8a74f0';
const taxonomy = getTaxonomy();
const occupationName = (uri: string, lang: Lang) => taxonomy.labelOf(uri, lang) ?? uri;
/** The picker's result button for an occupation, by its whole accessible name. */
const PICK = { en: (name: string) => `Choose ${name}`, zh: (name: string) => `选择：${name}` } as const;

describe.each<[Lang, Viewport]>([
  ['en', 'desktop'],
  ['zh', 'phone'],
])('the job’s occupation (%s, %s)', (lang, viewport) => {
  const name = `e2e-employer-occupation-${lang}-${viewport}`;
  const welder = occupationName(WELDER, lang);
  const electrician = occupationName(ELECTRICIAN, lang);
  type Read = { occupation?: { escoUri?: string } };

  it('is found, chosen, replaced, saved, shown again after a reload, and cleared', async () => {
    const token = await api.token('employer', name);
    const posted = await postWeldingJob(token, 'Tray welder');
    const edit = `/employer/jobs/${posted.id}/edit`;
    let page = await signInOnPage(browser, server.origin, { lang, role: 'employer', name, next: edit, viewport });
    await expect.poll(() => page.locator('#title-en').inputValue(), { timeout: 120_000 }).toBe('Tray welder');
    // The chosen occupation's row, on whichever page is open.
    const chosen = () => page.locator('fieldset:has(#job-occupation) ul[aria-live] > li.row');
    expect(await chosen().count()).toBe(0);

    // Searched in the page's language, picked: the results go and the choice shows with its name.
    const choose = async (occupation: string) => {
      await page.locator('#job-occupation').fill(occupation);
      await page.getByRole('button', { name: PICK[lang](occupation), exact: true }).click();
      await expect.poll(() => chosen().innerText()).toContain(occupation);
    };
    await choose(electrician);
    // A job has one occupation: another pick replaces it.
    await choose(welder);
    expect(await chosen().count()).toBe(1);
    expect(await page.locator('fieldset:has(#job-occupation) .suggestions').count()).toBe(0);
    await checkPage(page, `job occupation chosen ${lang} ${viewport}`);
    await page.locator('form > button[type=submit]').click();
    await page.locator('.notice.ok').waitFor();
    expect((await api.call<Read>('GET', `/v1/jobs/${posted.id}`)).occupation?.escoUri).toBe(WELDER);

    // A fresh page (the session lives in memory, so signed in again) reads the job with its occupation named.
    await page.context().close();
    page = await signInOnPage(browser, server.origin, { lang, role: 'employer', name, next: edit, viewport });
    await expect.poll(() => chosen().innerText(), { timeout: 120_000 }).toContain(welder);

    // Cleared and saved: the job has no occupation any more.
    await chosen().getByRole('button').click();
    await expect.poll(() => chosen().count()).toBe(0);
    await checkPage(page, `job occupation cleared ${lang} ${viewport}`);
    await page.locator('form > button[type=submit]').click();
    await page.locator('.notice.ok').waitFor();
    expect((await api.call<Read>('GET', `/v1/jobs/${posted.id}`)).occupation).toBeUndefined();
    await page.context().close();
  }, 300_000);

  it('is the same picker that keeps several occupations on a graduate’s profile', async () => {
    const graduate = `e2e-occupations-${lang}-${viewport}`;
    const token = await api.token('graduate', graduate);
    await api.call('PUT', '/v1/profiles/me', {
      token,
      body: {
        displayName: graduate,
        contactEmail: `${graduate}@example.com`,
        skills: [],
        languages: [],
        education: [],
        preferredPlaces: [],
        consents: { personalisedMatching: false, discoverable: false },
      },
    });
    const page = await signInOnPage(browser, server.origin, {
      lang,
      role: 'graduate',
      name: graduate,
      next: '/profile',
      viewport,
    });
    const add = { en: (n: string) => `Add ${n}`, zh: (n: string) => `添加 ${n}` }[lang];
    const listed = page.locator('fieldset:has(#occupation-search) ul[aria-live] > li.row');
    for (const occupation of [welder, electrician]) {
      await page.locator('#occupation-search').fill(occupation);
      await page.getByRole('button', { name: add(occupation), exact: true }).click();
      await expect.poll(() => listed.filter({ hasText: occupation }).count(), { timeout: 120_000 }).toBe(1);
    }
    // A second pick adds rather than replaces; an occupation listed already cannot be added twice.
    expect(await page.getByRole('button', { name: add(electrician), exact: true }).isDisabled()).toBe(true);
    await checkPage(page, `profile occupations ${lang} ${viewport}`);
    await page.locator('form > button[type=submit]').click();
    await page.locator('.notice.ok').waitFor();
    const saved = await api.call<{ desiredOccupations: Array<{ escoUri?: string }> }>('GET', '/v1/profiles/me', {
      token,
    });
    expect(saved.desiredOccupations.map((o) => o.escoUri)).toEqual([WELDER, ELECTRICIAN]);
    await page.context().close();
  }, 300_000);
});
