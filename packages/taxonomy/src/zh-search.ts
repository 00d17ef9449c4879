import type { ConceptHit } from './search.ts';
import { generatedWordings } from './zh-wordings.ts';

interface ChineseConcept {
  uri: string;
  preferredLabel: string;
  type?: string;
  zh?: { label: string; aliases: string[] };
}

interface Entry {
  /** The label compared: no spaces, Latin letters in lower case. */
  key: string;
  label: string;
  concept: number;
  preferred: boolean;
}

interface Candidate {
  tier: number;
  /** Characters of the query the label covers (containment tier); more is better. */
  covered: number;
  entry: Entry;
}

/** How a Chinese label is compared: spaces dropped, Latin in lower case ("PLC 编程" = "plc编程"). */
export const chineseKey = (text: string): string => text.replace(/\s+/g, '').toLowerCase();

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Ranked look-up over the Chinese labels. Tiers, best first:
 * 0/1 the query is a preferred label / an alternative; 2/3 a label starts with it; 4/5 a label ends with it
 * (Chinese compounds put the head last: 维修 in 汽车维修); 6 a label contains every character of the query
 * as one run somewhere in its middle; 7 the query contains a label ("开叉车" holds 叉车, "会用PLC编程" holds PLC编程),
 * the longer the covered part the better. Inside a tier: more of the query covered, the concept's own rank (ESCO
 * reuse level), the shorter label, the label, the concept — equal inputs give equal output.
 * A middle match (tier 6) ranks below containment: it often straddles two words (理发 inside 心理发展).
 * Only when these leave places free: 8 the query read as words the labels use (汽车|维修, 充电桩|安装) and a label
 * holding every one of them, in any order and with words between (汽车电气维修 for 汽车维修) — no segmenter, the
 * labels are the vocabulary.
 */
export class ChineseSearchIndex<T extends ChineseConcept = ChineseConcept> {
  readonly #entries: Entry[];
  readonly #ranks: number[];

  constructor(
    private readonly concepts: readonly T[],
    rankOf: (concept: T) => number,
  ) {
    this.#ranks = concepts.map(rankOf);
    this.#entries = concepts.flatMap((concept, index) =>
      concept.zh
        ? [concept.zh.label, ...concept.zh.aliases].map((label, position) => ({
            key: chineseKey(label),
            label,
            concept: index,
            preferred: position === 0,
          }))
        : [],
    );
    // Rule-made wordings (维修设备 for 设备维修 …, see zh-wordings.ts) are found like aliases.
    const labels = concepts.map((concept) => (concept.zh ? [concept.zh.label, ...concept.zh.aliases] : []));
    for (const { text, concept } of generatedWordings(labels, chineseKey))
      this.#entries.push({ key: chineseKey(text), label: text, concept, preferred: false });
  }

  #compare(a: Candidate, b: Candidate): number {
    return (
      a.tier - b.tier ||
      b.covered - a.covered ||
      this.#ranks[a.entry.concept]! - this.#ranks[b.entry.concept]! ||
      a.entry.label.length - b.entry.label.length ||
      byCodeUnits(a.entry.label, b.entry.label) ||
      a.entry.concept - b.entry.concept
    );
  }

  /** Tier 8: labels holding every word of the query, the query cut into the fewest pieces the labels use. */
  #byWords(q: string, best: Map<number, Candidate>): void {
    const words = this.#words(q);
    if (words.length < 2) return;
    for (const entry of this.#entries) {
      if (best.has(entry.concept) || !words.every((word) => entry.key.includes(word))) continue;
      const candidate = { tier: 8, covered: q.length, entry };
      const current = best.get(entry.concept);
      if (!current || this.#compare(candidate, current) < 0) best.set(entry.concept, candidate);
    }
  }

  /**
   * Tier 9, only for places still free: labels sharing the query's rarest character pairs (铺地砖 meets 地砖铺贴
   * through 地砖), scored by the idf of the shared pairs over the labels; a pair needs idf ≥ 3 (held by at most one
   * label in twenty) so that 管理 or 操作 alone never fill the page.
   */
  #byBigrams(q: string, best: Map<number, Candidate>): void {
    // Pairs inside the query's words only: 车操 in 叉车|操作工 straddles two words and met 泵车操作工.
    const words = this.#words(q);
    const grams = new Set<string>();
    for (const word of words.length > 0 ? words : [q])
      for (let i = 0; i + 1 < word.length; i++) grams.add(word.slice(i, i + 2));
    const idf = this.#bigramIdf;
    const shared = new Map<Entry, number>();
    for (const gram of grams) {
      const weight = idf.get(gram) ?? 0;
      if (weight < 3) continue;
      for (const entry of this.#entries)
        if (!best.has(entry.concept) && entry.key.includes(gram)) shared.set(entry, (shared.get(entry) ?? 0) + weight);
    }
    for (const [entry, weight] of shared) {
      // covered: more shared information first (the tier compares covered descending).
      const candidate = { tier: 9, covered: weight, entry };
      const current = best.get(entry.concept);
      if (!current || this.#compare(candidate, current) < 0) best.set(entry.concept, candidate);
    }
  }

  #idf?: Map<string, number>;

  /** idf of each character pair over the labels, built on the first query that reaches tier 9. */
  get #bigramIdf(): Map<string, number> {
    if (!this.#idf) {
      const df = new Map<string, number>();
      for (const entry of this.#entries) {
        const seen = new Set<string>();
        for (let i = 0; i + 1 < entry.key.length; i++) seen.add(entry.key.slice(i, i + 2));
        for (const gram of seen) df.set(gram, (df.get(gram) ?? 0) + 1);
      }
      this.#idf = new Map([...df].map(([gram, n]) => [gram, Math.log(this.#entries.length / n)]));
    }
    return this.#idf;
  }

  /** The fewest pieces of two or more characters, each inside some label, that make up the query; [] if none. */
  #words(q: string): string[] {
    const used = (piece: string) => this.#entries.some((entry) => entry.key.includes(piece));
    // fewest[i]: the best cut of q.slice(0, i).
    const fewest: Array<string[] | undefined> = [[]];
    for (let end = 2; end <= q.length; end++)
      for (let start = end - 2; start >= 0; start--) {
        const before = fewest[start];
        if (!before || (fewest[end] && fewest[end]!.length <= before.length + 1)) continue;
        if (used(q.slice(start, end))) fewest[end] = [...before, q.slice(start, end)];
      }
    return fewest[q.length] ?? [];
  }

  search(query: string, limit: number): ConceptHit[] {
    const q = chineseKey(query);
    if (!q || limit <= 0) return [];
    const best = new Map<number, Candidate>();
    for (const entry of this.#entries) {
      const tier = tierOf(q, entry);
      if (tier === undefined) continue;
      const candidate = { tier, covered: tier === 7 ? entry.key.length : q.length, entry };
      const current = best.get(entry.concept);
      if (!current || this.#compare(candidate, current) < 0) best.set(entry.concept, candidate);
    }
    if (best.size < limit) this.#byWords(q, best);
    if (best.size < limit) this.#byBigrams(q, best);
    return [...best.values()]
      .sort((a, b) => this.#compare(a, b))
      .slice(0, limit)
      .map(({ entry }) => {
        const concept = this.concepts[entry.concept]!;
        return {
          uri: concept.uri,
          preferredLabel: concept.preferredLabel,
          label: concept.zh?.label ?? concept.preferredLabel,
          matchedLabel: entry.label,
          ...(concept.type ? { type: concept.type } : {}),
        };
      });
  }
}

function tierOf(q: string, entry: Entry): number | undefined {
  const alias = entry.preferred ? 0 : 1;
  if (entry.key === q) return alias;
  if (entry.key.startsWith(q)) return 2 + alias;
  if (entry.key.endsWith(q)) return 4 + alias;
  if (entry.key.includes(q)) return 6;
  // A label inside the query: at least two characters, so that one character (车, 焊) does not match everything.
  if (entry.key.length >= 2 && q.includes(entry.key)) return 7;
  return undefined;
}
