import { Skeleton } from '../components/skeleton.tsx';
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { sessionFromTokens, startSession } from '../auth.ts';
import { useTitle } from '../components/title.ts';
import { t } from '../i18n.ts';
import { completeSignIn } from '../pkce.ts';
import { navigate, route } from '../router.ts';
import { authConfig } from '../sign-in.ts';

/** Cognito managed login returns here with ?code&state (the callback URL registered on the app client). */
export default function SignedIn() {
  useTitle(() => t('signIn.title'));
  const failed = useSignal(false);
  useEffect(() => {
    const query = route.value.query;
    authConfig()
      .then(async (config) => {
        if (config.provider !== 'cognito') throw new Error('not cognito');
        const { tokens, returnTo } = await completeSignIn(config, query);
        startSession(sessionFromTokens(tokens, config));
        navigate(returnTo, { replace: true });
      })
      .catch(() => {
        failed.value = true;
      });
  }, []);
  return (
    <section>
      <h1>{t('signIn.title')}</h1>
      {failed.value ? (
        <div class="error-summary" role="alert">
          <p>{t('signIn.error.callback')}</p>
          <a href="/sign-in" data-app>
            {t('common.tryAgain')}
          </a>
        </div>
      ) : (
        <Skeleton />
      )}
    </section>
  );
}
