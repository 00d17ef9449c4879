import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Converter } from 'opencc-js/t2cn';
import { describe, expect, it } from 'vitest';
import { ISCO_NAMES_FILE, parseIscoNames } from '../../scripts/build-careers.ts';
import { taxonomyDataDir } from '../taxonomy.ts';
import { CAREERS_FILE, type CareerArtifact } from './artifact.ts';
import { getCareerGuide } from './guide.ts';

const artifact = JSON.parse(
  gunzipSync(readFileSync(resolve(taxonomyDataDir(), CAREERS_FILE))).toString('utf8'),
) as CareerArtifact;
const source = parseIscoNames(readFileSync(resolve(taxonomyDataDir(), ISCO_NAMES_FILE), 'utf8'));
/** OpenCC's traditional → mainland simplified conversion: a simplified name comes back unchanged. */
const toSimplified = Converter({ from: 't', to: 'cn' });
/** Latin letters a group name may keep: abbreviations Chinese titles use as they are (none are needed today). */
const ABBREVIATIONS = new Set(['ICT', 'IT']);
const latinWords = (name: string) => name.match(/[0-9]*[A-Za-z]+/g) ?? [];
const codes = Object.keys(artifact.isco);

describe('Chinese names of the ISCO-08 groups (career pages)', () => {
  it('names every ISCO group of the committed careers data in Chinese, as the hand-written file says', () => {
    expect(codes.length).toBe(619);
    expect(codes.filter((code) => !/\p{Script=Han}/u.test(artifact.iscoZh[code] ?? ''))).toEqual([]);
    expect(Object.keys(artifact.iscoZh).sort()).toEqual([...codes].sort());
    for (const code of codes) {
      expect(source.get(code), code).toEqual({ en: artifact.isco[code], zh: artifact.iscoZh[code] });
    }
  });

  it('writes every name in simplified characters, with Latin letters only for established abbreviations', () => {
    const names = Object.values(artifact.iscoZh);
    expect(names.filter((name) => toSimplified(name) !== name)).toEqual([]);
    expect(names.flatMap(latinWords).filter((word) => !ABBREVIATIONS.has(word))).toEqual([]);
    expect(toSimplified('專業技術人員')).not.toBe('專業技術人員');
  });

  it('never gives two groups under one parent the same name', () => {
    const seen = new Map<string, string>();
    const clashes: string[] = [];
    for (const code of codes) {
      const key = `${code.length}:${code.slice(0, -1)}:${artifact.iscoZh[code]}`;
      if (seen.has(key)) clashes.push(`${seen.get(key)} / ${code}: ${artifact.iscoZh[code]}`);
      seen.set(key, code);
    }
    expect(clashes).toEqual([]);
  });

  it('shows a career page’s unit and major group in the page’s language', () => {
    const welder = 'http://data.europa.eu/esco/occupation/7aedaa07-3884-4c5b-88f9-80997b2aa54b';
    const guide = getCareerGuide();
    expect(guide.occupation(welder, 'zh')!.isco).toEqual({
      code: '7212',
      label: '焊工和火焰切割工',
      major: { code: '7', label: '工艺和相关行业工人' },
    });
    expect(guide.occupation(welder, 'en')!.isco).toEqual({
      code: '7212',
      label: 'Welders and flamecutters',
      major: { code: '7', label: 'Craft and related trades workers' },
    });
  });
});
