import { Skeleton } from './components/skeleton.tsx';
import { useSignal, useSignalEffect } from '@preact/signals';
import type { ComponentType } from 'preact';
import { hasRole, type Role, session } from './auth.ts';
import { Header } from './components/header.tsx';
import { loadCatalogue, locale, t } from './i18n.ts';
import type { MessageKey } from './messages/en/index.ts';
import { matchPath, route } from './router.ts';
import type { PageProps } from './page-props.ts';
import { ROUTES } from './routes.ts';

const loaded = new Map<string, ComponentType<PageProps>>();

export function App() {
  const page = useSignal<{
    Component: ComponentType<PageProps>;
    params: Record<string, string>;
    visit: number;
  } | null>(null);
  const failed = useSignal(false);
  const found = useSignal(true);
  const needsRole = useSignal<Role | undefined>(undefined);

  useSignalEffect(() => {
    const { path, visit } = route.value;
    for (const candidate of ROUTES) {
      const params = matchPath(candidate.pattern, path);
      if (!params) continue;
      found.value = true;
      failed.value = false;
      needsRole.value = candidate.role;
      const ready = loaded.get(candidate.pattern);
      if (ready) {
        page.value = { Component: ready, params, visit };
        return;
      }
      page.value = null;
      Promise.all([candidate.load(), loadCatalogue(locale.peek())]).then(
        ([module]) => {
          loaded.set(candidate.pattern, module.default);
          if (route.peek().visit === visit && route.peek().path === path)
            page.value = { Component: module.default, params, visit };
        },
        () => {
          failed.value = true;
        },
      );
      return;
    }
    found.value = false;
  });

  let content = null;
  if (!found.value) content = <Message title={t('common.notFound.title')} body={t('common.notFound.body')} />;
  else if (failed.value) content = <Message title={t('common.loadFailed.title')} body={t('common.loadFailed.body')} />;
  else if (needsRole.value && !(session.value && hasRole(needsRole.value)))
    content = <SignInFirst role={needsRole.value} signedIn={session.value !== null} />;
  else if (page.value) content = <page.value.Component key={page.value.visit} params={page.value.params} />;
  else content = <Skeleton />;

  return (
    <>
      <a class="skip" href="#main">
        {t('common.skip')}
      </a>
      <Header />
      <main id="main" tabIndex={-1}>
        {content}
      </main>
      <footer class="site-footer">
        <p>{t('common.footer.esco')}</p>
      </footer>
    </>
  );
}

function Message({ title, body }: { title: string; body: string }) {
  return (
    <section>
      <h1>{title}</h1>
      <p>{body}</p>
      <p>
        <a href="/" data-app>
          {t('common.home')}
        </a>
      </p>
    </section>
  );
}

const ROLE_ONLY: Record<Role, readonly [MessageKey, MessageKey]> = {
  graduate: ['common.graduateOnly.title', 'common.graduateOnly.body'],
  employer: ['common.employerOnly.title', 'common.employerOnly.body'],
  issuer: ['common.issuerOnly.title', 'common.issuerOnly.body'],
  organiser: ['common.organiserOnly.title', 'common.organiserOnly.body'],
  admin: ['common.adminOnly.title', 'common.adminOnly.body'],
};

function SignInFirst({ role, signedIn }: { role: Role; signedIn: boolean }) {
  const [title, body] = signedIn ? ROLE_ONLY[role] : (['common.signInFirst.title', 'common.signInFirst.body'] as const);
  const next = encodeURIComponent(route.value.path + (route.value.query.size ? `?${route.value.query}` : ''));
  return (
    <section>
      <h1>{t(title)}</h1>
      <p>{t(body)}</p>
      <a class="button primary" href={`/sign-in?next=${next}`} data-app>
        {t('common.signIn')}
      </a>
    </section>
  );
}
