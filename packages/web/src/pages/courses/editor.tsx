import { useSignal, useSignalEffect } from '@preact/signals';
import { api } from '../../api/client.ts';
import { Skeleton } from '../../components/skeleton.tsx';
import { useTitle } from '../../components/title.ts';
import type { CourseView } from '../../courses/enrolment.tsx';
import { CITIES, cityName } from '../../graduate/places.ts';
import { ErrorSummary, type FieldErrors } from '../../components/error-summary.tsx';
import { TemplateChoice } from '../../issuer/template-choice.tsx';
import { loadMyTemplates, myTemplates, titleOf } from '../../issuer/templates.ts';
import type { MessageKey } from '../../messages/en/index.ts';
import { t } from '../../i18n.ts';
import type { PageProps } from '../../page-props.ts';
import { navigate } from '../../router.ts';

type City = (typeof CITIES)[number];
interface Draft {
  templateId: string;
  titleEn: string;
  titleZh: string;
  startsOn: string;
  endsOn: string;
  format: 'on-site' | 'online';
  cityCode: City;
  address: string;
  onlineUrl: string;
  seats: string;
}
const EMPTY: Draft = {
  templateId: '',
  titleEn: '',
  titleZh: '',
  startsOn: '',
  endsOn: '',
  format: 'on-site',
  cityCode: '320500',
  address: '',
  onlineUrl: '',
  seats: '20',
};

const draftOf = (course: CourseView): Draft => ({
  templateId: course.templateId,
  titleEn: course.title.en,
  titleZh: course.title.zh,
  startsOn: course.startsOn,
  endsOn: course.endsOn,
  format: course.format,
  cityCode: (course.place?.cityCode as City | undefined) ?? EMPTY.cityCode,
  address: course.place?.address ?? '',
  onlineUrl: course.onlineUrl ?? '',
  seats: String(course.seats),
});

/** The course as the API takes it: a place for an on-site course, a link for an online one, never both. */
const bodyOf = (d: Draft) => ({
  templateId: d.templateId,
  title: { en: d.titleEn, zh: d.titleZh },
  startsOn: d.startsOn,
  endsOn: d.endsOn,
  format: d.format,
  seats: Number(d.seats),
  ...(d.format === 'on-site'
    ? { place: { cityCode: d.cityCode, address: d.address }, onlineUrl: null }
    : { onlineUrl: d.onlineUrl, place: null }),
});

/** The form field each API field path names, and its label: the error summary links to it. */
const FIELDS: Record<string, [id: string, label: MessageKey]> = {
  templateId: ['templateId', 'issuer.template'],
  'title.en': ['course-titleEn', 'courseEditor.titleEn'],
  'title.zh': ['course-titleZh', 'courseEditor.titleZh'],
  startsOn: ['course-startsOn', 'courseEditor.startsOn'],
  endsOn: ['course-endsOn', 'courseEditor.endsOn'],
  place: ['course-address', 'courseEditor.address'],
  'place.address': ['course-address', 'courseEditor.address'],
  'place.cityCode': ['course-city', 'courseEditor.city'],
  onlineUrl: ['course-onlineUrl', 'courseEditor.onlineUrl'],
  seats: ['course-seats', 'courseEditor.seats'],
};

function fieldErrors(issues: ReadonlyArray<{ path: string; message: string }>): FieldErrors {
  return Object.fromEntries(
    issues.map((issue) => {
      const [id, label] = FIELDS[issue.path] ?? [`api-${issue.path}`, undefined];
      return [id, `${label ? t(label) : issue.path}: ${issue.message}`];
    }),
  );
}

/** Publishes a course (`/issuer/courses/new`) or edits one (`/issuer/courses/:id/edit`, at the version read). */
export default function CourseEditor({ params }: PageProps) {
  const courseId = params.id;
  useTitle(() => t(courseId ? 'courseEditor.title.edit' : 'courseEditor.title.new'));
  const draft = useSignal<Draft | null>(courseId ? null : EMPTY);
  const etag = useSignal('');
  const cancelled = useSignal(false);
  const errors = useSignal<FieldErrors>({});
  const message = useSignal<{ ok: boolean; text: string } | null>(null);
  const busy = useSignal(false);
  useSignalEffect(() => {
    void loadMyTemplates();
    if (!courseId) return;
    void api.GET('/v1/courses/{courseId}', { params: { path: { courseId } } }).then(({ data, response }) => {
      if (!data) return;
      etag.value = response.headers.get('ETag') ?? '';
      cancelled.value = data.status === 'cancelled';
      draft.value = draftOf(data);
    });
  });
  const value = draft.value;
  if (value === null) return <Skeleton />;
  const set = (change: Partial<Draft>) => {
    draft.value = { ...(draft.peek() ?? value), ...change };
  };
  const submit = async (event: Event) => {
    event.preventDefault();
    busy.value = true;
    message.value = null;
    try {
      const body = bodyOf(value);
      const { data, error, response } = courseId
        ? await api.PATCH('/v1/courses/{courseId}', {
            params: { path: { courseId }, header: { 'if-match': etag.value } },
            body,
            headers: { 'Content-Type': 'application/merge-patch+json' },
          })
        : await api.POST('/v1/courses', {
            body: Object.fromEntries(Object.entries(body).filter(([, v]) => v !== null)) as never,
          });
      if (data) {
        if (!courseId) {
          navigate('/issuer/courses');
          return;
        }
        etag.value = response.headers.get('ETag') ?? etag.value;
        errors.value = {};
        message.value = { ok: true, text: t('courseEditor.saved') };
        return;
      }
      const problem = error as { errors?: Array<{ path: string; message: string }>; detail?: string } | undefined;
      errors.value = fieldErrors(problem?.errors ?? []);
      message.value =
        response.status === 412
          ? { ok: false, text: t('courseEditor.stale') }
          : Object.keys(errors.value).length === 0
            ? { ok: false, text: problem?.detail ?? t('courses.error.failed') }
            : null;
    } catch {
      message.value = { ok: false, text: t('courses.error.failed') };
    } finally {
      busy.value = false;
    }
  };
  const cancelCourse = async () => {
    if (!courseId) return;
    const { data } = await api.POST('/v1/courses/{courseId}/cancel', { params: { path: { courseId } } });
    if (data) cancelled.value = true;
  };
  const field = (id: keyof Draft, label: string, type: 'text' | 'date' | 'url' | 'number' = 'text', hint?: string) => {
    const common = {
      id: `course-${id}`,
      required: true,
      value: value[id],
      ...(hint ? { 'aria-describedby': `course-${id}-hint` } : {}),
      onInput: (e: { currentTarget: HTMLInputElement }) => set({ [id]: e.currentTarget.value }),
    };
    return (
      <>
        <label for={`course-${id}`}>{label}</label>
        {hint && (
          <p class="hint" id={`course-${id}-hint`}>
            {hint}
          </p>
        )}
        {type === 'number' ? (
          <input type="number" min={1} max={1000} inputMode="numeric" {...common} />
        ) : type === 'date' ? (
          <input type="date" {...common} />
        ) : type === 'url' ? (
          <input type="url" {...common} />
        ) : (
          <input type="text" {...common} />
        )}
      </>
    );
  };
  const template = myTemplates.value?.find((tpl) => tpl.templateId === value.templateId);
  const form = (
    <>
      {field('titleEn', t('courseEditor.titleEn'))}
      {field('titleZh', t('courseEditor.titleZh'))}
      {field('startsOn', t('courseEditor.startsOn'), 'date')}
      {field('endsOn', t('courseEditor.endsOn'), 'date')}
      <fieldset>
        <legend>{t('courseEditor.format')}</legend>
        {(['on-site', 'online'] as const).map((f) => (
          <label class="choice" key={f}>
            <input type="radio" name="course-format" checked={value.format === f} onChange={() => set({ format: f })} />
            {t(f === 'online' ? 'courses.online' : 'courses.onSite')}
          </label>
        ))}
      </fieldset>
      {value.format === 'on-site' ? (
        <>
          <label for="course-city">{t('courseEditor.city')}</label>
          <select
            id="course-city"
            value={value.cityCode}
            onChange={(e) => set({ cityCode: e.currentTarget.value as City })}
          >
            {CITIES.map((city) => (
              <option key={city} value={city}>
                {cityName(city)}
              </option>
            ))}
          </select>
          {field('address', t('courseEditor.address'), 'text', t('courseEditor.address.hint'))}
        </>
      ) : (
        field('onlineUrl', t('courseEditor.onlineUrl'), 'url', t('courseEditor.onlineUrl.hint'))
      )}
      {field('seats', t('courseEditor.seats'), 'number', t('courseEditor.seats.hint'))}
      <button type="submit" class="button primary wide" disabled={busy.value}>
        {t(courseId ? 'courseEditor.submit.edit' : 'courseEditor.submit.new')}
      </button>
    </>
  );
  return (
    <section>
      <p>
        <a href="/issuer/courses" data-app>
          {t('courseEditor.back')}
        </a>
      </p>
      <h1>{t(courseId ? 'courseEditor.title.edit' : 'courseEditor.title.new')}</h1>
      {cancelled.value ? (
        <p class="notice">{t('courseEditor.cancelled')}</p>
      ) : (
        <form onSubmit={submit} noValidate>
          <ErrorSummary errors={errors.value} />
          {message.value && (
            <p class={message.value.ok ? 'notice ok' : 'error-summary'} role="status">
              {message.value.text}
            </p>
          )}
          {courseId ? (
            <>
              <p>{t('courseEditor.template.fixed', { title: template ? titleOf(template) : value.templateId })}</p>
              {form}
            </>
          ) : (
            <TemplateChoice value={value.templateId} onChange={(templateId) => set({ templateId })}>
              {form}
            </TemplateChoice>
          )}
        </form>
      )}
      {courseId && !cancelled.value && (
        <>
          <h2>{t('courseEditor.cancel')}</h2>
          <p class="hint">{t('courseEditor.cancel.hint')}</p>
          <button type="button" class="button danger" onClick={cancelCourse}>
            {t('courseEditor.cancel')}
          </button>
        </>
      )}
    </section>
  );
}
