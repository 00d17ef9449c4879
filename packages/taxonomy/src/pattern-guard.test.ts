import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { taxonomyDataDir } from './index.ts';
import { RunIndex, requiredRuns } from './pattern-guard.ts';

/** The guard as the definition says it, one substring search per run: what the index must agree with. */
const mayMatch = (lowerSentence: string, runs: readonly string[] | undefined): boolean =>
  runs === undefined || runs.some((run) => lowerSentence.includes(run));

describe('the literal runs a phrasing cannot match without (requiredRuns)', () => {
  it('reads runs outside groups, classes, escapes and quantified atoms, one per top-level branch', () => {
    expect(requiredRuns('\\b(deliver|run)\\w* (\\w+ )?training (to|for) staff\\b')).toEqual(['training']);
    expect(requiredRuns('\\bmaintain(s|ed)? records?\\b')).toEqual(['maintain']);
    expect(requiredRuns('\\bwork ethic\\b|\\bhard[- ]?working\\b')).toEqual(['work ethic', 'working']);
    // No run of its own: an unquantified group guards the branch with its own branches' runs.
    expect(requiredRuns('\\b(adaptable|flexib(le|ility) to change)\\b')).toEqual(['adaptable', 'to change']);
    expect(requiredRuns('(?<!due )\\bdiligen(t|ce)\\b')).toEqual(['diligen']);
    // Two Han characters are enough; two Latin letters are not, nor a quantified group.
    expect(requiredRuns('倒班')).toEqual(['倒班']);
    expect(requiredRuns('\\bIT\\b')).toBeUndefined();
    expect(requiredRuns('\\b(abc|def)?\\w+ing\\b')).toEqual(['ing']);
    expect(requiredRuns('\\b(ab|cd)?\\w+s\\b')).toBeUndefined();
    expect(requiredRuns('\\bEpic\\b(?=[^.]{0,40}\\bCerner\\b)')).toEqual(['epic']);
  });

  it("never skips a sentence a shipped phrasing matches (every phrasing against the taxonomy tests' sentences)", () => {
    const soft = JSON.parse(readFileSync(`${taxonomyDataDir()}/soft-skills.json`, 'utf8')) as {
      skills: Record<string, { patterns: string[] }>;
    };
    const sentences = readdirSync(new URL('.', import.meta.url))
      .filter((file) => file.endsWith('.test.ts'))
      .flatMap((file) => [...readFileSync(new URL(file, import.meta.url), 'utf8').matchAll(/'([^'\n]{8,})'/g)])
      .map((m) => m[1]!);
    expect(sentences.length).toBeGreaterThan(1000);
    let matched = 0;
    for (const { patterns } of Object.values(soft.skills))
      for (const pattern of patterns) {
        const regex = new RegExp(pattern, 'i');
        const runs = requiredRuns(pattern);
        for (const sentence of sentences)
          if (regex.test(sentence)) {
            matched++;
            expect(mayMatch(sentence.toLowerCase(), runs), `${pattern} on ${sentence}`).toBe(true);
          }
      }
    // The check has teeth: the tests' duty sentences match hundreds of phrasings.
    expect(matched).toBeGreaterThan(300);

    // The index over all phrasings' runs answers as the run-by-run search does, for every phrasing and sentence.
    const runsOf = Object.values(soft.skills).flatMap(({ patterns }) => patterns.map(requiredRuns));
    const index = new RunIndex(runsOf);
    for (const sentence of sentences.slice(0, 400)) {
      const lower = sentence.toLowerCase();
      const may = index.candidates(lower);
      for (const [k, runs] of runsOf.entries()) expect(may[k] === 1, sentence).toBe(mayMatch(lower, runs));
    }
  });
});
