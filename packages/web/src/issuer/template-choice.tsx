import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { Skeleton } from '../components/skeleton.tsx';
import { locale, t } from '../i18n.ts';
import { myTemplates, titleOf } from './templates.ts';

/**
 * Which offering to issue, then the rest of the form (children); with no offering yet, a link to create one instead
 * of a form that cannot be sent.
 */
export function TemplateChoice({
  value,
  onChange,
  children,
}: {
  value: string;
  onChange: (templateId: string) => void;
  children: ComponentChildren;
}) {
  const templates = myTemplates.value;
  const first = templates?.[0]?.templateId;
  useEffect(() => {
    if (first && !templates?.some((template) => template.templateId === value)) onChange(first);
  }, [first]);
  if (templates === null) return <Skeleton />;
  if (templates.length === 0)
    return (
      <p class="notice">
        {t('issuer.needTemplate')}{' '}
        <a href="/issuer/templates" data-app>
          {t('issuer.needTemplate.link')}
        </a>
      </p>
    );
  return (
    <>
      <label for="templateId">{t('issuer.template')}</label>
      <p class="hint" id="templateId-hint">
        {t('issuer.template.hint')}
      </p>
      <select
        id="templateId"
        aria-describedby="templateId-hint"
        lang={locale.value === 'zh' ? 'zh-CN' : 'en'}
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
      >
        {templates.map((template) => (
          <option key={template.templateId} value={template.templateId}>
            {titleOf(template)}
          </option>
        ))}
      </select>
      {children}
    </>
  );
}
