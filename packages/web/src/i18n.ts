import { computed, effect, signal } from '@preact/signals';
import { common as commonEn } from './messages/en/common.ts';
import type { MessageKey } from './messages/en/index.ts';
import { common as commonZh } from './messages/zh/common.ts';

export type Locale = 'en' | 'zh';
export const LOCALES: readonly Locale[] = ['en', 'zh'];

/**
 * The shell's strings (header, footer, role notices) ship with the shell; the rest of a language's catalogue is its
 * own chunk, fetched alongside the first page's chunk, so a phone downloads one language, not two, and not with the
 * shell. `catalogueVersion` changes when a catalogue arrives, so whatever `t()` rendered renders again.
 */
const loaded: Record<Locale, Partial<Record<MessageKey, string>>> = { en: { ...commonEn }, zh: { ...commonZh } };
const loading = new Map<Locale, Promise<void>>();
const catalogueVersion = signal(0);

const importers: Record<Locale, () => Promise<Record<MessageKey, string>>> = {
  en: () => import('./messages/en/index.ts').then((module) => module.en),
  zh: () => import('./messages/zh/index.ts').then((module) => module.zh),
};

/** Resolves once every string of the language is at hand; a failed fetch may be tried again. */
export function loadCatalogue(which: Locale): Promise<void> {
  let pending = loading.get(which);
  if (!pending) {
    pending = importers[which]().then((all) => {
      Object.assign(loaded[which], all);
      catalogueVersion.value++;
    });
    pending.catch(() => loading.delete(which));
    loading.set(which, pending);
  }
  return pending;
}

const STORAGE_KEY = 'skillpass.lang';

/** The saved choice, else the browser's first language (zh-* → zh), else English. */
export function initialLocale(saved: string | null, browserLanguages: readonly string[]): Locale {
  if (saved === 'en' || saved === 'zh') return saved;
  for (const language of browserLanguages) {
    const base = language.toLowerCase().split('-')[0];
    if (base === 'zh') return 'zh';
    if (base === 'en') return 'en';
  }
  return 'en';
}

function readSaved(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export const locale = signal<Locale>(
  typeof navigator === 'undefined' ? 'en' : initialLocale(readSaved(), navigator.languages ?? [navigator.language]),
);

/** Switches once the language's catalogue is at hand, so the page never shows a mix of two languages. */
export async function setLocale(next: Locale): Promise<void> {
  await loadCatalogue(next);
  locale.value = next;
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // private mode: the choice lasts for this visit
  }
}

if (typeof document !== 'undefined') {
  effect(() => {
    document.documentElement.lang = locale.value === 'zh' ? 'zh-CN' : 'en';
  });
}

/** "a, b and c" / "a、b和c" in the current language. */
export const listOf = (items: readonly string[]): string =>
  new Intl.ListFormat(locale.value === 'zh' ? 'zh-CN' : 'en', { type: 'conjunction' }).format(items);

/** A message in the current language, `{name}` placeholders filled from params. */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  catalogueVersion.value; // subscribes the caller to the catalogue's arrival
  const template = loaded[locale.value][key] ?? loaded.en[key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? formatParam(params[name] as string | number) : whole,
  );
}

function formatParam(value: string | number): string {
  return typeof value === 'number' ? formatNumber(value) : value;
}

const intlLocale = computed(() => (locale.value === 'zh' ? 'zh-CN' : 'en-GB'));

/** 1 Dec 2026 / 2026年12月1日 */
export function formatDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(intlLocale.value, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/** An exact moment, to the second, in the reader's time zone. */
export function formatDateTime(iso: string | Date): string {
  const date = typeof iso === 'string' ? new Date(iso) : iso;
  if (Number.isNaN(date.getTime())) return String(iso);
  return new Intl.DateTimeFormat(intlLocale.value, {
    dateStyle: 'medium',
    timeStyle: 'medium',
  }).format(date);
}

export function formatNumber(value: number): string {
  return new Intl.NumberFormat(intlLocale.value).format(value);
}

/** Place, skill and occupation names from the API or the domain data, in the chosen language. */
export function pick(labels: { en: string; zh?: string | undefined }): string {
  return locale.value === 'zh' && labels.zh ? labels.zh : labels.en;
}
