/**
 * Chinese retrieval over the curated Chinese labels and aliases by character bigrams: a label whose bigrams the
 * sentence mostly shows, in any order and with words between (钢筋的绑扎 for 钢筋绑扎), and whose first two characters
 * it shows, is a candidate. Two-character labels are left to the dictionary, whose fragment rule knows when they
 * stand alone.
 */
export interface ChineseEntry {
  skill: number;
  text: string;
}

/** A character bigram as one number (two UTF-16 code units), so that no string is cut out of the sentence. */
const bigramAt = (text: string, i: number): number => text.charCodeAt(i) * 0x10000 + text.charCodeAt(i + 1);

const FULL_INFORMATION = 6;

export class ChineseRetriever {
  /** Entry e (a label or alias of three or more Han characters): its text, skill and summed bigram idf. */
  readonly #texts: string[];
  readonly #skill: Int32Array;
  readonly #information: Float64Array;
  /** Entry e's first bigram, its modifier: the sentence must show it. */
  readonly #firstGram: Int32Array;
  /** Bigram → id; per id its idf and the entries holding it, from entriesOf[gramStart[id]] (typed: 管理 alone is
   * in thousands of entries). */
  readonly #gramId = new Map<number, number>();
  readonly #idf: Float64Array;
  readonly #gramStart: Int32Array;
  readonly #entriesOf: Int32Array;
  /** Scratch accumulator per entry, zero between calls; the bigrams already counted in this call. */
  readonly #matched: Float64Array;
  readonly #gramStamp: Uint32Array;
  #stamp = 0;

  constructor(entries: readonly ChineseEntry[], skillCount: number) {
    const han = entries.filter((e) => /^\p{Script=Han}{3,}$/u.test(e.text));
    // Each entry's distinct bigrams, in order of first occurrence.
    const gramsOf = han.map((entry) => {
      const grams: number[] = [];
      for (let i = 0; i + 1 < entry.text.length; i++) {
        const key = bigramAt(entry.text, i);
        let id = this.#gramId.get(key);
        if (id === undefined) {
          id = this.#gramId.size;
          this.#gramId.set(key, id);
        }
        if (!grams.includes(id)) grams.push(id);
      }
      return grams;
    });
    const gramCount = this.#gramId.size;
    const skills = Array.from({ length: gramCount }, () => new Set<number>());
    const holders = new Int32Array(gramCount);
    gramsOf.forEach((grams, e) => {
      for (const gram of grams) {
        skills[gram]!.add(han[e]!.skill);
        holders[gram]!++;
      }
    });
    this.#idf = Float64Array.from(skills, (set) => Math.log(Math.max(skillCount, 2) / set.size));
    this.#gramStart = new Int32Array(gramCount + 1);
    holders.forEach((n, gram) => {
      this.#gramStart[gram + 1] = this.#gramStart[gram]! + n;
    });
    this.#entriesOf = new Int32Array(this.#gramStart[gramCount]!);
    const next = this.#gramStart.slice(0, gramCount);
    this.#texts = han.map((entry) => entry.text);
    this.#skill = Int32Array.from(han, (entry) => entry.skill);
    this.#information = new Float64Array(han.length);
    this.#firstGram = Int32Array.from(gramsOf, (grams) => grams[0]!);
    gramsOf.forEach((grams, e) => {
      let information = 0;
      for (const gram of grams) {
        this.#entriesOf[next[gram]!++] = e;
        information += this.#idf[gram]!;
      }
      this.#information[e] = information;
    });
    this.#matched = new Float64Array(han.length);
    this.#gramStamp = new Uint32Array(gramCount);
  }

  /**
   * Labels the sentence shows in part or in another order; one it shows whole is the dictionary's (which knows
   * when a short word is a fragment of a longer one). The span runs from the first to the last matched bigram.
   */
  retrieve(sentence: string, limit: number): Array<{ skill: number; score: number; start: number; end: number }> {
    // Score at a time: add each present bigram's idf to the entries holding it, then look closer only at the
    // entries that reach the coverage threshold (common bigrams such as 管理 hold thousands of entries).
    const matched = this.#matched;
    const stamp = ++this.#stamp;
    const touched: number[] = [];
    for (let i = 0; i + 1 < sentence.length; i++) {
      const gram = this.#gramId.get(bigramAt(sentence, i));
      if (gram === undefined || this.#gramStamp[gram] === stamp) continue;
      this.#gramStamp[gram] = stamp;
      const idf = this.#idf[gram]!;
      for (let p = this.#gramStart[gram]!; p < this.#gramStart[gram + 1]!; p++) {
        const id = this.#entriesOf[p]!;
        if (matched[id] === 0) touched.push(id);
        matched[id] = matched[id]! + idf;
      }
    }
    const best = new Map<number, { skill: number; score: number; start: number; end: number }>();
    for (const id of touched) {
      const shown = matched[id]!;
      matched[id] = 0;
      const coverage = shown / this.#information[id]!;
      if (coverage < 0.5) continue;
      // A Chinese compound puts its modifier first: without it (管理专业 for 护理专业) the words name something else.
      if (this.#gramStamp[this.#firstGram[id]!] !== stamp) continue;
      const text = this.#texts[id]!;
      if (sentence.includes(text)) continue;
      const score = coverage * coverage * Math.min(1, shown / FULL_INFORMATION);
      const skill = this.#skill[id]!;
      if (score <= (best.get(skill)?.score ?? 0)) continue;
      let start = sentence.length;
      let end = 0;
      for (let i = 0; i + 1 < text.length; i++) {
        const at = sentence.indexOf(text.slice(i, i + 2));
        if (at < 0) continue;
        start = Math.min(start, at);
        end = Math.max(end, at + 2);
      }
      best.set(skill, { skill, score, start, end });
    }
    return [...best.values()].sort((a, b) => b.score - a.score || a.skill - b.skill).slice(0, limit);
  }
}
