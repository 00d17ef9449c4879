import { describe, expect, it } from 'vitest';
import { getTaxonomy } from './taxonomy.ts';
import { ChineseSearchIndex } from './zh-search.ts';
import { generatedWordings, wordingsOf } from './zh-wordings.ts';

describe('rule-made Chinese wordings', () => {
  it('puts the verb before or after its object, with its synonyms, and reads 编程 as 程序', () => {
    expect(wordingsOf('机器人维护')).toEqual(
      expect.arrayContaining(['维护机器人', '保养机器人', '机器人保养', '维保机器人']),
    );
    expect(wordingsOf('安装配电柜')).toContain('配电柜安装');
    expect(wordingsOf('数控编程')).toContain('数控程序');
    // No object of two Han characters: nothing to move.
    expect(wordingsOf('维修')).toEqual([]);
    expect(wordingsOf('PLC调试')).toEqual([]);
  });

  it('keeps a wording only for the one concept that makes it, and never over a curated label', () => {
    const made = generatedWordings([['设备维修'], ['维修设备工'], ['设备检修'], ['管道安装']]);
    const owners = new Map(made.map(({ text, concept }) => [text, concept]));
    // 修理设备 comes from concepts 0 and 2 (维修 and 检修 are one verb): it cannot say which, so it is dropped.
    expect(owners.has('修理设备')).toBe(false);
    // 维修设备 would come from 0 and 2 as well; 设备检修 is curated for concept 2 and stays its own.
    expect(owners.has('设备检修')).toBe(false);
    expect(owners.get('安装管道')).toBe(3);
  });

  it('lets extraction and look-up find a skill in an order or with a verb no label writes', () => {
    const taxonomy = getTaxonomy();
    const maintainRobots = taxonomy.searchSkills({ q: '机器人维护', lang: 'zh', limit: 1 })[0]!;
    // The curated labels write 维护机器人设备, 机器人维护, 机器人保养 — neither wording below.
    for (const wording of ['保养机器人', '维保机器人']) {
      const text = `负责${wording}和日常点检。`;
      expect(taxonomy.extractSkills(text, { lang: 'zh' }).map((h) => h.uri)).toContain(maintainRobots.uri);
      expect(taxonomy.searchSkills({ q: wording, lang: 'zh', limit: 3 }).map((h) => h.uri)).toContain(
        maintainRobots.uri,
      );
    }
  });
});

describe('Chinese look-up by shared character pairs (tier 9)', () => {
  // Forty filler concepts make 管理 common and 瓷砖 rare, as in the real labels.
  const concepts = [
    { uri: 'tiles', preferredLabel: 'lay tiles', zh: { label: '瓷砖铺贴', aliases: [] } },
    ...Array.from({ length: 40 }, (_, i) => ({
      uri: `filler-${i}`,
      preferredLabel: `filler ${i}`,
      zh: { label: `管理事务${String.fromCharCode(0x4e00 + i)}${String.fromCharCode(0x4e80 + i)}`, aliases: [] },
    })),
  ];
  const index = new ChineseSearchIndex(concepts, () => 0);

  it('fills free places with labels sharing a rare pair of the query, in no order the earlier tiers know', () => {
    expect(index.search('贴瓷砖', 3).map((h) => h.uri)).toEqual(['tiles']);
  });

  it('never fills them from a common pair alone', () => {
    expect(index.search('人员管理', 3)).toEqual([]);
  });

  it('takes pairs inside the words of the query, never one straddling two words', () => {
    // 叉车|操作工: 车操 belongs to neither word, so 泵车操作工 must not win on it. Forty job titles make 操作工 common.
    const titles = new ChineseSearchIndex(
      [
        { uri: 'pump', preferredLabel: 'concrete pump operator', zh: { label: '混凝土泵车操作工', aliases: [] } },
        { uri: 'forklift', preferredLabel: 'forklift operator', zh: { label: '叉车装卸搬运驾驶员工', aliases: [] } },
        ...Array.from({ length: 40 }, (_, i) => ({
          uri: `title-${i}`,
          preferredLabel: `title ${i}`,
          zh: { label: `${String.fromCharCode(0x4e00 + i)}${String.fromCharCode(0x4e80 + i)}操作工`, aliases: [] },
        })),
      ],
      () => 0,
    );
    expect(titles.search('叉车操作工', 1).map((h) => h.uri)).toEqual(['forklift']);
  });
});
