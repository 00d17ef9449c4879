import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime, type TestRuntime } from './harness.ts';

// The test runtime's look-up and extraction are the real ESCO taxonomy's (testTaxonomy in harness.ts).
const ATTRIBUTION = 'This service uses the ESCO classification of the European Commission.';
const WELDING_TECHNIQUES = 'http://data.europa.eu/esco/skill/530cb489-d900-46ab-9350-4d50ccd49eea';
const PYTHON = 'http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d';
const WELDER = 'http://data.europa.eu/esco/occupation/7aedaa07-3884-4c5b-88f9-80997b2aa54b';

interface Hit {
  uri: string;
  preferredLabel: string;
  label: string;
  matchedLabel: string;
}

let rt: TestRuntime;
beforeAll(async () => {
  rt = await startTestRuntime();
});
afterAll(async () => rt.close());

const get = (path: string) => rt.call('GET', path);
const hit = (res: { body: { items: Hit[] } }, uri: string) => res.body.items.find((h) => h.uri === uri);

describe('ESCO look-up: GET /v1/skills and /v1/occupations', () => {
  it('finds skills in English, with the ESCO attribution', async () => {
    const res = await get('/v1/skills?q=welding&lang=en');
    expect(res.status).toBe(200);
    expect(res.body.attribution).toBe(ATTRIBUTION);
    expect(hit(res, WELDING_TECHNIQUES)).toMatchObject({
      preferredLabel: 'welding techniques',
      label: 'welding techniques',
    });
    for (const item of res.body.items as Hit[]) expect(item.matchedLabel.toLowerCase()).toContain('weld');
  });

  it('finds skills in Chinese, labelled in Chinese, and honours limit', async () => {
    const res = await get(`/v1/skills?q=${encodeURIComponent('焊接')}&lang=zh&limit=3`);
    expect(res.status).toBe(200);
    expect(res.body.attribution).toBe(ATTRIBUTION);
    expect(res.body.items).toHaveLength(3);
    expect(hit(res, WELDING_TECHNIQUES)).toMatchObject({ preferredLabel: 'welding techniques', label: '焊接技术' });
    for (const item of res.body.items as Hit[]) expect(item.matchedLabel).toContain('焊');
  });

  it('looks a Han-script query up in Chinese without lang=zh (issue 15)', async () => {
    const res = await get(`/v1/skills?q=${encodeURIComponent('焊接')}`);
    expect(res.status).toBe(200);
    expect(hit(res, WELDING_TECHNIQUES)).toBeDefined();
    for (const item of res.body.items as Hit[]) expect(item.matchedLabel).toContain('焊');
  });

  it('finds occupations by English and Chinese title, the exact title first', async () => {
    const en = await get('/v1/occupations?q=welder');
    expect(en.status).toBe(200);
    expect(en.body.attribution).toBe(ATTRIBUTION);
    expect(en.body.items[0]).toMatchObject({ uri: WELDER, label: 'welder' });
    const zh = await get(`/v1/occupations?q=${encodeURIComponent('焊工')}&lang=zh`);
    expect(zh.status).toBe(200);
    expect(zh.body.items[0]).toMatchObject({ uri: WELDER, preferredLabel: 'welder', label: '焊工' });
  });

  it.each([
    ['/v1/skills', 'query.q'],
    ['/v1/skills?q=', 'query.q'],
    ['/v1/skills?q=weld&lang=fr', 'query.lang'],
    ['/v1/skills?q=weld&limit=51', 'query.limit'],
    ['/v1/occupations?lang=zh', 'query.q'],
    ['/v1/occupations?q=welder&limit=0', 'query.limit'],
  ])('400 problem+json naming the field for %s', async (path, field) => {
    const res = await get(path);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual([field]);
  });
});

describe('POST /v1/skills/extract', () => {
  const extract = (body: unknown) => rt.call('POST', '/v1/skills/extract', { body });

  it('returns ESCO skills with spans that point at the text, in English and Chinese', async () => {
    const text = 'Experience with Python and SQL; forklift driving licence.';
    const en = await extract({ text, lang: 'en' });
    expect(en.status).toBe(200);
    expect(en.body.attribution).toBe(ATTRIBUTION);
    expect(en.body.items).toContainEqual(
      expect.objectContaining({ uri: PYTHON, span: { start: 16, end: 22, text: 'Python' } }),
    );
    for (const { span, confidence } of en.body.items) {
      expect(text.slice(span.start, span.end)).toBe(span.text);
      expect(confidence).toBeGreaterThan(0);
      expect(confidence).toBeLessThanOrEqual(1);
    }
    // Ranked candidates per sentence, best first, for a person to confirm from the top few.
    expect(en.body.sentences.map((s: { span: { text: string } }) => s.span.text)).toEqual([
      'Experience with Python and SQL;',
      'forklift driving licence.',
    ]);
    const first = en.body.sentences[0].candidates as Array<{ uri: string; score: number; evidence: string }>;
    expect(first.map((c) => c.uri)).toContain(PYTHON);
    for (let k = 1; k < first.length; k++) expect(first[k - 1]!.score).toBeGreaterThanOrEqual(first[k]!.score);
    expect(Array.isArray(en.body.occupations)).toBe(true);

    const zhText = '需要熟练掌握焊接技术';
    const zh = await extract({ text: zhText, lang: 'zh' });
    expect(zh.status).toBe(200);
    expect(zh.body.items).toContainEqual(
      expect.objectContaining({
        uri: WELDING_TECHNIQUES,
        label: '焊接技术',
        span: { start: 6, end: 10, text: '焊接技术' },
      }),
    );
    for (const { span } of zh.body.items) expect(zhText.slice(span.start, span.end)).toBe(span.text);
  });

  it('names the parts of an ad it did not read for skills (benefits, company) and suggests nothing from them', async () => {
    const text = 'About us: We are a leading logistics company.\nRequirements:\n- Python and SQL\nBenefits:\n- pension';
    const res = await extract({ text });
    expect(res.status).toBe(200);
    expect(res.body.asides).toEqual([
      { span: { start: 0, end: 46, text: 'About us: We are a leading logistics company.\n' }, kind: 'company' },
      { span: { start: 77, end: 96, text: 'Benefits:\n- pension' }, kind: 'benefits' },
    ]);
    const uris = res.body.items.map((i: { uri: string }) => i.uri);
    expect(uris).toContain(PYTHON);
    for (const { span } of res.body.items) expect(span.start).toBeGreaterThanOrEqual(46);
  });

  it('400 naming the field for empty text, an unknown language or an unknown field', async () => {
    for (const [body, field] of [
      [{ text: '' }, 'text'],
      [{ text: 'welding', lang: 'fr' }, 'lang'],
      [{ text: 'welding', surprise: true }, 'surprise'],
    ] as const) {
      const res = await extract(body);
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual([field]);
    }
  });
});
