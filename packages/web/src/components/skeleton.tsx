import { t } from '../i18n.ts';

/** A grey block where content will be, announced as loading to screen readers. */
export function Skeleton({ list }: { list?: boolean }) {
  return (
    <div class={list ? 'skeleton list' : 'skeleton'} role="status" aria-busy="true">
      <span class="visually-hidden">{t('common.loading')}</span>
    </div>
  );
}
