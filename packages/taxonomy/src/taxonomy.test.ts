import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compactTaxonomyFromCsv } from '../scripts/build-taxonomy.ts';
import { evaluate, loadEvaluationSet } from '../eval/evaluate-extraction.ts';
import { ESCO_ATTRIBUTION, getTaxonomy, taxonomyDataDir } from './index.ts';

const taxonomy = getTaxonomy();
const WELDING_TECHNIQUES = 'http://data.europa.eu/esco/skill/530cb489-d900-46ab-9350-4d50ccd49eea';
const WELDER = 'http://data.europa.eu/esco/occupation/7aedaa07-3884-4c5b-88f9-80997b2aa54b';

describe('the committed ESCO artifact', () => {
  it('holds the full ESCO v1.1.1 skill and occupation pillars', () => {
    expect(taxonomy.skillCount).toBe(13_896);
    expect(taxonomy.occupationCount).toBe(3_007);
    expect(taxonomy.getSkill(WELDING_TECHNIQUES)).toMatchObject({ preferredLabel: 'welding techniques', type: 'knowledge' });
    expect(taxonomy.occupationSkills(WELDER).essential).toContain(WELDING_TECHNIQUES);
    expect(taxonomy.describe(WELDING_TECHNIQUES)).toMatch(/weld/i);
    expect(ESCO_ATTRIBUTION).toBe('This service uses the ESCO classification of the European Commission.');
  });

  it('relates skills both ways along the hierarchy', () => {
    for (const uri of [WELDING_TECHNIQUES, ...taxonomy.occupationSkills(WELDER).essential]) {
      for (const relation of taxonomy.relatedSkills(uri)) {
        const back = taxonomy.relatedSkills(relation.uri).find((r) => r.uri === uri);
        const inverse = { broader: 'narrower', narrower: 'broader', related: 'related' }[relation.kind];
        expect(back?.kind, `${uri} → ${relation.uri}`).toBe(inverse);
      }
    }
  });
});

describe('Chinese labels', () => {
  const zh = JSON.parse(readFileSync(`${taxonomyDataDir()}/zh.json`, 'utf8')) as {
    skills: Record<string, { zh: string }>;
    occupations: Record<string, { zh: string; chinaCode?: string }>;
  };

  it('cover at least 300 skills and 50 occupations, all real ESCO concepts', () => {
    expect(Object.keys(zh.skills).length).toBeGreaterThanOrEqual(300);
    expect(Object.keys(zh.occupations).length).toBeGreaterThanOrEqual(50);
    for (const uri of Object.keys(zh.skills)) expect(taxonomy.isKnownSkill(uri), uri).toBe(true);
    for (const uri of Object.keys(zh.occupations)) expect(taxonomy.isKnownOccupation(uri), uri).toBe(true);
    for (const { chinaCode } of Object.values(zh.occupations)) if (chinaCode) expect(chinaCode).toMatch(/^\d-\d{2}-\d{2}-\d{2}$/);
  });

  it.each([
    ['焊接', /weld|solder/],
    ['数控', /CNC|numerical control/],
    ['电池', /batter/],
  ])('look-up of %s finds relevant ESCO skills', (q, english) => {
    const hits = taxonomy.searchSkills({ q, lang: 'zh', limit: 5 });
    expect(hits.length).toBeGreaterThanOrEqual(3);
    for (const hit of hits) expect(hit.preferredLabel).toMatch(english);
    expect(hits[0]!.label).toContain(q);
  });
});

describe('English look-up', () => {
  it('ranks an exact label first, then prefixes, then word prefixes', () => {
    expect(taxonomy.searchSkills({ q: 'welding techniques', lang: 'en', limit: 3 })[0]!.uri).toBe(WELDING_TECHNIQUES);
    const prefix = taxonomy.searchSkills({ q: 'battery', lang: 'en', limit: 5 });
    expect(prefix.every((h) => h.matchedLabel.toLowerCase().startsWith('battery'))).toBe(true);
    const words = taxonomy.searchSkills({ q: 'weld tech', lang: 'en', limit: 5 }).map((h) => h.preferredLabel);
    expect(words).toContain('welding techniques');
  });

  it('matches aliases and says which one matched', () => {
    const alias = taxonomy.getSkill(WELDING_TECHNIQUES)!.altLabels[0]!;
    const hit = taxonomy.searchSkills({ q: alias, lang: 'en', limit: 5 }).find((h) => h.uri === WELDING_TECHNIQUES);
    expect(hit).toMatchObject({ preferredLabel: 'welding techniques', matchedLabel: alias });
    const occupations = taxonomy.searchOccupations({ q: 'welder', lang: 'en', limit: 3 });
    expect(occupations[0]!.uri).toBe(WELDER);
  });
});

describe('skill extraction', () => {
  it('returns spans that point at the text', () => {
    const text = 'Needs welding techniques, technical drawings and battery chemistry.';
    const found = taxonomy.extractSkills(text);
    expect(found.map((f) => f.label)).toEqual(['welding techniques', 'technical drawings', 'battery chemistry']);
    for (const f of found) {
      expect(text.slice(f.span.start, f.span.end)).toBe(f.span.text);
      expect(f.confidence).toBeGreaterThan(0);
      expect(f.confidence).toBeLessThanOrEqual(1);
    }
  });

  it('reads Chinese with curated labels and aliases', () => {
    const found = taxonomy.extractSkills('熟悉数控编程和PLC，有焊接经验。', { lang: 'zh' });
    expect(found.map((f) => f.span.text)).toEqual(['数控编程', 'PLC', '焊接']);
  });

  it('keeps precision and recall above 80% on the labelled set (see docs/skill-extraction.md)', () => {
    const result = evaluate(loadEvaluationSet());
    expect(result.all.precision).toBeGreaterThan(0.8);
    expect(result.all.recall).toBeGreaterThan(0.8);
  });
});

describe('the build script', () => {
  const csv = (header: string, ...lines: string[]) => [header, ...lines].join('\n');
  const files = new Map([
    [
      'skills_en.csv',
      csv(
        'conceptType,conceptUri,skillType,reuseLevel,preferredLabel,altLabels,description',
        'KnowledgeSkillCompetence,http://data.europa.eu/esco/skill/b,knowledge,cross-sector,beta,"b one\nb two",Second',
        'KnowledgeSkillCompetence,http://data.europa.eu/esco/skill/a,skill/competence,transversal,alpha,,First',
      ),
    ],
    ['occupations_en.csv', csv('conceptType,conceptUri,iscoGroup,preferredLabel,altLabels,description,code', 'Occupation,http://data.europa.eu/esco/occupation/o,7212,welder,,Joins,7212.1')],
    ['occupationSkillRelations.csv', csv('occupationUri,relationType,skillType,skillUri', 'http://data.europa.eu/esco/occupation/o,essential,knowledge,http://data.europa.eu/esco/skill/b')],
    ['broaderRelationsSkillPillar.csv', csv('conceptType,conceptUri,broaderType,broaderUri', 'KnowledgeSkillCompetence,http://data.europa.eu/esco/skill/b,KnowledgeSkillCompetence,http://data.europa.eu/esco/skill/a')],
    ['skillSkillRelations.csv', csv('originalSkillUri,originalSkillType,relationType,relatedSkillType,relatedSkillUri')],
  ]);

  it('derives a sorted, deterministic artifact with multi-line cells parsed', () => {
    const first = compactTaxonomyFromCsv(files);
    expect(JSON.stringify(compactTaxonomyFromCsv(files))).toBe(JSON.stringify(first));
    expect(first.core.skills.map((s) => s[3])).toEqual(['alpha', 'beta']);
    expect(first.core.skills[1]![4]).toEqual(['b one', 'b two']);
    expect(first.core.occupationSkills).toEqual([[[1], []]]);
    expect(first.core.broader).toEqual([[1, 0]]);
    expect(first.descriptions.skills).toEqual(['First', 'Second']);
  });
});
