import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { loadEvaluationSet } from '../eval/evaluate-extraction.ts';
import { loadLookUps } from '../eval/evaluate-zh-lookup.ts';
import { compileChinese, labelKey, readAmbiguities, relatedInEsco, serialiseChinese } from '../scripts/zh-compile.ts';
import { readZhSources } from '../scripts/zh-sources.ts';
import { readCore } from '../scripts/zh-worklist.ts';
import { OCCUPATION_PREFIX, SKILL_PREFIX } from './artifact.ts';
import { type CompiledChinese, getTaxonomy, Taxonomy, taxonomyDataDir, ZH_LABELS_FILE } from './taxonomy.ts';

const taxonomy = getTaxonomy();
const dataDir = taxonomyDataDir();
const core = readCore();
const compiled = JSON.parse(
  gunzipSync(readFileSync(join(dataDir, ZH_LABELS_FILE))).toString('utf8'),
) as CompiledChinese;
const uri = {
  skill: (uuid: string) => SKILL_PREFIX + uuid,
  occupation: (uuid: string) => OCCUPATION_PREFIX + uuid,
};

describe('Chinese label review', () => {
  it('compiles without a problem, and the committed artifact is what the sources compile to', () => {
    const { compiled: fresh, errors } = compileChinese(dataDir, core);
    expect(errors).toEqual([]);
    expect(serialiseChinese(fresh).equals(serialiseChinese(compiled))).toBe(true);
  });

  it('covers at least 3,000 ESCO skills and 600 occupations, all of them real concepts', () => {
    expect(Object.keys(compiled.skills).length).toBeGreaterThanOrEqual(3_000);
    expect(Object.keys(compiled.occupations).length).toBeGreaterThanOrEqual(600);
    for (const uuid of Object.keys(compiled.skills)) expect(taxonomy.isKnownSkill(uri.skill(uuid)), uuid).toBe(true);
    for (const uuid of Object.keys(compiled.occupations))
      expect(taxonomy.isKnownOccupation(uri.occupation(uuid)), uuid).toBe(true);
  });

  it('names each concept as ESCO does in the English review column', () => {
    const sources = readZhSources(dataDir);
    for (const entry of sources.skills.values())
      expect(taxonomy.getSkill(uri.skill(entry.uuid))?.preferredLabel, entry.at).toBe(entry.en);
    for (const entry of sources.occupations.values())
      expect(taxonomy.getOccupation(uri.occupation(entry.uuid))?.preferredLabel, entry.at).toBe(entry.en);
  });

  it('has no empty label and no label twice on one concept', () => {
    for (const labels of [...Object.values(compiled.skills), ...Object.values(compiled.occupations)]) {
      expect(labels.length).toBeGreaterThan(0);
      for (const label of labels) expect(label.trim(), labels.join('|')).not.toBe('');
      expect(new Set(labels.map(labelKey)).size, labels.join('|')).toBe(labels.length);
    }
  });

  it('never gives one label to two unrelated concepts, unless the ambiguity is listed with its reason', () => {
    const related = relatedInEsco(core);
    const accepted = new Map(readAmbiguities(dataDir).map((a) => [`${a.kind} ${labelKey(a.label)}`, a]));
    for (const a of accepted.values()) expect(a.reason.length, a.label).toBeGreaterThan(20);
    for (const kind of ['skill', 'occupation'] as const) {
      const owners = new Map<string, string[]>();
      for (const [uuid, labels] of Object.entries(kind === 'skill' ? compiled.skills : compiled.occupations))
        for (const label of labels) owners.set(labelKey(label), [...(owners.get(labelKey(label)) ?? []), uuid]);
      for (const [label, uuids] of owners) {
        if (uuids.every((a) => uuids.every((b) => related(kind, a, b)))) continue;
        expect(accepted.get(`${kind} ${label}`)?.uuids, `${kind} ${label}: ${uuids.join(' ')}`).toEqual(
          [...uuids].sort(),
        );
      }
    }
  });

  it('adds the wordings of an aliases- file to a labelled concept, and refuses one for a concept without a label', () => {
    const dir = mkdtempSync(join(tmpdir(), 'taxonomy-aliases-'));
    try {
      const labelled = [...readZhSources(dataDir).skills.values()].find((entry) => entry.alternatives.length);
      const [uuid, , , en] = core.skills.find(([id]) => !compiled.skills[id])!;
      cpSync(join(dataDir, 'zh.json'), join(dir, 'zh.json'));
      cpSync(join(dataDir, 'zh'), join(dir, 'zh'), { recursive: true });
      writeFileSync(
        join(dir, 'zh', 'aliases-test.tsv'),
        `# comment\n${labelled!.uuid}\t${labelled!.en}\t新说法甲|${labelled!.zh}| 新说法乙 \n${uuid}\t${en}\t没有标签\n`,
      );
      const sources = readZhSources(dir);
      const after = sources.skills.get(labelled!.uuid)!;
      expect(after.alternatives.slice(-2)).toEqual(['新说法甲', '新说法乙']);
      expect(after.alternatives.filter((label) => label === labelled!.zh)).toEqual([]);
      expect(sources.errors).toEqual([expect.stringContaining('aliases-test.tsv:3')]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a file in data/zh that no rule reads, and reads sources whose names hold digits', () => {
    const dir = mkdtempSync(join(tmpdir(), 'taxonomy-names-'));
    try {
      const [uuid, , , en] = core.skills.find(([id]) => !compiled.skills[id])!;
      cpSync(join(dataDir, 'zh.json'), join(dir, 'zh.json'));
      cpSync(join(dataDir, 'zh'), join(dir, 'zh'), { recursive: true });
      writeFileSync(join(dir, 'zh', 'skills-f2.tsv'), `${uuid}\t${en}\t新标签甲\t新标签乙\n`);
      writeFileSync(join(dir, 'zh', 'skill-typo.tsv'), `${uuid}\t${en}\t新标签丙\t新标签丁\n`);
      const sources = readZhSources(dir);
      expect(sources.skills.get(uuid)?.zh).toBe('新标签甲');
      expect(sources.errors).toEqual([expect.stringContaining('zh/skill-typo.tsv: not read')]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('counts as related only ESCO broader/narrower chains (skills) and code prefixes (occupations)', () => {
    const related = relatedInEsco(core);
    const uuidOf = (label: string) => core.skills.find((s) => s[3] === label)![0];
    expect(related('skill', uuidOf('welding techniques'), uuidOf('soldering techniques'))).toBe(false);
    const [narrow, broad] = core.broader[0]!;
    expect(related('skill', core.skills[narrow]![0], core.skills[broad]![0])).toBe(true);
    const code = (c: string) => core.occupations.find((o) => o[2] === c)![0];
    expect(related('occupation', code('7212.3'), code('7212.3.1'))).toBe(true);
  });
});

describe('Chinese look-up and extraction use the labels', () => {
  const top3 = (q: string) => taxonomy.searchSkills({ q, lang: 'zh', limit: 3 }).map((hit) => hit.preferredLabel);

  it.each([
    ['氩弧焊', 'perform tungsten inert gas welding'],
    ['养老护理', 'tend to elderly people'],
    ['数控编程', 'program a CNC controller'],
    ['叉车', 'operate forklift'],
    ['会计核算', 'accounting techniques'],
  ])('finds %s in the top 3', (q, english) => {
    expect(top3(q)).toContain(english);
  });

  it('finds a label inside a longer query, Latin and Han mixed', () => {
    expect(top3('开叉车')).toContain('operate forklift');
    expect(top3('会用PLC编程')).toContain('programmable logic controller');
  });

  it('finds occupations in Chinese, whatever lang says', () => {
    expect(taxonomy.searchOccupations({ q: '养老护理员', lang: 'en', limit: 3 })[0]?.preferredLabel).toBe(
      'residential home older adult care worker',
    );
  });

  it.each([
    ['熟悉Excel和CAD', ['use spreadsheets software', 'CAD software']],
    ['会用PLC编程，能看懂电气图纸', ['programmable logic controller', 'interpret electrical diagrams']],
    ['持焊工证，会氩弧焊和二保焊', ['perform tungsten inert gas welding', 'perform metal active gas welding']],
  ])('extracts skills from mixed Chinese and English: %s', (text, english) => {
    const found = taxonomy.extractSkills(text, { lang: 'zh' }).map((skill) => taxonomy.labelOf(skill.uri));
    for (const label of english) expect(found, text).toContain(label);
  });

  it('has an everyday look-up set of at least 100 queries, half dev and half test, every answer a real concept', () => {
    const lookUps = loadLookUps(taxonomy);
    expect(lookUps.length).toBeGreaterThanOrEqual(100);
    expect(lookUps.filter((l) => l.split === 'test').length).toBe(lookUps.filter((l) => l.split === 'dev').length);
  });

  it('keeps the held-out session 8 sets whole: 50 look-ups and 40 job-ad sentences, all split s8, every answer real', () => {
    const evalDir = resolve(import.meta.dirname, '../eval');
    const lookUps = loadLookUps(taxonomy, join(evalDir, 'zh-lookup-s8.tsv'));
    expect(lookUps.length).toBe(50);
    expect(new Set(lookUps.map((l) => l.query)).size).toBe(50);
    const sentences = loadEvaluationSet(join(evalDir, 'extraction-s8.jsonl'));
    expect(sentences.length).toBe(40);
    for (const row of [...lookUps, ...sentences]) expect(row.split).toBe('s8');
    for (const row of sentences)
      for (const skill of row.skills) expect(taxonomy.getSkill(skill.uri)?.preferredLabel, row.id).toBe(skill.label);
  });
});

describe('lazy loading of the Chinese labels', () => {
  it('is not needed by English look-up, concepts, URI checks or English labels; the first Chinese call reads it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'taxonomy-no-zh-'));
    try {
      for (const file of readdirSync(dataDir))
        if (file !== ZH_LABELS_FILE) cpSync(join(dataDir, file), join(dir, file), { recursive: true });
      const withoutChinese = new Taxonomy(dir);
      const welding = 'http://data.europa.eu/esco/skill/530cb489-d900-46ab-9350-4d50ccd49eea';
      expect(withoutChinese.isKnownSkill(welding)).toBe(true);
      expect(withoutChinese.labelOf(welding)).toBe('welding techniques');
      expect(withoutChinese.getSkill(welding)?.preferredLabel).toBe('welding techniques');
      expect(withoutChinese.searchSkills({ q: 'welding', lang: 'en', limit: 3 }).length).toBe(3);
      expect(() => withoutChinese.labelOf(welding, 'zh')).toThrow(/zh-labels/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
