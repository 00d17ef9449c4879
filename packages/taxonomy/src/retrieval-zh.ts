/**
 * Chinese retrieval over the curated Chinese labels and aliases by character bigrams: a label whose bigrams the
 * sentence mostly shows, in any order and with words between (钢筋的绑扎 for 钢筋绑扎), is a candidate. Two-character
 * labels are left to the dictionary, whose fragment rule knows when they stand alone.
 */
export interface ChineseEntry {
  skill: number;
  text: string;
}

const bigrams = (text: string): string[] => {
  const grams: string[] = [];
  for (let i = 0; i + 1 < text.length; i++) grams.push(text.slice(i, i + 2));
  return grams;
};

const FULL_INFORMATION = 6;

export class ChineseRetriever {
  readonly #entries: Array<{ skill: number; text: string; grams: string[]; information: number }>;
  readonly #byGram = new Map<string, number[]>();
  readonly #idf = new Map<string, number>();
  /** Scratch accumulator per entry, zero between calls. */
  readonly #matched: Float64Array;

  constructor(entries: readonly ChineseEntry[], skillCount: number) {
    const han = entries.filter((e) => /^\p{Script=Han}{3,}$/u.test(e.text));
    const df = new Map<string, Set<number>>();
    for (const entry of han)
      for (const gram of bigrams(entry.text)) {
        const skills = df.get(gram) ?? new Set<number>();
        skills.add(entry.skill);
        df.set(gram, skills);
      }
    for (const [gram, skills] of df) this.#idf.set(gram, Math.log(Math.max(skillCount, 2) / skills.size));
    this.#entries = han.map((entry, id) => {
      const grams = [...new Set(bigrams(entry.text))];
      for (const gram of grams) {
        const bucket = this.#byGram.get(gram) ?? [];
        bucket.push(id);
        this.#byGram.set(gram, bucket);
      }
      return {
        skill: entry.skill,
        text: entry.text,
        grams,
        information: grams.reduce((n, g) => n + this.#idf.get(g)!, 0),
      };
    });
    this.#matched = new Float64Array(this.#entries.length);
  }

  /**
   * Labels the sentence shows in part or in another order; one it shows whole is the dictionary's (which knows
   * when a short word is a fragment of a longer one). The span runs from the first to the last matched bigram.
   */
  retrieve(sentence: string, limit: number): Array<{ skill: number; score: number; start: number; end: number }> {
    // Score at a time: add each present bigram's idf to the entries holding it, then look closer only at the
    // entries that reach the coverage threshold (common bigrams such as 管理 hold thousands of entries).
    const matched = this.#matched;
    const touched: number[] = [];
    for (const gram of new Set(bigrams(sentence))) {
      const idf = this.#idf.get(gram);
      if (idf === undefined) continue;
      for (const id of this.#byGram.get(gram)!) {
        if (matched[id] === 0) touched.push(id);
        matched[id] = matched[id]! + idf;
      }
    }
    const best = new Map<number, { skill: number; score: number; start: number; end: number }>();
    for (const id of touched) {
      const entry = this.#entries[id]!;
      const shown = matched[id]!;
      matched[id] = 0;
      const coverage = shown / entry.information;
      if (coverage < 0.5 || sentence.includes(entry.text)) continue;
      const score = coverage * coverage * Math.min(1, shown / FULL_INFORMATION);
      if (score <= (best.get(entry.skill)?.score ?? 0)) continue;
      let start = sentence.length;
      let end = 0;
      for (const gram of entry.grams) {
        const at = sentence.indexOf(gram);
        if (at < 0) continue;
        start = Math.min(start, at);
        end = Math.max(end, at + 2);
      }
      best.set(entry.skill, { skill: entry.skill, score, start, end });
    }
    return [...best.values()].sort((a, b) => b.score - a.score || a.skill - b.skill).slice(0, limit);
  }
}
