import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { pick, t } from '../i18n.ts';
import type { MessageKey } from '../messages/en/index.ts';
import { publishedStandard } from './published.ts';

export type StandardFit = 'meets' | 'below' | 'unknown';

const ICONS: Record<StandardFit, string> = { meets: '✔', below: '✘', unknown: '?' };

/** A standard's title in the reader's language once read; its id until then. */
function useStandardTitle(standardId: string): string {
  const title = useSignal<{ en: string; zh?: string } | undefined>(undefined);
  useEffect(() => {
    void publishedStandard(standardId).then((found) => {
      title.value = found?.title;
    });
  }, [standardId]);
  return title.value ? pick(title.value) : standardId;
}

/**
 * The skill level a job asks for (a level of a shared standard), with how the graduate fits it when a match says so:
 * an icon and words, never colour alone. The standard's title links to its public page.
 */
export function StandardRequirement({
  standardId,
  level,
  fit,
}: {
  standardId: string;
  level: number;
  fit?: StandardFit;
}) {
  const title = useStandardTitle(standardId);
  const levelName = t(`check.chinaLevel.${level}` as MessageKey);
  if (!fit)
    return (
      <p data-standard={standardId}>
        <a href={`/standards/${encodeURIComponent(standardId)}`} data-app>
          {t('job.standard.of', { level: levelName, title })}
        </a>
      </p>
    );
  return (
    <p class={`standard-fit fit-${fit}`} data-standard={standardId} data-fit={fit}>
      <span aria-hidden="true">{ICONS[fit]} </span>
      {t(`matches.standard.${fit}`, { level: levelName, title })}
    </p>
  );
}
