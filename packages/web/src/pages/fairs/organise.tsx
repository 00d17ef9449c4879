import { useSignal, useSignalEffect } from '@preact/signals';
import { api } from '../../api/client.ts';
import type { components } from '../../api/schema.d.ts';
import { useTitle } from '../../components/title.ts';
import { CITIES, cityName } from '../../graduate/places.ts';
import { pick, t } from '../../i18n.ts';
import { type Fair, FairFacts } from './fair-summary.tsx';

type FairInput = components['schemas']['Fair'];
type Venue = FairInput['venues'][number];
type Session = FairInput['sessions'][number];

/** The organiser's fairs with links to their reports, and the form that creates one. */
export default function Organise() {
  useTitle(() => t('organise.title'));
  const fairs = useSignal<Fair[] | null>(null);
  const load = () =>
    api.GET('/v1/organisers/me/fairs').then(({ data }) => {
      fairs.value = data?.items ?? [];
    });
  useSignalEffect(() => {
    void load();
  });
  return (
    <section>
      <h1>{t('organise.title')}</h1>
      <h2>{t('organise.mine')}</h2>
      {fairs.value?.length === 0 && <p>{t('organise.none')}</p>}
      <ul class="plain">
        {fairs.value?.map((fair) => (
          <li class="card" key={fair.fairId}>
            <h3>{pick(fair.title)}</h3>
            <FairFacts fair={fair} />
            <a class="button" href={`/fairs/${encodeURIComponent(fair.fairId)}/report`} data-app>
              {t('organise.report')}
            </a>
          </li>
        ))}
      </ul>
      <CreateFair onCreated={load} />
    </section>
  );
}

function CreateFair({ onCreated }: { onCreated: () => Promise<void> }) {
  const titleEn = useSignal('');
  const titleZh = useSignal('');
  const startsOn = useSignal('');
  const endsOn = useSignal('');
  const format = useSignal<'online' | 'on-site'>('on-site');
  const venues = useSignal<Venue[]>([{ cityCode: '310000', name: '' }]);
  const sessions = useSignal<Session[]>([]);
  const message = useSignal<{ ok: boolean; text: string } | null>(null);
  const submit = async (event: Event) => {
    event.preventDefault();
    const { data, error } = await api.POST('/v1/fairs', {
      body: {
        title: { en: titleEn.value, zh: titleZh.value },
        startsOn: startsOn.value,
        endsOn: endsOn.value,
        format: format.value,
        venues: format.value === 'on-site' ? venues.value : [],
        sessions: sessions.value,
      },
    });
    if (data) {
      message.value = { ok: true, text: t('organise.created') };
      await onCreated();
      return;
    }
    const fields = (error as { errors?: Array<{ path: string }> } | undefined)?.errors?.map((e) => e.path) ?? [];
    message.value = { ok: false, text: t('organise.invalid', { fields: fields.join(', ') }) };
  };
  const text = (id: string, label: string, value: string, set: (v: string) => void, date = false) => {
    const onInput = (e: { currentTarget: HTMLInputElement }) => set(e.currentTarget.value);
    return (
      <>
        <label for={id}>{label}</label>
        {date ? (
          <input id={id} type="date" required value={value} onInput={onInput} />
        ) : (
          <input id={id} required value={value} onInput={onInput} />
        )}
      </>
    );
  };
  const setVenue = (i: number, change: Partial<Venue>) => {
    venues.value = venues.value.map((v, j) => (i === j ? { ...v, ...change } : v));
  };
  const setSession = (i: number, change: Partial<Session>) => {
    sessions.value = sessions.value.map((s, j) => (i === j ? { ...s, ...change } : s));
  };
  return (
    <form onSubmit={submit}>
      <h2>{t('organise.create')}</h2>
      {message.value && (
        <p class={message.value.ok ? 'notice ok' : 'error-summary'} role="status">
          {message.value.text}
        </p>
      )}
      {text('fair-title-en', t('organise.titleEn'), titleEn.value, (v) => {
        titleEn.value = v;
      })}
      {text('fair-title-zh', t('organise.titleZh'), titleZh.value, (v) => {
        titleZh.value = v;
      })}
      {text(
        'fair-starts',
        t('organise.startsOn'),
        startsOn.value,
        (v) => {
          startsOn.value = v;
        },
        true,
      )}
      {text(
        'fair-ends',
        t('organise.endsOn'),
        endsOn.value,
        (v) => {
          endsOn.value = v;
        },
        true,
      )}
      <fieldset>
        <legend>{t('organise.format')}</legend>
        {(['on-site', 'online'] as const).map((f) => (
          <label class="choice" key={f}>
            <input
              type="radio"
              name="fair-format"
              checked={format.value === f}
              onChange={() => {
                format.value = f;
              }}
            />
            {t(f === 'online' ? 'fairs.format.online' : 'fairs.format.on-site')}
          </label>
        ))}
      </fieldset>
      {format.value === 'on-site' && (
        <fieldset>
          <legend>{t('fairs.venues')}</legend>
          {venues.value.map((venue, i) => (
            <div key={i}>
              <label for={`venue-city-${i}`}>{t('organise.venue.city', { n: i + 1 })}</label>
              <select
                id={`venue-city-${i}`}
                value={venue.cityCode}
                onChange={(e) => setVenue(i, { cityCode: e.currentTarget.value as Venue['cityCode'] })}
              >
                {CITIES.map((city) => (
                  <option key={city} value={city}>
                    {cityName(city)}
                  </option>
                ))}
              </select>
              {text(`venue-name-${i}`, t('organise.venue.name', { n: i + 1 }), venue.name, (name) =>
                setVenue(i, { name }),
              )}
              <button
                type="button"
                class="button small"
                onClick={() => {
                  venues.value = venues.value.filter((_, j) => j !== i);
                }}
              >
                {t('organise.remove')}
              </button>
            </div>
          ))}
          <button
            type="button"
            class="button"
            onClick={() => {
              venues.value = [...venues.value, { cityCode: '310000', name: '' }];
            }}
          >
            {t('organise.venue.add')}
          </button>
        </fieldset>
      )}
      <fieldset>
        <legend>{t('fairs.sessions')}</legend>
        {sessions.value.map((session, i) => (
          <div key={i}>
            {text(`session-sector-${i}`, t('organise.session.sector', { n: i + 1 }), session.sector, (sector) =>
              setSession(i, { sector }),
            )}
            <p class="hint">{t('organise.session.sector.hint')}</p>
            {text(`session-en-${i}`, t('organise.session.en', { n: i + 1 }), session.title.en, (en) =>
              setSession(i, { title: { ...session.title, en } }),
            )}
            {text(`session-zh-${i}`, t('organise.session.zh', { n: i + 1 }), session.title.zh, (zh) =>
              setSession(i, { title: { ...session.title, zh } }),
            )}
          </div>
        ))}
        <button
          type="button"
          class="button"
          onClick={() => {
            sessions.value = [...sessions.value, { sector: '', title: { en: '', zh: '' } }];
          }}
        >
          {t('organise.session.add')}
        </button>
      </fieldset>
      <button type="submit" class="button primary wide">
        {t('organise.submit')}
      </button>
    </form>
  );
}
