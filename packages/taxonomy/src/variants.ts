import { stem } from './text.ts';

/** Skipped when a label is reordered: "drive a forklift" and "drive forklift" give the same "forklift driving". */
const FUNCTION_WORDS = new Set(['a', 'an', 'the', 'to', 'in', 'of', 'on', 'for', 'with', 'and']);
/** In "show commitment" the noun carries the skill; ads write its adjective ("committed"). */
const LIGHT_VERBS = new Set(['show', 'demonstrate']);

/**
 * For a light-verb label ("show commitment"), the stem of the adjective ads write instead ("committed" → "commit"):
 * the matcher accepts it only in an adjective form, since the verb shares the stem ("commit code").
 */
export function lightVerbAdjective(words: readonly string[]): string | undefined {
  const [verb, ...rest] = words;
  return verb && LIGHT_VERBS.has(verb) && rest.length === 1 ? adjectiveStem(rest[0]!) : undefined;
}

/**
 * Other wordings of an ESCO skill label that starts with its verb, as stem sequences: object first with the verb
 * as gerund or noun ("solve problems" → "problem solving", "manage projects" → "project management") and the verb as
 * noun ("attend to detail" → "attention to detail"); a light verb's label has its adjective instead
 * (lightVerbAdjective). `words` are normalised tokens; `known` says whether a stem is a word some ESCO label uses, so
 * derived nouns that are not English words ("attendment") are dropped. Without `nominal`, only the object-first
 * gerund: alternative labels are many, and their noun forms would mostly repeat the preferred label's.
 */
export function labelVariants(
  words: readonly string[],
  known: (stem: string) => boolean,
  nominal: boolean,
): string[][] {
  const [verb, ...rest] = words;
  if (!verb || rest.length === 0 || LIGHT_VERBS.has(verb)) return [];
  const nouns = nominal ? nounForms(verb).map(stem).filter(known) : [];
  const restStems = rest.map(stem);
  const variants = nouns.map((noun) => [noun, ...restStems]);
  const content = rest.filter((word) => !FUNCTION_WORDS.has(word));
  if (content.length === 1) {
    const object = stem(content[0]!);
    variants.push([object, stem(verb)], ...nouns.map((noun) => [object, noun]));
  }
  return variants;
}

/** Regular English nominalisations of a verb; irregular ones (solve → solution) are left out. */
function nounForms(verb: string): string[] {
  const base = verb.endsWith('e') ? verb.slice(0, -1) : verb;
  const forms = [`${verb}ment`, `${base}ion`, `${base}ation`];
  if (verb.endsWith('end')) forms.push(`${verb.slice(0, -1)}tion`);
  return forms;
}

/** commitment → commit(ted), determination → determin(ed), confidence → confident. */
function adjectiveStem(noun: string): string | undefined {
  if (noun.endsWith('ment')) return stem(noun.slice(0, -4));
  if (noun.endsWith('ation')) return stem(noun.slice(0, -5));
  if (noun.endsWith('ence')) return stem(`${noun.slice(0, -4)}ent`);
  return undefined;
}
