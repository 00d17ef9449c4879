import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { careersFromCsv, parseIscoNames, toPermille } from '../../scripts/build-careers.ts';
import { taxonomyDataDir } from '../taxonomy.ts';
import { ACTIVITY_AREAS, type ActivityAnswers, activityPreference } from './activities.ts';
import { CAREERS_FILE, type CareerArtifact } from './artifact.ts';
import { getCareerGuide } from './guide.ts';
import { rankOccupations } from './ranking.ts';

const S = 'http://data.europa.eu/esco/skill/';
const O = 'http://data.europa.eu/esco/occupation/';
const csv = (header: string, lines: string[]) => [header, ...lines].join('\n');

const hierarchyHeader =
  'Level 0 URI,Level 0 preferred term,Level 1 URI,Level 1 preferred term,Level 2 URI,Level 2 preferred term,' +
  'Level 3 URI,Level 3 preferred term,Description,Scope note,Level 0 code,Level 1 code,Level 2 code,Level 3 code';
const fixture = new Map([
  [
    'skillsHierarchy_en.csv',
    csv(hierarchyHeader, [
      `${S}root,skills,${S}g5,working with computers,,,,,,,S,S5`,
      `${S}root,skills,${S}g5,working with computers,${S}g51,programming computer systems,,,,,S,S5,S5.1`,
      `${S}root,skills,${S}g5,working with computers,${S}g51,programming computer systems,${S}g511,coding,,,S,S5,S5.1,S5.1.1`,
      `${S}root,skills,${S}g6,handling and moving,,,,,,,S,S6`,
      `${S}root,skills,${S}g6,handling and moving,${S}g67,using hand tools,,,,,S,S6,S6.7`,
      `${S}t,transversal skills and competences,${S}t1,core skills,,,,,,,T,T1`,
    ]),
  ],
  [
    'broaderRelationsSkillPillar.csv',
    csv('conceptType,conceptUri,broaderType,broaderUri', [
      `SkillGroup,${S}g511,SkillGroup,${S}g51`,
      `SkillGroup,${S}g51,SkillGroup,${S}g5`,
      `SkillGroup,${S}g67,SkillGroup,${S}g6`,
      `KnowledgeSkillCompetence,${S}python,SkillGroup,${S}g511`,
      `KnowledgeSkillCompetence,${S}hammer,SkillGroup,${S}g67`,
      `KnowledgeSkillCompetence,${S}both,SkillGroup,${S}g51`,
      `KnowledgeSkillCompetence,${S}both,SkillGroup,${S}g67`,
      `KnowledgeSkillCompetence,${S}narrow,KnowledgeSkillCompetence,${S}python`,
      `KnowledgeSkillCompetence,${S}soft,SkillGroup,${S}t1`,
    ]),
  ],
  [
    'occupationSkillRelations.csv',
    csv('occupationUri,relationType,skillType,skillUri', [
      `${O}dev,essential,skill/competence,${S}python`,
      `${O}dev,essential,skill/competence,${S}narrow`,
      `${O}dev,essential,skill/competence,${S}both`,
      `${O}dev,optional,skill/competence,${S}hammer`,
      `${O}dev,essential,skill/competence,${S}soft`,
      `${O}carpenter,essential,skill/competence,${S}hammer`,
      `${O}coach,essential,skill/competence,${S}soft`,
    ]),
  ],
  ['ISCOGroups_en.csv', csv('conceptType,conceptUri,code,preferredLabel', ['ISCOGroup,x,2512,Software developers'])],
]);

const iscoNames = parseIscoNames('# code, English, Chinese\n2512\tSoftware developers\t软件开发人员\n');

describe('building the careers artifact', () => {
  const artifact = careersFromCsv(fixture, iscoNames);
  const profile = (uuid: string) =>
    Object.fromEntries((artifact.activityProfiles[uuid] ?? []).map(([g, p]) => [artifact.groups[g]![0], p]));

  it('keeps the activity groups S1–S8 and their level-2 groups, in code order, and no other pillar', () => {
    expect(artifact.groups.map(([code]) => code)).toEqual(['S5', 'S5.1', 'S6', 'S6.7']);
    expect(artifact.isco).toEqual({ '2512': 'Software developers' });
    expect(artifact.iscoZh).toEqual({ '2512': '软件开发人员' });
  });

  it('refuses an ISCO group without a Chinese name, a stale English label or a code ESCO does not have', () => {
    expect(() => careersFromCsv(fixture, new Map())).toThrow(/2512 Software developers: no Chinese name/);
    const stale = parseIscoNames('2512\tSoftware engineers\t软件开发人员');
    expect(() => careersFromCsv(fixture, stale)).toThrow(/the file says "Software engineers"/);
    const extra = new Map([...iscoNames, ['9999', { en: 'x', zh: '某某' }]]);
    expect(() => careersFromCsv(fixture, extra)).toThrow(/9999: not an ISCO group/);
    expect(() => parseIscoNames('2512\tSoftware developers\t')).toThrow(/malformed/);
  });

  it('follows essential skills up to their level-2 group, splitting a skill under two groups', () => {
    // python and narrow (via python, via level 3) under S5.1; `both` half and half; optional and T skills not counted
    expect(profile('dev')).toEqual({ 'S5.1': 833, 'S6.7': 167 });
    expect(profile('carpenter')).toEqual({ 'S6.7': 1000 });
    expect(artifact.activityProfiles.coach).toBeUndefined();
  });

  it('rounds shares to thousandths that always sum to 1000', () => {
    const thirds = toPermille(
      new Map([
        [0, 1],
        [1, 1],
        [2, 1],
      ]),
    );
    expect(thirds.reduce((n, [, p]) => n + p, 0)).toBe(1000);
    expect(thirds.map(([, p]) => p).sort()).toEqual([333, 333, 334]);
  });
});

describe('ranking occupations by activity preference', () => {
  const profiles = {
    uris: () => [`${O}b`, `${O}a`, `${O}c`],
    profileOf: (uri: string) =>
      ({
        [`${O}a`]: new Map([['S5.1', 1]]),
        [`${O}b`]: new Map([
          ['S5.1', 0.5],
          ['S6.7', 0.5],
        ]),
        [`${O}c`]: new Map([['S6.7', 1]]),
      })[uri],
  };
  const answers = (S5: number, S6: number, especially: string[] = []): ActivityAnswers => ({
    ratings: { S1: 3, S2: 3, S3: 3, S4: 3, S5, S6, S7: 3, S8: 3 },
    especially,
  });
  const groups = ['S5.1', 'S6.7'];

  it('puts the occupation that relies most on liked activities first, with those activities as reasons', () => {
    const ranked = rankOccupations(activityPreference(answers(5, 1), groups), profiles, 10);
    expect(ranked.map((r) => r.uri)).toEqual([`${O}a`]);
    expect(ranked[0]).toEqual({ uri: `${O}a`, fit: 1, reasons: [{ dimension: 'S5.1', share: 1 }] });
  });

  it('lets an "especially" tick lift its group above an equally rated one', () => {
    const ranked = rankOccupations(activityPreference(answers(4, 4, ['S6.7']), groups), profiles, 10);
    expect(ranked.map((r) => r.uri)).toEqual([`${O}c`, `${O}b`, `${O}a`]);
  });

  it('breaks ties by URI and suggests nothing when nothing is liked', () => {
    expect(rankOccupations(activityPreference(answers(5, 5), groups), profiles, 10).map((r) => r.uri)).toEqual([
      `${O}a`,
      `${O}b`,
      `${O}c`,
    ]);
    expect(rankOccupations(activityPreference(answers(3, 2), groups), profiles, 10)).toEqual([]);
  });
});

describe('the committed careers data', () => {
  const guide = getCareerGuide();
  const artifact = JSON.parse(
    gunzipSync(readFileSync(resolve(taxonomyDataDir(), CAREERS_FILE))).toString('utf8'),
  ) as CareerArtifact;

  it('names every activity group in Chinese, next to ESCO’s own English label', () => {
    const names = JSON.parse(readFileSync(resolve(taxonomyDataDir(), 'career-groups-zh.json'), 'utf8')) as {
      groups: Record<string, { en: string; zh: string }>;
    };
    expect(Object.keys(names.groups).sort()).toEqual(artifact.groups.map(([code]) => code).sort());
    for (const [code, , en] of artifact.groups) {
      expect(names.groups[code]?.en, code).toBe(en);
      expect(names.groups[code]?.zh, code).toMatch(/\p{Script=Han}/u);
    }
  });

  it('asks about the eight ESCO activity areas, each with examples', () => {
    const areas = guide.questionnaire();
    expect(areas.map((a) => a.code)).toEqual([...ACTIVITY_AREAS]);
    for (const area of areas) expect(area.activities.length).toBeGreaterThan(2);
  });

  it('suggests occupations that rely on the one liked area, giving it as the reason', () => {
    const ratings = { S1: 1, S2: 1, S3: 5, S4: 1, S5: 1, S6: 1, S7: 1, S8: 1 };
    const { occupations } = guide.score({ ratings, especially: [] }, { lang: 'en', limit: 5 });
    expect(occupations).toHaveLength(5);
    for (const o of occupations) expect(o.reasons[0]!.code).toMatch(/^S3(\.|$)/);
  });

  it('describes an occupation with its ISCO group, skills and related occupations', () => {
    const welder = guide.occupation(`${O}7aedaa07-3884-4c5b-88f9-80997b2aa54b`, 'zh')!;
    expect(welder.labels.en).toBe('welder');
    expect(welder.isco.code).toMatch(/^7212/);
    expect(welder.isco.label).toMatch(/焊工/);
    expect(welder.essentialSkills.length).toBeGreaterThan(5);
    expect(welder.related.some((r) => r.why === 'same-isco-group')).toBe(true);
    expect(welder.related.every((r) => r.uri !== welder.uri)).toBe(true);
    expect(guide.occupation(`${O}not-an-occupation`, 'en')).toBeUndefined();
  });
});
