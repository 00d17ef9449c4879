import { useSignal, useSignalEffect } from '@preact/signals';
import { api } from '../api/client.ts';
import { locale, pick, t } from '../i18n.ts';

type Gap = NonNullable<Awaited<ReturnType<typeof loadGaps>>>[number];

async function loadGaps(jobId: string, lang: 'en' | 'zh') {
  const { data } = await api.GET('/v1/profiles/me/skill-gaps', { params: { query: { job: jobId, lang } } });
  return data?.items;
}

/** Micro-credentials that teach the skills a job needs and the graduate lacks. */
export function Courses({ jobId }: { jobId: string }) {
  const gaps = useSignal<Gap[] | null>(null);
  useSignalEffect(() => {
    loadGaps(jobId, locale.value).then(
      (items) => {
        gaps.value = items ?? [];
      },
      () => {
        gaps.value = [];
      },
    );
  });
  const courses = new Map<string, { title: { en: string; zh?: string }; eqfLevel: number; skills: string[] }>();
  for (const gap of gaps.value ?? []) {
    for (const credential of gap.credentials) {
      const entry = courses.get(credential.templateId) ?? { ...credential, skills: [] };
      entry.skills.push(gap.label);
      courses.set(credential.templateId, entry);
    }
  }
  if (courses.size === 0) return null;
  return (
    <div class="courses">
      <h3>{t('matches.courses')}</h3>
      <ul>
        {[...courses].map(([id, course]) => (
          <li key={id}>
            <strong>{pick(course.title)}</strong>{' '}
            <span class="muted">{t('check.facts.level', { level: course.eqfLevel })}</span>
            <br />
            <span class="muted">{t('matches.teaches', { skills: course.skills.join(', ') })}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
