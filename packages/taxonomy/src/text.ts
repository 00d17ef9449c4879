/** Lower-cases, folds accents and punctuation to spaces: the form labels and queries are compared in. */
export function normalise(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}+#]+/gu, ' ')
    .trim();
}

/** A crude English stem so that "welding robots" meets "welding robot" and "batteries" meets "battery". */
export function stem(token: string): string {
  if (token.length > 4 && token.endsWith('ies')) return `${token.slice(0, -3)}y`;
  if (token.length > 4 && /(ches|shes|sses|xes)$/.test(token)) return token.slice(0, -2);
  if (token.length > 3 && token.endsWith('s') && !token.endsWith('ss') && !token.endsWith('us')) return token.slice(0, -1);
  return token;
}

export interface Token {
  text: string;
  stem: string;
  start: number;
  end: number;
}

export function tokenise(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(/[\p{L}\p{N}+#]+/gu)) {
    const raw = match[0];
    const folded = normalise(raw).replace(/ /g, '');
    if (!folded) continue;
    tokens.push({ text: folded, stem: stem(folded), start: match.index, end: match.index + raw.length });
  }
  return tokens;
}

export const hasHan = (text: string): boolean => /\p{Script=Han}/u.test(text);
