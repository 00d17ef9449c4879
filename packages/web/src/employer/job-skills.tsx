import type { components } from '../api/schema.d.ts';
import { useConceptSearch } from '../concept-search.ts';
import { type AsideKind, SuggestedSkillList, useSuggestedSkills } from '../components/suggested-skills.tsx';
import { SkillSuggestions } from '../components/suggestion-list.tsx';
import { listOf, t } from '../i18n.ts';
import { labelOf, lookUpLabels } from '../labels.ts';
import type { MessageKey } from '../messages/en/index.ts';

export type RequiredSkill = components['schemas']['JobPosting']['requiredSkills'][number];

const PROFICIENCY: Array<RequiredSkill['minProficiency']> = [1, 2, 3, 4];

const ASIDE_NAMES: Record<AsideKind, MessageKey> = {
  benefits: 'jobForm.aside.benefits',
  company: 'jobForm.aside.company',
  terms: 'jobForm.aside.terms',
  contact: 'jobForm.aside.contact',
};

/**
 * The skills a job asks for. Suggested from the pasted description (POST /v1/skills/extract) and confirmed one by
 * one by the employer, who adds others from the skills search; each with its importance and the least proficiency.
 */
export function JobSkills({
  skills,
  description,
  invalid,
  onChange,
}: {
  skills: RequiredSkill[];
  description: string;
  invalid: boolean;
  onChange: (skills: RequiredSkill[]) => void;
}) {
  const suggested = useSuggestedSkills();
  const { suggestions, asides } = suggested;
  const { query, results, search } = useConceptSearch('/v1/skills', 8);
  const chosen = new Set(skills.map((skill) => skill.uri));
  const add = (uri: string) => {
    if (!chosen.has(uri)) onChange([...skills, { uri, importance: 'essential', minProficiency: 2 }]);
    void lookUpLabels([uri]);
  };

  const set = (index: number, patch: Partial<RequiredSkill>) =>
    onChange(skills.map((skill, i) => (i === index ? { ...skill, ...patch } : skill)));

  return (
    <fieldset id="skills">
      <legend>{t('jobForm.skills')}</legend>
      <p class="hint">{t('jobForm.skills.hint')}</p>
      <button
        type="button"
        class="button"
        id="suggest-skills"
        onClick={() => void suggested.suggest(description, chosen)}
      >
        {t('jobForm.suggest')}
      </button>
      {suggestions.value !== null && (
        <div class="suggested" aria-live="polite">
          <p>{t(`jobForm.suggest.${suggested.status()}`, { count: suggestions.value.length })}</p>
          {asides.value.length > 0 && (
            <p class="hint" id="suggest-asides">
              {t('jobForm.suggest.asides', { parts: listOf(asides.value.map((kind) => t(ASIDE_NAMES[kind]))) })}
            </p>
          )}
          <SuggestedSkillList
            state={suggested}
            acceptLabel={(skill) => t('jobForm.accept', { skill })}
            dismissLabel={(skill) => t('jobForm.dismiss', { skill })}
            onAdd={add}
          />
        </div>
      )}
      <h3>{t('jobForm.skills.chosen')}</h3>
      {skills.length === 0 && <p class={invalid ? 'hint error' : 'hint'}>{t('jobForm.skills.none')}</p>}
      <ul class="plain chosen-skills">
        {skills.map((skill, index) => (
          <li class="card" key={skill.uri}>
            <p>
              <strong>{labelOf(skill.uri)}</strong>
            </p>
            <div class="row">
              <label class="inline">
                <span>{t('jobForm.importance')}</span>
                <select
                  value={skill.importance}
                  onChange={(e) => set(index, { importance: e.currentTarget.value as RequiredSkill['importance'] })}
                >
                  <option value="essential">{t('jobForm.importance.essential')}</option>
                  <option value="optional">{t('jobForm.importance.optional')}</option>
                </select>
              </label>
              <label class="inline">
                <span>{t('jobForm.minProficiency')}</span>
                <select
                  value={String(skill.minProficiency)}
                  onChange={(e) =>
                    set(index, { minProficiency: Number(e.currentTarget.value) as RequiredSkill['minProficiency'] })
                  }
                >
                  {PROFICIENCY.map((level) => (
                    <option key={level} value={String(level)}>
                      {t(`profile.proficiency.${level}` as MessageKey)}
                    </option>
                  ))}
                </select>
              </label>
              <button type="button" class="button small" onClick={() => onChange(skills.filter((_, i) => i !== index))}>
                {t('jobForm.remove', { skill: labelOf(skill.uri) })}
              </button>
            </div>
          </li>
        ))}
      </ul>
      <label for="job-skill-search">{t('jobForm.search')}</label>
      <p class="hint" id="job-skill-search-hint">
        {t('profile.skills.search.hint')}
      </p>
      <input
        id="job-skill-search"
        type="search"
        autoComplete="off"
        aria-describedby="job-skill-search-hint"
        value={query.value}
        onInput={(e) => void search(e.currentTarget.value)}
      />
      <SkillSuggestions items={results.value} disabled={(uri) => chosen.has(uri)} onPick={add} />
    </fieldset>
  );
}
