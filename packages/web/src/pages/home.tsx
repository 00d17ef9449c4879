import { hasRole, session } from '../auth.ts';
import { useTitle } from '../components/title.ts';
import { t } from '../i18n.ts';
import { route } from '../router.ts';

export default function Home() {
  useTitle(() => t('home.title'));
  const graduate = session.value && hasRole('graduate');
  return (
    <section>
      {route.value.query.get('erased') && (
        <p class="notice ok" role="status">
          {t('account.erased')}
        </p>
      )}
      <h1>{t('home.heading')}</h1>
      <p class="lead">{t('home.lead')}</p>
      <div class="cards">
        <article class="card">
          <h2>{t('home.graduates.title')}</h2>
          <p>{t('home.graduates.body')}</p>
          <a class="button primary" href={graduate ? '/matches' : '/sign-in?next=%2Fmatches'} data-app>
            {t(graduate ? 'home.graduates.open' : 'home.graduates.start')}
          </a>
        </article>
        <article class="card">
          <h2>{t('home.verifiers.title')}</h2>
          <p>{t('home.verifiers.body')}</p>
          <a class="button" href="/check" data-app>
            {t('home.verifiers.start')}
          </a>
        </article>
      </div>
    </section>
  );
}
