/** Lower-cases, folds accents and punctuation to spaces: the form labels and queries are compared in. */
export function normalise(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}+#]+/gu, ' ')
    .trim();
}

/**
 * A crude English stem, applied alike to labels and text, so that "welding robots" meets "welding robot",
 * "batteries" meets "battery" and "maintained hydraulic systems" meets "maintain hydraulic systems".
 */
const SHORT_CVC = /^[^aeiouy]*[aeiouy][^aeiouwxy]$/;

export function stem(token: string): string {
  let base = token;
  if (base.length > 4 && base.endsWith('ies')) base = `${base.slice(0, -3)}y`;
  else if (base.length > 4 && /(ches|shes|sses|xes)$/.test(base)) base = base.slice(0, -2);
  else if (base.length > 3 && base.endsWith('s') && !base.endsWith('ss') && !base.endsWith('us'))
    base = base.slice(0, -1);
  // What is left must hold a vowel: "string" and "spring" are no inflection.
  const inflected =
    ((base.length > 5 && base.endsWith('ing')) || (base.length > 4 && base.endsWith('ed') && !base.endsWith('eed'))) &&
    /[aeiouy]/.test(base.slice(0, base.endsWith('ing') ? -3 : -2));
  if (inflected) {
    base = base.slice(0, base.endsWith('ing') ? -3 : -2);
    // "planned" → "plan", "programmed" → "program".
    if (/([bgmnprt])\1$/.test(base)) base = base.slice(0, -1);
    // A short consonant-vowel-consonant rest lost a silent e: "caring" → "care", "coding" → "code".
    else if (SHORT_CVC.test(base)) base = `${base}e`;
  }
  // The silent e of longer words, so that "analyse" and "analysed" meet; a four-letter word keeps it, so that
  // "care" is not "car" nor "code" "cod".
  if (base.length > 4 && base.endsWith('e') && !base.endsWith('ee')) base = base.slice(0, -1);
  return base;
}

export interface Token {
  text: string;
  stem: string;
  start: number;
  end: number;
}

export function tokenise(text: string): Token[] {
  const tokens: Token[] = [];
  // Han characters separate tokens: Chinese text writes English terms with no space around them ("和SQL").
  for (const match of text.matchAll(/(?:(?!\p{Script=Han})[\p{L}\p{N}+#])+/gu)) {
    const raw = match[0];
    const folded = normalise(raw).replace(/ /g, '');
    if (!folded) continue;
    tokens.push({ text: folded, stem: stem(folded), start: match.index, end: match.index + raw.length });
  }
  return tokens;
}

export const hasHan = (text: string): boolean => /\p{Script=Han}/u.test(text);
