/**
 * npm run bench:matching — a synthetic Yangtze River Delta: 100,000 open jobs whose requirements are
 * sampled from ESCO's real occupation→skill relations, and 10,000 graduates. Prints, in one run,
 * top-20 latency through the index next to brute force, their agreement, and the DynamoDB path
 * (10,000 jobs on DynamoDB Local): latency and items read per recompute.
 */
import { cpus, loadavg } from 'node:os';
import { occupations, syntheticGraduate, syntheticJob, taxonomy } from './synthetic-region.ts';
import {
  bruteForceTopJobs,
  CompactJobIndex,
  type MatchJob,
  type MatchProfile,
  type RankingStats,
  topJobsByImpactPages,
  topJobsForProfile,
} from '../src/index.ts';
import { MapJobIndex } from './map-index.ts';

const JOBS = Number(process.env.BENCH_JOBS ?? 100_000);
const GRADUATES = Number(process.env.BENCH_GRADUATES ?? 10_000);
const INDEX_SAMPLE = 1_000;
const BRUTE_SAMPLE = Number(process.env.BENCH_BRUTE_SAMPLE ?? 50);
const DYNAMO_JOBS = Number(process.env.BENCH_DYNAMO_JOBS ?? 10_000);
const DYNAMO_SAMPLE = 100;
const K = 20;
/** Leaves the previous (map) index out: at 500,000 jobs its build alone takes minutes and ~400 MB on a busy machine. */
const SKIP_PREVIOUS = process.env.BENCH_SKIP_PREVIOUS === '1';

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};
const ms = (n: number) => `${n.toFixed(2)} ms`;

const heapUsed = () => {
  globalThis.gc?.();
  return process.memoryUsage().heapUsed;
};

interface Timed {
  times: number[];
  /** CPU time of this process per query: on a shared machine, wall time also counts the time others ran. */
  cpu: number[];
  postings: number[];
  scored: number[];
  tops: Map<string, string[]>;
}

async function timeQueries(
  graduates: readonly MatchProfile[],
  query: (graduate: MatchProfile) => Promise<{ matches: Array<{ jobId: string }>; stats: RankingStats }>,
): Promise<Timed> {
  const timed: Timed = { times: [], cpu: [], postings: [], scored: [], tops: new Map() };
  for (const graduate of graduates) {
    const cpu = process.cpuUsage();
    const t = performance.now();
    const result = await query(graduate);
    timed.times.push(performance.now() - t);
    const used = process.cpuUsage(cpu);
    timed.cpu.push((used.user + used.system) / 1000);
    timed.postings.push(result.stats.postingsRead);
    timed.scored.push(result.stats.scored);
    timed.tops.set(
      graduate.id,
      result.matches.map((m) => m.jobId),
    );
  }
  return timed;
}

async function inProcess() {
  let started = performance.now();
  const heapStart = heapUsed();
  const jobs = Array.from({ length: JOBS }, (_, i) => syntheticJob(i));
  const heapJobs = heapUsed() - heapStart;
  const graduates = Array.from({ length: GRADUATES }, (_, i) => syntheticGraduate(i));
  const generated = performance.now() - started;

  // The compact index, then the previous one (maps of posting objects), each measured alone on the heap.
  let heapBefore = heapUsed();
  started = performance.now();
  const compact = new CompactJobIndex();
  for (const job of jobs) compact.put(job);
  const compactBuilt = performance.now() - started;
  const compactHeap = heapUsed() - heapBefore;
  heapBefore = heapUsed();
  started = performance.now();
  const previous = new MapJobIndex();
  if (!SKIP_PREVIOUS) for (const job of jobs) previous.put(job);
  const previousBuilt = performance.now() - started;
  const previousHeap = heapUsed() - heapBefore;

  const sample = graduates.slice(0, INDEX_SAMPLE);
  // Every list read once first (the compact index sorts a list on its first read after a bulk load).
  for (const graduate of sample) compact.topJobs(graduate, taxonomy, K);
  // Interleaved in ten parts, so a noisy moment on a shared machine lands on both.
  const compactRuns: Timed[] = [];
  const previousRuns: Timed[] = [];
  const part = Math.ceil(sample.length / 10);
  for (let start = 0; start < sample.length; start += part) {
    const graduatesPart = sample.slice(start, start + part);
    compactRuns.push(await timeQueries(graduatesPart, async (g) => compact.topJobs(g, taxonomy, K)));
    if (SKIP_PREVIOUS) continue;
    previousRuns.push(
      await timeQueries(graduatesPart, (g) =>
        // The previous index through the same top-k as the DynamoDB path: every posting accumulated, best bound first.
        topJobsForProfile(g, previous, (ids) => previous.loadJobs(ids), taxonomy, K),
      ),
    );
  }
  const merge = (runs: Timed[]): Timed => ({
    times: runs.flatMap((r) => r.times),
    cpu: runs.flatMap((r) => r.cpu),
    postings: runs.flatMap((r) => r.postings),
    scored: runs.flatMap((r) => r.scored),
    tops: new Map(runs.flatMap((r) => [...r.tops])),
  });
  const viaCompact = merge(compactRuns);
  const viaPrevious = merge(previousRuns);

  const bruteTimes: number[] = [];
  const bruteCpu: number[] = [];
  let agreeing = 0;
  let previousAgreeing = 0;
  const bruteSample = graduates.slice(0, BRUTE_SAMPLE);
  for (const graduate of bruteSample) {
    const cpu = process.cpuUsage();
    const t = performance.now();
    const top = JSON.stringify(bruteForceTopJobs(graduate, jobs, taxonomy, K).map((m) => m.jobId));
    bruteTimes.push(performance.now() - t);
    const used = process.cpuUsage(cpu);
    bruteCpu.push((used.user + used.system) / 1000);
    if (top === JSON.stringify(viaCompact.tops.get(graduate.id))) agreeing++;
    if (top === JSON.stringify(viaPrevious.tops.get(graduate.id))) previousAgreeing++;
  }
  // Beyond the brute-force sample: the compact index must give the previous path's list for every profile.
  const sameAsPrevious = sample.filter(
    (g) => JSON.stringify(viaCompact.tops.get(g.id)) === JSON.stringify(viaPrevious.tops.get(g.id)),
  ).length;
  return {
    generated,
    heapJobs,
    compact: { built: compactBuilt, heap: compactHeap, ...viaCompact },
    previous: { built: previousBuilt, heap: previousHeap, ...viaPrevious },
    bruteTimes,
    bruteCpu,
    agreeing,
    previousAgreeing,
    sameAsPrevious,
    sample: sample.length,
    bruteSample: bruteSample.length,
  };
}

async function dynamoPath() {
  const { startDynamoDbLocal } = await import('@skillpass/local/dynamodb-local');
  const { connectTable, createRepositories, CursorCodec, ensureTable, entities, itemOf, putItems } = await import(
    '@skillpass/store'
  );
  const { postingsOfJob, partitionOfJob } = await import('../src/index.ts');
  const dynamo = await startDynamoDbLocal({ inMemory: true });
  try {
    const table = connectTable({ tableName: 'bench', endpoint: dynamo.endpoint, region: 'local' });
    await ensureTable(table);
    const { matchingIndex } = createRepositories(table, new CursorCodec('bench-cursor-secret-0123'));
    // Items read per recompute: counted here, around the repository, not inside it.
    let itemsRead = 0;
    const counted = async <T>(read: Promise<T[]>) => {
      const items = await read;
      itemsRead += items.length;
      return items;
    };
    const jobs = Array.from({ length: DYNAMO_JOBS }, (_, i) => syntheticJob(JOBS + i));
    const started = performance.now();
    const items = jobs.flatMap((job) => [
      itemOf(entities.Job, entities.Job.key(job.id), {
        jobId: job.id,
        employerId: 'bench',
        status: 'open',
        title: { en: job.id },
        description: 'bench',
        requiredSkills: job.requiredSkills,
        place: job.place,
        // The level requirement decides part of the score: without it the stored job would score unlike brute force's.
        ...(job.minEqfLevel === undefined ? {} : { minEqfLevel: job.minEqfLevel }),
        openings: 1,
        closingDate: '2999-01-01',
        postedAt: job.postedAt,
        version: 1,
        createdAt: job.postedAt,
        updatedAt: job.postedAt,
      }),
      ...postingsOfJob(job).map(({ skillUri, posting, impact }) =>
        itemOf(
          entities.JobSkillPosting,
          entities.JobSkillPosting.key(skillUri, partitionOfJob(job), job.id),
          { ...posting, impact },
          { skillUri, region: partitionOfJob(job), jobId: job.id, impact },
        ),
      ),
    ]);
    for (let i = 0; i < items.length; i += 2_500) {
      await Promise.all(
        Array.from({ length: 10 }, (_, k) => items.slice(i + k * 250, i + (k + 1) * 250)).map((chunk) =>
          putItems(table, chunk),
        ),
      );
    }
    const loaded = performance.now() - started;
    const whole: Array<{ time: number; reads: number }> = [];
    const paged: Array<{ time: number; reads: number }> = [];
    let agreeing = 0;
    let wholeAgreeing = 0;
    const loadJobs = async (ids: readonly string[]) =>
      (await counted(matchingIndex.getJobs(ids))).map((j) => ({ ...j, id: j.jobId }) as unknown as MatchJob);
    const measure = async <T>(into: Array<{ time: number; reads: number }>, run: () => Promise<T>) => {
      const before = itemsRead;
      const t = performance.now();
      const result = await run();
      into.push({ time: performance.now() - t, reads: itemsRead - before });
      return result;
    };
    for (const graduate of Array.from({ length: DYNAMO_SAMPLE }, (_, i) => syntheticGraduate(GRADUATES + i))) {
      // Every posting list read whole (by job id), as the pipeline's recompute does today ...
      const viaWhole = await measure(whole, () =>
        topJobsForProfile(
          graduate,
          { postings: (skill, partition) => counted(matchingIndex.jobPostings(skill, partition as never)) },
          loadJobs,
          taxonomy,
          K,
        ),
      );
      // ... and the lists' heads in impact order (GSI1), a page at a time, only while a job below can still enter.
      const viaPages = await measure(paged, () =>
        topJobsByImpactPages(
          graduate,
          {
            postingsPage: async (skill, partition, page) => {
              const read = await matchingIndex.jobPostingsByImpact(skill, partition, page);
              itemsRead += read.postings.length;
              return read;
            },
          },
          loadJobs,
          taxonomy,
          K,
        ),
      );
      const brute = bruteForceTopJobs(graduate, jobs, taxonomy, K)
        .map((m) => m.jobId)
        .join();
      if (viaWhole.matches.map((m) => m.jobId).join() === brute) wholeAgreeing++;
      if (viaPages.matches.map((m) => m.jobId).join() === brute) agreeing++;
    }
    return { loaded, items: items.length, whole, paged, agreeing, wholeAgreeing };
  } finally {
    await dynamo.stop();
  }
}

const cpu = cpus()[0]?.model ?? 'unknown CPU';
console.log(`skillpass matching benchmark — ${new Date().toISOString()}`);
console.log(`machine: ${cpus().length} × ${cpu}, node ${process.version}`);
console.log(
  `region: ${JOBS.toLocaleString()} open jobs sampled from ${occupations.length} ESCO occupations, ${GRADUATES.toLocaleString()} graduates\n`,
);
/** The machine is shared: every figure is printed with the load it was measured under. */
const load = () =>
  `load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ')} (1 / 5 / 15 min)`;
console.log(load());
const p = await inProcess();
console.log(`after the in-process part: ${load()}`);
const perJob = (bytes: number) => `${Math.round(bytes / JOBS)} B/job`;
console.log(
  `generated in ${ms(p.generated)}; the jobs as objects take ${(p.heapJobs / 1e6).toFixed(0)} MB (${perJob(p.heapJobs)})`,
);
const row = (
  r: { times: number[]; cpu: number[]; postings: number[]; scored: number[] },
  built: number,
  heap: number,
) => ({
  profiles: r.times.length,
  p50: ms(percentile(r.times, 50)),
  p99: ms(percentile(r.times, 99)),
  'CPU p50 / p99': `${ms(percentile(r.cpu, 50))} / ${ms(percentile(r.cpu, 99))}`,
  'postings read p50 / p99': `${percentile(r.postings, 50)} / ${percentile(r.postings, 99)}`,
  'jobs scored p50 / p99': `${percentile(r.scored, 50)} / ${percentile(r.scored, 99)}`,
  'index build': `${(built / 1000).toFixed(1)} s`,
  'index heap': `+${(heap / 1e6).toFixed(0)} MB (${perJob(heap)})`,
});
console.table({
  'top-20, compact index (bounds, best first)': row(p.compact, p.compact.built, p.compact.heap),
  ...(SKIP_PREVIOUS ? {} : { 'top-20, previous index (maps)': row(p.previous, p.previous.built, p.previous.heap) }),
  'top-20, brute force': {
    profiles: p.bruteTimes.length,
    p50: ms(percentile(p.bruteTimes, 50)),
    p99: ms(percentile(p.bruteTimes, 99)),
    'CPU p50 / p99': `${ms(percentile(p.bruteCpu, 50))} / ${ms(percentile(p.bruteCpu, 99))}`,
    'postings read p50 / p99': '—',
    'jobs scored p50 / p99': `${JOBS} / ${JOBS}`,
    'index build': '—',
    'index heap': '—',
  },
});
if (!SKIP_PREVIOUS)
  console.log(
    `compact vs previous: ${(percentile(p.previous.times, 50) / percentile(p.compact.times, 50)).toFixed(1)}× at p50, ${(percentile(p.previous.times, 99) / percentile(p.compact.times, 99)).toFixed(1)}× at p99; vs brute force ${(percentile(p.bruteTimes, 99) / percentile(p.compact.times, 99)).toFixed(0)}× at p99`,
  );
console.log(
  `top-20 agreement with brute force: compact ${p.agreeing}/${p.bruteSample} (${((100 * p.agreeing) / p.bruteSample).toFixed(1)}%)${SKIP_PREVIOUS ? '' : `, previous ${p.previousAgreeing}/${p.bruteSample}; compact = previous for ${p.sameAsPrevious}/${p.sample} profiles`}\n`,
);
if (process.env.BENCH_SKIP_DYNAMO !== '1') {
  const d = await dynamoPath();
  console.log(
    `DynamoDB Local: ${DYNAMO_JOBS.toLocaleString()} jobs (${d.items.toLocaleString()} items with postings) loaded in ${ms(d.loaded)}`,
  );
  const dynamoRow = (runs: Array<{ time: number; reads: number }>) => ({
    recomputes: runs.length,
    p50: ms(
      percentile(
        runs.map((r) => r.time),
        50,
      ),
    ),
    p99: ms(
      percentile(
        runs.map((r) => r.time),
        99,
      ),
    ),
    'items read p50': percentile(
      runs.map((r) => r.reads),
      50,
    ),
    'items read p99': percentile(
      runs.map((r) => r.reads),
      99,
    ),
  });
  console.table({
    'recompute, whole posting lists': dynamoRow(d.whole),
    'recompute, impact-ordered heads (GSI1, Limit)': dynamoRow(d.paged),
  });
  console.log(
    `top-20 agreement with brute force: whole lists ${d.wholeAgreeing}/${d.whole.length}, impact-ordered heads ${d.agreeing}/${d.paged.length}`,
  );
  console.log(`after the DynamoDB part: ${load()}`);
}
