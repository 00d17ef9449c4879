import { ASSUMED_EQF_OF_CHINA_LEVEL } from '@skillpass/domain/standard-levels';
import { useEffect } from 'preact/hooks';
import type { components } from '../api/schema.d.ts';
import { t } from '../i18n.ts';
import { labelOf, lookUpLabels } from '../labels.ts';
import type { MessageKey } from '../messages/en/index.ts';

export type StandardVersion = components['schemas']['SkillLevelStandardVersion'];
type Level = StandardVersion['content']['levels'][number];

/**
 * A version's levels, the lowest (五级) first: each level's name, its assumed EQF level (said to be an assumption)
 * and its skills with proficiency, named in the reader's language.
 */
export function LevelList({ levels }: { levels: readonly Level[] }) {
  useEffect(() => void lookUpLabels(levels.flatMap((level) => level.skills.map((skill) => skill.uri))), [levels]);
  const ordered = [...levels].sort((a, b) => b.level - a.level);
  return (
    <ul class="plain">
      {ordered.map((level) => (
        <li key={level.level} id={`level-${level.level}`} class="card">
          <h3>{t(`check.chinaLevel.${level.level}` as MessageKey)}</h3>
          <p class="muted">{t('standards.eqfAssumed', { eqf: ASSUMED_EQF_OF_CHINA_LEVEL[level.level] })}</p>
          <ul>
            {level.skills.map((skill) => (
              <li key={skill.uri}>
                {labelOf(skill.uri)}{' '}
                <span class="muted">{t(`standards.proficiency.${skill.proficiency}` as MessageKey)}</span>
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
