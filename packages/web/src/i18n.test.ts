import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDate, initialLocale, loadCatalogue, locale, setLocale, t } from './i18n.ts';
import { common as commonEn } from './messages/en/common.ts';
import { common as commonZh } from './messages/zh/common.ts';

describe('language', () => {
  it('starts from the saved choice, else the browser languages, else English', () => {
    expect(initialLocale('zh', ['en-GB'])).toBe('zh');
    expect(initialLocale(null, ['zh-CN', 'en'])).toBe('zh');
    expect(initialLocale(null, ['de-DE', 'en-US'])).toBe('en');
    expect(initialLocale(null, ['fr'])).toBe('en');
  });

  it('has the shell strings before any catalogue chunk arrives, and the rest once it has', async () => {
    locale.value = 'en';
    expect(t('common.signIn')).toBe('Sign in');
    await loadCatalogue('en');
    expect(t('check.facts.level', { level: 4 })).toBe('Level 4');
  });

  it('switches language only once that language is at hand', async () => {
    locale.value = 'en';
    const switching = setLocale('zh');
    expect(locale.value).toBe('en');
    await switching;
    expect(locale.value).toBe('zh');
    expect(t('check.facts.level', { level: 4 })).toBe('4 级');
    await setLocale('en');
  });

  it('formats dates by locale: 1 Dec 2026 / 2026年12月1日', () => {
    locale.value = 'en';
    expect(formatDate('2026-12-01')).toBe('1 Dec 2026');
    locale.value = 'zh';
    expect(formatDate('2026-12-01')).toBe('2026年12月1日');
    locale.value = 'en';
  });
});

describe('the shell', () => {
  // The header, footer and role notices render before the language's catalogue chunk arrives.
  it('uses only strings that ship with it (the common catalogue, in both languages)', () => {
    const shellFiles = ['app.tsx', 'nav.ts', 'components/header.tsx'];
    const keys = shellFiles.flatMap((file) =>
      [...readFileSync(join(import.meta.dirname, file), 'utf8').matchAll(/'((?:common|nav)\.[\w.]+)'/g)].map(
        (match) => match[1]!,
      ),
    );
    expect(keys.length).toBeGreaterThan(20);
    expect(keys.filter((key) => !(key in commonEn))).toEqual([]);
    expect(keys.filter((key) => !(key in commonZh))).toEqual([]);
  });
});
