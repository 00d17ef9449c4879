import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { api } from '../../api/client.ts';
import type { components } from '../../api/schema.d.ts';
import { Skeleton } from '../../components/skeleton.tsx';
import { useTitle } from '../../components/title.ts';
import { ErrorSummary, type FieldErrors } from '../../components/error-summary.tsx';
import { apiErrors } from '../../issuer/problem.ts';
import { formatDate, t } from '../../i18n.ts';
import type { MessageKey } from '../../messages/en/index.ts';

type Issuer = components['schemas']['Issuer'];
type Kind = Issuer['kind'];
type Accreditation = Issuer['accreditation'][number];
interface Form {
  nameEn: string;
  nameZh: string;
  kind: Kind;
  country: string;
  region: string;
  website: string;
  accreditation: Accreditation[];
}

const KINDS: Kind[] = ['school', 'training-centre', 'university', 'employer-assessor'];
const today = () => new Date().toISOString().slice(0, 10);

function formOf(issuer: Issuer | undefined): Form {
  return {
    nameEn: issuer?.legalName.en ?? '',
    nameZh: issuer?.legalName.zh ?? '',
    kind: issuer?.kind ?? 'school',
    country: issuer?.country ?? 'CN',
    region: issuer?.region ?? '',
    website: issuer?.website ?? '',
    accreditation: issuer?.accreditation ?? [],
  };
}

/** Where the organisation stands with verifiers: trusted while one accreditation is current. */
function AccreditationStatus({ saved }: { saved: Issuer | undefined }) {
  if (!saved)
    return (
      <p class="notice" role="status">
        {t('issuer.org.new')}
      </p>
    );
  const until = saved.accreditation.map((a) => a.validUntil).sort();
  const latest = until.at(-1);
  if (latest && latest >= today())
    return <p class="notice ok accredited">{t('issuer.org.accredited', { date: formatDate(latest) })}</p>;
  return (
    <p class="warning">
      {latest ? t('issuer.org.lapsed', { date: formatDate(latest) }) : t('issuer.org.unaccredited')}
    </p>
  );
}

export default function OrganisationPage() {
  useTitle(() => t('issuer.org.title'));
  const saved = useSignal<Issuer | undefined | null>(null);
  const form = useSignal<Form>(formOf(undefined));
  const draft = useSignal<Accreditation>({ by: '', scope: '', validUntil: '' });
  const errors = useSignal<FieldErrors>({});
  const done = useSignal(false);
  const busy = useSignal(false);

  useEffect(() => {
    api.GET('/v1/issuers/me').then(
      ({ data }) => {
        saved.value = data;
        form.value = formOf(data);
      },
      () => {
        errors.value = { save: t('common.error.network') };
        saved.value = undefined;
      },
    );
  }, []);

  if (saved.value === null) return <Skeleton />;
  const value = form.value;
  const update = (patch: Partial<Form>) => {
    form.value = { ...form.peek(), ...patch };
    done.value = false;
  };

  function addAccreditation() {
    const d = draft.value;
    if (!d.by.trim() || !d.scope.trim() || !/^\d{4}-\d{2}-\d{2}$/.test(d.validUntil) || d.validUntil < today()) {
      errors.value = { 'accreditation-by': t('issuer.org.error.accreditation') };
      return;
    }
    errors.value = {};
    update({
      accreditation: [...value.accreditation, { by: d.by.trim(), scope: d.scope.trim(), validUntil: d.validUntil }],
    });
    draft.value = { by: '', scope: '', validUntil: '' };
  }

  async function save(event: Event) {
    event.preventDefault();
    const found: FieldErrors = {};
    const check = (ok: boolean, field: string, key: MessageKey) => {
      if (!ok) found[field] = t(key);
    };
    check(value.nameEn.trim() !== '', 'nameEn', 'issuer.org.error.nameEn');
    check(/^[A-Z]{2}$/.test(value.country.trim()), 'country', 'issuer.org.error.country');
    check(value.region.trim() !== '', 'region', 'issuer.org.error.region');
    check(
      value.website.trim() === '' || /^https?:\/\/\S+\.\S+/.test(value.website.trim()),
      'website',
      'issuer.org.error.website',
    );
    errors.value = found;
    if (Object.keys(found).length > 0) return;
    busy.value = true;
    try {
      const { data, error } = await api.PUT('/v1/issuers/me', {
        body: {
          legalName: { en: value.nameEn.trim(), ...(value.nameZh.trim() ? { zh: value.nameZh.trim() } : {}) },
          kind: value.kind,
          country: value.country.trim(),
          region: value.region.trim(),
          ...(value.website.trim() ? { website: value.website.trim() } : {}),
          accreditation: value.accreditation,
        },
      });
      if (data) {
        saved.value = data;
        done.value = true;
      } else errors.value = { save: t('issuer.error.rejected'), ...apiErrors(error) };
    } catch {
      errors.value = { save: t('common.error.network') };
    } finally {
      busy.value = false;
    }
  }

  const input = (
    field: 'nameEn' | 'nameZh' | 'country' | 'region' | 'website',
    label: MessageKey,
    hint?: MessageKey,
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
        lang={field === 'nameZh' ? 'zh-CN' : undefined}
        aria-describedby={hint ? `${field}-hint` : undefined}
        aria-invalid={errors.value[field] ? true : undefined}
        value={value[field]}
        onInput={(e) => update({ [field]: e.currentTarget.value })}
      />
    </>
  );

  return (
    <section class="issuer">
      <h1>{t('issuer.org.title')}</h1>
      <p class="lead">{t('issuer.org.lead')}</p>
      <AccreditationStatus saved={saved.value} />
      <ErrorSummary errors={errors.value} />
      {done.value && (
        <p class="notice ok" role="status">
          {t('issuer.org.saved')}
        </p>
      )}
      <form onSubmit={save} noValidate>
        <fieldset>
          <legend>{t('issuer.org.about')}</legend>
          {input('nameEn', 'issuer.org.nameEn')}
          {input('nameZh', 'issuer.org.nameZh')}
          <label for="kind">{t('issuer.org.kind')}</label>
          <select id="kind" value={value.kind} onChange={(e) => update({ kind: e.currentTarget.value as Kind })}>
            {KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`issuer.org.kind.${kind}` as MessageKey)}
              </option>
            ))}
          </select>
          {input('country', 'issuer.org.country', 'issuer.org.country.hint')}
          {input('region', 'issuer.org.region')}
          {input('website', 'issuer.org.website')}
        </fieldset>
        <fieldset>
          <legend>{t('issuer.org.accreditation')}</legend>
          <p class="hint">{t('issuer.org.accreditation.hint')}</p>
          {value.accreditation.length === 0 && <p>{t('issuer.org.accreditation.none')}</p>}
          <ul class="plain">
            {value.accreditation.map((a, index) => (
              <li class="row" key={`${a.by}-${index}`}>
                <span class="grow">
                  {t('issuer.org.accreditation.entry', { by: a.by, scope: a.scope, date: formatDate(a.validUntil) })}
                </span>
                <button
                  type="button"
                  class="button small"
                  onClick={() => update({ accreditation: value.accreditation.filter((_, i) => i !== index) })}
                >
                  {t('common.remove')}
                </button>
              </li>
            ))}
          </ul>
          <label for="accreditation-by">{t('issuer.org.accreditation.by')}</label>
          <input
            id="accreditation-by"
            value={draft.value.by}
            aria-invalid={errors.value['accreditation-by'] ? true : undefined}
            onInput={(e) => (draft.value = { ...draft.value, by: e.currentTarget.value })}
          />
          <label for="accreditation-scope">{t('issuer.org.accreditation.scope')}</label>
          <input
            id="accreditation-scope"
            value={draft.value.scope}
            onInput={(e) => (draft.value = { ...draft.value, scope: e.currentTarget.value })}
          />
          <label for="accreditation-until">{t('issuer.org.accreditation.until')}</label>
          <input
            id="accreditation-until"
            type="date"
            value={draft.value.validUntil}
            onInput={(e) => (draft.value = { ...draft.value, validUntil: e.currentTarget.value })}
          />
          <button type="button" class="button" onClick={addAccreditation}>
            {t('issuer.org.accreditation.add')}
          </button>
        </fieldset>
        <button type="submit" class="button primary wide" disabled={busy.value}>
          {t('issuer.org.save')}
        </button>
      </form>
    </section>
  );
}
