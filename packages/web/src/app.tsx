import { Skeleton } from './components/skeleton.tsx';
import { useSignal, useSignalEffect } from '@preact/signals';
import type { ComponentType } from 'preact';
import { hasRole, session } from './auth.ts';
import { Header } from './components/header.tsx';
import { t } from './i18n.ts';
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
  const needsGraduate = useSignal(false);

  useSignalEffect(() => {
    const { path, visit } = route.value;
    for (const candidate of ROUTES) {
      const params = matchPath(candidate.pattern, path);
      if (!params) continue;
      found.value = true;
      failed.value = false;
      needsGraduate.value = candidate.graduate === true;
      const ready = loaded.get(candidate.pattern);
      if (ready) {
        page.value = { Component: ready, params, visit };
        return;
      }
      page.value = null;
      candidate.load().then(
        (module) => {
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
  else if (needsGraduate.value && !(session.value && hasRole('graduate')))
    content = <SignInFirst signedIn={session.value !== null} />;
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

function SignInFirst({ signedIn }: { signedIn: boolean }) {
  const next = encodeURIComponent(route.value.path + (route.value.query.size ? `?${route.value.query}` : ''));
  return (
    <section>
      <h1>{t(signedIn ? 'common.graduateOnly.title' : 'common.signInFirst.title')}</h1>
      <p>{t(signedIn ? 'common.graduateOnly.body' : 'common.signInFirst.body')}</p>
      <a class="button primary" href={`/sign-in?next=${next}`} data-app>
        {t('common.signIn')}
      </a>
    </section>
  );
}
