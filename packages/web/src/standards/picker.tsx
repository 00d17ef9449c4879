import { useSignal } from '@preact/signals';
import { standardLevelCode } from '@skillpass/domain/standard-levels';
import { useEffect } from 'preact/hooks';
import { pick, t } from '../i18n.ts';
import type { MessageKey } from '../messages/en/index.ts';
import type { StandardVersion } from './levels.tsx';
import { publishedStandards } from './published.ts';

/**
 * The template editor's choice of a level of a published shared standard: one option per level each standard's
 * published version defines, valued by its alignment code (`<standardId>@<version>#<level>`), or none.
 */
export function StandardLevelPicker({ value, onChange }: { value: string; onChange: (code: string) => void }) {
  const versions = useSignal<Array<{ title: string; version: StandardVersion }>>([]);
  useEffect(() => {
    void publishedStandards().then((found) => {
      versions.value = found.map((s) => ({ title: pick(s.title), version: s.version }));
    });
  }, []);
  return (
    <>
      <label for="skillLevelStandard">{t('issuer.templates.standard')}</label>
      <p class="hint" id="skillLevelStandard-hint">
        {t('issuer.templates.standard.hint')}
      </p>
      <select
        id="skillLevelStandard"
        aria-describedby="skillLevelStandard-hint"
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
      >
        <option value="">{t('issuer.templates.standard.none')}</option>
        {versions.value.map(({ title, version }) => (
          <optgroup key={version.standardId} label={title}>
            {[...version.content.levels]
              .sort((a, b) => b.level - a.level)
              .map(({ level }) => {
                const code = standardLevelCode({ standardId: version.standardId, version: version.number, level });
                return (
                  <option key={code} value={code}>
                    {`${title} — ${t(`check.chinaLevel.${level}` as MessageKey)}`}
                  </option>
                );
              })}
          </optgroup>
        ))}
      </select>
    </>
  );
}
