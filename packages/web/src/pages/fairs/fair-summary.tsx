import type { components } from '../../api/schema.d.ts';
import { formatDate, locale, pick, t } from '../../i18n.ts';
import { cityName } from '../../graduate/places.ts';

export type Fair = components['schemas']['Fair'];

/** An interview slot's start in China Standard Time, where every Delta venue is, whatever the reader's clock says. */
export function slotTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale.value === 'zh' ? 'zh-CN' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Asia/Shanghai',
  }).format(date);
}

/** A fair's dates, format, venues and sessions: what every fair page shows under its title. */
export function FairFacts({ fair }: { fair: Fair }) {
  return (
    <>
      <p class="meta">
        {t('fairs.dates', { from: formatDate(fair.startsOn), to: formatDate(fair.endsOn) })} ·{' '}
        {t(fair.format === 'online' ? 'fairs.format.online' : 'fairs.format.on-site')}
      </p>
      {fair.venues.length > 0 && (
        <p>
          {t('fairs.venues')}: {fair.venues.map((v) => `${cityName(v.cityCode)} · ${v.name}`).join('; ')}
        </p>
      )}
      {fair.sessions.length > 0 && (
        <ul class="tags" aria-label={t('fairs.sessions')}>
          {fair.sessions.map((s) => (
            <li class="tag" key={s.sector}>
              {pick(s.title)}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
