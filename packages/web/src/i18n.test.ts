import { describe, expect, it } from 'vitest';
import { formatDate, initialLocale, locale, t } from './i18n.ts';

describe('language', () => {
  it('starts from the saved choice, else the browser languages, else English', () => {
    expect(initialLocale('zh', ['en-GB'])).toBe('zh');
    expect(initialLocale(null, ['zh-CN', 'en'])).toBe('zh');
    expect(initialLocale(null, ['de-DE', 'en-US'])).toBe('en');
    expect(initialLocale(null, ['fr'])).toBe('en');
  });

  it('formats dates by locale: 1 Dec 2026 / 2026年12月1日', () => {
    locale.value = 'en';
    expect(formatDate('2026-12-01')).toBe('1 Dec 2026');
    expect(t('check.facts.level', { level: 4 })).toBe('Level 4');
    locale.value = 'zh';
    expect(formatDate('2026-12-01')).toBe('2026年12月1日');
    expect(t('check.facts.level', { level: 4 })).toBe('4 级');
    locale.value = 'en';
  });
});
