import { useSignal, useSignalEffect } from '@preact/signals';
import { api } from '../../api/client.ts';
import type { components } from '../../api/schema.d.ts';
import { ErrorSummary, type FieldErrors } from '../../components/error-summary.tsx';
import { CITIES, cityName } from '../../graduate/places.ts';
import { formatDate, pick, t } from '../../i18n.ts';
import type { Fair } from './fair-summary.tsx';

type Job = components['schemas']['JobView'];
type Slot = { startsAt: string; capacity: number };
type Problem = { status?: number; detail?: string; errors?: Array<{ path?: string }> };

/**
 * The form that registers a booth: the fair (those without a booth of this employer), which of the employer's open
 * jobs to show, the city, a session and interview slots. Problems are listed at the top, each linking to its field;
 * the API's refusals are named by field too (`jobIds.1` is the second job chosen).
 */
export function BoothForm({ fairs, onDone }: { fairs: Fair[]; onDone: () => Promise<void> }) {
  const fairId = useSignal('');
  const jobs = useSignal<Job[]>([]);
  const chosen = useSignal<ReadonlySet<string>>(new Set());
  const city = useSignal('');
  const sector = useSignal('');
  const slots = useSignal<Slot[]>([]);
  const errors = useSignal<FieldErrors>({});
  const done = useSignal<string | null>(null);
  const busy = useSignal(false);
  useSignalEffect(() => {
    void api.GET('/v1/employers/me/jobs', { params: { query: { limit: 100 } } }).then(({ data }) => {
      jobs.value = (data?.items ?? []).filter((job) => job.status === 'open');
    });
  });
  const fair = fairs.find((f) => f.fairId === fairId.value);
  const cities = fair && fair.format === 'on-site' ? fair.venues.map((v) => v.cityCode) : CITIES;
  // In the order the jobs are listed, so the API's `jobIds.<i>` names the i-th of these.
  const jobIds = jobs.value.filter((job) => chosen.value.has(job.jobId)).map((job) => job.jobId);
  const days = fair ? { from: formatDate(fair.startsOn), to: formatDate(fair.endsOn) } : { from: '', to: '' };

  const check = (): FieldErrors => {
    const found: FieldErrors = {};
    if (!fair) found['booth-fair'] = t('booths.error.fair');
    if (jobIds.length === 0) found['booth-jobs'] = t('booths.error.jobs');
    if (!city.value) found['booth-city'] = t('booths.error.city');
    slots.value.forEach((slot, i) => {
      const day = slot.startsAt.slice(0, 10);
      if (fair && (!slot.startsAt || day < fair.startsOn || day > fair.endsOn))
        found[`slot-time-${i}`] = t('booths.error.slot', { n: i + 1, ...days });
      if (!(slot.capacity >= 1 && slot.capacity <= 50))
        found[`slot-capacity-${i}`] = t('booths.error.capacity', { n: i + 1 });
    });
    return found;
  };
  const refused = (problem: Problem | undefined): FieldErrors => {
    if (problem?.status === 409) return { 'api-0': t('booths.error.exists') };
    const found: FieldErrors = {};
    for (const [i, { path = '' }] of (problem?.errors ?? []).entries()) {
      const [field, index = '0', part] = path.split('.');
      const job = jobs.value.find((j) => j.jobId === jobIds[Number(index)]);
      if (field === 'jobIds') found['booth-jobs'] = t('booths.error.job', { title: job ? pick(job.title) : index });
      else if (field === 'cityCode') found['booth-city'] = t('booths.error.city');
      else if (field === 'sector') found['booth-sector'] = t('booths.error.sector');
      else if (field === 'slots' && part === 'capacity')
        found[`slot-capacity-${index}`] = t('booths.error.capacity', { n: Number(index) + 1 });
      else if (field === 'slots')
        found[`slot-time-${index}`] = t('booths.error.slot', { n: Number(index) + 1, ...days });
      else found[`api-${i}`] = t('booths.failed', { reason: problem?.detail ?? path });
    }
    return Object.keys(found).length > 0 ? found : { 'api-0': t('booths.failed', { reason: problem?.detail ?? '' }) };
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    done.value = null;
    errors.value = check();
    if (Object.keys(errors.value).length > 0 || !fair) {
      document.getElementById('error-summary')?.focus();
      return;
    }
    busy.value = true;
    const { data, error } = await api
      .POST('/v1/fairs/{fairId}/booths', {
        params: { path: { fairId: fair.fairId } },
        body: {
          jobIds,
          cityCode: city.value as (typeof CITIES)[number],
          ...(sector.value ? { sector: sector.value } : {}),
          // A datetime-local value has no zone: the booth's clock is China Standard Time.
          slots: slots.value.map((s) => ({ startsAt: `${s.startsAt}:00+08:00`, capacity: s.capacity })),
        },
      })
      .catch(() => ({ data: undefined, error: { detail: t('common.error.network') } }));
    busy.value = false;
    if (!data) {
      errors.value = refused(error as Problem | undefined);
      document.getElementById('error-summary')?.focus();
      return;
    }
    done.value = t('booths.registered', { fair: pick(fair.title) });
    fairId.value = '';
    chosen.value = new Set();
    city.value = '';
    sector.value = '';
    slots.value = [];
    await onDone();
  };
  const setSlot = (i: number, change: Partial<Slot>) => {
    slots.value = slots.value.map((s, j) => (i === j ? { ...s, ...change } : s));
  };
  return (
    <form onSubmit={submit} noValidate>
      <h2>{t('booths.register')}</h2>
      <ErrorSummary errors={errors.value} anchorOf={(field) => (field === 'booth-jobs' ? 'booth-job-0' : field)} />
      {done.value && (
        <p class="notice ok" role="status">
          ✓ {done.value}
        </p>
      )}
      <label for="booth-fair">{t('booths.fair')}</label>
      <select
        id="booth-fair"
        value={fairId.value}
        onChange={(e) => {
          fairId.value = e.currentTarget.value;
          city.value = '';
          sector.value = '';
        }}
      >
        <option value="">{t('booths.fair.choose')}</option>
        {fairs.map((f) => (
          <option key={f.fairId} value={f.fairId}>
            {pick(f.title)}
          </option>
        ))}
      </select>
      <fieldset>
        <legend>{t('booths.jobs')}</legend>
        <p class="hint">{t('booths.jobs.hint')}</p>
        {jobs.value.length === 0 && <p>{t('booths.jobs.none')}</p>}
        {jobs.value.map((job, i) => (
          <label class="choice" key={job.jobId}>
            <input
              id={`booth-job-${i}`}
              type="checkbox"
              checked={chosen.value.has(job.jobId)}
              onChange={(e) => {
                const next = new Set(chosen.value);
                if (e.currentTarget.checked) next.add(job.jobId);
                else next.delete(job.jobId);
                chosen.value = next;
              }}
            />
            {pick(job.title)} · {job.placeName}
          </label>
        ))}
      </fieldset>
      <label for="booth-city">{t('booths.city')}</label>
      <select
        id="booth-city"
        value={city.value}
        onChange={(e) => {
          city.value = e.currentTarget.value;
        }}
      >
        <option value="">{t('booths.city.choose')}</option>
        {cities.map((c) => (
          <option key={c} value={c}>
            {cityName(c)}
          </option>
        ))}
      </select>
      {fair && fair.sessions.length > 0 && (
        <>
          <label for="booth-sector">{t('booths.sector')}</label>
          <select
            id="booth-sector"
            value={sector.value}
            onChange={(e) => {
              sector.value = e.currentTarget.value;
            }}
          >
            <option value="">{t('booths.sector.none')}</option>
            {fair.sessions.map((s) => (
              <option key={s.sector} value={s.sector}>
                {pick(s.title)}
              </option>
            ))}
          </select>
        </>
      )}
      <fieldset>
        <legend>{t('fair.slots')}</legend>
        {slots.value.map((slot, i) => (
          <div key={i}>
            <label for={`slot-time-${i}`}>{t('booths.slot.time', { n: i + 1 })}</label>
            <input
              id={`slot-time-${i}`}
              type="datetime-local"
              value={slot.startsAt}
              onInput={(e) => setSlot(i, { startsAt: e.currentTarget.value })}
            />
            <label for={`slot-capacity-${i}`}>{t('booths.slot.capacity', { n: i + 1 })}</label>
            <input
              id={`slot-capacity-${i}`}
              type="number"
              min={1}
              max={50}
              value={slot.capacity}
              onInput={(e) => setSlot(i, { capacity: Number(e.currentTarget.value) })}
            />
          </div>
        ))}
        <button
          type="button"
          class="button"
          onClick={() => {
            slots.value = [...slots.value, { startsAt: fair ? `${fair.startsOn}T10:00` : '', capacity: 5 }];
          }}
        >
          {t('booths.slot.add')}
        </button>
      </fieldset>
      <button type="submit" class="button primary wide" disabled={busy.value}>
        {t('booths.submit')}
      </button>
    </form>
  );
}
