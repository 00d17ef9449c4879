import { useSignal } from '@preact/signals';
import { api } from '../api/client.ts';
import type { components } from '../api/schema.d.ts';
import { useConceptSearch } from '../concept-search.ts';
import { pick, t } from '../i18n.ts';
import { ErrorSummary, type FieldErrors } from '../components/error-summary.tsx';
import { SkillSuggestions, SuggestionList } from '../components/suggestion-list.tsx';
import { apiErrors } from '../issuer/problem.ts';
import { labelOf, lookUpLabels } from '../labels.ts';
import type { MessageKey } from '../messages/en/index.ts';

type Content = components['schemas']['SkillLevelStandardContent'];
type Level = Content['levels'][number];
type LevelNumber = Level['level'];
type Proficiency = Level['skills'][number]['proficiency'];
const LEVELS: LevelNumber[] = [5, 4, 3, 2, 1];
const PROFICIENCIES: Proficiency[] = [1, 2, 3, 4];

/**
 * An accredited issuer proposes a new standard: its title, occupation and, for each level it defines, the skills and
 * proficiencies. A level with no skill is left out. The API checks the rules (a higher level keeps the lower ones'
 * skills) and names the level it refuses.
 */
export function ProposeForm({ onProposed }: { onProposed: (title: string) => Promise<void> }) {
  const titleEn = useSignal('');
  const titleZh = useSignal('');
  const occupation = useSignal<string | null>(null);
  const levels = useSignal<Record<LevelNumber, Level['skills']>>({ 5: [], 4: [], 3: [], 2: [], 1: [] });
  const errors = useSignal<FieldErrors>({});
  const busy = useSignal(false);
  const occupations = useConceptSearch('/v1/occupations', 5);

  const submit = async (event: Event) => {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!titleEn.value.trim()) found['std-title-en'] = t('issuer.standards.error.title');
    if (!occupation.value) found['std-occupation'] = t('issuer.standards.error.occupation');
    const defined = LEVELS.filter((level) => levels.value[level].length > 0);
    if (defined.length === 0) found['std-level-5'] = t('issuer.standards.error.levels');
    errors.value = found;
    if (Object.keys(found).length > 0 || !occupation.value) return;
    busy.value = true;
    const title = { en: titleEn.value.trim(), ...(titleZh.value.trim() ? { zh: titleZh.value.trim() } : {}) };
    const { data, error } = await api
      .POST('/v1/standards', {
        body: {
          occupationUri: occupation.value,
          title,
          levels: defined.map((level) => ({ level, skills: levels.value[level] })),
        },
      })
      .catch(() => ({ data: undefined, error: { detail: t('common.error.network') } }));
    busy.value = false;
    if (!data) {
      errors.value = apiErrors(error);
      return;
    }
    titleEn.value = '';
    titleZh.value = '';
    occupation.value = null;
    levels.value = { 5: [], 4: [], 3: [], 2: [], 1: [] };
    await onProposed(pick(title));
  };

  return (
    <form onSubmit={submit} noValidate>
      <h2>{t('issuer.standards.propose')}</h2>
      <ErrorSummary errors={errors.value} />
      <label for="std-title-en">{t('issuer.standards.titleEn')}</label>
      <input id="std-title-en" value={titleEn.value} onInput={(e) => (titleEn.value = e.currentTarget.value)} />
      <label for="std-title-zh">{t('issuer.standards.titleZh')}</label>
      <input
        id="std-title-zh"
        lang="zh-CN"
        value={titleZh.value}
        onInput={(e) => (titleZh.value = e.currentTarget.value)}
      />
      <label for="std-occupation">{t('issuer.standards.occupation')}</label>
      {occupation.value && <p>{labelOf(occupation.value)}</p>}
      <input
        id="std-occupation"
        type="search"
        autoComplete="off"
        value={occupations.query.value}
        onInput={(e) => void occupations.search(e.currentTarget.value)}
      />
      <SuggestionList
        items={occupations.results.value}
        label={t('profile.occupations.results')}
        pickLabel={(name) => t('issuer.standards.choose', { name })}
        onPick={(uri) => {
          occupation.value = uri;
          void lookUpLabels([uri]);
        }}
      />
      {LEVELS.map((level) => (
        <LevelSkills
          key={level}
          level={level}
          skills={levels.value[level]}
          onChange={(skills) => (levels.value = { ...levels.value, [level]: skills })}
        />
      ))}
      <button type="submit" class="button primary wide" disabled={busy.value}>
        {t('issuer.standards.submit')}
      </button>
    </form>
  );
}

function LevelSkills({
  level,
  skills,
  onChange,
}: {
  level: LevelNumber;
  skills: Level['skills'];
  onChange: (skills: Level['skills']) => void;
}) {
  const { query, results, search } = useConceptSearch('/v1/skills', 5);
  const id = `std-level-${level}`;
  return (
    <fieldset>
      <legend>{t(`check.chinaLevel.${level}` as MessageKey)}</legend>
      <ul class="plain">
        {skills.map((skill) => (
          <li class="row" key={skill.uri}>
            <span class="grow">{labelOf(skill.uri)}</span>
            <select
              aria-label={t('issuer.standards.proficiency', { skill: labelOf(skill.uri) })}
              value={String(skill.proficiency)}
              onChange={(e) =>
                onChange(
                  skills.map((s) =>
                    s.uri === skill.uri ? { ...s, proficiency: Number(e.currentTarget.value) as Proficiency } : s,
                  ),
                )
              }
            >
              {PROFICIENCIES.map((p) => (
                <option key={p} value={String(p)}>
                  {t(`standards.proficiency.${p}` as MessageKey)}
                </option>
              ))}
            </select>
            <button type="button" class="button small" onClick={() => onChange(skills.filter((s) => s !== skill))}>
              {t('common.remove')}
            </button>
          </li>
        ))}
      </ul>
      <label for={id}>{t('issuer.standards.addSkill')}</label>
      <input
        id={id}
        type="search"
        autoComplete="off"
        value={query.value}
        onInput={(e) => void search(e.currentTarget.value)}
      />
      <SkillSuggestions
        items={results.value}
        disabled={(uri) => skills.some((s) => s.uri === uri)}
        onPick={(uri) => {
          onChange([...skills, { uri, proficiency: 1 }]);
          void lookUpLabels([uri]);
        }}
      />
    </fieldset>
  );
}
