import { useSignal, useSignalEffect } from '@preact/signals';
import { generate } from 'lean-qr';
import { useEffect, useRef } from 'preact/hooks';
import { api } from '../../api/client.ts';
import type { components } from '../../api/schema.d.ts';
import { Skeleton } from '../../components/skeleton.tsx';
import { useTitle } from '../../components/title.ts';
import { CITIES, cityName, provinceName } from '../../graduate/places.ts';
import { formatDateTime, formatNumber, pick, t } from '../../i18n.ts';
import type { PageProps } from '../../page-props.ts';
import { type Fair, FairFacts, slotTime } from './fair-summary.tsx';
import type { DeltaProvinceCode } from '@skillpass/domain/places';

type FairList = components['schemas']['FairList'];

/** A fair for a graduate: register, then the check-in code, the ranked booths and jobs, slots to book. */
export default function FairPage({ params }: PageProps) {
  const fairId = params.id!;
  const fair = useSignal<Fair | null | 'missing'>(null);
  const list = useSignal<FairList | null | 'unregistered'>(null);
  useTitle(() => (fair.value && fair.value !== 'missing' ? pick(fair.value.title) : t('fairs.title')));
  const loadList = async () => {
    const { data, response } = await api.GET('/v1/fairs/{fairId}/my-list', { params: { path: { fairId } } });
    list.value = data ?? (response.status === 404 ? 'unregistered' : null);
  };
  useSignalEffect(() => {
    void api.GET('/v1/fairs/{fairId}', { params: { path: { fairId } } }).then(({ data }) => {
      fair.value = data ?? 'missing';
    });
    void loadList();
  });
  const value = fair.value;
  if (value === 'missing') return <p role="alert">{t('fairs.notFound')}</p>;
  if (value === null) return <Skeleton list />;
  const mine = list.value;
  return (
    <section>
      <h1>{pick(value.title)}</h1>
      <FairFacts fair={value} />
      {mine === null && <Skeleton list />}
      {mine === 'unregistered' && <RegisterForm fairId={fairId} onDone={loadList} />}
      {mine && mine !== 'unregistered' && (
        <>
          <CheckInCode code={mine.registration.checkInCode} checkedInAt={mine.registration.checkedInAt} />
          <RankedBooths fairId={fairId} list={mine} onChange={loadList} />
          {!mine.registration.checkedInAt && <Withdraw fairId={fairId} onDone={loadList} />}
        </>
      )}
    </section>
  );
}

function RegisterForm({ fairId, onDone }: { fairId: string; onDone: () => Promise<void> }) {
  const home = useSignal('');
  const crossRegion = useSignal(false);
  const error = useSignal<string | null>(null);
  const busy = useSignal(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    busy.value = true;
    const { response } = await api.POST('/v1/fairs/{fairId}/registrations', {
      params: { path: { fairId } },
      body: { homeCityCode: home.value as (typeof CITIES)[number], crossRegion: crossRegion.value },
    });
    busy.value = false;
    if (response.ok) return onDone();
    error.value = response.status === 409 ? t('fair.register.needProfile') : t('fair.register.failed');
  };
  return (
    <form onSubmit={submit}>
      <h2>{t('fair.register.title')}</h2>
      {error.value && (
        <p class="error-summary" role="alert">
          {error.value}
        </p>
      )}
      <label for="fair-home">{t('fair.register.home')}</label>
      <p class="hint" id="fair-home-hint">
        {t('fair.register.home.hint')}
      </p>
      <select
        id="fair-home"
        required
        aria-describedby="fair-home-hint"
        value={home.value}
        onChange={(e) => {
          home.value = e.currentTarget.value;
        }}
      >
        <option value="" />
        {CITIES.map((city) => (
          <option key={city} value={city}>
            {cityName(city)}
          </option>
        ))}
      </select>
      <label class="choice">
        <input
          type="checkbox"
          checked={crossRegion.value}
          aria-describedby="fair-cross-hint"
          onChange={(e) => {
            crossRegion.value = e.currentTarget.checked;
          }}
        />
        {t('fair.register.crossRegion')}
      </label>
      <p class="hint" id="fair-cross-hint">
        {t('fair.register.crossRegion.hint')}
      </p>
      <button type="submit" class="button primary wide" disabled={busy.value}>
        {t('fair.register.submit')}
      </button>
    </form>
  );
}

function CheckInCode({ code, checkedInAt }: { code: string; checkedInAt?: string | undefined }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (canvas.current) generate(code).toCanvas(canvas.current);
  }, [code]);
  return (
    <div class="card">
      <h2>{t('fair.checkIn.title')}</h2>
      <p class="hint">{t('fair.checkIn.hint')}</p>
      <canvas ref={canvas} class="qr" role="img" aria-label={t('fair.checkIn.qr', { code })} />
      <p class="mono" data-testid="check-in-code">
        {code}
      </p>
      {checkedInAt && <p class="notice ok">✓ {t('fair.checkIn.done', { at: formatDateTime(checkedInAt) })}</p>}
    </div>
  );
}

/** Withdrawing is asked twice: it gives every booked interview place back and retires the check-in code. */
function Withdraw({ fairId, onDone }: { fairId: string; onDone: () => Promise<void> }) {
  const asking = useSignal(false);
  const failed = useSignal(false);
  const withdraw = async () => {
    const { response } = await api.DELETE('/v1/fairs/{fairId}/registrations/me', { params: { path: { fairId } } });
    failed.value = !response.ok;
    if (response.ok) await onDone();
  };
  return (
    <div class="card">
      <h2>{t('fair.withdraw.title')}</h2>
      {failed.value && (
        <p class="error-summary" role="alert">
          {t('fair.withdraw.failed')}
        </p>
      )}
      {asking.value ? (
        <>
          <p>{t('fair.withdraw.confirm')}</p>
          <button type="button" class="button danger" onClick={() => void withdraw()}>
            {t('fair.withdraw.yes')}
          </button>{' '}
          <button type="button" class="button secondary" onClick={() => (asking.value = false)}>
            {t('common.cancel')}
          </button>
        </>
      ) : (
        <button type="button" class="button secondary" onClick={() => (asking.value = true)}>
          {t('fair.withdraw.start')}
        </button>
      )}
    </div>
  );
}

function RankedBooths({ fairId, list, onChange }: { fairId: string; list: FairList; onChange: () => Promise<void> }) {
  const applied = useSignal<ReadonlySet<string>>(new Set());
  const failed = useSignal<string | null>(null);
  useSignalEffect(() => {
    void api.GET('/v1/profiles/me/applications', { params: { query: { limit: 100 } } }).then(({ data }) => {
      const here = (data?.items ?? []).filter((a) => a.fairId === fairId).map((a) => a.jobId);
      applied.value = new Set([...applied.peek(), ...here]);
    });
  });
  const provinces = list.provincesOfInterest.map((p) => provinceName(p as DeltaProvinceCode)).join(', ');
  const apply = async (jobId: string) => {
    const { response } = await api.POST('/v1/jobs/{id}/applications', {
      params: { path: { id: jobId } },
      body: { fairId },
    });
    if (response.ok) applied.value = new Set([...applied.value, jobId]);
    failed.value = response.ok ? null : t('fair.job.applyFailed');
  };
  const book = async (employerId: string, slotId: string) => {
    const { response } = await api.POST('/v1/fairs/{fairId}/bookings', {
      params: { path: { fairId } },
      body: { employerId, slotId },
    });
    failed.value = response.ok ? null : t('fair.slot.failed');
    await onChange();
  };
  const cancel = async (employerId: string) => {
    const { response } = await api.DELETE('/v1/fairs/{fairId}/bookings/{employerId}', {
      params: { path: { fairId, employerId } },
    });
    failed.value = response.ok ? null : t('fair.slot.cancelFailed');
    await onChange();
  };
  return (
    <>
      <h2>{t('fair.list.title')}</h2>
      <p class="hint">
        {provinces ? t('fair.list.regions', { provinces }) : t('fair.list.regions.none')}{' '}
        {list.registration.crossRegion
          ? t('fair.list.crossRegion.on')
          : list.boothsInOtherProvinces > 0 && t('fair.list.hidden', { count: list.boothsInOtherProvinces })}
      </p>
      {failed.value && (
        <p class="error-summary" role="alert">
          {failed.value}
        </p>
      )}
      {list.booths.length === 0 && <p>{t('fair.list.empty')}</p>}
      <ul class="plain">
        {list.booths.map((booth) => (
          <li class="card" key={booth.employerId}>
            <h3>{booth.employerName ?? booth.employerId}</h3>
            <p class="meta">
              {cityName(booth.cityCode)} · {t('fair.booth.score', { score: formatNumber(booth.score) })}
            </p>
            <ul class="plain">
              {booth.jobs.map((job) => (
                <li key={job.jobId}>
                  <a href={`/jobs/${encodeURIComponent(job.jobId)}`} data-app>
                    {job.title}
                  </a>{' '}
                  <span class="muted">
                    {job.placeName} · {formatNumber(job.score)}
                  </span>
                  <p class="hint">{job.summary}</p>
                  {applied.value.has(job.jobId) ? (
                    <p class="notice ok">✓ {t('fair.job.applied')}</p>
                  ) : (
                    <button type="button" class="button" onClick={() => void apply(job.jobId)}>
                      {t('fair.job.apply')}
                    </button>
                  )}
                </li>
              ))}
            </ul>
            {booth.slots.length > 0 && (
              <>
                <h4>{t('fair.slots')}</h4>
                <ul class="plain">
                  {booth.slots.map((slot) => {
                    const time = slotTime(slot.startsAt);
                    return (
                      <li key={slot.slotId}>
                        {slot.bookedByMe ? (
                          <>
                            <p class="notice ok">✓ {t('fair.slot.booked', { time })}</p>
                            <button
                              type="button"
                              class="button secondary"
                              onClick={() => void cancel(booth.employerId)}
                            >
                              {t('fair.slot.cancel', { time })}
                            </button>
                          </>
                        ) : slot.remaining > 0 ? (
                          <button type="button" class="button" onClick={() => void book(booth.employerId, slot.slotId)}>
                            {t('fair.slot.book', { time })} ({t('fair.slot.remaining', { count: slot.remaining })})
                          </button>
                        ) : (
                          <p class="muted">{t('fair.slot.full', { time })}</p>
                        )}
                      </li>
                    );
                  })}
                </ul>
              </>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
