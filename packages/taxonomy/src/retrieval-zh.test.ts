import { describe, expect, it } from 'vitest';
import { ChineseRetriever } from './retrieval-zh.ts';

const NURSING = 0;
const REBAR = 1;
const retriever = new ChineseRetriever(
  [
    { skill: NURSING, text: '护理专业' },
    { skill: REBAR, text: '钢筋绑扎' },
    // Entries sharing the common bigrams, so that the rare ones weigh as they do among real labels.
    ...['专业知识', '管理专业', '信息管理', '钢筋工程', '绑扎工艺'].map((text, k) => ({ skill: 2 + k, text })),
  ],
  100,
);
const found = (sentence: string) => retriever.retrieve(sentence, 5).map((hit) => hit.skill);

describe('Chinese retrieval by character bigrams', () => {
  it('finds a label written in parts, with words between', () => {
    expect(found('负责钢筋的绑扎')).toContain(REBAR);
  });

  it('never reads a label whose first two characters, its modifier, are missing: 管理专业 is no 护理专业', () => {
    expect(found('信息管理专业毕业')).not.toContain(NURSING);
    expect(found('护理的专业知识扎实')).toContain(NURSING);
  });
});
