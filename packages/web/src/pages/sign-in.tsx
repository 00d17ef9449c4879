import { Skeleton } from '../components/skeleton.tsx';
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { ROLES, type Role } from '../auth.ts';
import { useTitle } from '../components/title.ts';
import { t } from '../i18n.ts';
import { HOME } from '../nav.ts';
import type { MessageKey } from '../messages/en/index.ts';
import { navigate, route } from '../router.ts';
import { type AuthConfig, authConfig, cognitoSignIn, devSignIn } from '../sign-in.ts';

const ROLE_LABELS: Record<Role, MessageKey> = {
  graduate: 'signIn.role.graduate',
  employer: 'signIn.role.employer',
  issuer: 'signIn.role.issuer',
  organiser: 'signIn.role.organiser',
  admin: 'signIn.role.admin',
};

/** Only same-app paths: `next` never sends anyone to another site. */
export function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export default function SignIn() {
  useTitle(() => t('signIn.title'));
  const config = useSignal<AuthConfig | null>(null);
  const failed = useSignal<MessageKey | null>(null);
  const role = useSignal<Role>('graduate');
  const name = useSignal('');
  const busy = useSignal(false);
  const next = safeNext(route.value.query.get('next'));

  useEffect(() => {
    authConfig().then(
      (value) => {
        config.value = value;
      },
      () => {
        failed.value = 'common.error.network';
      },
    );
  }, []);

  async function submit(event: Event) {
    event.preventDefault();
    if (!name.value.trim()) {
      failed.value = 'signIn.error.name';
      document.getElementById('name')?.focus();
      return;
    }
    busy.value = true;
    failed.value = null;
    try {
      await devSignIn(role.value, name.value.trim());
      navigate(next === '/' ? HOME[role.value] : next);
    } catch {
      failed.value = 'signIn.error.failed';
    } finally {
      busy.value = false;
    }
  }

  return (
    <section class="narrow">
      <h1>{t('signIn.title')}</h1>
      {failed.value && (
        <div class="error-summary" role="alert">
          <p>{t(failed.value)}</p>
        </div>
      )}
      {config.value?.provider === 'cognito' && (
        <>
          <p>{t('signIn.cognito.body')}</p>
          <button type="button" class="button primary" onClick={() => void cognitoSignIn(next)}>
            {t('signIn.cognito.button')}
          </button>
        </>
      )}
      {config.value?.provider === 'local' && (
        <form onSubmit={submit} noValidate>
          <p>{t('signIn.local.body')}</p>
          <fieldset>
            <legend>{t('signIn.role.legend')}</legend>
            {ROLES.map((value) => (
              <label class="choice" key={value}>
                <input
                  type="radio"
                  name="role"
                  value={value}
                  checked={role.value === value}
                  onChange={() => {
                    role.value = value;
                  }}
                />
                {t(ROLE_LABELS[value])}
              </label>
            ))}
          </fieldset>
          <label for="name">{t('signIn.name.label')}</label>
          <p class="hint" id="name-hint">
            {t('signIn.name.hint')}
          </p>
          <input
            id="name"
            name="name"
            autoComplete="username"
            aria-describedby="name-hint"
            aria-invalid={failed.value === 'signIn.error.name' ? true : undefined}
            value={name.value}
            onInput={(event) => {
              name.value = event.currentTarget.value;
            }}
          />
          <button type="submit" class="button primary" disabled={busy.value}>
            {t('common.signIn')}
          </button>
        </form>
      )}
      {!config.value && !failed.value && <Skeleton />}
    </section>
  );
}
