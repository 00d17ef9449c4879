import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { retrievalDataFor } from '../scripts/build-retrieval-index.ts';
import { getTaxonomy, type SoftSkillPatterns, taxonomyDataDir } from './index.ts';
import { RETRIEVAL_FILE } from './retrieval.ts';
import { splitSentences } from './suggest.ts';

const taxonomy = getTaxonomy();
const skill = (id: string) => `http://data.europa.eu/esco/skill/${id}`;
const S = {
  mig: skill('f015c5d5-6a1c-4f63-9012-a05f4f34105e'),
  applyWoundDressings: skill('fa845322-85c4-42cb-b230-c1d43d308f02'),
  workInTeams: skill('60c78287-22eb-4103-9c8c-28deaa460da0'),
  copeWithStress: skill('7a147904-22b3-498a-b4d9-7bceeb86b45d'),
};
const items = (text: string, lang?: 'en' | 'zh') =>
  taxonomy.suggestSkills(text, lang ? { lang } : {}).items.map((i) => i.uri);

describe('ranked skill suggestions (suggestSkills)', () => {
  const ad =
    'Warehouse clerk in Kunshan. Keep accurate stock records and count the inventory every month.\n' +
    'You are a team player who can work under pressure; forklift licence preferred. 熟悉Excel和WMS系统。';

  it('a retrieval reading does not take in words a longer label or a phrasing already reads as another skill', () => {
    const knowledgeManagement = skill('8622f74f-61b7-4664-862a-7c1dea8041f0');
    const customerInsight = skill('05fc6f8d-639c-4329-a6de-dfdd800ed091');
    const supplyChain = skill('f929c89e-c363-4132-a918-e021d57b307c');
    const read = items('Sound knowledge of supply chain management.');
    expect(read).toContain(supplyChain);
    expect(read).not.toContain(knowledgeManagement);
    expect(items('Gather customer feedback and share insights with the product team.')).not.toContain(customerInsight);
    // Named by themselves, they are read.
    expect(items('Develop knowledge management systems for the firm.')).toContain(knowledgeManagement);
  });

  it('a phrasing stays an item when retrieval scores the same skill higher: it keeps its evidence and span', () => {
    const firewall = skill('e5b5053e-0ef6-4c4e-a3f2-42f955f4322c');
    const vpn = skill('acf0a78c-f4e3-4bd9-a5cc-9cf4791b3b95');
    const text = 'Install and maintain firewalls and VPNs.';
    const result = taxonomy.suggestSkills(text);
    // Both are read from the sentence; before, retrieval's higher score replaced the phrasing, which then had to
    // rank first to be taken, and only one of them was.
    expect(result.items.map((i) => i.uri)).toEqual(expect.arrayContaining([firewall, vpn]));
    const candidate = result.sentences[0]!.candidates.find((c) => c.uri === firewall)!;
    expect(candidate.evidence).toBe('pattern');
    expect(candidate.span?.text).toBe('Install and maintain firewalls');
  });

  it('splits the text into sentences and ranks candidates per sentence, best first, with spans into the text', () => {
    const result = taxonomy.suggestSkills(ad);
    expect(result.sentences.map((s) => s.span.text)).toEqual([
      'Warehouse clerk in Kunshan.',
      'Keep accurate stock records and count the inventory every month.',
      'You are a team player who can work under pressure;',
      'forklift licence preferred.',
      '熟悉Excel和WMS系统。',
    ]);
    for (const { span, candidates } of result.sentences) {
      expect(ad.slice(span.start, span.end)).toBe(span.text);
      expect(candidates.length).toBeLessThanOrEqual(5);
      for (let k = 1; k < candidates.length; k++)
        expect(candidates[k - 1]!.score).toBeGreaterThanOrEqual(candidates[k]!.score);
      for (const c of candidates) {
        expect(taxonomy.isKnownSkill(c.uri)).toBe(true);
        expect(c.score).toBeGreaterThan(0);
        expect(c.score).toBeLessThanOrEqual(1);
        // The words a candidate was read from lie inside its sentence.
        if (c.span) {
          expect(ad.slice(c.span.start, c.span.end)).toBe(c.span.text);
          expect(c.span.start).toBeGreaterThanOrEqual(span.start);
          expect(c.span.end).toBeLessThanOrEqual(span.end);
        }
      }
    }
    // Every label hit and phrasing is a candidate with the words it was read from.
    expect(result.sentences.flatMap((s) => s.candidates).filter((c) => c.span).length).toBeGreaterThan(3);
    for (const item of result.items) expect(ad.slice(item.span.start, item.span.end)).toBe(item.span.text);
    expect(result.occupations.length).toBeGreaterThan(0);
  });

  it('a skill the text names in two sentences is a label candidate of both, and one item', () => {
    const text = 'Advanced Excel skills. You will build reports in Excel every week.';
    const result = taxonomy.suggestSkills(text);
    const spreadsheets = taxonomy.suggestSkills('Excel').items[0]!.uri;
    for (const sentence of result.sentences)
      expect(sentence.candidates.find((c) => c.uri === spreadsheets)?.evidence, sentence.span.text).toBe('label');
    expect(result.items.filter((item) => item.uri === spreadsheets)).toHaveLength(1);
  });

  it('finds skills the text states without their ESCO label, by retrieval over labels', () => {
    expect(items('Nurse for the surgical ward: dress wounds and monitor vital signs.')).toContain(
      S.applyWoundDressings,
    );
  });

  it('reads common phrasings of soft skills, in English and Chinese', () => {
    expect(items('We need a team player who can work under pressure.')).toEqual(
      expect.arrayContaining([S.workInTeams, S.copeWithStress]),
    );
    expect(items('要求有团队合作精神，能承受工作压力。', 'zh')).toEqual(
      expect.arrayContaining([S.workInTeams, S.copeWithStress]),
    );
  });

  it("gives a wording that is one skill's name to that skill, not to another skill listing it as an alternative", () => {
    const suggestions = taxonomy.suggestSkills('You will work in a team of five.');
    const top = suggestions.sentences[0]!.candidates[0]!;
    expect(top.uri).toBe(S.workInTeams);
    expect(suggestions.items.map((i) => i.label)).not.toContain('work in textile manufacturing teams');
  });

  it('names the occupation the text resembles and marks candidates that occupation lists', () => {
    const result = taxonomy.suggestSkills(
      'Welder for our shipyard. Weld hull blocks with MIG welding and grind the seams.',
    );
    expect(result.occupations.map((o) => o.label)).toContain('welder');
    expect(result.items.map((i) => i.uri)).toContain(S.mig);
    expect(result.sentences.flatMap((s) => s.candidates).some((c) => c.inContext)).toBe(true);
  });

  it('treats a full stop inside a name as part of the word', () => {
    expect(splitSentences('Node.js and Vue.js. Then 3.5 years.').map(({ start, end }) => [start, end])).toEqual([
      [0, 19],
      [20, 35],
    ]);
  });

  it('keeps a list number with the item it numbers', () => {
    const text = 'Duties:\n1. Weld frames. 2. Drive a forklift.\nb. Read drawings';
    expect(splitSentences(text).map(({ start, end }) => text.slice(start, end))).toEqual([
      'Duties:',
      '1. Weld frames.',
      '2. Drive a forklift.',
      'b. Read drawings',
    ]);
  });
});

describe('the curated data behind the suggestions', () => {
  it('soft-skill phrasings name real ESCO skills as ESCO names them, and compile', () => {
    const soft = JSON.parse(readFileSync(`${taxonomyDataDir()}/soft-skills.json`, 'utf8')) as SoftSkillPatterns;
    for (const [uri, entry] of Object.entries(soft.skills)) {
      expect(taxonomy.getSkill(uri)?.preferredLabel, uri).toBe(entry.en);
      // Compiled without the unicode flag (taxonomy.ts), so they must not need it.
      for (const pattern of entry.patterns) {
        expect(() => new RegExp(pattern, 'i')).not.toThrow();
        expect(pattern, 'a character outside the Basic Multilingual Plane or a \\p class').not.toMatch(
          /[\u{10000}-\u{10FFFF}]|\\[pPu]/u,
        );
        // Chinese phrasings are scanned only over sentences with Han characters, the rest only over sentences with
        // Latin letters or digits: a phrasing is in one script, so no branch of a Chinese one is Latin only.
        if (/\p{Script=Han}/u.test(pattern))
          expect(pattern.replace(/\\[a-zA-Z]/g, ''), 'a Chinese phrasing with Latin words').not.toMatch(/[A-Za-z]{2}/);
      }
    }
  });

  it('the committed retrieval index is what the build script derives from the shipped data', {
    timeout: 180_000,
  }, () => {
    const committed = JSON.parse(gunzipSync(readFileSync(`${taxonomyDataDir()}/${RETRIEVAL_FILE}`)).toString('utf8'));
    expect(committed).toEqual(retrievalDataFor(taxonomyDataDir()));
  });
});
