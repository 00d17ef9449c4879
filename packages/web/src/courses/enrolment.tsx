import { signal, useSignal } from '@preact/signals';
import { api } from '../api/client.ts';
import type { components } from '../api/schema.d.ts';
import { cityName } from '../graduate/places.ts';
import { formatDate, t } from '../i18n.ts';

export type CourseView = components['schemas']['CourseView'];
type EnrolmentStatus = components['schemas']['CourseEnrolment']['status'];

/** The signed-in graduate's enrolments by course: what every Enrol button reads; null until loaded. */
export const myEnrolments = signal<ReadonlyMap<string, EnrolmentStatus> | null>(null);

export async function loadMyEnrolments(): Promise<void> {
  const { data } = await api.GET('/v1/profiles/me/courses');
  myEnrolments.value = new Map((data?.items ?? []).map((item) => [item.course.courseId, item.enrolment.status]));
}

const setStatus = (courseId: string, status: EnrolmentStatus) => {
  myEnrolments.value = new Map([...(myEnrolments.value ?? []), [courseId, status]]);
};

type Facts = Pick<CourseView, 'startsOn' | 'endsOn' | 'format' | 'seatsLeft'> & {
  cityCode?: string;
  address?: string;
};

/** A course's dates, where it is held and the seats left: what every course listing shows under its title. */
export function CourseFacts({ course }: { course: Facts }) {
  return (
    <p class="meta">
      {t('courses.dates', { from: formatDate(course.startsOn), to: formatDate(course.endsOn) })} ·{' '}
      {course.format === 'online' ? t('courses.online') : cityName(course.cityCode ?? '')}
      {course.address ? ` · ${course.address}` : ''} ·{' '}
      {course.seatsLeft > 0 ? t('courses.seatsLeft', { count: course.seatsLeft }) : t('courses.full')}
    </p>
  );
}

/**
 * Enrol (or, once enrolled, cancel my place) for one course; a full course or a missing profile says so beside the
 * button. `onChange` lets a list read its courses again (seats left).
 */
export function EnrolButton({
  courseId,
  title,
  seatsLeft,
  onChange,
}: {
  courseId: string;
  title: string;
  seatsLeft: number;
  onChange?: () => void;
}) {
  const busy = useSignal(false);
  const problem = useSignal('');
  const status = myEnrolments.value?.get(courseId);
  const act = async (leave: boolean) => {
    busy.value = true;
    problem.value = '';
    try {
      const path = { params: { path: { courseId } } };
      const { data, error, response } = leave
        ? await api.DELETE('/v1/courses/{courseId}/enrolments/me', path)
        : await api.POST('/v1/courses/{courseId}/enrolments', path);
      if (data) {
        setStatus(courseId, data.status);
        onChange?.();
      } else if (response.status === 409 && !leave) {
        const detail = (error as { detail?: string } | undefined)?.detail ?? '';
        problem.value = t(/profile/.test(detail) ? 'courses.error.profile' : 'courses.error.full');
      } else {
        problem.value = t('courses.error.failed');
      }
    } catch {
      problem.value = t('courses.error.failed');
    } finally {
      busy.value = false;
    }
  };
  if (status === 'completed') return <span class="tag status-hired">✓ {t('courses.status.completed')}</span>;
  return (
    <div class="enrol">
      {status === 'enrolled' ? (
        <>
          <span class="tag status-offer" role="status">
            ✓ {t('courses.enrolled')}
          </span>{' '}
          <button
            type="button"
            class="button small"
            disabled={busy.value}
            aria-label={t('courses.leave.named', { title })}
            onClick={() => act(true)}
          >
            {t('courses.leave')}
          </button>
        </>
      ) : (
        <button
          type="button"
          class="button primary"
          disabled={busy.value || seatsLeft === 0}
          aria-label={t('courses.enrol.named', { title })}
          onClick={() => act(false)}
        >
          {t('courses.enrol')}
        </button>
      )}
      {problem.value && (
        <p class="error-summary" role="alert">
          {problem.value}
        </p>
      )}
    </div>
  );
}
