import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { standardLevelOfCode } from '@skillpass/domain/standard-levels';
import { useConceptSearch } from '../../concept-search.ts';
import { api } from '../../api/client.ts';
import { Skeleton } from '../../components/skeleton.tsx';
import { useTitle } from '../../components/title.ts';
import { ErrorSummary, type FieldErrors } from '../../components/error-summary.tsx';
import { SkillSuggestions } from '../../components/suggestion-list.tsx';
import { apiErrors } from '../../issuer/problem.ts';
import { loadMyTemplates, myTemplates, type Template, titleOf } from '../../issuer/templates.ts';
import { locale, t } from '../../i18n.ts';
import { labelOf, lookUpLabels } from '../../labels.ts';
import type { MessageKey } from '../../messages/en/index.ts';
import { StandardLevelPicker } from '../../standards/picker.tsx';

type Input = Omit<Template, 'templateId' | 'issuerId' | 'version' | 'createdAt' | 'updatedAt'>;
type Eqf = Input['eqfLevel'];
type ChinaLevel = NonNullable<Input['chinaSkillLevel']>;
type Participation = Input['participationForm'];
interface Form {
  titleEn: string;
  titleZh: string;
  descriptionEn: string;
  descriptionZh: string;
  outcomes: string[];
  ects: string;
  hours: string;
  eqfLevel: Eqf;
  chinaSkillLevel: ChinaLevel | undefined;
  /** A shared standard's level as its alignment code, or '' for none. */
  standardLevel: string;
  assessmentType: string;
  participationForm: Participation;
  qualityAssurance: string;
  prerequisites: string;
  supervisedAssessment: boolean;
  identityVerified: boolean;
}

const EQF: Eqf[] = [1, 2, 3, 4, 5, 6, 7, 8];
const CHINA_LEVELS: ChinaLevel[] = [5, 4, 3, 2, 1];
const PARTICIPATION: Participation[] = ['onsite', 'online', 'blended'];
const EMPTY: Form = {
  titleEn: '',
  titleZh: '',
  descriptionEn: '',
  descriptionZh: '',
  outcomes: [],
  ects: '',
  hours: '',
  eqfLevel: 4,
  chinaSkillLevel: undefined,
  standardLevel: '',
  assessmentType: '',
  participationForm: 'onsite',
  qualityAssurance: '',
  prerequisites: '',
  supervisedAssessment: true,
  identityVerified: true,
};

/** Where a form value's problem is shown, when that is not the value's own field. */
const ERROR_FIELD: Record<string, string> = { outcomes: 'outcome-search', hours: 'ects' };

/** The form checked as the API will check it; what is wrong, by field id, in the reader's words. */
function problemsOf(f: Form): FieldErrors {
  const found: FieldErrors = {};
  const need = (ok: boolean, field: string, key: MessageKey) => {
    if (!ok) found[field] = t(key);
  };
  need(f.titleEn.trim() !== '', 'titleEn', 'issuer.templates.error.titleEn');
  need(f.titleZh.trim() !== '', 'titleZh', 'issuer.templates.error.titleZh');
  need(f.descriptionEn.trim() !== '', 'descriptionEn', 'issuer.templates.error.descriptionEn');
  need(f.descriptionZh.trim() !== '', 'descriptionZh', 'issuer.templates.error.descriptionZh');
  need(f.outcomes.length > 0, 'outcome-search', 'issuer.templates.error.outcomes');
  const ects = f.ects.trim() === '' ? undefined : Number(f.ects);
  const hours = f.hours.trim() === '' ? undefined : Number(f.hours);
  const ectsOk = ects === undefined || (Number.isFinite(ects) && ects >= 0 && ects <= 180);
  const hoursOk = hours === undefined || (Number.isInteger(hours) && hours >= 1 && hours <= 10_000);
  need(ectsOk && hoursOk && (ects !== undefined || hours !== undefined), 'ects', 'issuer.templates.error.workload');
  need(f.assessmentType.trim() !== '', 'assessmentType', 'issuer.templates.error.assessmentType');
  need(f.qualityAssurance.trim() !== '', 'qualityAssurance', 'issuer.templates.error.qualityAssurance');
  return found;
}

function bodyOf(f: Form): Input {
  return {
    title: { en: f.titleEn.trim(), zh: f.titleZh.trim() },
    description: f.descriptionEn.trim(),
    descriptionZh: f.descriptionZh.trim(),
    learningOutcomes: f.outcomes,
    workload: {
      ...(f.ects.trim() ? { ects: Number(f.ects) } : {}),
      ...(f.hours.trim() ? { hours: Number(f.hours) } : {}),
    },
    eqfLevel: f.eqfLevel,
    ...(f.chinaSkillLevel !== undefined ? { chinaSkillLevel: f.chinaSkillLevel } : {}),
    ...(standardLevelOfCode(f.standardLevel) ? { skillLevelStandard: standardLevelOfCode(f.standardLevel) } : {}),
    assessmentType: f.assessmentType.trim(),
    participationForm: f.participationForm,
    qualityAssurance: f.qualityAssurance.trim(),
    ...(f.prerequisites.trim() ? { prerequisites: f.prerequisites.trim() } : {}),
    supervisedAssessment: f.supervisedAssessment,
    identityVerified: f.identityVerified,
  };
}

export default function TemplatesPage() {
  useTitle(() => t('issuer.templates.title'));
  const form = useSignal<Form>(EMPTY);
  const errors = useSignal<FieldErrors>({});
  const created = useSignal<string | null>(null);
  const busy = useSignal(false);
  useEffect(() => {
    void loadMyTemplates();
  }, []);

  const value = form.value;
  const update = (patch: Partial<Form>) => {
    form.value = { ...form.peek(), ...patch };
    // A field put right is no longer listed as a problem; the others stay until the next try.
    const fixed = new Set(Object.keys(patch).map((field) => ERROR_FIELD[field] ?? field));
    if (Object.keys(errors.value).some((field) => fixed.has(field)))
      errors.value = Object.fromEntries(Object.entries(errors.value).filter(([field]) => !fixed.has(field)));
  };

  async function create(event: Event) {
    event.preventDefault();
    created.value = null;
    const found = problemsOf(value);
    errors.value = found;
    if (Object.keys(found).length > 0) {
      document.getElementById('error-summary')?.focus();
      return;
    }
    busy.value = true;
    try {
      const { data, error } = await api.POST('/v1/credential-templates', { body: bodyOf(value) });
      if (data) {
        created.value = titleOf(data);
        form.value = EMPTY;
        await loadMyTemplates();
      } else errors.value = { save: t('issuer.error.rejected'), ...apiErrors(error) };
    } catch {
      errors.value = { save: t('common.error.network') };
    } finally {
      busy.value = false;
    }
  }

  const text = (
    field: 'titleEn' | 'titleZh' | 'assessmentType' | 'qualityAssurance' | 'prerequisites',
    label: MessageKey,
    hint?: MessageKey,
  ) => (
    <>
      <label for={field}>{t(label)}</label>
      {hint && (
        <p class="hint" id={`${field}-hint`}>
          {t(hint)}
        </p>
      )}
      <input
        id={field}
        lang={field === 'titleZh' ? 'zh-CN' : undefined}
        aria-describedby={hint ? `${field}-hint` : undefined}
        aria-invalid={errors.value[field] ? true : undefined}
        value={value[field]}
        onInput={(e) => update({ [field]: e.currentTarget.value })}
      />
    </>
  );
  const area = (field: 'descriptionEn' | 'descriptionZh', label: MessageKey) => (
    <>
      <label for={field}>{t(label)}</label>
      <textarea
        id={field}
        lang={field === 'descriptionZh' ? 'zh-CN' : undefined}
        aria-invalid={errors.value[field] ? true : undefined}
        value={value[field]}
        onInput={(e) => update({ [field]: e.currentTarget.value })}
      />
    </>
  );

  return (
    <section class="issuer">
      <h1>{t('issuer.templates.title')}</h1>
      <p class="lead">{t('issuer.templates.lead')}</p>
      <TemplateList />
      <h2>{t('issuer.templates.new')}</h2>
      <p class="hint">{t('issuer.templates.automatic')}</p>
      <ErrorSummary errors={errors.value} />
      {created.value && (
        <p class="notice ok" role="status">
          {t('issuer.templates.created', { title: created.value })}
        </p>
      )}
      <form onSubmit={create} noValidate>
        <fieldset>
          <legend>{t('issuer.templates.names')}</legend>
          <p class="hint">{t('issuer.templates.bilingual.hint')}</p>
          {text('titleEn', 'issuer.templates.titleEn')}
          {text('titleZh', 'issuer.templates.titleZh')}
          {area('descriptionEn', 'issuer.templates.descriptionEn')}
          {area('descriptionZh', 'issuer.templates.descriptionZh')}
        </fieldset>
        <OutcomesPicker
          outcomes={value.outcomes}
          invalid={Boolean(errors.value['outcome-search'])}
          onChange={(outcomes) => update({ outcomes })}
        />
        <fieldset>
          <legend>{t('issuer.templates.workload')}</legend>
          <p class="hint">{t('issuer.templates.workload.hint')}</p>
          <label for="ects">{t('issuer.templates.ects')}</label>
          <input
            id="ects"
            inputMode="decimal"
            aria-invalid={errors.value.ects ? true : undefined}
            value={value.ects}
            onInput={(e) => update({ ects: e.currentTarget.value })}
          />
          <label for="hours">{t('issuer.templates.hours')}</label>
          <input
            id="hours"
            inputMode="numeric"
            value={value.hours}
            onInput={(e) => update({ hours: e.currentTarget.value })}
          />
        </fieldset>
        <fieldset>
          <legend>{t('issuer.templates.level')}</legend>
          <label for="eqfLevel">{t('issuer.templates.eqf')}</label>
          <select
            id="eqfLevel"
            value={String(value.eqfLevel)}
            onChange={(e) => update({ eqfLevel: Number(e.currentTarget.value) as Eqf })}
          >
            {EQF.map((level) => (
              <option key={level} value={String(level)}>
                {t(`profile.eqf.${level}` as MessageKey)}
              </option>
            ))}
          </select>
          <label for="chinaSkillLevel">{t('issuer.templates.chinaLevel')}</label>
          <select
            id="chinaSkillLevel"
            value={value.chinaSkillLevel === undefined ? '' : String(value.chinaSkillLevel)}
            onChange={(e) =>
              update({
                chinaSkillLevel: e.currentTarget.value ? (Number(e.currentTarget.value) as ChinaLevel) : undefined,
              })
            }
          >
            <option value="">{t('issuer.templates.chinaLevel.none')}</option>
            {CHINA_LEVELS.map((level) => (
              <option key={level} value={String(level)}>
                {t(`check.chinaLevel.${level}` as MessageKey)}
              </option>
            ))}
          </select>
          <StandardLevelPicker value={value.standardLevel} onChange={(standardLevel) => update({ standardLevel })} />
        </fieldset>
        <fieldset>
          <legend>{t('issuer.templates.assessment')}</legend>
          {text('assessmentType', 'issuer.templates.assessmentType', 'issuer.templates.assessmentType.hint')}
          <fieldset class="inner">
            <legend>{t('issuer.templates.participation')}</legend>
            {PARTICIPATION.map((form) => (
              <label class="choice" key={form}>
                <input
                  type="radio"
                  name="participationForm"
                  value={form}
                  checked={value.participationForm === form}
                  onChange={() => update({ participationForm: form })}
                />
                {t(`issuer.templates.participation.${form}` as MessageKey)}
              </label>
            ))}
          </fieldset>
          {text('qualityAssurance', 'issuer.templates.qualityAssurance', 'issuer.templates.qualityAssurance.hint')}
          {text('prerequisites', 'issuer.templates.prerequisites')}
          <label class="choice">
            <input
              type="checkbox"
              checked={value.supervisedAssessment}
              onChange={(e) => update({ supervisedAssessment: e.currentTarget.checked })}
            />
            {t('issuer.templates.supervised')}
          </label>
          <label class="choice">
            <input
              type="checkbox"
              checked={value.identityVerified}
              onChange={(e) => update({ identityVerified: e.currentTarget.checked })}
            />
            {t('issuer.templates.identityVerified')}
          </label>
        </fieldset>
        <button type="submit" class="button primary wide" disabled={busy.value}>
          {t('issuer.templates.create')}
        </button>
      </form>
    </section>
  );
}

function TemplateList() {
  const templates = myTemplates.value;
  if (templates === null) return <Skeleton list />;
  if (templates.length === 0) return <p>{t('issuer.templates.none')}</p>;
  return (
    <ul class="cards template-list">
      {templates.map((template) => (
        <li class="card" key={template.templateId}>
          <h3 lang={locale.value === 'zh' && template.title.zh ? 'zh-CN' : 'en'}>{titleOf(template)}</h3>
          <p class="meta">{t('issuer.templates.summary', { level: template.eqfLevel, id: template.templateId })}</p>
        </li>
      ))}
    </ul>
  );
}

/** Learning outcomes as ESCO skills, found by searching in either language. */
function OutcomesPicker({
  outcomes,
  invalid,
  onChange,
}: {
  outcomes: string[];
  invalid: boolean;
  onChange: (outcomes: string[]) => void;
}) {
  const { query, results, search } = useConceptSearch('/v1/skills', 8);
  return (
    <fieldset>
      <legend>{t('issuer.templates.outcomes')}</legend>
      {outcomes.length === 0 && <p class="hint">{t('issuer.templates.outcomes.none')}</p>}
      <ul class="plain">
        {outcomes.map((uri) => (
          <li class="row" key={uri}>
            <span class="grow">{labelOf(uri)}</span>
            <button type="button" class="button small" onClick={() => onChange(outcomes.filter((u) => u !== uri))}>
              {t('common.remove')}
            </button>
          </li>
        ))}
      </ul>
      <label for="outcome-search">{t('issuer.templates.outcomes.search')}</label>
      <p class="hint" id="outcome-search-hint">
        {t('issuer.templates.outcomes.hint')}
      </p>
      <input
        id="outcome-search"
        type="search"
        autoComplete="off"
        aria-describedby="outcome-search-hint"
        aria-invalid={invalid ? true : undefined}
        value={query.value}
        onInput={(e) => void search(e.currentTarget.value)}
      />
      <SkillSuggestions
        items={results.value}
        disabled={(uri) => outcomes.includes(uri) || outcomes.length >= 50}
        onPick={(uri) => {
          onChange([...outcomes, uri]);
          void lookUpLabels([uri]);
        }}
      />
    </fieldset>
  );
}
