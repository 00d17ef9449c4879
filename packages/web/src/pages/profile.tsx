import { Skeleton } from '../components/skeleton.tsx';
import { useSignal, useSignalEffect } from '@preact/signals';
import type { DeltaProvinceCode } from '@skillpass/domain/places';
import { useConceptSearch } from '../concept-search.ts';
import { api } from '../api/client.ts';
import type { components } from '../api/schema.d.ts';
import { session } from '../auth.ts';
import { ErrorSummary } from '../components/error-summary.tsx';
import { OccupationPicker } from '../components/occupation-picker.tsx';
import { SuggestedSkillList, useSuggestedSkills } from '../components/suggested-skills.tsx';
import { SkillSuggestions } from '../components/suggestion-list.tsx';
import { useTitle } from '../components/title.ts';
import { labelOf, lookUpLabels } from '../labels.ts';
import { citiesOf, cityName, PROVINCES, provinceName } from '../graduate/places.ts';
import { locale, t } from '../i18n.ts';
import type { MessageKey } from '../messages/en/index.ts';
import { navigate } from '../router.ts';

type Profile = components['schemas']['GraduateProfile'];
type Form = Pick<
  Profile,
  'displayName' | 'contactEmail' | 'skills' | 'languages' | 'education' | 'preferredPlaces' | 'desiredOccupations'
> & { consents: Profile['consents'] };
type Proficiency = Profile['skills'][number]['proficiency'];
type Cefr = Profile['languages'][number]['level'];
type Eqf = Profile['education'][number]['eqfLevel'];

const PROFICIENCY: Proficiency[] = [1, 2, 3, 4];
const CEFR: Cefr[] = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'];
const LANGUAGE_CODES = ['zh', 'en', 'ja', 'ko', 'de', 'fr', 'es', 'ru'];
const EQF = [1, 2, 3, 4, 5, 6, 7, 8];

const empty = (): Form => ({
  displayName: session.value?.name ?? '',
  contactEmail: '',
  skills: [],
  languages: [],
  education: [],
  preferredPlaces: [],
  desiredOccupations: [],
  consents: { personalisedMatching: false, discoverable: false },
});

const languageName = (code: string) =>
  new Intl.DisplayNames([locale.value === 'zh' ? 'zh-CN' : 'en'], { type: 'language' }).of(code) ?? code;

export default function ProfilePage() {
  useTitle(() => t('profile.title'));
  const form = useSignal<Form | null>(null);
  const isNew = useSignal(false);
  const errors = useSignal<Partial<Record<'displayName' | 'contactEmail' | 'save', MessageKey>>>({});
  const saved = useSignal(false);
  const busy = useSignal(false);

  useSignalEffect(() => {
    api.GET('/v1/profiles/me').then(
      ({ data }) => {
        isNew.value = !data;
        // A saved profile holds URIs: their names, in both languages, before the list shows.
        if (data)
          void lookUpLabels([
            ...data.skills.map((skill) => skill.uri),
            ...data.desiredOccupations.flatMap((occupation) => (occupation.escoUri ? [occupation.escoUri] : [])),
          ]);
        form.value = data
          ? {
              displayName: data.displayName,
              contactEmail: data.contactEmail,
              skills: data.skills,
              languages: data.languages,
              education: data.education,
              preferredPlaces: data.preferredPlaces,
              desiredOccupations: data.desiredOccupations,
              consents: data.consents,
            }
          : empty();
      },
      () => {
        errors.value = { save: 'common.error.network' };
      },
    );
  });

  const value = form.value;
  if (!value) return errors.value.save ? <p role="alert">{t(errors.value.save)}</p> : <Skeleton />;
  const update = (patch: Partial<Form>) => {
    form.value = { ...(form.peek() ?? value), ...patch };
    saved.value = false;
  };

  async function save(event: Event) {
    event.preventDefault();
    const found: typeof errors.value = {};
    if (!value!.displayName.trim()) found.displayName = 'profile.error.name';
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value!.contactEmail.trim())) found.contactEmail = 'profile.error.email';
    errors.value = found;
    if (Object.keys(found).length > 0) {
      document.getElementById('error-summary')?.focus();
      return;
    }
    busy.value = true;
    try {
      const { data, response } = await api.PUT('/v1/profiles/me', {
        body: { ...value!, displayName: value!.displayName.trim(), contactEmail: value!.contactEmail.trim() },
      });
      if (data) {
        saved.value = true;
        if (isNew.value) navigate('/matches');
        isNew.value = false;
      } else errors.value = { save: response.status === 400 ? 'profile.error.invalid' : 'common.error.network' };
    } catch {
      errors.value = { save: 'common.error.network' };
    } finally {
      busy.value = false;
    }
  }

  const errorEntries = Object.entries(errors.value) as Array<[string, MessageKey]>;
  return (
    <section class="profile">
      <h1>{t(isNew.value ? 'profile.onboarding.title' : 'profile.title')}</h1>
      {isNew.value && <p class="lead">{t('profile.onboarding.lead')}</p>}
      <ErrorSummary errors={Object.fromEntries(errorEntries.map(([field, key]) => [field, t(key)]))} />
      {saved.value && (
        <p class="notice ok" role="status">
          {t('profile.saved')}
        </p>
      )}
      <form onSubmit={save} noValidate>
        <fieldset>
          <legend>{t('profile.about')}</legend>
          <label for="displayName">{t('profile.displayName')}</label>
          <input
            id="displayName"
            autoComplete="name"
            aria-invalid={errors.value.displayName ? true : undefined}
            value={value.displayName}
            onInput={(e) => update({ displayName: e.currentTarget.value })}
          />
          <label for="contactEmail">{t('profile.contactEmail')}</label>
          <input
            id="contactEmail"
            type="email"
            autoComplete="email"
            aria-invalid={errors.value.contactEmail ? true : undefined}
            value={value.contactEmail}
            onInput={(e) => update({ contactEmail: e.currentTarget.value })}
          />
        </fieldset>

        <SkillsEditor skills={value.skills} onChange={(skills) => update({ skills })} />

        <fieldset>
          <legend>{t('profile.languages')}</legend>
          {value.languages.map((language, index) => (
            <div class="row" key={language.code}>
              <span class="grow">{languageName(language.code)}</span>
              <label class="inline">
                <span class="visually-hidden">
                  {t('profile.languages.level', { language: languageName(language.code) })}
                </span>
                <select
                  value={language.level}
                  onChange={(e) =>
                    update({
                      languages: value.languages.map((l, i) =>
                        i === index ? { ...l, level: e.currentTarget.value as Cefr } : l,
                      ),
                    })
                  }
                >
                  {CEFR.map((level) => (
                    <option key={level} value={level}>
                      {t(`profile.cefr.${level}` as MessageKey)}
                    </option>
                  ))}
                </select>
              </label>
              <button
                type="button"
                class="button small"
                onClick={() => update({ languages: value.languages.filter((_, i) => i !== index) })}
              >
                {t('common.remove')}
              </button>
            </div>
          ))}
          <label for="add-language">{t('profile.languages.add')}</label>
          <select
            id="add-language"
            value=""
            onChange={(e) => {
              const code = e.currentTarget.value;
              if (code && !value.languages.some((l) => l.code === code))
                update({ languages: [...value.languages, { code, level: 'B1' }] });
            }}
          >
            <option value="">{t('profile.languages.choose')}</option>
            {LANGUAGE_CODES.map((code) => (
              <option key={code} value={code}>
                {languageName(code)}
              </option>
            ))}
          </select>
        </fieldset>

        <EducationEditor education={value.education} onChange={(education) => update({ education })} />

        <fieldset>
          <legend>{t('profile.places')}</legend>
          <p class="hint">{t('profile.places.hint')}</p>
          {PROVINCES.map((province: DeltaProvinceCode) => (
            <details
              key={province}
              open={value.preferredPlaces.some(
                (p) => p.kind === 'delta' && p.cityCode.slice(0, 2) === province.slice(0, 2),
              )}
            >
              <summary>{provinceName(province)}</summary>
              <div class="checks-grid">
                {citiesOf(province).map((city) => {
                  const checked = value.preferredPlaces.some((p) => p.kind === 'delta' && p.cityCode === city);
                  return (
                    <label class="choice" key={city}>
                      <input
                        type="checkbox"
                        checked={checked}
                        onChange={() =>
                          update({
                            preferredPlaces: checked
                              ? value.preferredPlaces.filter((p) => !(p.kind === 'delta' && p.cityCode === city))
                              : [...value.preferredPlaces, { kind: 'delta', cityCode: city }],
                          })
                        }
                      />
                      {cityName(city)}
                    </label>
                  );
                })}
              </div>
            </details>
          ))}
        </fieldset>

        <OccupationPicker
          id="occupation-search"
          legend={t('profile.occupations')}
          searchLabel={t('profile.occupations.search')}
          pickLabel={(name) => t('profile.skills.addNamed', { skill: name })}
          occupations={value.desiredOccupations}
          max={10}
          onChange={(desiredOccupations) => update({ desiredOccupations })}
        />

        <fieldset>
          <legend>{t('profile.consents')}</legend>
          <label class="choice">
            <input
              type="checkbox"
              checked={value.consents.personalisedMatching}
              aria-describedby="consent-matching"
              onChange={(e) =>
                update({ consents: { ...value.consents, personalisedMatching: e.currentTarget.checked } })
              }
            />
            {t('profile.consent.matching')}
          </label>
          <p class="hint" id="consent-matching">
            {t('profile.consent.matching.explain')}
          </p>
          <label class="choice">
            <input
              type="checkbox"
              checked={value.consents.discoverable}
              aria-describedby="consent-discoverable"
              onChange={(e) => update({ consents: { ...value.consents, discoverable: e.currentTarget.checked } })}
            />
            {t('profile.consent.discoverable')}
          </label>
          <p class="hint" id="consent-discoverable">
            {t('profile.consent.discoverable.explain')}
          </p>
        </fieldset>

        <button type="submit" class="button primary wide" disabled={busy.value}>
          {t(isNew.value ? 'profile.create' : 'profile.save')}
        </button>
      </form>
    </section>
  );
}

function SkillsEditor({ skills, onChange }: { skills: Form['skills']; onChange: (skills: Form['skills']) => void }) {
  const { query, results, search } = useConceptSearch('/v1/skills', 8);
  const cv = useSignal('');
  const suggested = useSuggestedSkills();
  const { suggestions } = suggested;
  const chosen = new Set(skills.map((s) => s.uri));
  const add = (uri: string) => {
    if (!chosen.has(uri)) onChange([...skills, { uri, proficiency: 2 }]);
    // Found in one language: its name in the other too, for when the graduate switches.
    void lookUpLabels([uri]);
  };

  return (
    <fieldset>
      <legend>{t('profile.skills')}</legend>
      {skills.length === 0 && <p class="hint">{t('profile.skills.none')}</p>}
      <ul class="plain">
        {skills.map((skill, index) => (
          <li class="row" key={skill.uri}>
            <span class="grow">{labelOf(skill.uri)}</span>
            <label class="inline">
              <span class="visually-hidden">{t('profile.skills.level', { skill: labelOf(skill.uri) })}</span>
              <select
                value={String(skill.proficiency)}
                onChange={(e) =>
                  onChange(
                    skills.map((s, i) =>
                      i === index ? { ...s, proficiency: Number(e.currentTarget.value) as Proficiency } : s,
                    ),
                  )
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
              {t('common.remove')}
            </button>
          </li>
        ))}
      </ul>
      <label for="skill-search">{t('profile.skills.search')}</label>
      <p class="hint" id="skill-search-hint">
        {t('profile.skills.search.hint')}
      </p>
      <input
        id="skill-search"
        type="search"
        autoComplete="off"
        aria-describedby="skill-search-hint"
        value={query.value}
        onInput={(e) => void search(e.currentTarget.value)}
      />
      <SkillSuggestions items={results.value} disabled={(uri) => chosen.has(uri)} onPick={add} />
      <details>
        <summary>{t('profile.cv.summary')}</summary>
        <label for="cv">{t('profile.cv.label')}</label>
        <textarea id="cv" value={cv.value} onInput={(e) => (cv.value = e.currentTarget.value)} />
        <button type="button" class="button" onClick={() => void suggested.suggest(cv.value, chosen)}>
          {t('profile.cv.button')}
        </button>
        {suggestions.value && (
          <div class="suggested" aria-live="polite">
            <p>{t(`profile.cv.${suggested.status()}`, { count: suggestions.value.length })}</p>
            <SuggestedSkillList
              state={suggested}
              acceptLabel={(skill) => t('profile.skills.addNamed', { skill })}
              dismissLabel={(skill) => t('profile.cv.dismiss', { skill })}
              onAdd={add}
            />
            {suggestions.value.length > 0 && (
              <button
                type="button"
                class="button"
                id="cv-add-all"
                onClick={() => {
                  onChange([
                    ...skills,
                    ...suggestions
                      .value!.filter((s) => !chosen.has(s.uri))
                      .map((s) => ({ uri: s.uri, proficiency: 2 as const })),
                  ]);
                  suggestions.value = [];
                }}
              >
                {t('profile.cv.addAll')}
              </button>
            )}
          </div>
        )}
      </details>
    </fieldset>
  );
}

function EducationEditor({
  education,
  onChange,
}: {
  education: Form['education'];
  onChange: (education: Form['education']) => void;
}) {
  const draft = useSignal<{ eqfLevel: Eqf; field: string; institution: string; graduationYear: string }>({
    eqfLevel: 4,
    field: '',
    institution: '',
    graduationYear: '',
  });
  const d = draft.value;
  return (
    <fieldset>
      <legend>{t('profile.education')}</legend>
      <ul class="plain">
        {education.map((entry, index) => (
          <li class="row" key={`${entry.institution}-${index}`}>
            <span class="grow">
              {entry.field} · {entry.institution} · {t('check.facts.level', { level: entry.eqfLevel })}
              {entry.graduationYear ? ` · ${entry.graduationYear}` : ''}
            </span>
            <button
              type="button"
              class="button small"
              onClick={() => onChange(education.filter((_, i) => i !== index))}
            >
              {t('common.remove')}
            </button>
          </li>
        ))}
      </ul>
      <label for="edu-field">{t('profile.education.field')}</label>
      <input id="edu-field" value={d.field} onInput={(e) => (draft.value = { ...d, field: e.currentTarget.value })} />
      <label for="edu-institution">{t('profile.education.institution')}</label>
      <input
        id="edu-institution"
        value={d.institution}
        onInput={(e) => (draft.value = { ...d, institution: e.currentTarget.value })}
      />
      <label for="edu-eqf">{t('profile.education.eqf')}</label>
      <p class="hint" id="edu-eqf-hint">
        {t('profile.education.eqf.hint')}
      </p>
      <select
        id="edu-eqf"
        aria-describedby="edu-eqf-hint"
        value={String(d.eqfLevel)}
        onChange={(e) => (draft.value = { ...d, eqfLevel: Number(e.currentTarget.value) as Eqf })}
      >
        {EQF.map((level) => (
          <option key={level} value={String(level)}>
            {t(`profile.eqf.${level}` as MessageKey)}
          </option>
        ))}
      </select>
      <label for="edu-year">{t('profile.education.year')}</label>
      <input
        id="edu-year"
        inputMode="numeric"
        value={d.graduationYear}
        onInput={(e) => (draft.value = { ...d, graduationYear: e.currentTarget.value })}
      />
      <button
        type="button"
        class="button"
        onClick={() => {
          if (!d.field.trim() || !d.institution.trim()) return;
          const year = Number(d.graduationYear);
          onChange([
            ...education,
            {
              eqfLevel: d.eqfLevel,
              field: d.field.trim(),
              institution: d.institution.trim(),
              ...(Number.isInteger(year) && year >= 1950 && year <= 2100 ? { graduationYear: year } : {}),
            },
          ]);
          draft.value = { eqfLevel: d.eqfLevel, field: '', institution: '', graduationYear: '' };
        }}
      >
        {t('profile.education.add')}
      </button>
    </fieldset>
  );
}
