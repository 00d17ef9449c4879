import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import type { StandardLevelReference } from '@skillpass/domain/standard-levels';
import { api } from '../api/client.ts';
import { type CredentialInput, fromFragment, parseCredentialText } from '../check/input.ts';
import { cameraAvailable, decodeImageFile, scanCamera } from '../check/scan.ts';
import { authentic, factsOf, showDetails, type Verdict, type VerificationReport, verdictOf } from '../check/verdict.ts';
import { useTitle } from '../components/title.ts';
import { titlesOf } from '../check/names.ts';
import { regionName } from '../graduate/places.ts';
import { formatDate, formatDateTime, type Locale, locale, pick, t } from '../i18n.ts';
import { knownLabelIn, lookUpLabels } from '../labels.ts';
import type { MessageKey } from '../messages/en/index.ts';
import { navigate, route } from '../router.ts';

type Outcome =
  | { kind: 'report'; report: VerificationReport; verdict: Verdict; checkedAt: Date }
  | { kind: 'error'; message: MessageKey };

const LANG_TAG: Record<Locale, string> = { en: 'en', zh: 'zh-CN' };

const CHECK_NAMES = [
  'format',
  'signature',
  'keyResolution',
  'issuerTrusted',
  'validityWindow',
  'status',
  'euMandatoryElements',
] as const;

export default function Check() {
  useTitle(() => t('check.title'));
  const outcome = useSignal<Outcome | null>(null);
  const busy = useSignal(false);
  const number = useSignal('');
  const pasted = useSignal('');
  const scanning = useSignal<null | { stop: () => void }>(null);
  const video = useRef<HTMLVideoElement>(null);
  const result = useRef<HTMLDivElement>(null);

  async function run(input: CredentialInput | null) {
    if (!input) {
      outcome.value = { kind: 'error', message: 'check.error.garbage' };
      result.current?.focus();
      return;
    }
    busy.value = true;
    try {
      const { data, error, response } = await api.POST('/v1/verify', {
        body: input.kind === 'number' ? { credentialId: input.number } : { jwt: input.jwt },
      });
      if (data) {
        outcome.value = {
          kind: 'report',
          report: data,
          verdict: verdictOf(data, input.kind === 'number'),
          checkedAt: new Date(),
        };
        // The link to this check: a number travels in the fragment, never to a server log.
        if (input.kind === 'number') navigate(`/check#id=${encodeURIComponent(input.number)}`, { replace: true });
      } else
        outcome.value = {
          kind: 'error',
          message: error && response.status < 500 ? 'check.error.garbage' : 'check.error.server',
        };
    } catch {
      outcome.value = { kind: 'error', message: 'check.error.network' };
    } finally {
      busy.value = false;
      result.current?.focus();
    }
  }

  useEffect(() => {
    const fromLink = fromFragment(route.value.hash);
    const queryNumber = route.value.query.get('id') ?? route.value.query.get('number');
    if (fromLink) void run(fromLink);
    else if (queryNumber) void run(parseCredentialText(queryNumber));
    return () => scanning.value?.stop();
  }, []);

  async function startScan() {
    if (!video.current) return;
    const scan = scanCamera(video.current);
    scanning.value = scan;
    try {
      const text = await scan.result;
      scanning.value = null;
      await run(parseCredentialText(text));
    } catch {
      if (scanning.value) outcome.value = { kind: 'error', message: 'check.error.camera' };
      scanning.value = null;
    }
  }

  // Cleared first: the scan's promise then rejects as stopped on purpose, which is not a camera failure.
  function stopScan() {
    const scan = scanning.value;
    scanning.value = null;
    scan?.stop();
  }

  async function upload(file: File) {
    if (file.type.startsWith('image/')) {
      const text = await decodeImageFile(file).catch(() => null);
      if (text) await run(parseCredentialText(text));
      else outcome.value = { kind: 'error', message: 'check.error.noQr' };
      return;
    }
    await run(parseCredentialText(await file.text()));
  }

  return (
    <section class="check">
      <h1>{t('check.title')}</h1>
      <p class="lead no-print">{t('check.lead')}</p>
      <div ref={result} tabIndex={-1} aria-live="polite" class="result">
        {busy.value && <p class="busy">{t('check.busy')}</p>}
        {!busy.value && outcome.value?.kind === 'error' && (
          <div class="verdict bad" role="alert">
            <p class="verdict-title">
              <span aria-hidden="true">✘ </span>
              {t('check.verdict.error')}
            </p>
            <p>{t(outcome.value.message)}</p>
          </div>
        )}
        {!busy.value && outcome.value?.kind === 'report' && <Report outcome={outcome.value} />}
      </div>

      <div class="inputs no-print">
        <h2>{t(outcome.value ? 'check.again' : 'check.how')}</h2>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void run(parseCredentialText(number.value));
          }}
          noValidate
        >
          <label for="number">{t('check.number.label')}</label>
          <p class="hint" id="number-hint">
            {t('check.number.hint')}
          </p>
          <div class="row">
            <input
              id="number"
              name="number"
              inputMode="text"
              autoComplete="off"
              spellcheck={false}
              aria-describedby="number-hint"
              value={number.value}
              onInput={(event) => {
                number.value = event.currentTarget.value;
              }}
            />
            <button type="submit" class="button primary" disabled={busy.value}>
              {t('check.number.button')}
            </button>
          </div>
        </form>

        {cameraAvailable() && (
          <div class="scan">
            {scanning.value ? (
              <button type="button" class="button" onClick={stopScan}>
                {t('check.scan.stop')}
              </button>
            ) : (
              <button type="button" class="button" onClick={() => void startScan()}>
                {t('check.scan.start')}
              </button>
            )}
            <video ref={video} class={scanning.value ? 'camera' : 'hidden'} muted playsInline />
          </div>
        )}

        <label for="file">{t('check.file.label')}</label>
        <p class="hint" id="file-hint">
          {t('check.file.hint')}
        </p>
        <input
          id="file"
          type="file"
          accept="image/*,.jwt,.json,.txt,application/json,text/plain"
          aria-describedby="file-hint"
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            if (file) void upload(file);
          }}
        />

        <details>
          <summary>{t('check.paste.summary')}</summary>
          <form
            onSubmit={(event) => {
              event.preventDefault();
              void run(parseCredentialText(pasted.value));
            }}
            noValidate
          >
            <label for="pasted">{t('check.paste.label')}</label>
            <textarea
              id="pasted"
              spellcheck={false}
              value={pasted.value}
              onInput={(event) => {
                pasted.value = event.currentTarget.value;
              }}
            />
            <button type="submit" class="button primary" disabled={busy.value}>
              {t('check.paste.button')}
            </button>
          </form>
        </details>
      </div>
    </section>
  );
}

const VERDICT: Record<Verdict, { title: MessageKey; body: MessageKey; good: boolean }> = {
  valid: { title: 'check.verdict.valid', body: 'check.verdict.valid.body', good: true },
  invalid: { title: 'check.verdict.invalid', body: 'check.verdict.invalid.body', good: false },
  unreadable: { title: 'check.verdict.invalid', body: 'check.error.garbage', good: false },
  notFound: { title: 'check.verdict.notFound', body: 'check.verdict.notFound.body', good: false },
  revoked: { title: 'check.verdict.revoked', body: 'check.verdict.revoked.body', good: false },
  suspended: { title: 'check.verdict.suspended', body: 'check.verdict.suspended.body', good: false },
  expired: { title: 'check.verdict.expired', body: 'check.verdict.expired.body', good: false },
  notYetValid: { title: 'check.verdict.notYetValid', body: 'check.verdict.notYetValid.body', good: false },
  untrusted: { title: 'check.verdict.untrusted', body: 'check.verdict.untrusted.body', good: false },
};

/** On paper every technical check is shown: the folded section opens before printing. */
function openChecksForPrint() {
  for (const details of document.querySelectorAll<HTMLDetailsElement>('details.technical')) details.open = true;
}

/**
 * The standard level a credential attests: the level's name at once, the standard's title once the public registry
 * answers (a standard elsewhere or unreachable leaves its id).
 */
function StandardLevelFact({ attested }: { attested: StandardLevelReference }) {
  const title = useSignal<string | null>(null);
  useEffect(() => {
    void api
      .GET('/v1/standards/{id}', { params: { path: { id: attested.standardId } } })
      .then(({ data }) => {
        if (data) title.value = pick(data.standard.title);
      })
      .catch(() => undefined);
  }, [attested.standardId]);
  return (
    <>
      <dt>{t('check.facts.standard')}</dt>
      <dd data-standard={attested.standardId}>
        <a href={`/standards/${encodeURIComponent(attested.standardId)}`}>{title.value ?? attested.standardId}</a>
        {' — '}
        {t(`check.chinaLevel.${attested.level}` as MessageKey)}
        <span class="muted"> {t('check.facts.standardVersion', { version: attested.version })}</span>
      </dd>
    </>
  );
}

function Report({ outcome }: { outcome: Extract<Outcome, { kind: 'report' }> }) {
  const { report, verdict, checkedAt } = outcome;
  useEffect(() => {
    window.addEventListener('beforeprint', openChecksForPrint);
    return () => window.removeEventListener('beforeprint', openChecksForPrint);
  }, []);
  const view = VERDICT[verdict];
  const facts = report.credential && showDetails(report) ? factsOf(report.credential) : null;
  useEffect(() => {
    // Learning outcomes and the template's title named in both languages (the credential signs English names).
    if (facts)
      void lookUpLabels([
        ...facts.outcomes.flatMap((outcome) => (outcome.uri ? [outcome.uri] : [])),
        ...(facts.achievementId ? [facts.achievementId] : []),
        ...(facts.issuerId ? [facts.issuerId] : []),
      ]);
  }, [report]);
  const bilingual = (signed: { en?: string; zh?: string }, uri: string | undefined) =>
    titlesOf(signed, uri ? { en: knownLabelIn('en', uri), zh: knownLabelIn('zh', uri) } : {}, locale.value);
  const titles = facts ? bilingual({ en: facts.title, zh: facts.titleZh }, facts.achievementId) : [];
  const [issuerName] = facts ? bilingual({ en: facts.issuer, zh: facts.issuerZh }, facts.issuerId) : [];
  return (
    <>
      <div class={`verdict ${view.good ? 'ok' : 'bad'}`} data-verdict={verdict}>
        <p class="verdict-title">
          <span aria-hidden="true">{view.good ? '✔ ' : '✘ '}</span>
          {t(view.title)}
        </p>
        <p>{t(view.body)}</p>
        {report.statusReason && (verdict === 'revoked' || verdict === 'suspended') && (
          <p class="status-reason">
            {t('check.statusReason', { date: formatDate(report.statusReason.at), reason: report.statusReason.reason })}
          </p>
        )}
        <p class="checked-at">{t('check.checkedAt', { time: formatDateTime(checkedAt) })}</p>
      </div>
      {facts ? (
        <dl class="facts">
          <dt>{t('check.facts.holder')}</dt>
          <dd class="big">{facts.holder ?? t('check.facts.holderUnnamed')}</dd>
          <dt>{t('check.facts.title')}</dt>
          <dd class="big">
            {titles.map((title, i) => (
              <span key={title.lang} class={i === 0 ? undefined : 'alt'} lang={LANG_TAG[title.lang]}>
                {title.text}
              </span>
            ))}
          </dd>
          {facts.eqfLevel !== undefined && (
            <>
              <dt>{t('check.facts.eqf')}</dt>
              <dd>{t('check.facts.level', { level: facts.eqfLevel })}</dd>
            </>
          )}
          {facts.chinaSkillLevel !== undefined && (
            <>
              <dt>{t('check.facts.chinaLevel')}</dt>
              <dd>{t(`check.chinaLevel.${facts.chinaSkillLevel}` as MessageKey)}</dd>
            </>
          )}
          {facts.standardLevel && <StandardLevelFact attested={facts.standardLevel} />}
          {facts.grade && (
            <>
              <dt>{t('check.facts.grade')}</dt>
              <dd>{facts.grade}</dd>
            </>
          )}
          {(facts.workloadEcts !== undefined || facts.workloadHours !== undefined) && (
            <>
              <dt>{t('check.facts.workload')}</dt>
              <dd>
                {[
                  facts.workloadEcts !== undefined ? t('check.facts.ects', { ects: facts.workloadEcts }) : '',
                  facts.workloadHours !== undefined ? t('check.facts.hours', { hours: facts.workloadHours }) : '',
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </dd>
            </>
          )}
          {facts.outcomes.length > 0 && (
            <>
              <dt>{t('check.facts.outcomes')}</dt>
              <dd>
                <ul class="tags">
                  {facts.outcomes.map((outcome) => {
                    const named = outcome.uri && knownLabelIn(locale.value, outcome.uri);
                    return (
                      <li key={outcome.uri ?? outcome.name} lang={named ? LANG_TAG[locale.value] : 'en'}>
                        {named || outcome.name}
                      </li>
                    );
                  })}
                </ul>
              </dd>
            </>
          )}
          <dt>{t('check.facts.issuer')}</dt>
          <dd>
            <span lang={issuerName ? LANG_TAG[issuerName.lang] : undefined}>{issuerName?.text ?? facts.issuer}</span>
            {facts.issuerRegion && <span class="muted"> · {regionName(facts.issuerRegion)}</span>}
            <span class="accredited">{t('check.facts.accredited')}</span>
          </dd>
          {facts.issuedOn && (
            <>
              <dt>{t('check.facts.issuedOn')}</dt>
              <dd>{formatDate(facts.issuedOn)}</dd>
            </>
          )}
          <dt>{t('check.facts.validUntil')}</dt>
          <dd>{facts.validUntil ? formatDate(facts.validUntil) : t('check.facts.noExpiry')}</dd>
          {facts.id && (
            <>
              <dt>{t('check.facts.number')}</dt>
              <dd class="mono">{facts.id.split('/').pop()}</dd>
            </>
          )}
        </dl>
      ) : (
        report.credential && !authentic(report) && <p class="warning">{t('check.detailsHidden')}</p>
      )}
      {report.credential && authentic(report) && !showDetails(report) && (
        <p class="warning">{t('check.detailsHiddenUntrusted')}</p>
      )}
      {report.credential && (
        <details class="technical">
          <summary>{t('check.technical.summary')}</summary>
          <ul class="checks">
            {CHECK_NAMES.map((name) => {
              const check = report.checks[name];
              return (
                <li key={name} class={check.result}>
                  <span class="check-name">{t(`check.technical.${name}` as MessageKey)}</span>{' '}
                  <span class="check-result">
                    <span aria-hidden="true">
                      {check.result === 'passed' ? '✔ ' : check.result === 'failed' ? '✘ ' : '– '}
                    </span>
                    {t(`check.result.${check.result}` as MessageKey)}
                  </span>
                  <span class="check-message" lang="en">
                    {check.message}
                  </span>
                </li>
              );
            })}
          </ul>
        </details>
      )}
      <p class="no-print">
        <button
          type="button"
          class="button"
          onClick={() => {
            openChecksForPrint();
            window.print();
          }}
        >
          {t('check.print')}
        </button>
      </p>
      <p class="print-only">{t('check.printFooter', { time: formatDateTime(checkedAt) })}</p>
    </>
  );
}
