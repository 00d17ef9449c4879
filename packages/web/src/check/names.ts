import type { Locale } from '../i18n.ts';

export interface Named {
  text: string;
  lang: Locale;
}

/**
 * A credential's title (or its issuer's name) in both languages, the reader's first: English as signed, Chinese as
 * signed or else from the template (issuer) it names on this platform — only while that one's English name is the one
 * signed, so a credential cannot borrow another offering's or organisation's Chinese name.
 */
export function titlesOf(
  signed: { en?: string; zh?: string },
  template: { en?: string; zh?: string },
  reader: Locale,
): Named[] {
  if (!signed.en) return [];
  const zh = signed.zh ?? (template.en === signed.en ? template.zh : undefined);
  const names: Named[] = [{ text: signed.en, lang: 'en' }];
  if (zh && zh !== signed.en) names.push({ text: zh, lang: 'zh' });
  return reader === 'zh' ? names.reverse() : names;
}
