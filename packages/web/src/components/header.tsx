import { hasRole, session } from '../auth.ts';
import { locale, setLocale, t } from '../i18n.ts';
import type { MessageKey } from '../messages/en/index.ts';
import { route } from '../router.ts';
import { signOut } from '../sign-in.ts';

const GRADUATE_NAV: ReadonlyArray<[string, MessageKey]> = [
  ['/matches', 'nav.matches'],
  ['/profile', 'nav.profile'],
  ['/applications', 'nav.applications'],
  ['/notifications', 'nav.notifications'],
  ['/wallet', 'nav.wallet'],
  ['/account', 'nav.account'],
];

export function Header() {
  const current = route.value.path;
  const nav: ReadonlyArray<[string, MessageKey]> = [
    ...(session.value && hasRole('graduate') ? GRADUATE_NAV : []),
    ['/check', 'nav.check'],
  ];
  const other = locale.value === 'en' ? 'zh' : 'en';
  return (
    <header class="site-header">
      <div class="bar">
        <a class="brand" href="/" data-app>
          {t('common.brand')}
        </a>
        <button type="button" class="link-button" onClick={() => setLocale(other)}>
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
