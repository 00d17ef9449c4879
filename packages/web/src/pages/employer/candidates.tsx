import { useSignal, useSignalEffect } from '@preact/signals';
import { api } from '../../api/client.ts';
import { JobTitle } from '../../components/job-title.tsx';
import { Skeleton } from '../../components/skeleton.tsx';
import { useTitle } from '../../components/title.ts';
import { VerifiedMark } from '../../components/verified.tsx';
import { Background } from '../../employer/background.tsx';
import { verifiedRequired } from '../../employer/verified.ts';
import { explanationView } from '../../graduate/explanation.ts';
import { locale, t } from '../../i18n.ts';
import { labelOf, remember } from '../../labels.ts';
import type { PageProps } from '../../page-props.ts';

type Candidates = NonNullable<Awaited<ReturnType<typeof loadCandidates>>>;
type Candidate = Candidates['items'][number];

const REREAD_MS = 5_000;

async function loadCandidates(jobId: string, lang: 'en' | 'zh') {
  const { data } = await api.GET('/v1/jobs/{id}/candidates', {
    params: { path: { id: jobId }, query: { lang, limit: 50 } },
  });
  if (data) remember(lang, Object.assign({}, ...data.items.map((item) => item.labels)));
  return data;
}

/**
 * A job's ranked candidates: graduates who let employers find them, best fit first, each with "x of y skills", the
 * plain explanation and which skills a credential backs. No contact here: that is shared only by applying.
 */
export default function CandidatesPage({ params }: PageProps) {
  const jobId = params.id ?? '';
  useTitle(() => t('candidates.title'));
  const state = useSignal<Candidates | null | 'failed'>(null);

  useSignalEffect(() => {
    const lang = locale.value;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = () =>
      loadCandidates(jobId, lang).then(
        (data) => {
          state.value = data ?? 'failed';
          // While the API says profile changes are still being applied, read the list again shortly.
          if (data && !data.upToDate) timer = setTimeout(load, REREAD_MS);
        },
        () => {
          state.value = 'failed';
        },
      );
    void load();
    return () => clearTimeout(timer);
  });

  const value = state.value;
  return (
    <section>
      <p>
        <a href="/employer/jobs" data-app>
          {t('jobForm.back')}
        </a>
      </p>
      <h1>{t('candidates.title')}</h1>
      <p class="lead">
        <JobTitle jobId={jobId} />
      </p>
      <p class="hint">{t('candidates.privacy')}</p>
      <p>
        <a href={`/employer/jobs/${encodeURIComponent(jobId)}/applications`} data-app>
          {t('employerJobs.applications')}
        </a>
      </p>
      {value === null && <Skeleton list />}
      {value === 'failed' && <p role="alert">{t('candidates.failed')}</p>}
      {value && value !== 'failed' && !value.upToDate && (
        <p class="notice updating" role="status">
          {t('candidates.updating')}
        </p>
      )}
      {value && value !== 'failed' && value.items.length === 0 && <p>{t('candidates.empty')}</p>}
      {value && value !== 'failed' && (
        <ol class="match-list candidates">
          {value.items.map((candidate) => (
            <CandidateCard key={candidate.graduateId} jobId={jobId} candidate={candidate} />
          ))}
        </ol>
      )}
    </section>
  );
}

function CandidateCard({ jobId, candidate }: { jobId: string; candidate: Candidate }) {
  const invited = useSignal(candidate.invited);
  const problem = useSignal<'candidates.invite.applied' | 'candidates.invite.failed' | null>(null);
  const busy = useSignal(false);
  const view = explanationView(candidate.explanation);
  const verified = verifiedRequired(candidate.explanation);

  async function invite() {
    busy.value = true;
    problem.value = null;
    try {
      const { data, response } = await api.POST('/v1/jobs/{id}/candidates/{graduateId}/invitation', {
        params: { path: { id: jobId, graduateId: candidate.graduateId } },
        body: {},
      });
      if (data) invited.value = true;
      else problem.value = response.status === 409 ? 'candidates.invite.applied' : 'candidates.invite.failed';
    } catch {
      problem.value = 'candidates.invite.failed';
    } finally {
      busy.value = false;
    }
  }

  return (
    <li class="card">
      <h2>{candidate.displayName}</h2>
      <p class="fit">
        {t('candidates.skillsOf', { have: view.matched.length, total: view.required })}
        {view.partial.length > 0 && (
          <span class="muted"> · {t('matches.partial', { count: view.partial.length })}</span>
        )}
      </p>
      <p>{candidate.summary}</p>
      {view.matched.length + view.partial.length > 0 && (
        <>
          <h3>{t('candidates.has')}</h3>
          <ul class="tags">
            {[...view.matched, ...view.partial].map((uri) => (
              <li key={uri}>
                {labelOf(uri)} {verified.has(uri) && <VerifiedMark />}
              </li>
            ))}
          </ul>
        </>
      )}
      {view.missing.length > 0 && (
        <>
          <h3>{t('candidates.missing')}</h3>
          <ul class="tags">
            {view.missing.map((uri) => (
              <li key={uri}>{labelOf(uri)}</li>
            ))}
          </ul>
        </>
      )}
      <Background education={candidate.education} languages={candidate.languages} />
      {problem.value && <p role="alert">{t(problem.value)}</p>}
      {invited.value || candidate.invited ? (
        <p>
          <span class="tag invited">
            <span aria-hidden="true">✉ </span>
            {t('candidates.invited')}
          </span>
        </p>
      ) : (
        <button type="button" class="button primary" disabled={busy.value} onClick={() => void invite()}>
          {t('candidates.invite', { name: candidate.displayName })}
        </button>
      )}
    </li>
  );
}
