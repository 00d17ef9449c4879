import { normalise } from './text.ts';

export interface ConceptHit {
  uri: string;
  /** ESCO's English preferred label. */
  preferredLabel: string;
  /** The label in the language asked for (English when no Chinese label exists). */
  label: string;
  /** The label or alias the query matched. */
  matchedLabel: string;
  type?: string;
}

interface SearchableConcept {
  uri: string;
  preferredLabel: string;
  altLabels: string[];
  type?: string;
}

interface Entry {
  /** Position in the sorted entries. */
  id: number;
  key: string;
  words: string[];
  label: string;
  concept: number;
  preferred: boolean;
}

interface Candidate {
  tier: number;
  entry: Entry;
}

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Ranked English prefix and alias look-up (Chinese: zh-search.ts). Tiers: exact label, exact alias, label prefix,
 * alias prefix, then every query word prefixing a word of the label; within a tier, the concept's own rank (ESCO reuse level), then the shorter label,
 * then the label itself, so equal inputs always give equal output.
 */
export class ConceptSearchIndex {
  /** Sorted by key, for binary search on prefixes. */
  readonly #entries: Entry[];
  /** Every word of every English key with its entry, sorted by word. */
  readonly #words: Array<[string, Entry]>;

  readonly #ranks: number[];

  private constructor(
    private readonly concepts: readonly SearchableConcept[],
    rankOf: (concept: SearchableConcept) => number,
    entries: Entry[],
  ) {
    this.#ranks = concepts.map(rankOf);
    // Array.prototype.sort is stable, so entries with equal keys keep their (deterministic) input order.
    this.#entries = entries.sort((a, b) => byCodeUnits(a.key, b.key));
    for (const [id, entry] of this.#entries.entries()) entry.id = id;
    this.#words = this.#entries
      .flatMap((entry) => entry.words.map((word) => [word, entry] as [string, Entry]))
      .sort((a, b) => byCodeUnits(a[0], b[0]));
  }

  /** Inside a tier: the concept's rank (ESCO reuse level), the shorter label, the label, the concept. */
  #compare(a: Candidate, b: Candidate): number {
    return (
      a.tier - b.tier ||
      this.#ranks[a.entry.concept]! - this.#ranks[b.entry.concept]! ||
      a.entry.label.length - b.entry.label.length ||
      byCodeUnits(a.entry.label, b.entry.label) ||
      a.entry.concept - b.entry.concept
    );
  }

  /** `termsOf` adds curated names (tool names ESCO lacks) as alternative labels. */
  static english<T extends SearchableConcept>(
    concepts: readonly T[],
    rankOf: (concept: T) => number,
    termsOf: (concept: T) => readonly string[] = () => [],
  ): ConceptSearchIndex {
    const entries = concepts.flatMap((concept, index) =>
      [concept.preferredLabel, ...concept.altLabels, ...termsOf(concept)].map((label, position) => {
        const key = normalise(label);
        return { id: 0, key, words: key.split(' '), label, concept: index, preferred: position === 0 };
      }),
    );
    return new ConceptSearchIndex(concepts, rankOf as (c: SearchableConcept) => number, entries);
  }

  search(query: string, limit: number): ConceptHit[] {
    const q = normalise(query);
    if (!q || limit <= 0) return [];
    const best = new Map<number, Candidate>();
    const offer = (entry: Entry, tier: number) => {
      const current = best.get(entry.concept);
      const candidate = { tier, entry };
      if (!current || this.#compare(candidate, current) < 0) best.set(entry.concept, candidate);
    };
    for (let i = lowerBound(this.#entries, q, (e) => e.key); i < this.#entries.length; i++) {
      const entry = this.#entries[i]!;
      if (!entry.key.startsWith(q)) break;
      offer(entry, (entry.key === q ? 0 : 2) + (entry.preferred ? 0 : 1));
    }
    // The later tiers can only rank below these, so they are needed only when these do not fill the page.
    if (best.size < limit) {
      this.#wordPrefixMatches(q, offer);
    }
    return topCandidates(best.values(), limit, (a, b) => this.#compare(a, b)).map(({ entry }) => {
      const concept = this.concepts[entry.concept]!;
      return {
        uri: concept.uri,
        preferredLabel: concept.preferredLabel,
        label: concept.preferredLabel,
        matchedLabel: entry.label,
        ...(concept.type ? { type: concept.type } : {}),
      };
    });
  }

  /** Every query word prefixes some word of the label ("weld tech" finds "welding techniques"). */
  #wordPrefixMatches(q: string, offer: (entry: Entry, tier: number) => void): void {
    const queryWords = [...new Set(q.split(' '))];
    // matched[id] counts the query words matched so far, so the work is the sum of the words' ranges, not their product.
    const matched = new Uint8Array(this.#entries.length);
    for (const [position, word] of queryWords.entries()) {
      const last = position === queryWords.length - 1;
      const end = lowerBound(this.#words, `${word}\uffff`, (w) => w[0]);
      for (let i = lowerBound(this.#words, word, (w) => w[0]); i < end; i++) {
        const entry = this.#words[i]![1];
        if (matched[entry.id] !== position) continue;
        matched[entry.id] = position + 1;
        if (last) offer(entry, 4 + (entry.preferred ? 0 : 1));
      }
    }
  }
}

/** The `limit` best candidates, best first, without sorting them all. */
function topCandidates(
  candidates: Iterable<Candidate>,
  limit: number,
  compare: (a: Candidate, b: Candidate) => number,
): Candidate[] {
  const top: Candidate[] = [];
  for (const candidate of candidates) {
    if (top.length === limit && compare(candidate, top[limit - 1]!) >= 0) continue;
    let at = top.length;
    while (at > 0 && compare(candidate, top[at - 1]!) < 0) at--;
    top.splice(at, 0, candidate);
    if (top.length > limit) top.pop();
  }
  return top;
}

function lowerBound<T>(items: readonly T[], key: string, keyOf: (item: T) => string): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keyOf(items[mid]!) < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
