import { useSignal, useSignalEffect } from '@preact/signals';
import { api } from '../api/client.ts';
import { CourseFacts, EnrolButton, loadMyEnrolments } from '../courses/enrolment.tsx';
import { locale, pick, t } from '../i18n.ts';

type Gap = NonNullable<Awaited<ReturnType<typeof loadGaps>>>[number];

async function loadGaps(jobId: string, lang: 'en' | 'zh') {
  const { data } = await api.GET('/v1/profiles/me/skill-gaps', { params: { query: { job: jobId, lang } } });
  return data?.items;
}

/**
 * What teaches the skills a job needs and the graduate lacks: under each missing skill the scheduled courses, each
 * with an Enrol button, then the micro-credentials on offer.
 */
export function Courses({ jobId }: { jobId: string }) {
  const gaps = useSignal<Gap[] | null>(null);
  const load = (lang: 'en' | 'zh') =>
    loadGaps(jobId, lang).then(
      (items) => {
        gaps.value = items ?? [];
      },
      () => {
        gaps.value = [];
      },
    );
  useSignalEffect(() => {
    void load(locale.value);
    void loadMyEnrolments();
  });
  const offerings = new Map<string, { title: { en: string; zh?: string }; eqfLevel: number; skills: string[] }>();
  for (const gap of gaps.value ?? []) {
    for (const credential of gap.credentials) {
      const entry = offerings.get(credential.templateId) ?? { ...credential, skills: [] };
      entry.skills.push(gap.label);
      offerings.set(credential.templateId, entry);
    }
  }
  const scheduled = (gaps.value ?? []).filter((gap) => gap.courses.length > 0);
  if (offerings.size === 0) return null;
  return (
    <div class="courses">
      {scheduled.map((gap) => (
        <div key={gap.uri}>
          <h3>{t('courses.gap.title', { skill: gap.label })}</h3>
          <ul class="plain">
            {gap.courses.map((course) => (
              <li key={course.courseId} class="course">
                <strong>{pick(course.title)}</strong>
                <CourseFacts course={course} />
                <EnrolButton
                  courseId={course.courseId}
                  title={pick(course.title)}
                  seatsLeft={course.seatsLeft}
                  onChange={() => void load(locale.value)}
                />
              </li>
            ))}
          </ul>
        </div>
      ))}
      <h3>{t('matches.courses')}</h3>
      <ul>
        {[...offerings].map(([id, offering]) => (
          <li key={id}>
            <strong>{pick(offering.title)}</strong>{' '}
            <span class="muted">{t('check.facts.level', { level: offering.eqfLevel })}</span>
            <br />
            <span class="muted">{t('matches.teaches', { skills: offering.skills.join(', ') })}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
