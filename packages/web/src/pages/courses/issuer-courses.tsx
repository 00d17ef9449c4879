import { useSignal, useSignalEffect } from '@preact/signals';
import { api } from '../../api/client.ts';
import { Skeleton } from '../../components/skeleton.tsx';
import { useTitle } from '../../components/title.ts';
import { CourseFacts, type CourseView } from '../../courses/enrolment.tsx';
import { locale, pick, t } from '../../i18n.ts';

/** The issuer's courses, soonest first, each with its seats taken and links to edit it and to its roster. */
export default function IssuerCourses() {
  useTitle(() => t('issuerCourses.title'));
  const courses = useSignal<CourseView[] | null | 'failed'>(null);
  useSignalEffect(() => {
    api.GET('/v1/issuers/me/courses', { params: { query: { lang: locale.value } } }).then(
      ({ data }) => {
        courses.value = data?.items ?? 'failed';
      },
      () => {
        courses.value = 'failed';
      },
    );
  });
  const value = courses.value;
  return (
    <section>
      <h1>{t('issuerCourses.title')}</h1>
      <p class="lead">{t('issuerCourses.lead')}</p>
      <p>
        <a class="button primary" href="/issuer/courses/new" data-app>
          {t('issuerCourses.new')}
        </a>
      </p>
      {value === null && <Skeleton list />}
      {value === 'failed' && <p role="alert">{t('common.error.network')}</p>}
      {Array.isArray(value) && value.length === 0 && <p>{t('issuerCourses.none')}</p>}
      {Array.isArray(value) && (
        <ul class="plain">
          {value.map((course) => {
            const id = encodeURIComponent(course.courseId);
            return (
              <li class="card" key={course.courseId}>
                <h2>
                  {pick(course.title)}
                  {course.status === 'cancelled' && (
                    <span class="tag status-rejected">{t('issuerCourses.cancelled')}</span>
                  )}
                </h2>
                <CourseFacts course={{ ...course, ...course.place }} />
                <p>{t('issuerCourses.taken', { taken: course.enrolled, seats: course.seats })}</p>
                <p class="actions">
                  <a class="button" href={`/issuer/courses/${id}/roster`} data-app>
                    {t('issuerCourses.roster')}
                  </a>{' '}
                  {course.status === 'open' && (
                    <a class="button" href={`/issuer/courses/${id}/edit`} data-app>
                      {t('issuerCourses.edit')}
                    </a>
                  )}
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
