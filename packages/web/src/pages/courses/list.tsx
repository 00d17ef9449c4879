import { useSignal, useSignalEffect } from '@preact/signals';
import { api } from '../../api/client.ts';
import type { components } from '../../api/schema.d.ts';
import { Skeleton } from '../../components/skeleton.tsx';
import { useTitle } from '../../components/title.ts';
import { CourseFacts, type CourseView, EnrolButton, loadMyEnrolments } from '../../courses/enrolment.tsx';
import { CITIES, cityName } from '../../graduate/places.ts';
import { locale, pick, t } from '../../i18n.ts';

type Mine = components['schemas']['CourseEnrolment'] & { course: CourseView };
type City = (typeof CITIES)[number];

const skillAsked = () => new URLSearchParams(window.location.search).get('skill') ?? undefined;

/** My courses, then the courses open for enrolment, by city and (from a skill gap) by skill. */
export default function CoursesPage() {
  useTitle(() => t('courses.title'));
  const mine = useSignal<Mine[] | null>(null);
  const open = useSignal<CourseView[] | null | 'failed'>(null);
  const city = useSignal<City | ''>('');
  const skill = useSignal(skillAsked());
  const load = async (lang: 'en' | 'zh') => {
    const [{ data: enrolments }, listed] = await Promise.all([
      api.GET('/v1/profiles/me/courses', { params: { query: { lang } } }),
      api.GET('/v1/courses', {
        params: {
          query: { lang, ...(city.value ? { city: city.value } : {}), ...(skill.value ? { skill: skill.value } : {}) },
        },
      }),
      loadMyEnrolments(),
    ]);
    mine.value = (enrolments?.items ?? []).map((item) => ({ ...item.enrolment, course: item.course }));
    open.value = listed.data?.items ?? 'failed';
  };
  useSignalEffect(() => {
    load(locale.value).catch(() => {
      open.value = 'failed';
    });
  });
  const reload = () => void load(locale.peek());
  const courses = open.value;
  const skillLabel = Array.isArray(courses)
    ? courses.flatMap((c) => c.skills).find((s) => s.uri === skill.value)?.label
    : undefined;
  return (
    <section>
      <h1>{t('courses.title')}</h1>
      <p class="lead">{t('courses.lead')}</p>
      <h2>{t('courses.mine')}</h2>
      {mine.value === null && <Skeleton list />}
      {mine.value?.length === 0 && <p>{t('courses.mine.none')}</p>}
      <ul class="plain">
        {mine.value?.map((item) => (
          <li class="card" key={item.courseId}>
            <h3>{pick(item.course.title)}</h3>
            <p>
              <span
                class={`tag ${item.status === 'completed' ? 'status-hired' : item.status === 'cancelled' ? 'status-withdrawn' : 'status-offer'}`}
              >
                {item.status === 'completed' ? '✓ ' : ''}
                {t(`courses.status.${item.status}`)}
              </span>
              {item.course.status === 'cancelled' && (
                <span class="tag status-rejected">{t('courses.cancelledCourse')}</span>
              )}
            </p>
            <CourseFacts course={{ ...item.course, ...item.course.place }} />
            {item.course.issuerName && <p>{t('courses.by', { issuer: item.course.issuerName })}</p>}
            {item.status === 'completed' && (
              <a href="/wallet" data-app>
                {t('courses.credential')}
              </a>
            )}
            {item.status === 'enrolled' && item.course.onlineUrl && (
              <p>
                <a href={item.course.onlineUrl} rel="noopener noreferrer">
                  {t('courses.link')}
                </a>
              </p>
            )}
            {item.status === 'enrolled' && item.course.status === 'open' && (
              <EnrolButton
                courseId={item.courseId}
                title={pick(item.course.title)}
                seatsLeft={item.course.seatsLeft}
                onChange={reload}
              />
            )}
          </li>
        ))}
      </ul>

      <h2>{t('courses.open')}</h2>
      <form
        class="filters"
        onSubmit={(event) => {
          event.preventDefault();
          reload();
        }}
      >
        {skill.value && (
          <p>
            {t('courses.filter.skill', { skill: skillLabel ?? skill.value })}{' '}
            <button
              type="button"
              class="button small"
              onClick={() => {
                skill.value = undefined;
                reload();
              }}
            >
              {t('courses.filter.clearSkill')}
            </button>
          </p>
        )}
        <label for="course-city">{t('courses.filter.city')}</label>
        <select
          id="course-city"
          value={city.value}
          onChange={(e) => {
            city.value = e.currentTarget.value as City | '';
          }}
        >
          <option value="">{t('courses.filter.anywhere')}</option>
          {CITIES.map((code) => (
            <option key={code} value={code}>
              {cityName(code)}
            </option>
          ))}
        </select>
        <button type="submit" class="button">
          {t('courses.filter.submit')}
        </button>
      </form>
      {courses === null && <Skeleton list />}
      {courses === 'failed' && <p role="alert">{t('common.error.network')}</p>}
      {Array.isArray(courses) && courses.length === 0 && <p>{t('courses.open.none')}</p>}
      {Array.isArray(courses) && (
        <ul class="plain">
          {courses.map((course) => (
            <li class="card" key={course.courseId}>
              <h3>{pick(course.title)}</h3>
              <CourseFacts course={{ ...course, ...course.place }} />
              {course.issuerName && <p>{t('courses.by', { issuer: course.issuerName })}</p>}
              <p class="muted">{t('courses.teaches', { skills: course.skills.map((s) => s.label).join(', ') })}</p>
              <EnrolButton
                courseId={course.courseId}
                title={pick(course.title)}
                seatsLeft={course.seatsLeft}
                onChange={reload}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
