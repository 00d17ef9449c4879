import { useSignalEffect } from '@preact/signals';
import { t } from '../i18n.ts';

/** The document title follows the page and the language: "Matches · skillpass". */
export function useTitle(title: () => string): void {
  useSignalEffect(() => {
    document.title = `${title()} · ${t('common.brand')}`;
  });
}
