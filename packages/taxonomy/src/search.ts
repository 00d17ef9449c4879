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
  zh?: { label: string; aliases: string[] };
}

interface Entry {
  key: string;
  label: string;
  concept: number;
  preferred: boolean;
}

/**
 * Ranked prefix and alias look-up. Tiers: exact label, exact alias, label prefix, alias prefix,
 * then (English) every query word prefixing a word of the label, or (Chinese) the query inside
 * the label; within a tier, the concept's own rank (ESCO reuse level), then the shorter label.
 */
export class ConceptSearchIndex {
  readonly #entries: Entry[];
  readonly #words: Array<[string, number]>;

  private constructor(
    private readonly concepts: readonly SearchableConcept[],
    private readonly rankOf: (concept: SearchableConcept) => number,
    private readonly lang: 'en' | 'zh',
    entries: Entry[],
  ) {
    this.#entries = entries.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.concept - b.concept));
    this.#words =
      lang === 'en'
        ? this.#entries
            .flatMap((entry, index) => entry.key.split(' ').map((word) => [word, index] as [string, number]))
            .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]))
        : [];
  }

  static english<T extends SearchableConcept>(concepts: readonly T[], rankOf: (concept: T) => number): ConceptSearchIndex {
    const entries = concepts.flatMap((concept, index) => [
      { key: normalise(concept.preferredLabel), label: concept.preferredLabel, concept: index, preferred: true },
      ...concept.altLabels.map((label) => ({ key: normalise(label), label, concept: index, preferred: false })),
    ]);
    return new ConceptSearchIndex(concepts, rankOf as (c: SearchableConcept) => number, 'en', entries);
  }

  static chinese<T extends SearchableConcept>(concepts: readonly T[], rankOf: (concept: T) => number): ConceptSearchIndex {
    const entries = concepts.flatMap((concept, index) =>
      concept.zh
        ? [
            { key: concept.zh.label, label: concept.zh.label, concept: index, preferred: true },
            ...concept.zh.aliases.map((label) => ({ key: label, label, concept: index, preferred: false })),
          ]
        : [],
    );
    return new ConceptSearchIndex(concepts, rankOf as (c: SearchableConcept) => number, 'zh', entries);
  }

  search(query: string, limit: number): ConceptHit[] {
    const q = this.lang === 'en' ? normalise(query) : query.trim().replace(/\s+/g, '');
    if (!q) return [];
    const best = new Map<number, { tier: number; entry: Entry }>();
    const offer = (entry: Entry, tier: number) => {
      const current = best.get(entry.concept);
      if (!current || tier < current.tier || (tier === current.tier && entry.label.length < current.entry.label.length)) {
        best.set(entry.concept, { tier, entry });
      }
    };
    for (let i = lowerBound(this.#entries, q, (e) => e.key); i < this.#entries.length; i++) {
      const entry = this.#entries[i]!;
      if (!entry.key.startsWith(q)) break;
      offer(entry, (entry.key === q ? 0 : 2) + (entry.preferred ? 0 : 1));
    }
    if (this.lang === 'en') this.#wordPrefixMatches(q, offer);
    else for (const entry of this.#entries) if (entry.key.includes(q)) offer(entry, 4 + (entry.preferred ? 0 : 1));

    return [...best.entries()]
      .map(([concept, { tier, entry }]) => ({ concept, tier, entry, rank: this.rankOf(this.concepts[concept]!) }))
      .sort(
        (a, b) =>
          a.tier - b.tier ||
          a.rank - b.rank ||
          a.entry.label.length - b.entry.label.length ||
          a.entry.label.localeCompare(b.entry.label) ||
          a.concept - b.concept,
      )
      .slice(0, limit)
      .map(({ concept, entry }) => {
        const c = this.concepts[concept]!;
        return {
          uri: c.uri,
          preferredLabel: c.preferredLabel,
          label: this.lang === 'zh' && c.zh ? c.zh.label : c.preferredLabel,
          matchedLabel: entry.label,
          ...(c.type ? { type: c.type } : {}),
        };
      });
  }

  /** Every query word prefixes some word of the label ("weld tech" finds "welding techniques"). */
  #wordPrefixMatches(q: string, offer: (entry: Entry, tier: number) => void): void {
    const queryWords = q.split(' ');
    const first = queryWords[0]!;
    let seen = 0;
    for (let i = lowerBound(this.#words, first, (w) => w[0]); i < this.#words.length && seen < 20_000; i++, seen++) {
      const [word, entryIndex] = this.#words[i]!;
      if (!word.startsWith(first)) break;
      const entry = this.#entries[entryIndex]!;
      const labelWords = entry.key.split(' ');
      if (queryWords.every((qw) => labelWords.some((lw) => lw.startsWith(qw)))) offer(entry, 4 + (entry.preferred ? 0 : 1));
    }
  }
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
