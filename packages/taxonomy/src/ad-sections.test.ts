import { describe, expect, it } from 'vitest';
import { asidesOf, headingWordsOf } from './ad-sections.ts';
import { getTaxonomy } from './index.ts';

const taxonomy = getTaxonomy();
const asideTexts = (text: string) => asidesOf(text).map((a) => [a.kind, text.slice(a.start, a.end)]);
const labels = (text: string) => taxonomy.suggestSkills(text).items.map((i) => taxonomy.labelOf(i.uri));

describe('parts of a job ad that state no requirement (asidesOf)', () => {
  it.each([
    [
      'a benefits list under its heading, up to the next heading',
      '岗位职责：\n1. 负责叉车搬运\n福利待遇：\n1. 五险一金\n2. 包吃住\n任职要求：持叉车证',
      [['benefits', '福利待遇：\n1. 五险一金\n2. 包吃住\n']],
    ],
    [
      'a company presentation up to the next heading on the same line',
      '公司简介：我司是新能源汽车零部件企业，产品出口欧美。岗位职责：负责电池检测。',
      [['company', '公司简介：我司是新能源汽车零部件企业，产品出口欧美。']],
    ],
    [
      'an aside but not the paragraph after it that has no heading of its own',
      'About us\nWe are a leading logistics company.\nWe need a welder who can read blueprints.',
      [['company', 'About us\nWe are a leading logistics company.\n']],
    ],
    [
      'place, hours and pay up to their first sentence end',
      '工作地点：苏州工业园区。熟悉CAD制图。',
      [['terms', '工作地点：苏州工业园区。']],
    ],
  ])('sets aside %s', (_, ad, expected) => {
    expect(asideTexts(ad)).toEqual(expected);
  });

  it('takes a heading only at the start of a line or sentence and before a colon or line end', () => {
    expect(asidesOf('Good salary and benefits. Location is flexible.')).toEqual([]);
    expect(asidesOf('熟悉员工福利待遇的核算：社保')).toEqual([]);
    expect(asideTexts('- Benefits: gym, pension')).toEqual([['benefits', '- Benefits: gym, pension']]);
    expect(asideTexts('【福利待遇】五险一金')).toEqual([['benefits', '【福利待遇】五险一金']]);
  });

  it('sets nothing aside in text without headings', () => {
    expect(asidesOf('熟悉5S现场管理，能配合推行精益生产。')).toEqual([]);
  });
});

describe('heading names and openers are words about the text, not skills', () => {
  const words = (text: string) => headingWordsOf(text).map((span) => text.slice(span.start, span.end));

  it('finds the names of headings and an opening 招聘 at the start of a line', () => {
    expect(words('招聘CNC操机员：会看图纸。\n自我评价：吃苦耐劳')).toEqual(['自我评价', '招聘']);
    expect(words('负责招聘和培训。')).toEqual([]);
    // A title that ends with the word: the first line only, and not a duty (负责招聘 on a line of its own).
    expect(words('体检中心招聘\n岗位职责：导医')).toEqual(['岗位职责', '招聘']);
    expect(words('【苏州某电子厂急招】：\n普工若干')).toEqual(['急招']);
    expect(words('负责招聘\n培训新员工')).toEqual([]);
    expect(words('岗位职责：\n体检中心招聘')).toEqual(['岗位职责']);
    // Right after the employer's name, on any line; not in a duty (负责公司招聘工作).
    expect(words('岗位职责：操作CNC\n昆山某精密机械有限公司招聘CNC操作工')).toEqual(['岗位职责', '招聘']);
    expect(words('负责公司招聘工作')).toEqual([]);
  });

  it('reads no skill from them, and still reads recruiting as a duty', () => {
    const recruit = taxonomy.searchSkills({ q: '招聘', lang: 'zh', limit: 1 })[0]!.uri;
    const opening = taxonomy.suggestSkills('招聘CNC操机员：会看图纸。');
    expect(opening.items.map((i) => i.uri)).not.toContain(recruit);
    expect(taxonomy.suggestSkills('招聘专员：负责招聘和员工入职手续。').items.map((i) => i.uri)).toContain(recruit);
    const cv = taxonomy.suggestSkills('自我评价：性格开朗，吃苦耐劳。');
    expect(cv.items.map((i) => taxonomy.labelOf(i.uri))).not.toContain('analyse own performance');
    expect(cv.items.length).toBeGreaterThan(0);
  });
});

describe('suggestions skip the asides', () => {
  it('reads no skill from benefits or the company presentation, and still reads the requirements', () => {
    const about = 'About us: We are a leading logistics company.\nRequirements:\n- Forklift licence\n- MIG welding';
    const found = labels(about);
    expect(found).not.toContain('logistics');
    expect(found).toContain('perform metal inert gas welding');
    const read = taxonomy.suggestSkills('A leading logistics company.').sentences.flatMap((x) => x.candidates);
    expect(read.map((c) => c.label)).toContain('logistics');

    const result = taxonomy.suggestSkills('任职要求：会氩弧焊。福利待遇：五险一金，包吃住，社保。');
    expect(result.items.map((i) => taxonomy.labelOf(i.uri))).toEqual(['perform tungsten inert gas welding']);
    expect(result.sentences.map((s) => s.span.text)).toEqual(['任职要求：会氩弧焊。']);
    expect(result.asides).toEqual([
      { span: { start: 10, end: 27, text: '福利待遇：五险一金，包吃住，社保。' }, kind: 'benefits' },
    ]);
  });

  it("sets aside a sentence that opens with the employer's offer or presentation, without a heading", () => {
    expect(labels('We offer 28 days holiday and a generous pension scheme.')).toEqual([]);
    expect(labels('We are a family-run business with 30 years of history. You will operate forklifts.')).toEqual([
      'operate forklift',
    ]);
    expect(labels('We provide training in forklift operation. Experience with MIG welding.')).toEqual([
      'perform metal inert gas welding',
    ]);
    const result = taxonomy.suggestSkills('我们提供免费住宿和岗前培训。熟悉电焊。');
    expect(result.asides.map((a) => [a.span.text, a.kind])).toEqual([['我们提供免费住宿和岗前培训', 'benefits']]);
    expect(result.items.length).toBeGreaterThan(0);
    // A perk opening a line or sentence, with or without a heading.
    expect(asideTexts('熟悉5S现场管理。五险一金，社保公积金按时缴纳。')).toEqual([
      ['benefits', '五险一金，社保公积金按时缴纳'],
    ]);
    expect(labels('Competitive salary, share options and 25 days holiday.')).toEqual([]);
    expect(labels('Hybrid working with two days a week in the office.')).toEqual([]);
    expect(labels('公司缴纳五险一金')).toEqual([]);
    expect(labels('负责员工五险一金的核算与申报')).toEqual(['calculate employee benefits']);
    // Said later in a sentence, the words are read: only the opening marks a statement.
    expect(labels('Candidates we offer roles to must operate forklifts.')).toContain('operate forklift');
  });
});
