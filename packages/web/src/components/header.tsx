import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { session } from '../auth.ts';
import { locale, setLocale, t } from '../i18n.ts';
import { NAV, type NavEntry } from '../nav.ts';
import { route } from '../router.ts';
import { signOut } from '../sign-in.ts';

/**
 * The site header: brand, language and sign-in in one bar, then the role's pages. On a phone the pages fold into a
 * disclosure menu (a button with aria-expanded; CSS shows the list only when open), which closes on navigation and
 * on Escape; on a wide screen the button is hidden and the list always shows.
 */
export function Header() {
  const current = route.value.path;
  const open = useSignal(false);
  // Any navigation closes the menu: a link in it, the back button, or a page's own link.
  useEffect(() => {
    open.value = false;
  }, [route.value.visit, route.value.path]);
  // The signed-in person's own roles only: an admin's token opens every page, but its header stays short.
  const nav: readonly NavEntry[] = [
    ...(session.value?.roles.flatMap((role) => NAV[role]) ?? []),
    ['/check', 'nav.check'],
    ['/insights', 'nav.insights'],
    ['/standards', 'nav.standards'],
    ['/careers', 'nav.careers'],
  ];
  const other = locale.value === 'en' ? 'zh' : 'en';
  return (
    <header class="site-header">
      <div class="bar">
        <a class="brand" href="/" data-app>
          {t('common.brand')}
        </a>
        <button type="button" class="link-button" onClick={() => void setLocale(other).catch(() => undefined)}>
          <span lang={other === 'zh' ? 'zh-CN' : 'en'}>{t('common.otherLanguage')}</span>
          <span class="visually-hidden">{t('common.switchLanguage')}</span>
        </button>
        {session.value ? (
          <button type="button" class="link-button" onClick={signOut}>
            {t('common.signOut')}
          </button>
        ) : (
          <a class="link-button" href="/sign-in" data-app>
            {t('common.signIn')}
          </a>
        )}
      </div>
      <nav
        aria-label={t('nav.label')}
        data-open={open.value ? 'true' : 'false'}
        onKeyDown={(event) => {
          if (event.key !== 'Escape' || !open.value) return;
          open.value = false;
          (event.currentTarget.querySelector('.menu-button') as HTMLElement | null)?.focus();
        }}
      >
        <button
          type="button"
          class="menu-button"
          aria-expanded={open.value ? 'true' : 'false'}
          aria-controls="site-nav"
          onClick={() => (open.value = !open.value)}
        >
          <span aria-hidden="true">{open.value ? '✕' : '☰'} </span>
          {t('nav.menu')}
        </button>
        <ul id="site-nav">
          {nav.map(([href, key]) => (
            <li key={href}>
              <a href={href} data-app aria-current={current === href ? 'page' : undefined}>
                {t(key)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
