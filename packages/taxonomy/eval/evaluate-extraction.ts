/**
 * npm run eval:extraction — skill extraction on the hand-labelled set in extraction.jsonl: micro precision, recall
 * and F1 of the suggested skills, and R-Precision@5 of the ranked candidates (per text: correct skills among the
 * first five over min(5, labelled skills), averaged), per split, language and kind of text. Computed in the same
 * run for skillpass's suggestions, for its label dictionary alone (extractSkills), and for a literal-label
 * baseline: ESCO preferred and alternative labels (and, in Chinese text, the curated Chinese labels) found
 * verbatim, longer labels ranked first.
 *
 * `--verbose` lists misses and false alarms on the dev split only: the test split is for reporting, not tuning.
 *
 * Each line: { id, lang: 'en'|'zh', kind: 'sentence'|'job-ad'|'cv', split: 'dev'|'test', text, skills: [{ uri,
 * label }] } where `skills` are the ESCO skills a careful reader tags in `text`, written from the text alone,
 * before the extractor was run on it.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getTaxonomy, type Lang, type Taxonomy } from '../src/index.ts';
import { normalise } from '../src/text.ts';

export interface LabelledText {
  id: string;
  lang: Lang;
  /** 'sentence': one job-ad or CV sentence; 'job-ad' and 'cv': several sentences in recruiting language. */
  kind: 'sentence' | 'job-ad' | 'cv';
  /** Fixed when the texts were labelled: tune on dev, report test; 'fresh' (extraction-fresh.jsonl) was written in
   * session 6 after all earlier tuning, labelled and committed before any run on it; 's7-dev' / 's7-test'
   * (extraction-s7.jsonl, split dev/test there) were written and committed in session 7 before any run on them;
   * 's8' (extraction-s8.jsonl) was written and committed in session 8 before any run, held out like 'fresh';
   * 's9' (extraction-s9.jsonl) likewise in session 9, 's13' (extraction-s13.jsonl) in session 13. */
  split: 'dev' | 'test' | 'fresh' | 's7-dev' | 's7-test' | 's8' | 's9' | 's13';
  text: string;
  skills: Array<{ uri: string; label: string }>;
}

/** A system under evaluation: the skills it suggests, and its ranked candidates (best first). */
export type ExtractionSystem = (text: string, lang: Lang) => { predicted: ReadonlySet<string>; ranked: string[] };

interface Counts {
  tp: number;
  fp: number;
  fn: number;
  texts: number;
  rPrecisionSum: number;
}

export interface Score {
  precision: number;
  recall: number;
  f1: number;
  rPrecisionAt5: number;
  tp: number;
  fp: number;
  fn: number;
  texts: number;
}

const EVAL_DIR = dirname(fileURLToPath(import.meta.url));

export function loadEvaluationSet(path = resolve(EVAL_DIR, 'extraction.jsonl')): LabelledText[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as LabelledText);
}

const score = ({ tp, fp, fn, texts, rPrecisionSum }: Counts): Score => {
  const precision = tp / Math.max(1, tp + fp);
  const recall = tp / Math.max(1, tp + fn);
  return {
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    rPrecisionAt5: rPrecisionSum / Math.max(1, texts),
    tp,
    fp,
    fn,
    texts,
  };
};

/** Group keys: `dev all`, `dev en`, `dev en sentence`, … and the same for test. */
export function evaluate(
  rows: readonly LabelledText[],
  system: ExtractionSystem,
  taxonomy: Taxonomy = getTaxonomy(),
): { groups: Record<string, Score>; errors: string[] } {
  const counts: Record<string, Counts> = {};
  const errors: string[] = [];
  for (const row of rows) {
    const { predicted, ranked } = system(row.text, row.lang);
    const expected = new Set(row.skills.map((s) => s.uri));
    const inRow: Counts = { tp: 0, fp: 0, fn: 0, texts: 1, rPrecisionSum: 0 };
    for (const uri of predicted) {
      if (expected.has(uri)) inRow.tp++;
      else {
        inRow.fp++;
        if (row.split === 'dev' || row.split === 's7-dev')
          errors.push(`  ${row.id} false alarm: ${taxonomy.labelOf(uri)}`);
      }
    }
    for (const uri of expected) {
      if (predicted.has(uri)) continue;
      inRow.fn++;
      if (row.split === 'dev' || row.split === 's7-dev') errors.push(`  ${row.id} missed: ${taxonomy.labelOf(uri)}`);
    }
    const top = [...new Set(ranked)].slice(0, 5);
    inRow.rPrecisionSum =
      expected.size === 0 ? 1 : top.filter((uri) => expected.has(uri)).length / Math.min(5, expected.size);
    for (const group of [`${row.split} all`, `${row.split} ${row.lang}`, `${row.split} ${row.lang} ${row.kind}`]) {
      const sum = counts[group] ?? { tp: 0, fp: 0, fn: 0, texts: 0, rPrecisionSum: 0 };
      counts[group] = {
        tp: sum.tp + inRow.tp,
        fp: sum.fp + inRow.fp,
        fn: sum.fn + inRow.fn,
        texts: sum.texts + 1,
        rPrecisionSum: sum.rPrecisionSum + inRow.rPrecisionSum,
      };
    }
  }
  return { groups: Object.fromEntries(Object.entries(counts).map(([group, c]) => [group, score(c)])), errors };
}

/** skillpass: suggestSkills' items, and its per-sentence candidates merged by best score. */
export const skillpassSystem =
  (taxonomy: Taxonomy): ExtractionSystem =>
  (text, lang) => {
    const suggestions = taxonomy.suggestSkills(text, { lang });
    const best = new Map<string, number>();
    for (const sentence of suggestions.sentences)
      for (const c of sentence.candidates) best.set(c.uri, Math.max(best.get(c.uri) ?? 0, c.score));
    for (const item of suggestions.items) best.set(item.uri, Math.max(best.get(item.uri) ?? 0, item.confidence));
    return {
      predicted: new Set(suggestions.items.map((i) => i.uri)),
      ranked: [...best].sort((a, b) => b[1] - a[1]).map(([uri]) => uri),
    };
  };

/** The label dictionary alone (extractSkills), ranked by confidence. */
export const dictionarySystem =
  (taxonomy: Taxonomy): ExtractionSystem =>
  (text, lang) => {
    const hits = taxonomy.extractSkills(text, { lang });
    return {
      predicted: new Set(hits.map((h) => h.uri)),
      ranked: [...hits].sort((a, b) => b.confidence - a.confidence).map((h) => h.uri),
    };
  };

/** The literal-label baseline: labels found verbatim (lower-cased, punctuation as space), longer labels first. */
export function literalSystem(taxonomy: Taxonomy): ExtractionSystem {
  const english = new Map<string, string[]>();
  const chinese: Array<{ text: string; uri: string }> = [];
  for (const uri of taxonomy.allSkillUris()) {
    const skill = taxonomy.getSkill(uri)!;
    for (const label of [skill.preferredLabel, ...skill.altLabels]) {
      const key = normalise(label);
      if (key) english.set(key, [...(english.get(key) ?? []), uri]);
    }
    if (skill.zh) for (const text of [skill.zh.label, ...skill.zh.aliases]) chinese.push({ text, uri });
  }
  return (text) => {
    const words = normalise(text).split(' ');
    const found: Array<{ uri: string; length: number; at: number }> = [];
    for (let n = 6; n >= 1; n--)
      for (let i = 0; i + n <= words.length; i++)
        for (const uri of english.get(words.slice(i, i + n).join(' ')) ?? []) found.push({ uri, length: n, at: i });
    for (const entry of chinese) {
      const at = text.indexOf(entry.text);
      if (at >= 0) found.push({ uri: entry.uri, length: entry.text.length / 2, at });
    }
    found.sort((a, b) => b.length - a.length || a.at - b.at);
    return { predicted: new Set(found.map((f) => f.uri)), ranked: found.map((f) => f.uri) };
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const taxonomy = getTaxonomy();
  const rows = [
    ...loadEvaluationSet(),
    ...loadEvaluationSet(resolve(EVAL_DIR, 'extraction-fresh.jsonl')),
    // Session 7's set keeps its own tables, so that the dev and test figures stay comparable across sessions.
    ...loadEvaluationSet(resolve(EVAL_DIR, 'extraction-s7.jsonl')).map(
      (r): LabelledText => ({ ...r, split: r.split === 'test' ? 's7-test' : 's7-dev' }),
    ),
    // Session 8's held-out set: only scored, its errors never listed.
    ...loadEvaluationSet(resolve(EVAL_DIR, 'extraction-s8.jsonl')),
    // Session 9's held-out set, the same way.
    ...loadEvaluationSet(resolve(EVAL_DIR, 'extraction-s9.jsonl')),
    // Session 13's held-out set, the same way.
    ...loadEvaluationSet(resolve(EVAL_DIR, 'extraction-s13.jsonl')),
  ];
  const systems = {
    skillpass: evaluate(rows, skillpassSystem(taxonomy), taxonomy),
    dictionary: evaluate(rows, dictionarySystem(taxonomy), taxonomy),
    literal: evaluate(rows, literalSystem(taxonomy), taxonomy),
  };
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  const size = (filter: (r: LabelledText) => boolean) => rows.filter(filter).length;
  console.log(
    `skill extraction on ${rows.length} labelled texts (${size((r) => r.split === 'dev')} dev, ${size((r) => r.split === 'test')} test): ` +
      `${size((r) => r.lang === 'en')} en, ${size((r) => r.lang === 'zh')} zh; ${size((r) => r.kind === 'sentence')} sentences, ` +
      `${size((r) => r.kind === 'job-ad')} job ads, ${size((r) => r.kind === 'cv')} CVs`,
  );
  const groups = ['en', 'en sentence', 'en job-ad', 'en cv', 'zh', 'zh sentence', 'zh job-ad', 'zh cv', 'all'];
  for (const split of ['dev', 'test', 'fresh', 's7-dev', 's7-test', 's8', 's9', 's13']) {
    console.log(
      `\n${split} split — skillpass (P / R / F1 / RP@5), its label dictionary alone, and the literal-label baseline`,
    );
    console.table(
      Object.fromEntries(
        groups
          .filter((group) => systems.skillpass.groups[`${split} ${group}`])
          .map((group) => {
            const [s, d, l] = [systems.skillpass, systems.dictionary, systems.literal].map(
              (system) => system.groups[`${split} ${group}`]!,
            );
            return [
              group,
              {
                texts: s!.texts,
                P: pct(s!.precision),
                R: pct(s!.recall),
                F1: pct(s!.f1),
                'RP@5': pct(s!.rPrecisionAt5),
                'dictionary F1': pct(d!.f1),
                'dictionary RP@5': pct(d!.rPrecisionAt5),
                'literal F1': pct(l!.f1),
                'literal RP@5': pct(l!.rPrecisionAt5),
                'F1 vs literal': l!.f1 > 0 ? `${((s!.f1 / l!.f1 - 1) * 100).toFixed(0)}%` : 'n/a',
              },
            ];
          }),
      ),
    );
  }
  if (process.argv.includes('--verbose'))
    console.log(`dev errors (skillpass):\n${systems.skillpass.errors.join('\n')}`);
}
