/**
 * npm run eval:extraction — precision, recall and F1 of skill extraction on the hand-labelled set in
 * extraction.jsonl, overall, per language and per kind of text. `--verbose` lists every miss and false alarm.
 *
 * Each line: { id, lang: 'en'|'zh', kind: 'sentence'|'paragraph', text, skills: [{ uri, label }] } where
 * `skills` are the ESCO skills a careful reader tags in `text`, written by hand from the text alone.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getTaxonomy } from '../src/index.ts';

export interface LabelledText {
  id: string;
  lang: 'en' | 'zh';
  /** 'sentence': short, names skills nearly verbatim; 'paragraph': a fuller ad or CV passage in its own words. */
  kind: 'sentence' | 'paragraph';
  text: string;
  skills: Array<{ uri: string; label: string }>;
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Score extends Counts {
  precision: number;
  recall: number;
  f1: number;
}

export function loadEvaluationSet(
  path = resolve(dirname(fileURLToPath(import.meta.url)), 'extraction.jsonl'),
): LabelledText[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as LabelledText);
}

const score = ({ tp, fp, fn }: Counts): Score => {
  const precision = tp / Math.max(1, tp + fp);
  const recall = tp / Math.max(1, tp + fn);
  return {
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    tp,
    fp,
    fn,
  };
};

export function evaluate(rows: readonly LabelledText[]): { groups: Record<string, Score>; errors: string[] } {
  const taxonomy = getTaxonomy();
  const counts: Record<string, Counts> = {};
  const errors: string[] = [];
  for (const row of rows) {
    const predicted = new Set(taxonomy.extractSkills(row.text, { lang: row.lang }).map((s) => s.uri));
    const expected = new Set(row.skills.map((s) => s.uri));
    const inRow: Counts = { tp: 0, fp: 0, fn: 0 };
    for (const uri of predicted) {
      if (expected.has(uri)) inRow.tp++;
      else {
        inRow.fp++;
        errors.push(`  ${row.id} false alarm: ${taxonomy.labelOf(uri)}`);
      }
    }
    for (const uri of expected) {
      if (predicted.has(uri)) continue;
      inRow.fn++;
      errors.push(`  ${row.id} missed: ${taxonomy.labelOf(uri)}`);
    }
    for (const group of ['all', row.lang, row.kind, `${row.lang} ${row.kind}`]) {
      const sum = counts[group] ?? { tp: 0, fp: 0, fn: 0 };
      counts[group] = { tp: sum.tp + inRow.tp, fp: sum.fp + inRow.fp, fn: sum.fn + inRow.fn };
    }
  }
  return { groups: Object.fromEntries(Object.entries(counts).map(([group, c]) => [group, score(c)])), errors };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const rows = loadEvaluationSet();
  const { groups, errors } = evaluate(rows);
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  const size = (filter: (r: LabelledText) => boolean) => rows.filter(filter).length;
  console.log(
    `skill extraction on ${rows.length} labelled texts: ${size((r) => r.lang === 'en')} en, ${size((r) => r.lang === 'zh')} zh; ` +
      `${size((r) => r.kind === 'sentence')} sentences, ${size((r) => r.kind === 'paragraph')} paragraphs`,
  );
  const order = [
    'en',
    'zh',
    'sentence',
    'paragraph',
    'en sentence',
    'en paragraph',
    'zh sentence',
    'zh paragraph',
    'all',
  ];
  console.table(
    Object.fromEntries(
      order
        .filter((group) => groups[group])
        .map((group) => {
          const s = groups[group]!;
          return [
            group,
            { precision: pct(s.precision), recall: pct(s.recall), F1: pct(s.f1), TP: s.tp, FP: s.fp, FN: s.fn },
          ];
        }),
    ),
  );
  if (process.argv.includes('--verbose')) console.log(errors.join('\n'));
}
