import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { evaluate, literalSystem, loadEvaluationSet, skillpassSystem } from '../eval/evaluate-extraction.ts';
import { compactTaxonomyFromCsv, writeTaxonomyArtifact } from '../scripts/build-taxonomy.ts';
import { type ChineseLabels, ESCO_ATTRIBUTION, getTaxonomy, taxonomyDataDir } from './index.ts';

const taxonomy = getTaxonomy();
const WELDING_TECHNIQUES = 'http://data.europa.eu/esco/skill/530cb489-d900-46ab-9350-4d50ccd49eea';
const WELDER = 'http://data.europa.eu/esco/occupation/7aedaa07-3884-4c5b-88f9-80997b2aa54b';

describe('the committed ESCO artifact', () => {
  it('holds the full ESCO v1.1.1 skill and occupation pillars', () => {
    expect(taxonomy.skillCount).toBe(13_896);
    expect(taxonomy.occupationCount).toBe(3_007);
    expect(taxonomy.getSkill(WELDING_TECHNIQUES)).toMatchObject({
      preferredLabel: 'welding techniques',
      type: 'knowledge',
    });
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

  it('links occupations and skills to known skills only (no skill groups)', () => {
    const occupations = taxonomy.allOccupationUris();
    expect(occupations).toHaveLength(3_007);
    let relations = 0;
    for (const occupation of occupations) {
      const { essential, optional } = taxonomy.occupationSkills(occupation);
      relations += essential.length + optional.length;
      for (const skill of [...essential, ...optional]) expect(taxonomy.isKnownSkill(skill)).toBe(true);
    }
    // ESCO's 123,855 rows less the 67 whose occupation is not in occupations_en.csv.
    expect(relations).toBe(123_788);
    for (const skill of taxonomy.occupationSkills(WELDER).essential) {
      for (const related of taxonomy.relatedSkills(skill))
        expect(taxonomy.isKnownSkill(related.uri), related.uri).toBe(true);
    }
    expect(taxonomy.occupationSkills('http://data.europa.eu/esco/occupation/unknown')).toEqual({
      essential: [],
      optional: [],
    });
  });

  it('reads its data from SKILLPASS_TAXONOMY_DIR when set', () => {
    vi.stubEnv('SKILLPASS_TAXONOMY_DIR', '/var/task/taxonomy');
    expect(taxonomyDataDir()).toBe('/var/task/taxonomy');
    vi.unstubAllEnvs();
    expect(taxonomyDataDir()).toMatch(/packages\/taxonomy\/data$/);
  });
});

describe('Chinese labels', () => {
  const zh = JSON.parse(readFileSync(`${taxonomyDataDir()}/zh.json`, 'utf8')) as ChineseLabels;

  it('cover at least 300 skills and 50 occupations, all real ESCO concepts named as ESCO names them', () => {
    expect(Object.keys(zh.skills).length).toBeGreaterThanOrEqual(300);
    expect(Object.keys(zh.occupations).length).toBeGreaterThanOrEqual(50);
    for (const [uri, entry] of Object.entries(zh.skills))
      expect(taxonomy.getSkill(uri)?.preferredLabel, uri).toBe(entry.en);
    for (const [uri, entry] of Object.entries(zh.occupations))
      expect(taxonomy.getOccupation(uri)?.preferredLabel, uri).toBe(entry.en);
  });

  it('give a 职业分类大典 code only with its source', () => {
    for (const { chinaCode, chinaCodeSource } of Object.values(zh.occupations)) {
      if (chinaCode === undefined) continue;
      expect(chinaCode).toMatch(/^\d-\d{2}-\d{2}-\d{2}$/);
      expect(chinaCodeSource).toContain(chinaCode);
    }
    expect(taxonomy.getOccupation(WELDER)?.chinaCode).toBe('6-18-02-04');
  });

  it('never use one Chinese label or alias for two skills', () => {
    const owner = new Map<string, string>();
    for (const [uri, { zh: label, aliases = [] }] of Object.entries(zh.skills)) {
      for (const text of [label, ...aliases]) {
        expect(owner.get(text) ?? uri, text).toBe(uri);
        owner.set(text, uri);
      }
    }
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

  it('finds occupations by Chinese title and alias', () => {
    expect(taxonomy.searchOccupations({ q: '焊工', lang: 'zh', limit: 3 })[0]).toMatchObject({
      uri: WELDER,
      label: '焊工',
      preferredLabel: 'welder',
    });
    expect(taxonomy.searchOccupations({ q: '电焊工', lang: 'zh', limit: 3 })[0]).toMatchObject({
      uri: WELDER,
      matchedLabel: '电焊工',
    });
    expect(taxonomy.labelOf(WELDER, 'zh')).toBe('焊工');
    expect(taxonomy.labelOf(WELDING_TECHNIQUES, 'en')).toBe('welding techniques');
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

  it('fills a page from the best tier first, then by reuse level and label length', () => {
    const reuse = ['transversal', 'cross-sector', 'sector-specific', 'occupation-specific'];
    const manage = taxonomy.searchSkills({ q: 'manage', lang: 'en', limit: 20 });
    expect(manage).toHaveLength(20);
    for (const hit of manage) expect(hit.matchedLabel.toLowerCase().startsWith('manage')).toBe(true);
    const levels = manage.map((hit) => reuse.indexOf(taxonomy.getSkill(hit.uri)!.reuseLevel));
    expect(levels).toEqual([...levels].sort((a, b) => a - b));
    for (const hit of taxonomy.searchSkills({ q: 'ma co', lang: 'en', limit: 10 })) {
      const words = hit.matchedLabel.toLowerCase().split(/[^a-z]+/);
      expect(words.some((w) => w.startsWith('ma')) && words.some((w) => w.startsWith('co')), hit.matchedLabel).toBe(
        true,
      );
    }
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

  it('matches inflected verbs, English terms inside Chinese, and prefers the longer overlapping label', () => {
    const english = taxonomy.extractSkills('In my internship I maintained hydraulic systems.');
    expect(english.map((f) => [f.label, f.span.text])).toEqual([
      ['maintain hydraulic systems', 'maintained hydraulic systems'],
    ]);
    const mixed = taxonomy.extractSkills('熟悉数据库设计和SQL。', { lang: 'zh' });
    expect(mixed.map((f) => f.span)).toContainEqual({ start: 8, end: 11, text: 'SQL' });
    const overlapping = taxonomy.extractSkills('负责PCB设计。', { lang: 'zh' });
    expect(overlapping.map((f) => f.span.text)).toEqual(['PCB设计']);
  });

  it('matches acronym labels only in capitals', () => {
    const OPTOELECTRONIC_DEVICES = 'http://data.europa.eu/esco/skill/bf4b6b71-3025-4129-babc-0e275804e058';
    expect(taxonomy.extractSkills('I led a team of five.').map((f) => f.uri)).not.toContain(OPTOELECTRONIC_DEVICES);
    expect(taxonomy.extractSkills('Experience with LED drivers.').map((f) => f.uri)).toContain(OPTOELECTRONIC_DEVICES);
  });

  it('skips one-word labels too general to mean a skill', () => {
    expect(taxonomy.extractSkills('Management, design and maintenance of the team.')).toEqual([]);
  });

  it('returns unique skills with spans inside the text and confidences in [0, 1] for any text', () => {
    const fragments = [
      'welding techniques',
      ' and ',
      '数控编程',
      'Python',
      '焊接',
      'battery chemistry',
      ', ',
      'the',
      '电池',
      'PLC',
      '-',
    ];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...fragments), { maxLength: 12 }),
        fc.constantFrom('en', 'zh', undefined),
        (parts, lang) => {
          const text = parts.join('');
          const found = taxonomy.extractSkills(text, lang ? { lang } : {});
          expect(new Set(found.map((f) => f.uri)).size).toBe(found.length);
          for (const f of found) {
            expect(text.slice(f.span.start, f.span.end)).toBe(f.span.text);
            expect(f.confidence).toBeGreaterThanOrEqual(0);
            expect(f.confidence).toBeLessThanOrEqual(1);
            expect(taxonomy.isKnownSkill(f.uri)).toBe(true);
          }
        },
      ),
    );
  });
});

describe('the labelled evaluation set', () => {
  const rows = loadEvaluationSet();

  it('has 300 texts, half English and half Chinese, mostly job ads and CVs, split into dev and test, tagged with real ESCO skills', () => {
    expect(rows.length).toBeGreaterThanOrEqual(300);
    expect(rows.filter((r) => r.lang === 'zh').length).toBe(rows.filter((r) => r.lang === 'en').length);
    expect(rows.filter((r) => r.kind === 'sentence').length).toBeLessThan(rows.length / 2);
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    for (const split of ['dev', 'test'] as const)
      for (const lang of ['en', 'zh'] as const)
        for (const kind of ['sentence', 'job-ad', 'cv'] as const)
          expect(rows.some((r) => r.split === split && r.lang === lang && r.kind === kind)).toBe(true);
    for (const row of rows)
      for (const skill of row.skills) expect(taxonomy.getSkill(skill.uri)?.preferredLabel, row.id).toBe(skill.label);
  });

  it('ranks and suggests better than literal label matching on the dev split', () => {
    const dev = rows.filter((r) => r.split === 'dev');
    const ours = evaluate(dev, skillpassSystem(taxonomy), taxonomy).groups['dev all']!;
    const literal = evaluate(dev, literalSystem(taxonomy), taxonomy).groups['dev all']!;
    expect(ours.f1).toBeGreaterThan(literal.f1);
    expect(ours.rPrecisionAt5).toBeGreaterThan(literal.rPrecisionAt5);
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
    [
      'occupations_en.csv',
      csv(
        'conceptType,conceptUri,iscoGroup,preferredLabel,altLabels,description,code',
        'Occupation,http://data.europa.eu/esco/occupation/o,7212,welder,,Joins,7212.1',
      ),
    ],
    [
      'occupationSkillRelations.csv',
      csv(
        'occupationUri,relationType,skillType,skillUri',
        'http://data.europa.eu/esco/occupation/o,essential,knowledge,http://data.europa.eu/esco/skill/b',
      ),
    ],
    [
      'broaderRelationsSkillPillar.csv',
      csv(
        'conceptType,conceptUri,broaderType,broaderUri',
        'KnowledgeSkillCompetence,http://data.europa.eu/esco/skill/b,KnowledgeSkillCompetence,http://data.europa.eu/esco/skill/a',
      ),
    ],
    [
      'skillSkillRelations.csv',
      csv('originalSkillUri,originalSkillType,relationType,relatedSkillType,relatedSkillUri'),
    ],
  ]);

  it('derives a sorted artifact with multi-line cells parsed', () => {
    const first = compactTaxonomyFromCsv(files);
    expect(first.core.skills.map((s) => s[3])).toEqual(['alpha', 'beta']);
    expect(first.labels.skills[1]).toEqual(['b one', 'b two']);
    expect(first.core.occupationSkills).toEqual([[[1], []]]);
    expect(first.core.broader).toEqual([[1, 0]]);
    expect(first.descriptions.skills).toEqual(['First', 'Second']);
  });

  describe('from zip files', () => {
    const dirs: string[] = [];
    const tempDir = () => {
      const dir = mkdtempSync(join(tmpdir(), 'taxonomy-'));
      dirs.push(dir);
      return dir;
    };
    afterEach(() => {
      for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
    });

    it('writes byte-identical files for the same input', async () => {
      const esco = tempDir();
      writeFileSync(
        join(esco, 'esco-v1.1.1-classification-en-csv.zip'),
        storedZip(files, ['skills_en.csv', 'occupations_en.csv']),
      );
      writeFileSync(
        join(esco, 'esco-v1.1.1-relations-csv.zip'),
        storedZip(files, [
          'occupationSkillRelations.csv',
          'broaderRelationsSkillPillar.csv',
          'skillSkillRelations.csv',
        ]),
      );
      const [first, second] = [tempDir(), tempDir()];
      expect(await writeTaxonomyArtifact(esco, first)).toMatch(
        /^2 skills, 1 occupations, 1 occupation-skill relations/,
      );
      await writeTaxonomyArtifact(esco, second);
      for (const name of ['esco.json.gz', 'esco-labels.json.gz', 'esco-descriptions.json.gz']) {
        expect(readFileSync(join(first, name)).equals(readFileSync(join(second, name))), name).toBe(true);
      }
    });
  });
});

/** A minimal zip (stored, no compression) holding the named files, as ESCO ships its CSVs. */
function storedZip(files: ReadonlyMap<string, string>, names: readonly string[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const name of names) {
    const data = Buffer.from(files.get(name) ?? '', 'utf8');
    const fileName = Buffer.from(name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x21, 12); // 1980-01-01
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x21, 14);
    entry.writeUInt32LE(crc32(data), 16);
    entry.writeUInt32LE(data.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(fileName.length, 28);
    entry.writeUInt32LE(offset, 42);
    locals.push(local, fileName, data);
    central.push(entry, fileName);
    offset += local.length + fileName.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(names.length, 8);
  end.writeUInt16LE(names.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
