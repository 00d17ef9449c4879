import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { graphArb, jobArb, profileArb, SKILLS } from './arbitraries.test-support.ts';
import { partitionsOfInterest, scoreJobForProfile } from './score.ts';
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
      expect.objectContaining({ required: expect.objectContaining({ uri: cutting }), via: expect.objectContaining({ uri: gas, relation: 'related' }) }),
    ]);
    expect(match.explanation.missingEssential).toEqual([drawings]);
    expect(match.explanation.location).toEqual({ tier: 'same-province', score: 0.8 });
    expect(match.explanation.level.fits).toEqual([{ requirement: 'china-skill-level', required: 4, held: 4, fit: 'meets' }]);
    expect(match.explanation.verifiedSkills).toEqual([welding]);
    const { skills, location, level } = match.explanation.parts;
    expect(match.score).toBeCloseTo(skills + location + level, 0);
  });

  it('is not eligible without any covered skill', () => {
    const stranger: MatchProfile = { ...graduate, skills: [{ uri: SKILLS[9]!, proficiency: 4, verified: true }] };
    expect(scoreJobForProfile(stranger, welder, noRelations).eligible).toBe(false);
  });

  it('ranks location tiers: same city > same province > elsewhere in the Delta > outside', () => {
    const at = (cityCode: string) => scoreJobForProfile(graduate, { ...welder, place: { kind: 'delta', cityCode } }, noRelations);
    const outside = scoreJobForProfile(graduate, { ...welder, place: { kind: 'elsewhere', country: 'DE', city: 'Berlin' } }, noRelations);
    expect(at('320100').explanation.location.tier).toBe('same-city');
    expect(at('320500').explanation.location.tier).toBe('same-province');
    expect(at('330100').explanation.location.tier).toBe('delta');
    expect(outside.explanation.location.tier).toBe('outside');
    expect(at('320100').score).toBeGreaterThan(at('320500').score);
    expect(at('320500').score).toBeGreaterThan(at('330100').score);
    expect(at('330100').score).toBeGreaterThan(outside.score);
  });

  it('partitions of interest follow the preferred places and remote preference', () => {
    expect(partitionsOfInterest({ preferredPlaces: [{ kind: 'delta', cityCode: '320500' }], openToRemote: true })).toEqual(['320000', 'remote']);
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
      fc.property(profileArb, jobArb('j'), graphArb, fc.nat(), fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const), fc.boolean(), (profile, job, graph, pick, proficiency, verified) => {
        const missing = job.requiredSkills.filter((r) => !profile.skills.some((s) => s.uri === r.uri));
        fc.pre(missing.length > 0);
        const gained = missing[pick % missing.length]!;
        const richer = { ...profile, skills: [...profile.skills, { uri: gained.uri, proficiency, verified }] };
        expect(scoreJobForProfile(richer, job, graph).score).toBeGreaterThanOrEqual(scoreJobForProfile(profile, job, graph).score);
      }),
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
        const full = { ...profile, skills: job.requiredSkills.map((r) => ({ uri: r.uri, proficiency: 4 as const, verified })) };
        const without = (uri: string) => ({ ...full, skills: full.skills.filter((s) => s.uri !== uri) });
        expect(scoreJobForProfile(without(essential!.uri), job, noRelations).score).toBeLessThan(
          scoreJobForProfile(without(optional!.uri), job, noRelations).score,
        );
      }),
      { numRuns: 500 },
    );
  });
});
