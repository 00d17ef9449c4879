import { useSignal, useSignalEffect } from '@preact/signals';
import { api } from '../../api/client.ts';
import type { components } from '../../api/schema.d.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { OccupationPicker } from '../../components/occupation-picker.tsx';
import { Skeleton } from '../../components/skeleton.tsx';
import { useTitle } from '../../components/title.ts';
import { JobSkills, type RequiredSkill } from '../../employer/job-skills.tsx';
import { PlacePicker } from '../../employer/place-picker.tsx';
import { type RequiredStandardLevel, StandardLevelChoice } from '../../employer/standard-level.tsx';
import { locale, t } from '../../i18n.ts';
import { remember } from '../../labels.ts';
import type { MessageKey } from '../../messages/en/index.ts';
import type { PageProps } from '../../page-props.ts';
import { navigate } from '../../router.ts';

type Job = components['schemas']['JobView'];
type Form = {
  titleEn: string;
  titleZh: string;
  description: string;
  requiredSkills: RequiredSkill[];
  place: Job['place'] | undefined;
  closingDate: string;
  openings: string;
  standardLevel: RequiredStandardLevel | undefined;
  /** The job's occupation: its standards are listed first, and the insights count the job under it. */
  occupation: Job['occupation'];
};
type Field = 'titleEn' | 'description' | 'skills' | 'place' | 'closingDate' | 'openings';
/** The version a form was loaded from: its ETag goes back as If-Match, so nobody's change is overwritten unseen. */
type Loaded = { form: Form; etag: string };

const FIELD_IDS: Record<Field, string> = {
  titleEn: 'title-en',
  description: 'description',
  skills: 'suggest-skills',
  place: 'job-place-province',
  closingDate: 'closing-date',
  openings: 'openings',
};
const today = () => new Date().toISOString().slice(0, 10);
const blank = (): Form => ({
  titleEn: '',
  titleZh: '',
  description: '',
  requiredSkills: [],
  place: undefined,
  closingDate: '',
  openings: '1',
  standardLevel: undefined,
  occupation: undefined,
});
const formOf = (job: Job): Form => ({
  titleEn: job.title.en,
  titleZh: job.title.zh ?? '',
  description: job.description,
  requiredSkills: job.requiredSkills,
  place: job.place,
  closingDate: job.closingDate,
  openings: String(job.openings),
  standardLevel: job.requiredStandardLevel,
  occupation: job.occupation,
});

async function loadJob(id: string, lang: 'en' | 'zh'): Promise<Loaded | undefined> {
  const { data, response } = await api.GET('/v1/jobs/{id}', { params: { path: { id }, query: { lang } } });
  if (!data) return undefined;
  remember(lang, data.labels);
  return { form: formOf(data), etag: response.headers.get('ETag') ?? '' };
}

function problemsOf(form: Form): Partial<Record<Field, MessageKey>> {
  const found: Partial<Record<Field, MessageKey>> = {};
  if (!form.titleEn.trim()) found.titleEn = 'jobForm.error.title';
  if (!form.description.trim()) found.description = 'jobForm.error.description';
  if (form.requiredSkills.length === 0) found.skills = 'jobForm.error.skills';
  if (!form.place) found.place = 'jobForm.error.place';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(form.closingDate) || form.closingDate < today())
    found.closingDate = 'jobForm.error.closingDate';
  const openings = Number(form.openings);
  if (!Number.isInteger(openings) || openings < 1 || openings > 10_000) found.openings = 'jobForm.error.openings';
  return found;
}

const bodyOf = (form: Form) => ({
  title: { en: form.titleEn.trim(), ...(form.titleZh.trim() ? { zh: form.titleZh.trim() } : {}) },
  description: form.description.trim(),
  requiredSkills: form.requiredSkills,
  place: form.place!,
  closingDate: form.closingDate,
  openings: Number(form.openings),
  ...(form.standardLevel ? { requiredStandardLevel: form.standardLevel } : {}),
  ...(form.occupation ? { occupation: form.occupation } : {}),
});

/** The occupation as a merge patch: each member not held is removed (null), a cleared occupation entirely. */
const occupationPatch = (occupation: Job['occupation']) =>
  occupation ? { escoUri: occupation.escoUri ?? null, chinaCode: occupation.chinaCode ?? null } : null;

/**
 * Post a job (`/employer/jobs/new`) or change one (`/employer/jobs/:id/edit`). A change carries the ETag it was
 * read with; when someone changed the job meanwhile (412) the employer chooses: their version, or mine on top of it.
 */
export default function JobEdit({ params }: PageProps) {
  const id = params.id;
  useTitle(() => t(id ? 'jobForm.edit.title' : 'jobForm.new.title'));
  const form = useSignal<Form | null>(id ? null : blank());
  const etag = useSignal('');
  const errors = useSignal<Partial<Record<Field, MessageKey>>>({});
  const failure = useSignal<MessageKey | null>(null);
  const conflict = useSignal<Loaded | null>(null);
  const saved = useSignal(false);
  const busy = useSignal(false);
  // One key per visit: a retried post (lost answer, double tap) finds the job it already made.
  const idempotencyKey = useSignal(crypto.randomUUID());

  useSignalEffect(() => {
    if (!id) return;
    loadJob(id, locale.peek()).then(
      (loaded) => {
        if (!loaded) failure.value = 'jobForm.error.notFound';
        else {
          form.value = loaded.form;
          etag.value = loaded.etag;
        }
      },
      () => {
        failure.value = 'common.error.network';
      },
    );
  });

  const value = form.value;
  if (!value) return failure.value ? <p role="alert">{t(failure.value)}</p> : <Skeleton />;
  const update = (patch: Partial<Form>) => {
    form.value = { ...(form.peek() ?? value), ...patch };
    saved.value = false;
  };

  async function post(current: Form) {
    const { data, response } = await api.POST('/v1/jobs', {
      body: bodyOf(current),
      headers: { 'Idempotency-Key': idempotencyKey.value },
    });
    if (data) navigate(`/employer/jobs/${encodeURIComponent(data.jobId)}/candidates`);
    else failure.value = response.status === 400 ? 'jobForm.error.invalid' : 'common.error.network';
  }

  async function change(jobId: string, current: Form, ifMatch: string) {
    const { data, response } = await api.PATCH('/v1/jobs/{id}', {
      params: { path: { id: jobId }, header: { 'if-match': ifMatch } },
      // A merge patch keeps what it does not name: an emptied Chinese title or a level no longer asked is removed with null.
      body: {
        ...bodyOf(current),
        title: { en: current.titleEn.trim(), zh: current.titleZh.trim() || null },
        requiredStandardLevel: current.standardLevel ?? null,
        occupation: occupationPatch(current.occupation),
      },
      headers: { 'Content-Type': 'application/merge-patch+json' },
    });
    if (data) {
      etag.value = response.headers.get('ETag') ?? etag.value;
      saved.value = true;
      return;
    }
    if (response.status === 412) {
      const latest = await loadJob(jobId, locale.peek());
      if (latest) conflict.value = latest;
      else failure.value = 'jobForm.error.notFound';
    } else
      failure.value =
        response.status === 409
          ? 'jobForm.error.closed'
          : response.status === 400
            ? 'jobForm.error.invalid'
            : 'common.error.network';
  }

  async function save(event?: Event) {
    event?.preventDefault();
    const current = form.peek()!;
    const found = problemsOf(current);
    errors.value = found;
    failure.value = null;
    saved.value = false;
    if (Object.keys(found).length > 0) {
      document.getElementById('error-summary')?.focus();
      return;
    }
    busy.value = true;
    try {
      if (id) await change(id, current, etag.peek());
      else await post(current);
    } catch {
      failure.value = 'common.error.network';
    } finally {
      busy.value = false;
    }
  }

  const errorEntries = Object.entries(errors.value) as Array<[Field, MessageKey]>;
  const theirs = conflict.value;
  return (
    <section>
      <p>
        <a href="/employer/jobs" data-app>
          {t('jobForm.back')}
        </a>
      </p>
      <h1>{t(id ? 'jobForm.edit.title' : 'jobForm.new.title')}</h1>
      {theirs && (
        <div class="notice warning conflict" role="alert">
          <h2>{t('jobForm.conflict.title')}</h2>
          <p>{t('jobForm.conflict.body')}</p>
          <button
            type="button"
            class="button"
            onClick={() => {
              form.value = theirs.form;
              etag.value = theirs.etag;
              conflict.value = null;
            }}
          >
            {t('jobForm.conflict.reload')}
          </button>
          <button
            type="button"
            class="button primary"
            onClick={() => {
              // Mine, sent against their version: the newest ETag, so the save goes through unless changed again.
              etag.value = theirs.etag;
              conflict.value = null;
              void save();
            }}
          >
            {t('jobForm.conflict.keep')}
          </button>
        </div>
      )}
      <ErrorSummary
        errors={{
          ...Object.fromEntries(errorEntries.map(([field, key]) => [field, t(key)])),
          ...(failure.value ? { save: t(failure.value) } : {}),
        }}
        anchorOf={(field) => FIELD_IDS[field as Field]}
      />
      {saved.value && (
        <p class="notice ok" role="status">
          {t('jobForm.saved')}
        </p>
      )}
      <form onSubmit={save} noValidate>
        <fieldset>
          <legend>{t('jobForm.titles')}</legend>
          <label for="title-en">{t('jobForm.title.en')}</label>
          <input
            id="title-en"
            lang="en"
            aria-invalid={errors.value.titleEn ? true : undefined}
            value={value.titleEn}
            onInput={(e) => update({ titleEn: e.currentTarget.value })}
          />
          <label for="title-zh">{t('jobForm.title.zh')}</label>
          <input
            id="title-zh"
            lang="zh-CN"
            value={value.titleZh}
            onInput={(e) => update({ titleZh: e.currentTarget.value })}
          />
        </fieldset>
        <label for="description">{t('jobForm.description')}</label>
        <p class="hint" id="description-hint">
          {t('jobForm.description.hint')}
        </p>
        <textarea
          id="description"
          class="tall"
          maxLength={20_000}
          aria-describedby="description-hint"
          aria-invalid={errors.value.description ? true : undefined}
          value={value.description}
          onInput={(e) => update({ description: e.currentTarget.value })}
        />
        <JobSkills
          skills={value.requiredSkills}
          description={value.description}
          invalid={Boolean(errors.value.skills)}
          onChange={(requiredSkills) => update({ requiredSkills })}
        />
        <fieldset>
          <legend>{t('jobForm.place')}</legend>
          <PlacePicker
            // A new version read (their version chosen after a 412) starts the picker from its place.
            key={etag.value}
            id="job-place"
            place={value.place}
            allowRemote
            invalid={Boolean(errors.value.place)}
            onChange={(place) => update({ place })}
          />
        </fieldset>
        <OccupationPicker
          id="job-occupation"
          legend={t('jobForm.occupation')}
          hint={t('jobForm.occupation.hint')}
          none={t('jobForm.occupation.none')}
          searchLabel={t('jobForm.occupation.search')}
          pickLabel={(name) => t('jobForm.occupation.pick', { occupation: name })}
          occupations={value.occupation ? [value.occupation] : []}
          max={1}
          onChange={([occupation]) => update({ occupation })}
        />
        <StandardLevelChoice
          value={value.standardLevel}
          occupationUri={value.occupation?.escoUri}
          onChange={(standardLevel) => update({ standardLevel })}
        />
        <fieldset>
          <legend>{t('jobForm.details')}</legend>
          <label for="closing-date">{t('jobForm.closingDate')}</label>
          <input
            id="closing-date"
            type="date"
            min={today()}
            aria-invalid={errors.value.closingDate ? true : undefined}
            value={value.closingDate}
            onInput={(e) => update({ closingDate: e.currentTarget.value })}
          />
          <label for="openings">{t('jobForm.openings')}</label>
          <input
            id="openings"
            inputMode="numeric"
            aria-invalid={errors.value.openings ? true : undefined}
            value={value.openings}
            onInput={(e) => update({ openings: e.currentTarget.value })}
          />
        </fieldset>
        <button type="submit" class="button primary wide" disabled={busy.value || theirs !== null}>
          {t(id ? 'jobForm.save' : 'jobForm.post')}
        </button>
      </form>
    </section>
  );
}
