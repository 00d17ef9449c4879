import { useSignal } from '@preact/signals';
import { ASSUMED_EQF_OF_CHINA_LEVEL } from '@skillpass/domain/standard-levels';
import { useEffect } from 'preact/hooks';
import type { components } from '../api/schema.d.ts';
import { pick, t } from '../i18n.ts';
import { labelOf, lookUpLabels } from '../labels.ts';
import type { MessageKey } from '../messages/en/index.ts';
import { type PublishedStandard, publishedStandards } from '../standards/published.ts';

export type RequiredStandardLevel = NonNullable<components['schemas']['JobView']['requiredStandardLevel']>;
type Level = RequiredStandardLevel['level'];

const matches = (standard: PublishedStandard, query: string) => {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  return [standard.title.en, standard.title.zh ?? '', labelOf(standard.occupationUri)].some((text) =>
    text.toLowerCase().includes(q),
  );
};

/**
 * The job editor's optional skill-level requirement: a published shared standard (those of the job's occupation
 * first, the rest findable by title or occupation) and one of the national levels its published version defines.
 * A graduate's credential at that level or a higher one meets it, from whichever province (docs/standards.md).
 */
export function StandardLevelChoice({
  value,
  occupationUri,
  onChange,
}: {
  value: RequiredStandardLevel | undefined;
  occupationUri: string | undefined;
  onChange: (value: RequiredStandardLevel | undefined) => void;
}) {
  const standards = useSignal<PublishedStandard[] | null>(null);
  const query = useSignal('');
  useEffect(() => {
    void publishedStandards().then((found) => {
      standards.value = found;
      void lookUpLabels(found.map((s) => s.occupationUri));
    });
  }, []);
  const all = standards.value ?? [];
  // The chosen standard stays listed whatever the search says, so the select never shows a value it lacks.
  const shown = all.filter((s) => s.standardId === value?.standardId || matches(s, query.value));
  const ofOccupation = shown.filter((s) => s.occupationUri === occupationUri);
  const others = shown.filter((s) => s.occupationUri !== occupationUri);
  const chosen = all.find((s) => s.standardId === value?.standardId);
  const levels = chosen ? chosen.version.content.levels.map((l) => l.level).sort((a, b) => b - a) : [];
  const option = (s: PublishedStandard) => (
    <option key={s.standardId} value={s.standardId}>
      {`${pick(s.title)} — ${labelOf(s.occupationUri)}`}
    </option>
  );
  const choose = (standardId: string) => {
    const standard = all.find((s) => s.standardId === standardId);
    if (!standard) return onChange(undefined);
    const defined = standard.version.content.levels.map((l) => l.level);
    // Keep the level asked when the new standard defines it; else its lowest level, the least demanding.
    const level = value && defined.includes(value.level) ? value.level : Math.max(...defined);
    onChange({ standardId, level: level as Level });
  };
  return (
    <fieldset class="standard-level">
      <legend>{t('jobForm.standard')}</legend>
      <p class="hint" id="job-standard-hint">
        {t('jobForm.standard.hint')}
      </p>
      <label for="job-standard-search">{t('jobForm.standard.search')}</label>
      <input
        id="job-standard-search"
        type="search"
        autoComplete="off"
        value={query.value}
        onInput={(e) => (query.value = e.currentTarget.value)}
      />
      <label for="job-standard">{t('jobForm.standard.choose')}</label>
      <select
        id="job-standard"
        aria-describedby="job-standard-hint"
        value={value?.standardId ?? ''}
        onChange={(e) => choose(e.currentTarget.value)}
      >
        <option value="">{t('jobForm.standard.none')}</option>
        {ofOccupation.length > 0 && (
          <optgroup label={t('jobForm.standard.ofOccupation')}>{ofOccupation.map(option)}</optgroup>
        )}
        {others.length > 0 &&
          (ofOccupation.length > 0 ? (
            <optgroup label={t('jobForm.standard.others')}>{others.map(option)}</optgroup>
          ) : (
            others.map(option)
          ))}
      </select>
      {standards.value !== null && shown.length === 0 && (
        <p class="hint" role="status">
          {t(all.length === 0 ? 'jobForm.standard.noneYet' : 'jobForm.standard.noMatch')}
        </p>
      )}
      {chosen && value && (
        <>
          <label for="job-standard-level">{t('jobForm.standard.level')}</label>
          <select
            id="job-standard-level"
            aria-describedby="job-standard-eqf"
            value={String(value.level)}
            onChange={(e) => onChange({ standardId: value.standardId, level: Number(e.currentTarget.value) as Level })}
          >
            {levels.map((level) => (
              <option key={level} value={String(level)}>
                {t(`check.chinaLevel.${level}` as MessageKey)}
              </option>
            ))}
          </select>
          <p class="hint" id="job-standard-eqf">
            {t('standards.eqfAssumed', { eqf: ASSUMED_EQF_OF_CHINA_LEVEL[value.level] })}
          </p>
          <p>
            <a href={`/standards/${encodeURIComponent(chosen.standardId)}`} target="_blank" rel="noopener">
              {t('jobForm.standard.read', { title: pick(chosen.title) })}
            </a>
          </p>
        </>
      )}
    </fieldset>
  );
}
