/**
 * A cheap test before a phrasing's regular expression runs: the literal text it cannot match without. Each top-level
 * branch of the expression is read for its longest run of literal characters outside groups, classes, escapes and
 * quantified atoms; a sentence holding none of the branches' runs (lower-cased) cannot match, so the expression is
 * not run. With several hundred phrasings a sentence, most are skipped by a substring search instead of a regex scan.
 */

/** Shorter runs are too common to skip anything. */
const MIN_RUN = 3;

/**
 * The runs, lower-cased, one of which a match must contain; undefined when some branch has no run of MIN_RUN
 * characters (the expression then always runs).
 */
export function requiredRuns(source: string): string[] | undefined {
  const runs: string[] = [];
  for (const branch of topLevelBranches(source)) {
    const { run, groups } = literalsOf(branch);
    if (long(run)) runs.push(run);
    else {
      // No run of its own: a group it cannot match without ("\b(adaptable|flexible)\b") guards it instead.
      const inner = groups.map(requiredRuns).find((r) => r !== undefined);
      if (!inner) return undefined;
      runs.push(...inner);
    }
  }
  return runs;
}

const HAN = /[\u4e00-\u9fff]/;
/** A run is found by its first three characters, two if it starts with a Han character. */
const headLength = (run: string): number => (HAN.test(run[0]!) ? 2 : 3);

/** Han text says more in fewer characters: two are as rare as three Latin letters. */
const long = (run: string): boolean =>
  run.length >= MIN_RUN || (run.length === 2 && HAN.test(run[0]!) && HAN.test(run[1]!));

/**
 * The runs of many expressions, by their first three characters (two for Han): one pass over a sentence finds every
 * expression it may match, instead of a substring search per run (hundreds of expressions, thousands of runs).
 */
export class RunIndex {
  readonly #byHead = new Map<string, Array<{ run: string; entries: number[] }>>();
  readonly #always: number[] = [];
  readonly #size: number;

  constructor(runsOfEntry: ReadonlyArray<readonly string[] | undefined>) {
    this.#size = runsOfEntry.length;
    const byRun = new Map<string, number[]>();
    runsOfEntry.forEach((runs, entry) => {
      if (runs === undefined) this.#always.push(entry);
      else for (const run of runs) byRun.set(run, [...(byRun.get(run) ?? []), entry]);
    });
    for (const [run, entries] of byRun) {
      const head = run.slice(0, headLength(run));
      this.#byHead.set(head, [...(this.#byHead.get(head) ?? []), { run, entries }]);
    }
  }

  /** Per entry, whether the lower-cased sentence holds one of its runs (or it has none). */
  candidates(lowerSentence: string): Uint8Array {
    const may = new Uint8Array(this.#size);
    for (const entry of this.#always) may[entry] = 1;
    const byHead = this.#byHead;
    for (let at = 0; at + 1 < lowerSentence.length; at++) {
      const length = HAN.test(lowerSentence[at]!) ? 2 : 3;
      const bucket = byHead.get(lowerSentence.slice(at, at + length));
      if (bucket)
        for (const { run, entries } of bucket)
          if (lowerSentence.startsWith(run, at)) for (const entry of entries) may[entry] = 1;
    }
    return may;
  }
}

function topLevelBranches(source: string): string[] {
  const branches: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') i++;
    else if (c === '[') i = classEnd(source, i);
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      branches.push(source.slice(start, i));
      start = i + 1;
    }
  }
  branches.push(source.slice(start));
  return branches;
}

/** A branch's longest literal run, and the contents of its groups that are neither quantified nor lookarounds. */
function literalsOf(branch: string): { run: string; groups: string[] } {
  const groups: string[] = [];
  let longest = '';
  let run = '';
  const end = () => {
    const trimmed = run.trim();
    if (trimmed.length > longest.length) longest = trimmed;
    run = '';
  };
  for (let i = 0; i < branch.length; i++) {
    const c = branch[i]!;
    if (c === '?' || c === '*' || c === '+' || c === '{') {
      // A quantified atom may be absent or repeated: the literal before it is not required as written.
      run = run.slice(0, -1);
      end();
      if (c === '{') i = branch.indexOf('}', i);
    } else if (c === '\\') {
      end();
      i++;
    } else if (c === '[') {
      end();
      i = classEnd(branch, i);
    } else if (c === '(') {
      end();
      const close = groupEnd(branch, i);
      const inner = branch.slice(i + 1, close);
      // A quantified group may be absent, a lookaround consumes nothing; a capturing or (?:…) group must match.
      if (!/^[?*+{]/.test(branch[close + 1] ?? '')) {
        if (inner.startsWith('?:')) groups.push(inner.slice(2));
        else if (!inner.startsWith('?')) groups.push(inner);
      }
      i = close;
    } else if (c === '.' || c === '^' || c === '$' || c === ')' || c === '|') end();
    else run += c.toLowerCase();
  }
  end();
  return { run: longest, groups };
}

/** The index of the `]` closing the class opened at `open`. */
function classEnd(source: string, open: number): number {
  for (let i = open + 1; i < source.length; i++) {
    if (source[i] === '\\') i++;
    else if (source[i] === ']' && i > open + 1) return i;
  }
  return source.length;
}

/** The index of the `)` closing the group opened at `open`, skipping nested groups, classes and escapes. */
function groupEnd(source: string, open: number): number {
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') i++;
    else if (c === '[') i = classEnd(source, i);
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return source.length;
}
