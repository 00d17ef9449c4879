import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Converter } from 'opencc-js/t2cn';
import { describe, expect, it } from 'vitest';
import { labelKey } from '../scripts/zh-compile.ts';
import { readCore } from '../scripts/zh-worklist.ts';
import { type CompiledChinese, taxonomyDataDir, ZH_LABELS_FILE } from './taxonomy.ts';

const dataDir = taxonomyDataDir();
const core = readCore();
const compiled = JSON.parse(
  gunzipSync(readFileSync(join(dataDir, ZH_LABELS_FILE))).toString('utf8'),
) as CompiledChinese;
const groupNames = JSON.parse(readFileSync(join(dataDir, 'career-groups-zh.json'), 'utf8')) as {
  groups: Record<string, { en: string; zh: string }>;
};
/** OpenCC's traditional → mainland simplified conversion: a simplified label comes back unchanged. */
const toSimplified = Converter({ from: 't', to: 'cn' });
/** Latin letters a displayed Chinese occupation name may keep: abbreviations Chinese job titles use as they are. */
const ABBREVIATIONS = new Set(['3D', 'ATM', 'CAD', 'CNC', 'GIS', 'ICT', 'IT', 'PCB', 'SMT', 'UI', 'Web']);
const latinWords = (label: string) => label.match(/[0-9]*[A-Za-z]+/g) ?? [];

describe('Chinese occupation names (career pages, assessment, search)', () => {
  const preferred = core.occupations.map(([uuid, , , en]) => ({ uuid, en, labels: compiled.occupations[uuid] }));

  it('names every one of ESCO’s 3,007 occupations in Chinese', () => {
    expect(core.occupations.length).toBe(3_007);
    expect(preferred.filter((o) => o.labels === undefined).map((o) => o.en)).toEqual([]);
  });

  it('never shows two different occupations under one Chinese name', () => {
    const owners = new Map<string, string[]>();
    for (const { en, labels } of preferred) {
      const key = labelKey(labels![0]!);
      owners.set(key, [...(owners.get(key) ?? []), en]);
    }
    expect([...owners].filter(([, ens]) => ens.length > 1)).toEqual([]);
  });

  it('writes every name and alternative in simplified characters', () => {
    const traditional = Object.values(compiled.occupations)
      .flat()
      .filter((label) => toSimplified(label) !== label);
    expect(traditional).toEqual([]);
  });

  it('keeps Latin letters in a displayed name only for established abbreviations', () => {
    const stray = preferred.flatMap(({ en, labels }) =>
      latinWords(labels![0]!)
        .filter((word) => !ABBREVIATIONS.has(word))
        .map((word) => `${en}: ${labels![0]} (${word})`),
    );
    expect(stray).toEqual([]);
  });

  it('turns a traditional or Latin-lettered label into a failure (the checks see what they should)', () => {
    expect(toSimplified('機電工程師')).not.toBe('機電工程師');
    expect(latinWords('Java开发工程师').filter((word) => !ABBREVIATIONS.has(word))).toEqual(['Java']);
    expect(latinWords('3D建模师').filter((word) => !ABBREVIATIONS.has(word))).toEqual([]);
  });
});

describe('Chinese names of the assessment’s activity groups', () => {
  it('are simplified Chinese without Latin letters', () => {
    for (const [code, { zh }] of Object.entries(groupNames.groups)) {
      expect(toSimplified(zh), code).toBe(zh);
      expect(latinWords(zh), code).toEqual([]);
    }
  });

  it('differ between groups, except a level-1 area and its own general group (S1 and S1.0)', () => {
    const owners = new Map<string, string[]>();
    for (const [code, { zh }] of Object.entries(groupNames.groups))
      owners.set(zh, [...(owners.get(zh) ?? []), code.replace(/\.0$/, '')]);
    expect([...owners].filter(([, codes]) => new Set(codes).size > 1)).toEqual([]);
  });
});
