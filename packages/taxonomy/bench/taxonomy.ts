/**
 * npm run bench:taxonomy — what the taxonomy costs a cold process (load, index builds, heap) and what a look-up
 * or an extraction costs afterwards. Baselines, timed in the same run on the same input: a plain scan over every
 * English label for look-up; for extraction of 2,000-character ads, the literal-label matcher of eval:extraction
 * and the label dictionary alone (extractSkills) next to the ranked suggestions (suggestSkills).
 */
import { performance } from 'node:perf_hooks';
import { literalSystem, loadEvaluationSet } from '../eval/evaluate-extraction.ts';
import { getTaxonomy } from '../src/index.ts';
import { normalise } from '../src/text.ts';

const gc = (globalThis as { gc?: () => void }).gc;
const elapsed = (from: number) => performance.now() - from;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * Wall-clock p50/p99 per call, and the same for the process's CPU time (process.cpuUsage): on a shared, overloaded
 * machine the wall clock also counts time spent waiting for a core, the CPU time only the work.
 */
function latency(inputs: readonly string[], rounds: number, run: (input: string) => unknown): Record<string, string> {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const input of inputs) {
      const start = performance.now();
      const startCpu = process.cpuUsage();
      run(input);
      const used = process.cpuUsage(startCpu);
      wall.push(elapsed(start));
      cpu.push((used.user + used.system) / 1000);
    }
  }
  const at = (samples: number[], q: number) => {
    const sorted = [...samples].sort((a, b) => a - b);
    return `${(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! * 1000).toFixed(0)} µs`;
  };
  return {
    p50: at(wall, 0.5),
    p99: at(wall, 0.99),
    'cpu p50': at(cpu, 0.5),
    'cpu p99': at(cpu, 0.99),
    samples: String(wall.length),
  };
}

gc?.();
const heapBefore = process.memoryUsage().heapUsed;
let start = performance.now();
const taxonomy = getTaxonomy();
const knownSkill = taxonomy.allSkillUris()[0]!;
const loadMs = elapsed(start);
start = performance.now();
taxonomy.relatedSkills(knownSkill);
const graphMs = elapsed(start);
start = performance.now();
taxonomy.getSkill(knownSkill);
const conceptsMs = elapsed(start);
start = performance.now();
taxonomy.searchSkills({ q: 'weld', lang: 'en', limit: 10 });
const searchIndexMs = elapsed(start);
start = performance.now();
taxonomy.extractSkills('welding techniques');
const phraseIndexMs = elapsed(start);
gc?.();
const heapUsed = process.memoryUsage().heapUsed - heapBefore;
start = performance.now();
taxonomy.suggestSkills('welding techniques');
const suggestMs = elapsed(start);
gc?.();
const heapWithSuggest = process.memoryUsage().heapUsed - heapBefore;

console.log(`${taxonomy.skillCount} skills, ${taxonomy.occupationCount} occupations; node ${process.version}`);
console.table({
  'first URI check: read, gunzip, parse esco.json.gz': `${loadMs.toFixed(0)} ms`,
  'first relatedSkills (builds the skill graph)': `${graphMs.toFixed(0)} ms`,
  'first getSkill (reads alternative labels, zh.json)': `${conceptsMs.toFixed(0)} ms`,
  'first searchSkills (builds en + zh skill indexes)': `${searchIndexMs.toFixed(0)} ms`,
  'first extractSkills (builds phrase index)': `${phraseIndexMs.toFixed(0)} ms`,
  [`heap used by all of it${gc ? '' : ' (run without --expose-gc: approximate)'}`]: mb(heapUsed),
  'first suggestSkills (reads the retrieval index, builds the retrievers)': `${suggestMs.toFixed(0)} ms`,
  'heap used with suggestions too': mb(heapWithSuggest),
});

const labels = taxonomy.allSkillUris().flatMap((uri) => {
  const skill = taxonomy.getSkill(uri)!;
  return [skill.preferredLabel, ...skill.altLabels].map((label) => ({ uri, label }));
});

/** Baseline: normalise every label for each query, keep those containing it, prefixes first. */
function scanSearch(query: string): string[] {
  const q = normalise(query);
  return labels
    .map(({ uri, label }) => ({ uri, key: normalise(label) }))
    .filter(({ key }) => key.includes(q))
    .sort((a, b) => Number(b.key.startsWith(q)) - Number(a.key.startsWith(q)) || a.key.length - b.key.length)
    .slice(0, 10)
    .map(({ uri }) => uri);
}

// Includes the worst cases: one letter (thousands of label prefixes) and several short words.
const englishQueries = [
  'weld',
  'welding techniques',
  'python',
  'batt',
  'nursing care',
  'manage',
  'cnc',
  'weld tech',
  'a',
  's',
  'customer service',
  'of the',
  'ma co',
];
const chineseQueries = ['焊接', '数控', '电池', '护理', '数据', '机器人', '报关', '芯片'];
const texts = loadEvaluationSet().map((row) => row.text);

taxonomy.searchOccupations({ q: 'warm-up', lang: 'en', limit: 1 });
console.table({
  'searchSkills en (sorted index)': latency(englishQueries, 200, (q) =>
    taxonomy.searchSkills({ q, lang: 'en', limit: 10 }),
  ),
  'baseline: scan every en label': latency(englishQueries, 3, scanSearch),
  'searchSkills zh (sorted index)': latency(chineseQueries, 200, (q) =>
    taxonomy.searchSkills({ q, lang: 'zh', limit: 10 }),
  ),
  'searchOccupations en': latency(['weld', 'nurse', 'software dev', 'tour guide'], 200, (q) =>
    taxonomy.searchOccupations({ q, lang: 'en', limit: 10 }),
  ),
  [`extractSkills (${texts.length} eval texts)`]: latency(texts, 20, (text) => taxonomy.extractSkills(text)),
});

/** 2,000-character ads: the evaluation set's job ads and CVs of one language, joined until the length is reached. */
function ads(lang: 'en' | 'zh'): string[] {
  const pieces = loadEvaluationSet()
    .filter((row) => row.lang === lang && row.kind !== 'sentence')
    .map((row) => row.text);
  return Array.from({ length: 10 }, (_, k) => {
    let ad = '';
    for (let i = k; ad.length < 2000; i++) ad += `${pieces[i % pieces.length]}\n`;
    return ad.slice(0, 2000);
  });
}
const literal = literalSystem(taxonomy);
const adTexts = { en: ads('en'), zh: ads('zh') };
console.log('\nextraction of a 2,000-character ad (10 ads per language, 30 rounds)');
console.table({
  'suggestSkills en (ranked suggestions)': latency(adTexts.en, 30, (t) => taxonomy.suggestSkills(t, { lang: 'en' })),
  'extractSkills en (label dictionary)': latency(adTexts.en, 30, (t) => taxonomy.extractSkills(t, { lang: 'en' })),
  'baseline: literal labels en': latency(adTexts.en, 30, (t) => literal(t, 'en')),
  'suggestSkills zh': latency(adTexts.zh, 30, (t) => taxonomy.suggestSkills(t, { lang: 'zh' })),
  'extractSkills zh': latency(adTexts.zh, 30, (t) => taxonomy.extractSkills(t, { lang: 'zh' })),
  'baseline: literal labels zh': latency(adTexts.zh, 30, (t) => literal(t, 'zh')),
});
