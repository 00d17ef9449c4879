import { describe, expect, it } from 'vitest';
import { Hono } from 'hono/tiny';
import { ifMatchAccepts, languageOf } from './http.ts';

describe('If-Match (strong comparison, one rule for every route)', () => {
  it('accepts the current version, `*`, or a list naming the current version', () => {
    expect(ifMatchAccepts('"v3"', 3)).toBe(true);
    expect(ifMatchAccepts('*', 3)).toBe(true);
    expect(ifMatchAccepts('"v1", "v3"', 3)).toBe(true);
  });

  it('refuses another version, a weak tag, garbage, and anything when nothing is current', () => {
    expect(ifMatchAccepts('"v2"', 3)).toBe(false);
    expect(ifMatchAccepts('W/"v3"', 3)).toBe(false);
    expect(ifMatchAccepts('v3', 3)).toBe(false);
    expect(ifMatchAccepts('*', undefined)).toBe(false);
  });
});

describe('the language of a response', () => {
  const app = new Hono().get('/', (c) => {
    const lang = c.req.query('lang');
    return c.text(languageOf(c, lang === 'en' || lang === 'zh' ? lang : undefined));
  });
  const ask = async (query: string, acceptLanguage?: string) => {
    const res = await app.request(
      `/${query}`,
      acceptLanguage ? { headers: { 'Accept-Language': acceptLanguage } } : {},
    );
    return { lang: await res.text(), vary: res.headers.get('Vary') };
  };

  it('is lang when given, whatever Accept-Language says', async () => {
    expect(await ask('?lang=en', 'zh-CN')).toEqual({ lang: 'en', vary: null });
  });

  it('is otherwise the preferred of en and zh in Accept-Language, by q then by order, else English', async () => {
    expect((await ask('', 'zh-Hans-CN')).lang).toBe('zh');
    expect((await ask('', 'fr, zh;q=0.8, en;q=0.9')).lang).toBe('en');
    expect((await ask('', 'de, zh-TW, en')).lang).toBe('zh');
    expect((await ask('', 'zh;q=0, en;q=0.1')).lang).toBe('en');
    expect(await ask('', 'fr')).toEqual({ lang: 'en', vary: 'Accept-Language' });
    expect((await ask('')).lang).toBe('en');
  });
});
