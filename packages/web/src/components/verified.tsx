import { t } from '../i18n.ts';

/** "Verified": a skill a credential backs, marked with an icon and a word, never colour alone. */
export function VerifiedMark() {
  return (
    <span class="tag verified">
      <span aria-hidden="true">✔ </span>
      {t('verified.mark')}
    </span>
  );
}
