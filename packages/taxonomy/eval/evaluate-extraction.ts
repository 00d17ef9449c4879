/**
 * npm run eval:extraction — precision, recall and F1 of skill extraction on the hand-labelled set
 * in extraction.tsv, overall and per language. `--verbose` lists every miss and false alarm.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getTaxonomy } from '../src/index.ts';

export interface LabelledText {
  lang: 'en' | 'zh';
  text: string;
  expected: string[];
}

export function loadEvaluationSet(): LabelledText[] {
  const taxonomy = getTaxonomy();
  const here = dirname(fileURLToPath(import.meta.url));
  const unknown: string[] = [];
  const rows = readFileSync(resolve(here, 'extraction.tsv'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('#'))
    .map((line) => {
      const [lang, text, labels] = line.split('\t');
      const expected = (labels ?? '').split('|').map((label) => {
        const hit = taxonomy.searchSkills({ q: label, lang: 'en', limit: 5 }).find((h) => h.preferredLabel === label);
        if (!hit) unknown.push(label);
        return hit?.uri ?? label;
      });
      return { lang: lang as 'en' | 'zh', text: text ?? '', expected };
    });
  if (unknown.length > 0) throw new Error(`labels that are not ESCO preferred labels: ${unknown.join('; ')}`);
  return rows;
}

export function evaluate(rows: readonly LabelledText[]) {
  const taxonomy = getTaxonomy();
  const totals = { en: { tp: 0, fp: 0, fn: 0 }, zh: { tp: 0, fp: 0, fn: 0 } };
  const errors: string[] = [];
  for (const row of rows) {
    const predicted = new Set(taxonomy.extractSkills(row.text, { lang: row.lang }).map((s) => s.uri));
    const expected = new Set(row.expected);
    const t = totals[row.lang];
    for (const uri of predicted) {
      if (expected.has(uri)) t.tp++;
      else {
        t.fp++;
        errors.push(`  false alarm ${taxonomy.labelOf(uri)} in: ${row.text}`);
      }
    }
    for (const uri of expected) {
      if (!predicted.has(uri)) {
        t.fn++;
        errors.push(`  missed ${taxonomy.labelOf(uri)} in: ${row.text}`);
      }
    }
  }
  const score = ({ tp, fp, fn }: { tp: number; fp: number; fn: number }) => {
    const precision = tp / Math.max(1, tp + fp);
    const recall = tp / Math.max(1, tp + fn);
    return { precision, recall, f1: (2 * precision * recall) / Math.max(1e-9, precision + recall), tp, fp, fn };
  };
  const all = { tp: totals.en.tp + totals.zh.tp, fp: totals.en.fp + totals.zh.fp, fn: totals.en.fn + totals.zh.fn };
  return { en: score(totals.en), zh: score(totals.zh), all: score(all), errors };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const rows = loadEvaluationSet();
  const result = evaluate(rows);
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  console.log(`skill extraction on ${rows.length} labelled texts (${rows.filter((r) => r.lang === 'en').length} en, ${rows.filter((r) => r.lang === 'zh').length} zh)`);
  console.table(
    Object.fromEntries(
      (['en', 'zh', 'all'] as const).map((k) => [
        k,
        { precision: pct(result[k].precision), recall: pct(result[k].recall), F1: pct(result[k].f1), TP: result[k].tp, FP: result[k].fp, FN: result[k].fn },
      ]),
    ),
  );
  if (process.argv.includes('--verbose')) console.log(result.errors.join('\n'));
}
