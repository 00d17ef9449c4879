import { describe, expect, it } from 'vitest';
import { type Extraction, suggestedSkills } from './suggested-skills.ts';

const span = (text: string, whole: string) => {
  const start = whole.indexOf(text);
  return { start, end: start + text.length, text };
};
const TEXT = '熟悉CAD软件，会看图纸。能适应夜班。';
const candidate = (uri: string, label: string, score: number, words?: string) => ({
  uri,
  label,
  score,
  evidence: 'retrieval' as const,
  inContext: false,
  ...(words ? { span: span(words, TEXT) } : {}),
});

const extraction: Extraction = {
  attribution: 'ESCO',
  asides: [],
  occupations: [],
  items: [
    { uri: 'use-cad', label: '使用CAD软件', confidence: 0.85, span: span('CAD软件', TEXT) },
    { uri: 'drawings', label: '图纸', confidence: 0.7, span: span('图纸', TEXT) },
    { uri: 'shifts', label: '倒班工作', confidence: 0.8, span: span('夜班', TEXT) },
  ],
  sentences: [
    {
      span: span('熟悉CAD软件，会看图纸。', TEXT),
      candidates: [
        candidate('use-cad', '使用CAD软件', 0.85, 'CAD软件'),
        candidate('drawings', '图纸', 0.7, '图纸'),
        candidate('cad', 'CAD软件', 0.6, 'CAD'),
        candidate('read-drawings', '识读工程图纸', 0.5, '看图纸'),
        candidate('draw', '绘图', 0.45, 'CAD软件，会看图'),
        candidate('faint', '制图标准', 0.2, '图纸'),
        // Read from no single stretch of the sentence: not offered as another reading of particular words.
        candidate('spread', '工程制图', 0.4),
      ],
    },
    { span: span('能适应夜班。', TEXT), candidates: [candidate('shifts', '倒班工作', 0.8)] },
  ],
};

describe('suggested skills to confirm', () => {
  it('quotes the words each skill was read from and offers the best two other readings of those words', () => {
    const [cad, drawings, shifts] = suggestedSkills(extraction, new Set());
    expect(cad).toEqual({
      uri: 'use-cad',
      label: '使用CAD软件',
      quote: 'CAD软件',
      alternatives: [
        { uri: 'cad', label: 'CAD软件' },
        { uri: 'draw', label: '绘图' },
      ],
    });
    // Another suggestion is never offered as an alternative, and a weak candidate is not worth a button.
    expect(drawings!.alternatives.map((a) => a.uri)).toEqual(['read-drawings', 'draw']);
    expect(shifts!.alternatives).toEqual([]);
  });

  it('leaves out what the person has already chosen, as a suggestion and as an alternative', () => {
    const found = suggestedSkills(extraction, new Set(['drawings', 'cad']));
    expect(found.map((s) => s.uri)).toEqual(['use-cad', 'shifts']);
    expect(found[0]!.alternatives.map((a) => a.uri)).toEqual(['draw']);
  });
});
