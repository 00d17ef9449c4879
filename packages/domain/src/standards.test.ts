import { describe, expect, it } from 'vitest';
import type { ChinaSkillLevel } from './refs.ts';
import {
  ASSUMED_EQF_OF_CHINA_LEVEL,
  standardLevelCode,
  standardLevelMeets,
  standardLevelOfCode,
} from './standard-levels.ts';
import {
  assertMayProposeVersion,
  assertMayReview,
  type SkillLevelStandard,
  type StandardContent,
  type StandardVersion,
  standardAfterReview,
  standardContentIssues,
} from './standards.ts';

const skill = (n: number) => `http://data.europa.eu/esco/skill/00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const content: StandardContent = {
  occupationUri: 'http://data.europa.eu/esco/occupation/00000000-0000-4000-8000-000000000001',
  title: { en: 'Welder', zh: '焊工' },
  levels: [
    { level: 4, skills: [{ uri: skill(1), proficiency: 2 }] },
    {
      level: 3,
      skills: [
        { uri: skill(1), proficiency: 3 },
        { uri: skill(2), proficiency: 1 },
      ],
    },
  ],
};
const version: StandardVersion = {
  standardId: 'std_1',
  number: 1,
  status: 'proposed',
  content,
  proposedBy: 'js-1',
  proposerProvince: '320000',
  proposedAt: '2026-12-01T00:00:00Z',
};
const head: SkillLevelStandard = {
  standardId: 'std_1',
  occupationUri: content.occupationUri,
  title: content.title,
  pendingVersion: 1,
  latestNumber: 1,
  version: 1,
  createdAt: '2026-12-01T00:00:00Z',
  updatedAt: '2026-12-01T00:00:00Z',
};
const kindOf = (act: () => unknown) => {
  try {
    act();
    return 'allowed';
  } catch (error) {
    const e = error as { kind: string; fieldIssues: Array<{ path: string }> };
    return `${e.kind}:${e.fieldIssues[0]?.path ?? ''}`;
  }
};

describe('a standard’s levels', () => {
  it('accept levels in any order when each higher level covers the lower ones', () => {
    expect(standardContentIssues(content)).toEqual([]);
    expect(standardContentIssues({ ...content, levels: [...content.levels].reverse() })).toEqual([]);
  });

  it('refuse a higher level that drops or lowers a skill of the level below, a level twice and a skill twice', () => {
    const lowered = structuredClone(content);
    lowered.levels[1]!.skills[0]!.proficiency = 1;
    expect(standardContentIssues(lowered).map((i) => i.path)).toEqual(['levels.1.skills']);
    const dropped = structuredClone(content);
    dropped.levels[1]!.skills.shift();
    expect(standardContentIssues(dropped).map((i) => i.path)).toEqual(['levels.1.skills']);
    const twice = structuredClone(content);
    twice.levels[1]!.level = 4;
    expect(standardContentIssues(twice).map((i) => i.path)).toContain('levels.1.level');
    const skillTwice = structuredClone(content);
    skillTwice.levels[0]!.skills.push({ uri: skill(1), proficiency: 1 });
    expect(standardContentIssues(skillTwice).map((i) => i.path)).toContain('levels.0.skills.1.uri');
  });
});

describe('the review rule', () => {
  const actor = (issuerId: string, provinceCode: '320000' | '330000' | undefined, accredited = true) => ({
    issuerId,
    accredited,
    ...(provinceCode ? { provinceCode } : {}),
  });

  it('lets an accredited issuer of another province review a proposed version', () => {
    expect(assertMayReview(actor('zj-1', '330000'), version)).toBe('330000');
  });

  it('refuses the proposer, the same province, an unaccredited or unplaced issuer, and a reviewed version', () => {
    expect(kindOf(() => assertMayReview(actor('js-1', '330000'), version))).toBe('forbidden:reviewer');
    expect(kindOf(() => assertMayReview(actor('js-2', '320000'), version))).toBe('forbidden:provinceCode');
    expect(kindOf(() => assertMayReview(actor('zj-1', '330000', false), version))).toBe('forbidden:accreditation');
    expect(kindOf(() => assertMayReview(actor('zj-1', undefined), version))).toBe('forbidden:provinceCode');
    expect(kindOf(() => assertMayReview(actor('zj-1', '330000'), { ...version, status: 'published' }))).toBe(
      'conflict:',
    );
  });

  it('publishes on approval, keeps the published version on rejection, and frees the next proposal either way', () => {
    const approved = standardAfterReview(head, version, 'approve', '2026-12-02T00:00:00Z');
    expect(approved).toMatchObject({ publishedVersion: 1, version: 2 });
    expect(approved.pendingVersion).toBeUndefined();
    const second = { ...version, number: 2 };
    const rejected = standardAfterReview({ ...approved, pendingVersion: 2 }, second, 'reject', '2026-12-03T00:00:00Z');
    expect(rejected.publishedVersion).toBe(1);
    expect(rejected.pendingVersion).toBeUndefined();
    expect(kindOf(() => assertMayProposeVersion(rejected, content))).toBe('allowed');
    expect(kindOf(() => assertMayProposeVersion(head, content))).toBe('conflict:');
  });
});

describe('a standard level as evidence', () => {
  const levels: ChinaSkillLevel[] = [1, 2, 3, 4, 5];
  it('meets the same or a lower level (a larger number) of the same standard only', () => {
    for (const held of levels) {
      for (const required of levels) {
        expect(standardLevelMeets({ standardId: 's', level: held }, { standardId: 's', level: required })).toBe(
          held <= required,
        );
      }
      expect(standardLevelMeets({ standardId: 's', level: held }, { standardId: 't', level: 5 })).toBe(false);
    }
  });

  it('reads its alignment code back, and refuses anything else', () => {
    const ref = { standardId: 'std_abc', version: 12, level: 2 as const };
    expect(standardLevelOfCode(standardLevelCode(ref))).toEqual(ref);
    for (const bad of ['std@0#2', 'std@1#6', 'std#2', '@1#2', 'a b@1#2'])
      expect(standardLevelOfCode(bad)).toBeUndefined();
  });

  it('assumes EQF levels that rise as the national level rises', () => {
    const eqf = [5, 4, 3, 2, 1].map((level) => ASSUMED_EQF_OF_CHINA_LEVEL[level as ChinaSkillLevel]);
    expect(eqf).toEqual([...eqf].sort((a, b) => a - b));
    expect(new Set(eqf).size).toBe(5);
  });
});
