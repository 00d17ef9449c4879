import type { operations } from './api/schema.d.ts';
import type { Concept } from './concept-search.ts';

export type Extraction = operations['extractSkills']['responses'][200]['content']['application/json'];

/** A skill the text suggests, the words it was read from, and what else those words could mean. */
export interface SuggestedSkill extends Concept {
  /** The words of the text that name the skill, as written. */
  quote: string;
  /** Other skills the same words may mean, best first: a person picks one when the suggestion is the wrong twin. */
  alternatives: Concept[];
}

/** Alternatives shown per suggestion, and the least score worth showing (scores are comparable within a text). */
export const ALTERNATIVES = { count: 2, minScore: 0.3 } as const;

/**
 * The extraction's suggestions for a person to confirm: each item with its quote and up to two alternatives — the
 * candidates of its sentence read from words that overlap its own, never another suggestion and never a skill
 * already chosen.
 */
export function suggestedSkills(extraction: Extraction, chosen: ReadonlySet<string>): SuggestedSkill[] {
  const suggested = new Set(extraction.items.map((item) => item.uri));
  return extraction.items
    .filter((item) => !chosen.has(item.uri))
    .map((item) => {
      const sentences = extraction.sentences.filter(
        ({ span }) => item.span.start >= span.start && item.span.start < span.end,
      );
      const best = new Map<string, { label: string; score: number }>();
      for (const { candidates } of sentences)
        for (const c of candidates) {
          if (suggested.has(c.uri) || chosen.has(c.uri) || c.score < ALTERNATIVES.minScore) continue;
          if (!c.span || c.span.start >= item.span.end || item.span.start >= c.span.end) continue;
          if ((best.get(c.uri)?.score ?? -1) < c.score) best.set(c.uri, { label: c.label, score: c.score });
        }
      const alternatives = [...best]
        .sort((a, b) => b[1].score - a[1].score)
        .slice(0, ALTERNATIVES.count)
        .map(([uri, { label }]) => ({ uri, label }));
      return { uri: item.uri, label: item.label, quote: item.span.text, alternatives };
    });
}
