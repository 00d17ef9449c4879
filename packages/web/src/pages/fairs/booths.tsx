import { useSignal, useSignalEffect } from '@preact/signals';
import { api } from '../../api/client.ts';
import type { components } from '../../api/schema.d.ts';
import { useTitle } from '../../components/title.ts';
import { CITIES, cityName } from '../../graduate/places.ts';
import { pick, t } from '../../i18n.ts';
import { CheckInForm } from './check-in-form.tsx';
import { type Fair, slotTime } from './fair-summary.tsx';

type Booth = components['schemas']['FairBooth'];
type Job = components['schemas']['JobView'];
type Slot = { startsAt: string; capacity: number };

/** The employer's booths: each with its bookings and a check-in box, and the form that registers a booth. */
export default function Booths() {
  useTitle(() => t('booths.title'));
  const booths = useSignal<Booth[] | null>(null);
  const fairs = useSignal<Fair[]>([]);
  const load = () =>
    api.GET('/v1/employers/me/booths').then(({ data }) => {
      booths.value = data?.items ?? [];
    });
  useSignalEffect(() => {
    void load();
    void api.GET('/v1/fairs').then(({ data }) => {
      fairs.value = data?.items ?? [];
    });
  });
  const titleOf = (fairId: string) => {
    const fair = fairs.value.find((f) => f.fairId === fairId);
    return fair ? pick(fair.title) : fairId;
  };
  return (
    <section>
      <h1>{t('booths.title')}</h1>
      {booths.value?.length === 0 && <p>{t('booths.none')}</p>}
      <ul class="plain">
        {booths.value?.map((booth) => (
          <li class="card" key={booth.fairId}>
            <h2>{titleOf(booth.fairId)}</h2>
            <p class="meta">{cityName(booth.cityCode)}</p>
            <Bookings fairId={booth.fairId} />
          </li>
        ))}
      </ul>
      <RegisterBooth fairs={fairs.value} onDone={load} />
    </section>
  );
}

function Bookings({ fairId }: { fairId: string }) {
  type View = components['schemas']['FairBooking'] & { checkedIn: boolean; displayName: string };
  const bookings = useSignal<View[]>([]);
  const load = () =>
    api.GET('/v1/fairs/{fairId}/booths/mine', { params: { path: { fairId } } }).then(({ data }) => {
      bookings.value = data?.bookings ?? [];
    });
  useSignalEffect(() => {
    void load();
  });
  return (
    <>
      <h3>{t('booths.bookings')}</h3>
      {bookings.value.length === 0 && <p>{t('booths.bookings.none')}</p>}
      <ul class="plain">
        {bookings.value.map((b) => (
          <li key={b.graduateId}>
            <time dateTime={b.startsAt}>{slotTime(b.startsAt)}</time> {b.displayName} —{' '}
            <span class={b.checkedIn ? 'tag status-offer' : 'tag'}>
              {b.checkedIn ? `✓ ${t('booths.checkedIn')}` : t('booths.notCheckedIn')}
            </span>
          </li>
        ))}
      </ul>
      <CheckInForm fairId={fairId} onDone={() => void load()} />
    </>
  );
}

function RegisterBooth({ fairs, onDone }: { fairs: Fair[]; onDone: () => Promise<void> }) {
  const fairId = useSignal('');
  const jobs = useSignal<Job[]>([]);
  const chosen = useSignal<ReadonlySet<string>>(new Set());
  const city = useSignal('');
  const sector = useSignal('');
  const slots = useSignal<Slot[]>([]);
  const failure = useSignal<string | null>(null);
  useSignalEffect(() => {
    void api.GET('/v1/employers/me/jobs', { params: { query: { limit: 100 } } }).then(({ data }) => {
      jobs.value = (data?.items ?? []).filter((job) => job.status === 'open');
    });
  });
  const fair = fairs.find((f) => f.fairId === fairId.value);
  const cities = fair && fair.format === 'on-site' ? fair.venues.map((v) => v.cityCode) : CITIES;
  const submit = async (event: Event) => {
    event.preventDefault();
    const { data, error } = await api.POST('/v1/fairs/{fairId}/booths', {
      params: { path: { fairId: fairId.value } },
      body: {
        jobIds: [...chosen.value],
        cityCode: city.value as (typeof CITIES)[number],
        ...(sector.value ? { sector: sector.value } : {}),
        // A datetime-local value has no zone: the booth's clock is China Standard Time.
        slots: slots.value.map((s) => ({ startsAt: `${s.startsAt}:00+08:00`, capacity: s.capacity })),
      },
    });
    if (data) {
      failure.value = null;
      await onDone();
      return;
    }
    failure.value = t('booths.failed', { reason: (error as { detail?: string } | undefined)?.detail ?? '' });
  };
  const setSlot = (i: number, change: Partial<Slot>) => {
    slots.value = slots.value.map((s, j) => (i === j ? { ...s, ...change } : s));
  };
  return (
    <form onSubmit={submit}>
      <h2>{t('booths.register')}</h2>
      {failure.value && (
        <p class="error-summary" role="alert">
          {failure.value}
        </p>
      )}
      <label for="booth-fair">{t('booths.fair')}</label>
      <select
        id="booth-fair"
        required
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
        {jobs.value.length === 0 && <p>{t('booths.jobs.none')}</p>}
        {jobs.value.map((job) => (
          <label class="choice" key={job.jobId}>
            <input
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
        required
        value={city.value}
        onChange={(e) => {
          city.value = e.currentTarget.value;
        }}
      >
        <option value="" />
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
              required
              value={slot.startsAt}
              onInput={(e) => setSlot(i, { startsAt: e.currentTarget.value })}
            />
            <label for={`slot-capacity-${i}`}>{t('booths.slot.capacity', { n: i + 1 })}</label>
            <input
              id={`slot-capacity-${i}`}
              type="number"
              min={1}
              max={50}
              required
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
      <button type="submit" class="button primary wide">
        {t('booths.submit')}
      </button>
    </form>
  );
}
