import { useSignal, useSignalEffect } from '@preact/signals';
import { api } from '../../api/client.ts';
import type { components } from '../../api/schema.d.ts';
import { useTitle } from '../../components/title.ts';
import { cityName } from '../../graduate/places.ts';
import { pick, t } from '../../i18n.ts';
import { BoothForm } from './booth-form.tsx';
import { CheckInForm } from './check-in-form.tsx';
import { type Fair, slotTime } from './fair-summary.tsx';

type Booth = components['schemas']['FairBooth'];

/** The employer's booths: each with its bookings and a check-in box, and the form that registers another. */
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
      <BoothForm fairs={fairs.value.filter((f) => !booths.value?.some((b) => b.fairId === f.fairId))} onDone={load} />
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
