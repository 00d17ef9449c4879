import { describe, expect, it } from 'vitest';
import { scoreJobForProfile } from './score.ts';
import { summariseExplanation } from './summary.ts';
import type { MatchJob, MatchProfile, SkillGraph } from './types.ts';

const noRelations: SkillGraph = { relatedSkills: () => [] };
const skill = (name: string) => `http://data.europa.eu/esco/skill/${name}`;
const place = { kind: 'delta' as const, cityCode: '320500' as const };
const jobRequiring = (id: string, uris: readonly string[]): MatchJob => ({
  id,
  version: 1,
  requiredSkills: uris.map((uri) => ({ uri, importance: 'essential', minProficiency: 2 })),
  place,
  postedAt: '2026-11-01T00:00:00.000Z',
});
const graduateHolding = (uris: readonly string[]): MatchProfile => ({
  id: 'g',
  version: 1,
  skills: uris.map((uri) => ({ uri, proficiency: 3, verified: false })),
  preferredPlaces: [place],
  openToRemote: false,
});

describe('the skill part is robust to the number of required skills', () => {
  it('ranks the own occupation’s 18-skill job (11 held) above a 3-skill job (2 held)', () => {
    const own = Array.from({ length: 18 }, (_, i) => skill(`own-${i}`));
    const small = [skill('small-0'), skill('small-1'), skill('small-2')];
    const graduate = graduateHolding([...own.slice(0, 11), ...small.slice(0, 2)]);
    const ownJob = scoreJobForProfile(graduate, jobRequiring('own', own), noRelations);
    const smallJob = scoreJobForProfile(graduate, jobRequiring('small', small), noRelations);
    expect(ownJob.score).toBeGreaterThan(smallJob.score);
  });

  it('still prefers holding every skill of a job to holding most of it', () => {
    const uris = Array.from({ length: 6 }, (_, i) => skill(`s-${i}`));
    const job = jobRequiring('j', uris);
    const all = scoreJobForProfile(graduateHolding(uris), job, noRelations);
    const most = scoreJobForProfile(graduateHolding(uris.slice(0, 5)), job, noRelations);
    expect(all.score).toBeGreaterThan(most.score);
  });
});

describe('skills inferred through ESCO relations', () => {
  it('are reported as covered through a related skill, never as held', () => {
    const [welding, gasWelding] = [skill('welding'), skill('gas-welding')];
    const graph: SkillGraph = {
      relatedSkills: (uri) => (uri === welding ? [{ uri: gasWelding, kind: 'narrower' }] : []),
    };
    const match = scoreJobForProfile(graduateHolding([gasWelding]), jobRequiring('j', [welding]), graph);
    expect(match.explanation.matchedEssential).toEqual([]);
    expect(match.explanation.partial.map((c) => [c.required.uri, c.via?.uri, c.via?.relation])).toEqual([
      [welding, gasWelding, 'narrower'],
    ]);
    expect(match.summary).toMatch(/^Has 0 of 1 essential skill, 1 more through a related skill;/);
    const names: Record<string, string> = { [welding]: 'welding', [gasWelding]: 'gas welding' };
    expect(summariseExplanation(match.explanation, { label: (uri) => names[uri]! })).toContain(
      '(welding through gas welding)',
    );
    expect(summariseExplanation(match.explanation, { lang: 'zh' })).toMatch(
      /^具备 0\/1 项必备技能，另有 1 项通过相关技能部分覆盖/,
    );
  });
});
