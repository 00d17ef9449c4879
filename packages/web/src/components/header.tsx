import { session } from '../auth.ts';
import { locale, setLocale, t } from '../i18n.ts';
import { NAV, type NavEntry } from '../nav.ts';
import { route } from '../router.ts';
import { signOut } from '../sign-in.ts';

export function Header() {
  const current = route.value.path;
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
      <nav aria-label={t('nav.label')}>
        <ul>
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
