import { useSignal, useSignalEffect } from '@preact/signals';
import { api } from '../../api/client.ts';
import type { components } from '../../api/schema.d.ts';
import { session } from '../../auth.ts';
import { EmployerCard } from '../../components/employer-card.tsx';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { Skeleton } from '../../components/skeleton.tsx';
import { useTitle } from '../../components/title.ts';
import { PlacePicker } from '../../employer/place-picker.tsx';
import { t } from '../../i18n.ts';
import type { MessageKey } from '../../messages/en/index.ts';
import { navigate } from '../../router.ts';

type Employer = components['schemas']['Employer'];
type Form = {
  nameEn: string;
  nameZh: string;
  place: Employer['registeredPlace'] | undefined;
  website: string;
  logoUrl: string;
  descriptionEn: string;
  descriptionZh: string;
};
type Field = 'nameEn' | 'place' | 'website' | 'logoUrl' | 'save';

const formOf = (employer: Employer | undefined): Form => ({
  nameEn: employer?.name.en ?? '',
  nameZh: employer?.name.zh ?? '',
  place: employer?.registeredPlace,
  website: employer?.website ?? '',
  logoUrl: employer?.logoUrl ?? '',
  descriptionEn: employer?.description?.en ?? '',
  descriptionZh: employer?.description?.zh ?? '',
});

const isUrl = (text: string, protocols: RegExp) => {
  try {
    return protocols.test(new URL(text).protocol);
  } catch {
    return false;
  }
};

/** The organisation's profile (PUT /v1/employers/me): names in both languages, registered place, website, logo. */
export default function Organisation() {
  useTitle(() => t('organisation.title'));
  const form = useSignal<Form | null>(null);
  const isNew = useSignal(false);
  const errors = useSignal<Partial<Record<Field, MessageKey>>>({});
  const saved = useSignal(false);
  const busy = useSignal(false);
  const kept = useSignal<Employer | undefined>(undefined);

  useSignalEffect(() => {
    api.GET('/v1/employers/me').then(
      ({ data, response }) => {
        if (!data && response.status !== 404) {
          errors.value = { save: 'common.error.network' };
          return;
        }
        isNew.value = !data;
        kept.value = data;
        form.value = formOf(data);
      },
      () => {
        errors.value = { save: 'common.error.network' };
      },
    );
  });

  const value = form.value;
  if (!value) return errors.value.save ? <p role="alert">{t(errors.value.save)}</p> : <Skeleton />;
  const update = (patch: Partial<Form>) => {
    form.value = { ...(form.peek() ?? value), ...patch };
    saved.value = false;
  };

  async function save(event: Event) {
    event.preventDefault();
    const v = value!;
    const found: typeof errors.value = {};
    if (!v.nameEn.trim()) found.nameEn = 'organisation.error.name';
    if (!v.place) found.place = 'organisation.error.place';
    if (v.website.trim() && !isUrl(v.website.trim(), /^https?:$/)) found.website = 'organisation.error.website';
    if (v.logoUrl.trim() && !isUrl(v.logoUrl.trim(), /^https:$/)) found.logoUrl = 'organisation.error.logo';
    errors.value = found;
    if (Object.keys(found).length > 0 || !v.place) {
      document.getElementById('error-summary')?.focus();
      return;
    }
    busy.value = true;
    try {
      const { data, response } = await api.PUT('/v1/employers/me', {
        body: {
          name: { en: v.nameEn.trim(), ...(v.nameZh.trim() ? { zh: v.nameZh.trim() } : {}) },
          registeredPlace: v.place,
          ...(v.descriptionEn.trim()
            ? {
                description: {
                  en: v.descriptionEn.trim(),
                  ...(v.descriptionZh.trim() ? { zh: v.descriptionZh.trim() } : {}),
                },
              }
            : {}),
          ...(v.website.trim() ? { website: v.website.trim() } : {}),
          ...(v.logoUrl.trim() ? { logoUrl: v.logoUrl.trim() } : {}),
          // Not edited here: kept as saved.
          ...(kept.value?.unifiedSocialCreditCode
            ? { unifiedSocialCreditCode: kept.value.unifiedSocialCreditCode }
            : {}),
        },
      });
      if (data) {
        kept.value = data;
        saved.value = true;
        if (isNew.value) navigate('/employer/jobs');
        isNew.value = false;
      } else errors.value = { save: response.status === 400 ? 'organisation.error.invalid' : 'common.error.network' };
    } catch {
      errors.value = { save: 'common.error.network' };
    } finally {
      busy.value = false;
    }
  }

  const errorEntries = Object.entries(errors.value) as Array<[Field, MessageKey]>;
  const anchor: Record<Field, string> = {
    nameEn: 'name-en',
    place: 'org-place-province',
    website: 'website',
    logoUrl: 'logo',
    save: '',
  };
  return (
    <section>
      <h1>{t(isNew.value ? 'organisation.new.title' : 'organisation.title')}</h1>
      {isNew.value && <p class="lead">{t('organisation.new.lead')}</p>}
      <ErrorSummary
        errors={Object.fromEntries(errorEntries.map(([field, key]) => [field, t(key)]))}
        anchorOf={(field) => anchor[field as Field]}
      />
      {saved.value && (
        <p class="notice ok" role="status">
          {t('organisation.saved')}
        </p>
      )}
      <form onSubmit={save} noValidate>
        <fieldset>
          <legend>{t('organisation.names')}</legend>
          <label for="name-en">{t('organisation.name.en')}</label>
          <input
            id="name-en"
            lang="en"
            autoComplete="organization"
            aria-invalid={errors.value.nameEn ? true : undefined}
            value={value.nameEn}
            onInput={(e) => update({ nameEn: e.currentTarget.value })}
          />
          <label for="name-zh">{t('organisation.name.zh')}</label>
          <input
            id="name-zh"
            lang="zh-CN"
            value={value.nameZh}
            onInput={(e) => update({ nameZh: e.currentTarget.value })}
          />
        </fieldset>
        <fieldset>
          <legend>{t('organisation.place')}</legend>
          <p class="hint">{t('organisation.place.hint')}</p>
          <PlacePicker
            id="org-place"
            place={value.place}
            invalid={Boolean(errors.value.place)}
            onChange={(place) => update({ place: place?.kind === 'delta' ? place : undefined })}
          />
        </fieldset>
        <fieldset>
          <legend>{t('organisation.about')}</legend>
          <label for="website">{t('organisation.website')}</label>
          <input
            id="website"
            type="url"
            inputMode="url"
            aria-invalid={errors.value.website ? true : undefined}
            value={value.website}
            onInput={(e) => update({ website: e.currentTarget.value })}
          />
          <label for="logo">{t('organisation.logo')}</label>
          <p class="hint" id="logo-hint">
            {t('organisation.logo.hint')}
          </p>
          <input
            id="logo"
            type="url"
            inputMode="url"
            aria-describedby="logo-hint"
            aria-invalid={errors.value.logoUrl ? true : undefined}
            value={value.logoUrl}
            onInput={(e) => update({ logoUrl: e.currentTarget.value })}
          />
          <label for="description-en">{t('organisation.description.en')}</label>
          <textarea
            id="description-en"
            lang="en"
            maxLength={2000}
            value={value.descriptionEn}
            onInput={(e) => update({ descriptionEn: e.currentTarget.value })}
          />
          <label for="description-zh">{t('organisation.description.zh')}</label>
          <textarea
            id="description-zh"
            lang="zh-CN"
            maxLength={2000}
            value={value.descriptionZh}
            onInput={(e) => update({ descriptionZh: e.currentTarget.value })}
          />
        </fieldset>
        <button type="submit" class="button primary wide" disabled={busy.value}>
          {t(isNew.value ? 'organisation.create' : 'organisation.save')}
        </button>
      </form>
      {!isNew.value && session.value && (
        <>
          <h2>{t('organisation.preview')}</h2>
          <EmployerCard key={kept.value?.version} employerId={session.value.subject} />
        </>
      )}
    </section>
  );
}
