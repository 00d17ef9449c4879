import { useSignal, useSignalEffect } from '@preact/signals';
import { api } from '../../api/client.ts';
import { Skeleton } from '../../components/skeleton.tsx';
import { useTitle } from '../../components/title.ts';
import { pick, t } from '../../i18n.ts';
import { type Fair, FairFacts } from './fair-summary.tsx';

/** Every fair, newest first, the ones I registered for marked. */
export default function FairsList() {
  useTitle(() => t('fairs.title'));
  const fairs = useSignal<Fair[] | null | 'failed'>(null);
  const mine = useSignal<ReadonlySet<string>>(new Set());
  useSignalEffect(() => {
    api.GET('/v1/fairs').then(
      ({ data }) => {
        fairs.value = data?.items ?? 'failed';
      },
      () => {
        fairs.value = 'failed';
      },
    );
    void api.GET('/v1/profiles/me/fairs').then(({ data }) => {
      mine.value = new Set(data?.items.map((r) => r.fairId));
    });
  });
  const value = fairs.value;
  return (
    <section>
      <h1>{t('fairs.title')}</h1>
      <p class="lead">{t('fairs.lead')}</p>
      {value === null && <Skeleton list />}
      {value === 'failed' && <p role="alert">{t('common.error.network')}</p>}
      {Array.isArray(value) && value.length === 0 && <p>{t('fairs.empty')}</p>}
      {Array.isArray(value) && (
        <ul class="plain">
          {value.map((fair) => (
            <li class="card" key={fair.fairId}>
              <h2>
                <a href={`/fairs/${encodeURIComponent(fair.fairId)}`} data-app>
                  {pick(fair.title)}
                </a>
              </h2>
              {mine.value.has(fair.fairId) && <span class="tag status-offer">✓ {t('fairs.registered')}</span>}
              <FairFacts fair={fair} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
