import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { api } from '../../api/client.ts';
import { useTitle } from '../../components/title.ts';
import { ErrorSummary, type FieldErrors } from '../../components/error-summary.tsx';
import { apiErrors } from '../../issuer/problem.ts';
import { TemplateChoice } from '../../issuer/template-choice.tsx';
import { loadMyTemplates } from '../../issuer/templates.ts';
import { t } from '../../i18n.ts';

type HolderKind = 'graduate' | 'named';
interface Form {
  templateId: string;
  holderKind: HolderKind;
  graduateId: string;
  subjectId: string;
  name: string;
  email: string;
  grade: string;
  validUntil: string;
}
const EMPTY: Omit<Form, 'templateId'> = {
  holderKind: 'graduate',
  graduateId: '',
  subjectId: '',
  name: '',
  email: '',
  grade: '',
  validUntil: '',
};

function problemsOf(f: Form): FieldErrors {
  const found: FieldErrors = {};
  if (f.holderKind === 'graduate' && !f.graduateId.trim()) found.graduateId = t('issuer.issue.error.graduateId');
  if (f.holderKind === 'named') {
    if (!f.subjectId.trim()) found.subjectId = t('issuer.issue.error.subjectId');
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(f.email.trim())) found.email = t('issuer.issue.error.email');
  }
  return found;
}

/** Sign one credential for one learner: a graduate here by their id, or anyone by the issuer's own identifier. */
export default function IssuePage() {
  useTitle(() => t('issuer.issue.title'));
  const form = useSignal<Form>({ templateId: '', ...EMPTY });
  const errors = useSignal<FieldErrors>({});
  const issued = useSignal<{ id: string; verifyUrl: string } | null>(null);
  const busy = useSignal(false);
  useEffect(() => {
    void loadMyTemplates();
  }, []);
  const value = form.value;
  const update = (patch: Partial<Form>) => {
    form.value = { ...form.peek(), ...patch };
  };

  async function submit(event: Event) {
    event.preventDefault();
    const found = problemsOf(value);
    errors.value = found;
    if (Object.keys(found).length > 0) {
      document.getElementById('error-summary')?.focus();
      return;
    }
    busy.value = true;
    try {
      const { data, error } = await api.POST('/v1/credentials', {
        body: {
          templateId: value.templateId,
          holder:
            value.holderKind === 'graduate'
              ? { graduateId: value.graduateId.trim() }
              : {
                  subjectId: value.subjectId.trim(),
                  email: value.email.trim(),
                  ...(value.name.trim() ? { name: value.name.trim() } : {}),
                },
          ...(value.grade.trim() ? { grade: value.grade.trim() } : {}),
          ...(value.validUntil ? { validUntil: `${value.validUntil}T23:59:59Z` } : {}),
        },
      });
      if (data) issued.value = { id: data.id, verifyUrl: data.verifyUrl };
      else errors.value = { save: t('issuer.error.rejected'), ...apiErrors(error) };
    } catch {
      errors.value = { save: t('common.error.network') };
    } finally {
      busy.value = false;
    }
  }

  if (issued.value) {
    const link = new URL(issued.value.verifyUrl);
    return (
      <section class="issuer">
        <h1>{t('issuer.issue.title')}</h1>
        <p class="notice ok" role="status">
          {t('issuer.issue.done', { id: issued.value.id })}
        </p>
        <p>
          <a href={`/check${link.search}${link.hash}`}>{t('issuer.issue.check')}</a>
        </p>
        <button
          type="button"
          class="button primary wide"
          onClick={() => {
            issued.value = null;
            form.value = { templateId: value.templateId, ...EMPTY };
          }}
        >
          {t('issuer.issue.another')}
        </button>
      </section>
    );
  }

  const input = (
    field: 'graduateId' | 'subjectId' | 'name' | 'email' | 'grade',
    label: Parameters<typeof t>[0],
    hint?: Parameters<typeof t>[0],
  ) => (
    <>
      <label for={field}>{t(label)}</label>
      {hint && (
        <p class="hint" id={`${field}-hint`}>
          {t(hint)}
        </p>
      )}
      <input
        id={field}
        inputMode={field === 'email' ? 'email' : undefined}
        autoComplete="off"
        aria-describedby={hint ? `${field}-hint` : undefined}
        aria-invalid={errors.value[field] ? true : undefined}
        value={value[field]}
        onInput={(e) => update({ [field]: e.currentTarget.value })}
      />
    </>
  );

  return (
    <section class="issuer">
      <h1>{t('issuer.issue.title')}</h1>
      <p class="lead">{t('issuer.issue.lead')}</p>
      <TemplateChoice value={value.templateId} onChange={(templateId) => update({ templateId })}>
        <ErrorSummary errors={errors.value} />
        <form onSubmit={submit} noValidate>
          <fieldset>
            <legend>{t('issuer.issue.to')}</legend>
            {(['graduate', 'named'] as const).map((kind) => (
              <label class="choice" key={kind}>
                <input
                  type="radio"
                  name="holderKind"
                  value={kind}
                  checked={value.holderKind === kind}
                  onChange={() => update({ holderKind: kind })}
                />
                {t(kind === 'graduate' ? 'issuer.issue.to.graduate' : 'issuer.issue.to.named')}
              </label>
            ))}
          </fieldset>
          <fieldset>
            {value.holderKind === 'graduate' ? (
              input('graduateId', 'issuer.issue.graduateId', 'issuer.issue.graduateId.hint')
            ) : (
              <>
                {input('subjectId', 'issuer.issue.subjectId', 'issuer.issue.subjectId.hint')}
                {input('name', 'issuer.issue.name')}
                {input('email', 'issuer.issue.email')}
              </>
            )}
            {input('grade', 'issuer.issue.grade')}
            <label for="validUntil">{t('issuer.issue.validUntil')}</label>
            <input
              id="validUntil"
              type="date"
              value={value.validUntil}
              onInput={(e) => update({ validUntil: e.currentTarget.value })}
            />
          </fieldset>
          <button type="submit" class="button primary wide" disabled={busy.value}>
            {t('issuer.issue.submit')}
          </button>
        </form>
      </TemplateChoice>
    </section>
  );
}
