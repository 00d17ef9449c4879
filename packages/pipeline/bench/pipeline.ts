/**
 * npm run bench:pipeline — a bulk load through the event pipeline on DynamoDB Local.
 *
 * Writes BENCH_PROFILES graduate profiles and BENCH_JOBS job posts (interleaved, BENCH_WRITERS at a
 * time) through the store's repositories, as the API writes them, while the local dispatcher runs.
 * Prints, from one run: the time the writes alone took; the time until every event is applied by the
 * foreground consumers (every match set and candidate list final, and nothing pending) and, apart, until
 * the background lane's statistics have it too; events applied per second; the lag from a write to its
 * event being applied to the lists (p50/p99); and, as a check that "final" is right, the agreement
 * of a sample of stored lists with lists computed from scratch over the final data.
 */
import { type DeltaCityCode, graduateProfileInputSchema, jobPostingInputSchema, type Place } from '@skillpass/domain';
import { startDynamoDbLocal } from '@skillpass/local/dynamodb-local';
import { bruteForceTopCandidates, bruteForceTopJobs, type MatchJob, type MatchProfile } from '@skillpass/matching';
import { forEachLimited, TOP_K, toMatchJob, toMatchProfile } from '@skillpass/services';
import { connectTable, CursorCodec, ensureTable, putItems } from '@skillpass/store';
import { getTaxonomy } from '@skillpass/taxonomy';
import { composeConsumerDeps } from '../src/compose.ts';
import { startLocalDispatcher } from '../src/local-dispatcher.ts';
import { writtenItems } from './written-items.ts';
import { seededRandom } from '@skillpass/matching/bench-random';

const PROFILES = Number(process.env.BENCH_PROFILES ?? 10_000);
const JOBS = Number(process.env.BENCH_JOBS ?? 2_000);
const WRITERS = Number(process.env.BENCH_WRITERS ?? 16);
const BATCH = Number(process.env.BENCH_BATCH ?? 1_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const CHECK_SAMPLE = Number(process.env.BENCH_CHECK_SAMPLE ?? 200);
/** Wall-clock budget for the whole run (default 20 min): past it, the progress so far is reported instead. */
const TIME_LIMIT_S = Number(process.env.BENCH_TIME_LIMIT_S ?? 1_200);
/** How often a progress line goes to stderr (so even a killed run shows how far it got). */
const PROGRESS_EVERY_S = Number(process.env.BENCH_PROGRESS_S ?? 30);

const CITIES: DeltaCityCode[] = ['310000', '320100', '320200', '320500', '330100', '330200', '340100', '340200'];

const random = seededRandom(20261201);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const sample = <T>(items: readonly T[], n: number): T[] => {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy.slice(0, n);
};
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
};
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

const taxonomy = getTaxonomy();
// A few hundred occupations, so skills overlap the way a region's postings do.
const occupations = sample(
  taxonomy
    .allOccupationUris()
    .map((uri) => ({ uri, ...taxonomy.occupationSkills(uri) }))
    .filter((o) => o.essential.length >= 4),
  300,
);
const placeOf = (): Place => ({ kind: 'delta', cityCode: pick(CITIES) });

function profileInput(i: number) {
  const occupation = pick(occupations);
  const skills = [
    ...new Set([
      ...sample(occupation.essential, 2 + Math.floor(random() * 5)),
      ...sample(occupation.optional, Math.floor(random() * 3)),
    ]),
  ];
  return graduateProfileInputSchema().parse({
    displayName: `Graduate ${i}`,
    contactEmail: `g${i}@example.com`,
    skills: skills.map((uri) => ({ uri, proficiency: 1 + Math.floor(random() * 4) })),
    preferredPlaces: sample(CITIES, 1 + Math.floor(random() * 2)).map((cityCode) => ({ kind: 'delta', cityCode })),
    openToRemote: random() < 0.3,
    consents: { discoverable: random() < 0.8, personalisedMatching: true },
  });
}

function jobInput(i: number) {
  const occupation = pick(occupations);
  return jobPostingInputSchema().parse({
    title: { en: `Job ${i}` },
    description: `Job ${i} in the Delta`,
    requiredSkills: [
      ...sample(occupation.essential, 3 + Math.floor(random() * 3)).map((uri) => ({
        uri,
        importance: 'essential',
        minProficiency: 1 + Math.floor(random() * 3),
      })),
      ...sample(occupation.optional, Math.floor(random() * 2)).map((uri) => ({ uri, importance: 'optional' })),
    ].filter((skill, index, all) => all.findIndex((s) => s.uri === skill.uri) === index),
    place: random() < 0.08 ? { kind: 'remote' } : placeOf(),
    closingDate: '2999-12-31',
  });
}

// Interleaved as a bulk load arrives: profiles and jobs mixed, in a fixed order.
type Write = { kind: 'profile'; id: string; n: number } | { kind: 'job'; id: string; n: number };
const writes: Write[] = sample(
  [
    ...Array.from({ length: PROFILES }, (_, n): Write => ({ kind: 'profile', id: `grad-${n}`, n })),
    ...Array.from({ length: JOBS }, (_, n): Write => ({ kind: 'job', id: `job-${n}`, n })),
  ],
  PROFILES + JOBS,
);
const inputs = new Map(writes.map((w) => [w.id, w.kind === 'profile' ? profileInput(w.n) : jobInput(w.n)]));

/** With BENCH_VERBOSE, a query is told apart by its index and the kind of key it reads (the key's first segment). */
function detailOf(input: unknown): string {
  const query = input as { IndexName?: string; ExpressionAttributeValues?: Record<string, unknown> };
  const pk = query.ExpressionAttributeValues?.[':pk'];
  if (typeof pk !== 'string') return '';
  return ` ${query.IndexName ?? 'table'} ${pk.split('#')[0]}`;
}

/**
 * Counts the requests a table connection sends, by command, with the time each took (for the table of round trips),
 * and the items they write by kind (where the pipeline's writes go: the bound on its rate, below).
 */
function countRequests(table: ReturnType<typeof connectTable>) {
  const counts = new Map<string, { count: number; ms: number }>();
  const items = new Map<string, number>();
  const bytes = new Map<string, number>();
  table.raw.middlewareStack.add(
    (next, context) => async (args) => {
      const start = performance.now();
      for (const { kind, item } of writtenItems(String(context.commandName), args.input as Record<string, unknown>)) {
        items.set(kind, (items.get(kind) ?? 0) + 1);
        if (item) bytes.set(kind, (bytes.get(kind) ?? 0) + approximateSize(item));
      }
      try {
        return await next(args);
      } finally {
        const name = `${context.commandName ?? '?'}${process.env.BENCH_VERBOSE ? detailOf(args.input) : ''}`;
        const entry = counts.get(name) ?? { count: 0, ms: 0 };
        entry.count++;
        entry.ms += performance.now() - start;
        counts.set(name, entry);
      }
    },
    { step: 'initialize', name: 'benchRequestCounter' },
  );
  return { counts, items, bytes };
}

/** An item's size, near enough to compare kinds: its JSON with a binary value counted as its length. */
function approximateSize(item: unknown): number {
  return JSON.stringify(item, function (this: Record<string, unknown>, key, value) {
    const raw = this[key];
    return raw instanceof Uint8Array ? '#'.repeat(raw.length) : value;
  }).length;
}

/**
 * DynamoDB Local's raw write rate in this run: `count` small items (the size of a posting or a counter) in 25-item
 * batch writes, `CONCURRENCY` at a time, as the dispatcher writes. Items written per event divided into this rate
 * is the most events a second any pipeline writing those items could apply here.
 */
async function rawWriteRate(table: ReturnType<typeof connectTable>, count: number): Promise<number> {
  const items = Array.from({ length: count }, (_, i) => ({ PK: `BENCHRAW#${i}`, SK: 'RAW', filler: 'x'.repeat(200) }));
  const started = performance.now();
  await forEachLimited(
    Array.from({ length: Math.ceil(count / 25) }, (_, i) => items.slice(i * 25, (i + 1) * 25)),
    CONCURRENCY,
    (chunk) => putItems(table, chunk),
  );
  return (count * 1000) / (performance.now() - started);
}

const dynamo = await startDynamoDbLocal({ inMemory: true });
try {
  const table = connectTable({ tableName: 'bench-pipeline', endpoint: dynamo.endpoint, region: 'local' });
  await ensureTable(table);
  // The writers get their own connection, so the requests counted below are the pipeline's alone.
  const writerTable = connectTable({ tableName: 'bench-pipeline', endpoint: dynamo.endpoint, region: 'local' });
  const { counts: requests, items: itemsByKind, bytes: bytesByKind } = countRequests(table);
  const deps = composeConsumerDeps({
    table,
    cursors: new CursorCodec('bench-cursor-secret-0123'),
    taxonomy,
    credentialService: { standingOf: async () => 'unknown' },
  });

  const writtenAt = new Map<string, number>();
  const lags: number[] = [];
  let applied = 0;
  let backgroundApplied = 0;
  /** When the last write's event was applied: every list final (a job's push is applied with its event). */
  let listsFinalAt = 0;
  /** When the foreground lane last applied anything: the notifications of the lists' changes too. */
  let foregroundDoneAt = 0;
  let coalescedTo = 0;
  let superseded = 0;
  let batches = 0;
  let deadLetters = 0;
  const started = performance.now();
  const dispatcher = await startLocalDispatcher({
    table,
    deps,
    endpoint: dynamo.endpoint,
    batchSize: BATCH,
    concurrency: CONCURRENCY,
    pollIntervalMs: 50,
    onError: (error) => process.stderr.write(`dispatcher: ${String(error)}\n`),
    onBatch: ({ lane, events, stats, deadLettered, appliedAt }) => {
      batches++;
      deadLetters += deadLettered.length;
      if (lane === 'background') {
        // Statistics (insights, platform counts) after the lists: timed apart, not in the lists' lag.
        backgroundApplied += events.length;
        if (process.env.BENCH_VERBOSE && stats) {
          process.stderr.write(
            `batch ${batches} (at ${seconds(performance.now() - started)}), background: ${events.length} events; ` +
              `insights ${seconds(stats.phases.insights)}, other consumers ${seconds(stats.phases.others)}, markers ${seconds(stats.phases.markers)}\n`,
          );
        }
        return;
      }
      applied += events.length;
      foregroundDoneAt = performance.now();
      if (!stats) return;
      coalescedTo += stats.jobs + stats.graduates;
      superseded += stats.superseded;
      if (process.env.BENCH_VERBOSE) {
        const { index, graduates, jobs, others, insights, markers } = stats.phases;
        process.stderr.write(
          `batch ${batches} (at ${seconds(performance.now() - started)}): ${events.length} events, ${stats.jobs} jobs + ${stats.graduates} graduates; ` +
            `index ${seconds(index)}, graduates ${seconds(graduates)}, jobs ${seconds(jobs)}, other consumers ${seconds(others)}, ` +
            `insights ${seconds(insights)}, markers ${seconds(markers)}; push considered ${stats.pushConsidered}, recomputed ${stats.pushRecomputed}\n`,
        );
      }
      const at = appliedAt.getTime() - Date.now() + performance.now();
      for (const event of events) {
        const key =
          'jobId' in event.detail && event.type.startsWith('Job')
            ? event.detail.jobId
            : event.type === 'ProfileSubmitted'
              ? event.detail.graduateId
              : undefined;
        const written = key ? writtenAt.get(key) : undefined;
        if (written !== undefined) lags.push(at - written);
      }
      if (listsFinalAt === 0 && lags.length >= writes.length) listsFinalAt = performance.now();
    },
  });

  const writer = composeConsumerDeps({
    table: writerTable,
    cursors: new CursorCodec('bench-cursor-secret-0123'),
    taxonomy,
    credentialService: { standingOf: async () => 'unknown' },
  });
  let written = 0;
  const progress = () =>
    `${seconds(performance.now() - started)}: ${written.toLocaleString()}/${writes.length.toLocaleString()} written, ` +
    `${lags.length.toLocaleString()} of their events applied (${applied.toLocaleString()} events in all, ${backgroundApplied.toLocaleString()} in the background lane, ${batches} batches)`;
  const ticker = setInterval(() => process.stderr.write(`progress ${progress()}\n`), PROGRESS_EVERY_S * 1000);
  /**
   * Past the time limit: what was applied by then, and what that says about convergence — honestly a lower bound
   * (it had not converged), plus a projection at the rate so far, labelled as one. Then the run ends.
   */
  const reportUnfinished = async (why: string, writeTime?: number): Promise<never> => {
    const elapsed = performance.now() - started;
    const done = lags.length / writes.length;
    const lines = [
      `bench:pipeline — NOT converged within BENCH_TIME_LIMIT_S=${TIME_LIMIT_S} (${why})`,
      `${PROFILES.toLocaleString()} profiles + ${JOBS.toLocaleString()} jobs, ${WRITERS} writers, batches ≤ ${BATCH}, ${CONCURRENCY} at a time`,
      `progress at the limit: ${progress()}`,
      `events/s so far: ${Math.round((applied * 1000) / elapsed)}; writes applied: ${(done * 100).toFixed(1)} %`,
      ...(writeTime !== undefined
        ? [
            `converged / write time: more than ${(elapsed / writeTime).toFixed(2)}× (still running at the limit)`,
            `projection at the rate so far (not a measurement): about ${(elapsed / Math.max(done, 1e-9) / writeTime).toFixed(1)}× the write time`,
          ]
        : []),
      `lag p50 / p99 of the events applied: ${seconds(percentile(lags, 50))} / ${seconds(percentile(lags, 99))}`,
    ];
    console.log(lines.join('\n'));
    // Nothing more to wait for: DynamoDB Local goes, and the process with it (the dispatcher is mid-batch).
    await dynamo.stop();
    process.exit(2);
  };
  const deadline = new Promise<'limit'>((resolve) => setTimeout(() => resolve('limit'), TIME_LIMIT_S * 1000).unref());
  const writing = forEachLimited(writes, WRITERS, async (write) => {
    if (write.kind === 'profile') {
      const input = inputs.get(write.id) as ReturnType<typeof profileInput>;
      await writer.profiles.update(write.id, () => input);
    } else {
      await writer.jobs.create('bench-employer', inputs.get(write.id) as ReturnType<typeof jobInput>, {
        jobId: write.id,
      });
    }
    writtenAt.set(write.id, performance.now());
    written++;
  });
  if ((await Promise.race([writing.then(() => 'written' as const), deadline])) === 'limit') {
    await reportUnfinished('the writes themselves did not finish');
  }
  const writeTime = performance.now() - started;
  if ((await Promise.race([dispatcher.drain().then(() => 'drained' as const), deadline])) === 'limit') {
    await reportUnfinished(`writes alone took ${seconds(writeTime)}`, writeTime);
  }
  clearInterval(ticker);
  const everythingApplied = performance.now() - started;
  const converged = listsFinalAt - started;
  const notified = foregroundDoneAt - started;
  await dispatcher.stop();
  const pendingJobs = await deps.matchingIndex.pendingIn('jobs', ['310000', '320000', '330000', '340000', 'remote']);
  const pendingProfiles = await deps.matchingIndex.pendingIn('profiles', ['all']);

  // The check: a sample of stored lists against lists computed from scratch over the final data.
  const allJobs: MatchJob[] = (
    await deps.matchingIndex.getJobs(writes.filter((w) => w.kind === 'job').map((w) => w.id))
  ).map(toMatchJob);
  const allProfiles = await deps.matchingIndex.getProfiles(writes.filter((w) => w.kind === 'profile').map((w) => w.id));
  const matchProfiles: MatchProfile[] = allProfiles.map(toMatchProfile);
  const discoverable = allProfiles.filter((p) => p.consents.discoverable).map(toMatchProfile);
  let setsAgree = 0;
  const graduateSample = sample(matchProfiles, Math.min(CHECK_SAMPLE, matchProfiles.length));
  const sets = await deps.matchingIndex.getMatchSets(graduateSample.map((p) => p.id));
  for (const profile of graduateSample) {
    const expected = bruteForceTopJobs(profile, allJobs, taxonomy, TOP_K).map((m) => m.jobId);
    const stored = sets.get(profile.id)?.matches.map((m) => m.jobId) ?? [];
    if (JSON.stringify(expected) === JSON.stringify(stored)) setsAgree++;
  }
  let candidatesAgree = 0;
  const jobSample = sample(allJobs, Math.min(CHECK_SAMPLE, allJobs.length));
  for (const job of jobSample) {
    const expected = bruteForceTopCandidates(job, discoverable, taxonomy, TOP_K).map((m) => m.profileId);
    const stored = (await deps.matchingIndex.listCandidates(job.id))
      .sort((a, b) => b.score - a.score || (a.graduateId < b.graduateId ? -1 : 1))
      .slice(0, TOP_K)
      .map((c) => c.graduateId);
    if (expected.every((id) => stored.includes(id))) candidatesAgree++;
  }

  console.log(
    `bench:pipeline — ${PROFILES.toLocaleString()} profiles + ${JOBS.toLocaleString()} jobs written by ${WRITERS} writers ` +
      `through the store into DynamoDB Local; dispatcher batches of ≤ ${BATCH} events, ${CONCURRENCY} at a time\n`,
  );
  console.table({
    'writes alone (baseline, same run)': {
      time: seconds(writeTime),
      'per second': Math.round(((PROFILES + JOBS) * 1000) / writeTime),
    },
    'until every list is final': {
      time: seconds(converged),
      'per second': Math.round((writes.length * 1000) / converged),
    },
    'until their notifications too (foreground lane)': {
      time: seconds(notified),
      'per second': Math.round((applied * 1000) / notified),
    },
    'until the statistics too (background lane)': {
      time: seconds(everythingApplied),
      'per second': Math.round((backgroundApplied * 1000) / everythingApplied),
    },
  });
  console.table({
    pipeline: {
      'events applied': applied,
      'events/s': Math.round((applied * 1000) / notified),
      batches,
      'coalesced to (jobs + graduates worked on)': coalescedTo,
      superseded,
      'lag p50': seconds(percentile(lags, 50)),
      'lag p99': seconds(percentile(lags, 99)),
      'converged / write time': `${(converged / writeTime).toFixed(2)}×`,
      'statistics too / write time': `${(everythingApplied / writeTime).toFixed(2)}×`,
      'pending after': pendingJobs.count + pendingProfiles.count,
      'dead letters': deadLetters,
    },
  });
  console.table({
    'stored vs from scratch': {
      'match sets identical': `${setsAgree}/${graduateSample.length}`,
      'candidate lists holding the true top 50': `${candidatesAgree}/${jobSample.length}`,
    },
  });
  console.table(
    Object.fromEntries(
      [...requests]
        .sort((a, b) => b[1].ms - a[1].ms)
        .map(([command, { count, ms }]) => [
          command,
          {
            requests: count,
            'per event': (count / Math.max(1, applied)).toFixed(2),
            'mean ms': (ms / count).toFixed(1),
          },
        ]),
    ),
  );
  const itemsWritten = [...itemsByKind.values()].reduce((a, b) => a + b, 0);
  const rawRate = await rawWriteRate(writerTable, 5_000);
  console.table(
    Object.fromEntries(
      [...itemsByKind]
        .sort((a, b) => b[1] - a[1])
        .map(([kind, count]) => [
          kind,
          {
            'items written': count,
            'per event': (count / Math.max(1, applied)).toFixed(2),
            'MB put': ((bytesByKind.get(kind) ?? 0) / 1e6).toFixed(1),
          },
        ]),
    ),
  );
  const perEvent = itemsWritten / Math.max(1, applied);
  console.log(
    `items written by the pipeline: ${itemsWritten.toLocaleString()}, ${perEvent.toFixed(1)} an event; DynamoDB Local's raw ` +
      `write rate in this run (5,000 small items, batch writes, ${CONCURRENCY} at a time): ${Math.round(rawRate)} items/s, ` +
      `so at most ${Math.round(rawRate / perEvent)} events/s for any pipeline writing ${perEvent.toFixed(1)} items an event here`,
  );
  for (const t of [table, writerTable]) {
    t.doc.destroy();
    t.raw.destroy();
  }
} finally {
  await dynamo.stop();
}
