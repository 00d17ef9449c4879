import { locale, t } from '../i18n.ts';

/** Education and languages as the candidate's profile states them (open objects in the API's candidate list). */
export function Background({
  education,
  languages,
}: {
  education: Array<Record<string, unknown>>;
  languages: Array<Record<string, unknown>>;
}) {
  const lines = education.map((item) =>
    [
      item.field,
      item.institution,
      item.eqfLevel !== undefined ? t('candidates.eqf', { level: String(item.eqfLevel) }) : '',
    ]
      .filter((part) => typeof part === 'string' && part !== '')
      .join(' · '),
  );
  const spoken = languages
    .map((item) => `${languageName(String(item.code ?? ''))} ${String(item.level ?? '')}`.trim())
    .filter(Boolean);
  if (lines.length === 0 && spoken.length === 0) return null;
  return (
    <dl class="background">
      {lines.length > 0 && (
        <>
          <dt>{t('profile.education')}</dt>
          {lines.map((line) => (
            <dd key={line}>{line}</dd>
          ))}
        </>
      )}
      {spoken.length > 0 && (
        <>
          <dt>{t('profile.languages')}</dt>
          <dd>{spoken.join(', ')}</dd>
        </>
      )}
    </dl>
  );
}

export function languageName(code: string): string {
  if (!code) return '';
  try {
    return new Intl.DisplayNames([locale.value === 'zh' ? 'zh-CN' : 'en'], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
