import fc from 'fast-check';
import type { DeltaCityCode } from '@skillpass/domain';
import { describe, expect, it } from 'vitest';
import { graphArb, jobArb, profileArb, SKILLS } from './arbitraries.test-support.ts';
import { partitionsOfInterest, scoreJobForProfile } from './score.ts';
import { summariseExplanation } from './summary.ts';
import type { MatchJob, MatchProfile, SkillGraph } from './types.ts';

const noRelations: SkillGraph = { relatedSkills: () => [] };
const [welding, cutting, metals, drawings, gas] = SKILLS as [string, string, string, string, string];

const welder: MatchJob = {
  id: 'job-w',
  version: 3,
  requiredSkills: [
    { uri: welding, importance: 'essential', minProficiency: 2 },
    { uri: metals, importance: 'essential', minProficiency: 2 },
    { uri: drawings, importance: 'essential', minProficiency: 1 },
    { uri: cutting, importance: 'optional', minProficiency: 1 },
  ],
  place: { kind: 'delta', cityCode: '320500' },
  minChinaSkillLevel: 4,
  postedAt: '2026-01-01T00:00:00.000Z',
};
const graduate: MatchProfile = {
  id: 'g',
  version: 7,
  skills: [
    { uri: welding, proficiency: 3, verified: true },
    { uri: metals, proficiency: 2, verified: false },
    { uri: gas, proficiency: 2, verified: false },
  ],
  preferredPlaces: [{ kind: 'delta', cityCode: '320100' }],
  openToRemote: false,
  chinaSkillLevel: 4,
};

describe('scoreJobForProfile explains itself', () => {
  it('names matched, partial and missing skills, location tier, level fit and verification', () => {
    const graph: SkillGraph = {
      relatedSkills: (uri) => (uri === cutting ? [{ uri: gas, kind: 'related' }] : []),
    };
    const match = scoreJobForProfile(graduate, welder, graph);
    expect(match).toMatchObject({ jobId: 'job-w', profileId: 'g', jobVersion: 3, profileVersion: 7, eligible: true });
    expect(match.explanation.matchedEssential.map((c) => c.required.uri)).toEqual([welding, metals]);
    expect(match.explanation.partial).toEqual([
      expect.objectContaining({
        required: expect.objectContaining({ uri: cutting }),
        via: expect.objectContaining({ uri: gas, relation: 'related' }),
      }),
    ]);
    expect(match.explanation.missingEssential).toEqual([drawings]);
    expect(match.explanation.location).toEqual({ tier: 'same-province', score: 0.8 });
    expect(match.explanation.level.fits).toEqual([
      { requirement: 'china-skill-level', required: 4, held: 4, fit: 'meets' },
    ]);
    expect(match.explanation.verifiedSkills).toEqual([welding]);
    const { skills, location, level } = match.explanation.parts;
    expect(match.score).toBeCloseTo(skills + location + level, 0);
  });

  it('reports proficiency against the minimum for each matched skill, and credits a shortfall partly', () => {
    const match = scoreJobForProfile(graduate, welder, noRelations);
    const [weldingCredit, metalsCredit] = match.explanation.matchedEssential;
    expect(weldingCredit).toMatchObject({
      required: { uri: welding, minProficiency: 2 },
      via: { relation: 'same', proficiency: 3, verified: true },
    });
    expect(metalsCredit).toMatchObject({
      required: { uri: metals, minProficiency: 2 },
      via: { relation: 'same', proficiency: 2, verified: false },
    });
    const novice = {
      ...graduate,
      skills: graduate.skills.map((s) => (s.uri === welding ? { ...s, proficiency: 1 as const } : s)),
    };
    const shortfall = scoreJobForProfile(novice, welder, noRelations);
    expect(shortfall.explanation.matchedEssential[0]!.credit).toBeLessThan(weldingCredit!.credit);
    expect(shortfall.explanation.matchedEssential[0]!.credit).toBeGreaterThan(0);
  });

  it('lists matched and missing optional skills apart from essential ones', () => {
    const withCutting = {
      ...graduate,
      skills: [...graduate.skills, { uri: cutting, proficiency: 1 as const, verified: false }],
    };
    expect(
      scoreJobForProfile(withCutting, welder, noRelations).explanation.matchedOptional.map((c) => c.required.uri),
    ).toEqual([cutting]);
    const without = scoreJobForProfile(graduate, welder, noRelations).explanation;
    expect(without.matchedOptional).toEqual([]);
    expect(without.missingOptional).toEqual([cutting]);
    expect(without.missingEssential).toEqual([drawings]);
  });

  it('names the held skill and the ESCO relation behind a partial match; a narrower skill earns more than a broader one', () => {
    const job: MatchJob = {
      ...welder,
      requiredSkills: [{ uri: drawings, importance: 'essential', minProficiency: 1 }],
    };
    const holding = (uri: string): MatchProfile => ({ ...graduate, skills: [{ uri, proficiency: 2, verified: true }] });
    const graph: SkillGraph = {
      relatedSkills: (uri) =>
        uri === drawings
          ? [
              { uri: gas, kind: 'narrower' },
              { uri: cutting, kind: 'broader' },
            ]
          : [],
    };
    const viaNarrower = scoreJobForProfile(holding(gas), job, graph);
    const viaBroader = scoreJobForProfile(holding(cutting), job, graph);
    expect(viaNarrower.explanation.partial).toEqual([
      expect.objectContaining({
        required: expect.objectContaining({ uri: drawings }),
        via: expect.objectContaining({ uri: gas, relation: 'narrower', verified: true }),
      }),
    ]);
    expect(viaBroader.explanation.partial[0]!.via).toMatchObject({ uri: cutting, relation: 'broader' });
    expect(viaNarrower.explanation.missingEssential).toEqual([]);
    expect(viaNarrower.score).toBeGreaterThan(viaBroader.score);
    expect(viaBroader.eligible).toBe(true);
  });

  it('marks which covered skills a verified credential backs', () => {
    const match = scoreJobForProfile(graduate, welder, noRelations);
    expect(match.explanation.matchedEssential.map((c) => [c.required.uri, c.via?.verified])).toEqual([
      [welding, true],
      [metals, false],
    ]);
    expect(match.explanation.verifiedSkills).toEqual([welding]);
  });

  it('places remote and foreign jobs in their tiers', () => {
    const tier = (profile: MatchProfile, place: MatchJob['place']) =>
      scoreJobForProfile(profile, { ...welder, place }, noRelations).explanation.location.tier;
    expect(tier({ ...graduate, openToRemote: true }, { kind: 'remote' })).toBe('remote');
    expect(tier(graduate, { kind: 'remote' })).toBe('remote-not-wanted');
    const berliner = { ...graduate, preferredPlaces: [{ kind: 'elsewhere' as const, country: 'DE', city: 'Berlin' }] };
    expect(tier(berliner, { kind: 'elsewhere', country: 'DE', city: 'berlin' })).toBe('same-city');
    expect(tier(berliner, { kind: 'delta', cityCode: '310000' })).toBe('outside');
    expect(tier({ ...graduate, preferredPlaces: [] }, { kind: 'delta', cityCode: '310000' })).toBe('no-preference');
  });

  it('says how far below a level requirement the graduate is, or that none is required', () => {
    const level = (profile: MatchProfile, job: MatchJob) =>
      scoreJobForProfile(profile, job, noRelations).explanation.level;
    const eqfJob: MatchJob = { ...welder, minEqfLevel: 6, minChinaSkillLevel: undefined };
    expect(level({ ...graduate, eqfLevel: 4 }, eqfJob).fits).toEqual([
      { requirement: 'eqf', required: 6, held: 4, fit: 'below', belowBy: 2 },
    ]);
    expect(level({ ...graduate, eqfLevel: 7 }, eqfJob).fits).toEqual([
      { requirement: 'eqf', required: 6, held: 7, fit: 'meets' },
    ]);
    expect(level({ ...graduate, eqfLevel: undefined }, eqfJob).fits).toEqual([
      { requirement: 'eqf', required: 6, fit: 'unknown' },
    ]);
    // 5 = 初级工 is the lowest China level: holding 5 where 4 is required falls one step short.
    expect(level({ ...graduate, chinaSkillLevel: 5 }, welder).fits).toEqual([
      { requirement: 'china-skill-level', required: 4, held: 5, fit: 'below', belowBy: 1 },
    ]);
    expect(level({ ...graduate, chinaSkillLevel: 2 }, welder).fits[0]!.fit).toBe('meets');
    expect(level(graduate, { ...welder, minChinaSkillLevel: undefined })).toEqual({ fits: [], score: 1 });
    const scores = [2, 1, 0].map(
      (short) => scoreJobForProfile({ ...graduate, eqfLevel: 6 - short }, eqfJob, noRelations).score,
    );
    expect(scores[0]).toBeLessThan(scores[1]!);
    expect(scores[1]).toBeLessThan(scores[2]!);
  });

  it('counts a credential at a standard level as evidence for that level or a lower one, never a higher one', () => {
    const level = (profile: MatchProfile, job: MatchJob) =>
      scoreJobForProfile(profile, job, noRelations).explanation.level;
    const asks = (lvl: 1 | 2 | 3 | 4 | 5): MatchJob => ({
      ...welder,
      minChinaSkillLevel: undefined,
      requiredStandardLevel: { standardId: 'std_weld', level: lvl },
    });
    // Two credentials of the standard (say from Jiangsu and from Anhui): the higher level (3) decides.
    const holder: MatchProfile = {
      ...graduate,
      standardLevels: [
        { standardId: 'std_weld', level: 4 },
        { standardId: 'std_weld', level: 3 },
        { standardId: 'std_other', level: 1 },
      ],
    };
    for (const asked of [3, 4, 5] as const) expect(level(holder, asks(asked)).fits[0]!.fit).toBe('meets');
    expect(level(holder, asks(2)).fits).toEqual([
      { requirement: 'skill-level-standard', standardId: 'std_weld', required: 2, held: 3, fit: 'below', belowBy: 1 },
    ]);
    expect(level({ ...graduate, standardLevels: [{ standardId: 'std_other', level: 1 }] }, asks(5)).fits[0]!.fit).toBe(
      'unknown',
    );
    expect(scoreJobForProfile(holder, asks(3), noRelations).score).toBeGreaterThan(
      scoreJobForProfile(holder, asks(1), noRelations).score,
    );
    expect(scoreJobForProfile(holder, asks(1), noRelations).summary).toMatch(/skill-level standard/);
  });

  it('sums in one plain sentence', () => {
    const graph: SkillGraph = { relatedSkills: (uri) => (uri === cutting ? [{ uri: gas, kind: 'related' }] : []) };
    expect(scoreJobForProfile(graduate, welder, graph).summary).toBe(
      'Has 2 of 3 essential skills and 0 of 1 optional, 1 more through a related skill; 1 backed by a verified credential; the job is in a preferred province; meets the required level.',
    );
    const remoteEqf = scoreJobForProfile(
      { ...graduate, openToRemote: true, eqfLevel: 5 },
      { ...welder, place: { kind: 'remote' }, minEqfLevel: 6, minChinaSkillLevel: undefined },
      noRelations,
    );
    expect(remoteEqf.summary).toContain('the job is remote, as wanted; EQF level 1 step below the requirement.');
    const stranger: MatchProfile = { ...graduate, skills: [{ uri: SKILLS[9]!, proficiency: 4, verified: true }] };
    expect(scoreJobForProfile(stranger, welder, noRelations).summary).toMatch(/not a match/);
  });

  it('reads in Chinese too, and names the skills when given their labels', () => {
    const graph: SkillGraph = { relatedSkills: (uri) => (uri === cutting ? [{ uri: gas, kind: 'related' }] : []) };
    const { explanation } = scoreJobForProfile(graduate, welder, graph);
    const en = {
      [welding]: 'welding',
      [cutting]: 'metal cutting',
      [metals]: 'metal types',
      [drawings]: 'technical drawings',
      [gas]: 'gas welding',
    };
    const zh = {
      [welding]: '焊接',
      [cutting]: '金属切割',
      [metals]: '金属种类',
      [drawings]: '技术图纸',
      [gas]: '气焊',
    };
    expect(summariseExplanation(explanation, { label: (uri) => en[uri]! })).toBe(
      'Has 2 of 3 essential skills and 0 of 1 optional, 1 more through a related skill (metal cutting through gas welding); ' +
        '1 backed by a verified credential; missing: technical drawings; the job is in a preferred province; meets the required level.',
    );
    expect(summariseExplanation(explanation, { lang: 'zh', label: (uri) => zh[uri]! })).toBe(
      '具备 2/3 项必备技能、0/1 项可选技能，另有 1 项通过相关技能部分覆盖（以“气焊”覆盖“金属切割”）；其中 1 项有已验证的证书；缺少：技术图纸；岗位位于偏好省份；达到要求的等级。',
    );
    const remote = scoreJobForProfile(
      { ...graduate, eqfLevel: undefined },
      { ...welder, place: { kind: 'remote' }, minEqfLevel: 5 },
      noRelations,
    );
    expect(summariseExplanation(remote.explanation, { lang: 'zh' })).toContain(
      '远程岗位，但未选择远程；未填写欧洲资历框架（EQF）等级。',
    );
    expect(summariseExplanation(remote.explanation, { lang: 'zh', eligible: false })).toMatch(/不匹配。$/);
  });

  it('is not eligible without any covered skill', () => {
    const stranger: MatchProfile = { ...graduate, skills: [{ uri: SKILLS[9]!, proficiency: 4, verified: true }] };
    expect(scoreJobForProfile(stranger, welder, noRelations).eligible).toBe(false);
  });

  it('ranks location tiers: same city > same province > elsewhere in the Delta > outside', () => {
    const at = (cityCode: DeltaCityCode) =>
      scoreJobForProfile(graduate, { ...welder, place: { kind: 'delta', cityCode } }, noRelations);
    const outside = scoreJobForProfile(
      graduate,
      { ...welder, place: { kind: 'elsewhere', country: 'DE', city: 'Berlin' } },
      noRelations,
    );
    expect(at('320100').explanation.location.tier).toBe('same-city');
    expect(at('320500').explanation.location.tier).toBe('same-province');
    expect(at('330100').explanation.location.tier).toBe('delta');
    expect(outside.explanation.location.tier).toBe('outside');
    expect(at('320100').score).toBeGreaterThan(at('320500').score);
    expect(at('320500').score).toBeGreaterThan(at('330100').score);
    expect(at('330100').score).toBeGreaterThan(outside.score);
  });

  it('partitions of interest follow the preferred places and remote preference', () => {
    expect(
      partitionsOfInterest({ preferredPlaces: [{ kind: 'delta', cityCode: '320500' }], openToRemote: true }),
    ).toEqual(['320000', 'remote']);
    expect(partitionsOfInterest({ preferredPlaces: [], openToRemote: false })).toHaveLength(6);
  });
});

describe('scoring properties', () => {
  it('is deterministic and within [0, 100]', () => {
    fc.assert(
      fc.property(profileArb, jobArb('j'), graphArb, (profile, job, graph) => {
        const a = scoreJobForProfile(profile, job, graph);
        const b = scoreJobForProfile(structuredClone(profile), structuredClone(job), graph);
        expect(b).toEqual(a);
        expect(a.score).toBeGreaterThanOrEqual(0);
        expect(a.score).toBeLessThanOrEqual(100);
      }),
      { numRuns: 500 },
    );
  });

  it('gaining a required skill never lowers the score', () => {
    fc.assert(
      fc.property(
        profileArb,
        jobArb('j'),
        graphArb,
        fc.nat(),
        fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const),
        fc.boolean(),
        (profile, job, graph, pick, proficiency, verified) => {
          const missing = job.requiredSkills.filter((r) => !profile.skills.some((s) => s.uri === r.uri));
          fc.pre(missing.length > 0);
          const gained = missing[pick % missing.length]!;
          const richer = { ...profile, skills: [...profile.skills, { uri: gained.uri, proficiency, verified }] };
          expect(scoreJobForProfile(richer, job, graph).score).toBeGreaterThanOrEqual(
            scoreJobForProfile(profile, job, graph).score,
          );
        },
      ),
      { numRuns: 500 },
    );
  });

  it('a credential-verified skill never scores below the same self-declared one', () => {
    fc.assert(
      fc.property(profileArb, jobArb('j'), graphArb, fc.nat(), (profile, job, graph, pick) => {
        fc.pre(profile.skills.length > 0);
        const index = pick % profile.skills.length;
        const withVerification = (verified: boolean) => ({
          ...profile,
          skills: profile.skills.map((s, i) => (i === index ? { ...s, verified } : s)),
        });
        expect(scoreJobForProfile(withVerification(true), job, graph).score).toBeGreaterThanOrEqual(
          scoreJobForProfile(withVerification(false), job, graph).score,
        );
      }),
      { numRuns: 500 },
    );
  });

  it('a missing essential skill costs more than a missing optional one', () => {
    fc.assert(
      fc.property(profileArb, jobArb('j'), fc.boolean(), (profile, job, verified) => {
        const essential = job.requiredSkills.find((r) => r.importance === 'essential');
        const optional = job.requiredSkills.find((r) => r.importance === 'optional');
        fc.pre(essential !== undefined && optional !== undefined);
        // The graduate holds every required skill alike, then loses one of the two.
        const full = {
          ...profile,
          skills: job.requiredSkills.map((r) => ({ uri: r.uri, proficiency: 4 as const, verified })),
        };
        const without = (uri: string) => ({ ...full, skills: full.skills.filter((s) => s.uri !== uri) });
        expect(scoreJobForProfile(without(essential!.uri), job, noRelations).score).toBeLessThan(
          scoreJobForProfile(without(optional!.uri), job, noRelations).score,
        );
      }),
      { numRuns: 500 },
    );
  });
});
