import { describe, expect, it } from 'vitest';
import { getTaxonomy } from './index.ts';

const taxonomy = getTaxonomy();
const SKILL = 'http://data.europa.eu/esco/skill/';
const READ_ENGINEERING_DRAWINGS = `${SKILL}b07daddc-8625-4360-946e-ad2b0e56ebf6`;
const labelled = (text: string) => taxonomy.extractSkills(text, { lang: 'zh' }).map((hit) => hit.label);

describe('Chinese verb and object written apart', () => {
  it('finds the skill when words or a potential complement stand between verb and object', () => {
    for (const text of ['看得懂零件图纸。', '要能看懂复杂的零件图纸。']) {
      const hits = taxonomy.extractSkills(text, { lang: 'zh' });
      const hit = hits.find((h) => h.label === taxonomy.labelOf(READ_ENGINEERING_DRAWINGS, 'zh'));
      expect(hit, text).toBeDefined();
      expect(text.slice(hit!.span.start, hit!.span.end)).toBe(hit!.span.text);
      // The bare object (图纸 → blueprints, a knowledge concept) gives way to the skill.
      expect(hits.map((h) => h.label)).not.toContain(
        taxonomy.labelOf(`${SKILL}d1072655-88ce-4445-8803-e6273da273e7`, 'zh'),
      );
    }
  });

  it('does not split a knowledge noun that starts with a verb, nor reach across a clause', () => {
    expect(labelled('能操作FANUC系统的数控车床。')).not.toContain('操作系统');
    expect(labelled('要求看懂，图纸由他人出。')).not.toContain(taxonomy.labelOf(READ_ENGINEERING_DRAWINGS, 'zh'));
  });
});
