/**
 * npm run bench:insights — skills intelligence on DynamoDB Local, in three parts, each on its own table:
 *
 * 1. Counter upkeep through the real consumer: BENCH_INSIGHT_EVENTS jobs and profiles written through the
 *    repositories (as the API does), one event each delivered to `skillsInsights` (BENCH_INSIGHT_CONCURRENCY at a
 *    time): time, requests, items written and capacity units per event. Then the counters the consumer left are
 *    compared with the counters seeding computes from the same rows: they must be equal, item for item.
 * 2. Scale: BENCH_INSIGHT_JOBS jobs (100,000) and graduates up to BENCH_INSIGHT_POSTINGS graduate skill postings
 *    (1,000,000), generated, their counters computed with the consumer's rules and seeded with batch writes (the
 *    counters are what the queries read); an employer's and a school's rows for the organisation views.
 * 3. The queries the API serves, BENCH_INSIGHT_QUERIES runs each, p50/p99 with their reads, beside a scan-based
 *    recount: every job and profile row read and counted on the spot. The rows are written through the
 *    repositories at BENCH_INSIGHT_SCAN_SHARE of the scale (a scan's cost grows with the rows it reads), and the
 *    scan's time and reads are multiplied up to the full scale: an estimate, printed as one.
 */
import { loadavg } from 'node:os';
import { type AttributeValue, ScanCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { credentialTemplateInputSchema, graduateProfileInputSchema, jobPostingInputSchema } from '@skillpass/domain';
import type { DomainEvent } from '@skillpass/events';
import {
  addWeeks,
  type Cell,
  cellId,
  countersOf,
  figuresOf,
  graduateContribution,
  isoWeekOf,
  type JobFacts,
  jobContribution,
  type ProfileFacts,
  rankShortages,
} from '@skillpass/insights';
import { startDynamoDbLocal } from '@skillpass/local/dynamodb-local';
import {
  conceptSeries,
  employerSupply,
  forEachLimited,
  issuerDemand,
  placesOverview,
  shortagesAt,
} from '@skillpass/services';
import { connectTable, CursorCodec, createRepositories, ensureTable, putItems, type Table } from '@skillpass/store';
import { getTaxonomy } from '@skillpass/taxonomy';
import { composeConsumerDeps } from '../src/compose.ts';
import { runConsumer } from '../src/dispatch.ts';
import {
  CounterTally,
  counterItem,
  type GeneratedGraduate,
  type GeneratedJob,
  generator,
  graduateFacts,
  jobFacts,
} from './insights-data.ts';
import { installMeter, metered, type Usage } from './insights-meter.ts';

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const JOBS = env('BENCH_INSIGHT_JOBS', 100_000);
const POSTINGS = env('BENCH_INSIGHT_POSTINGS', 1_000_000);
const EVENTS = env('BENCH_INSIGHT_EVENTS', 600);
const SCAN_SHARE = env('BENCH_INSIGHT_SCAN_SHARE', 0.02);
const CONCURRENCY = env('BENCH_INSIGHT_CONCURRENCY', 8);
const QUERIES = env('BENCH_INSIGHT_QUERIES', 20);
/** ESCO v1.2 has 13,939 skills and 3,039 occupations; jobs and graduates draw from them with Zipf weights. */
const VOCABULARY = { skills: env('BENCH_INSIGHT_SKILLS', 13_939), occupations: 3_039 };
const WEEKS = 52;
/** BENCH_INSIGHT_SEED=all writes every counter, not only the partitions the measured queries read. */
const SEED_ALL = process.env.BENCH_INSIGHT_SEED === 'all';
const NOW = new Date();
const CITY = '320500';

const out = (line: string) => process.stdout.write(`${line}\n`);
const load = () => `load ${loadavg()[0]!.toFixed(1)}`;
const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);
const percentile = (values: readonly number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
};
const mean = (usages: readonly Usage[], field: keyof Usage) =>
  usages.reduce((sum, u) => sum + u[field], 0) / Math.max(1, usages.length);
const cursors = new CursorCodec('bench-insights-cursor-secret-0123456789');

const jobInput = (job: GeneratedJob, i: number) =>
  jobPostingInputSchema().parse({
    title: { en: `Job ${i}` },
    description: 'A job',
    requiredSkills: job.skills.map((uri) => ({ uri, importance: 'essential' })),
    occupation: { escoUri: job.occupation },
    place: { kind: 'delta', cityCode: job.cityCode },
    closingDate: '2999-12-31',
  });

const profileInput = (graduate: GeneratedGraduate, i: number) =>
  graduateProfileInputSchema().parse({
    displayName: `Graduate ${i}`,
    contactEmail: `g${i}@example.com`,
    skills: graduate.skills.map((uri) => ({ uri, proficiency: 2 })),
    preferredPlaces: graduate.cityCodes.map((cityCode) => ({ kind: 'delta', cityCode })),
    desiredOccupations: graduate.occupations.map((escoUri) => ({ escoUri })),
  });

/** Part 1: one event per job and profile through the real consumer, metered; then seeding checked against it. */
async function consumerCost(table: Table): Promise<void> {
  const repositories = createRepositories(table, cursors);
  const deps = composeConsumerDeps({
    table,
    cursors,
    taxonomy: getTaxonomy(),
    // The skillsInsights consumer reads no credential: a status reader that is never asked is enough.
    credentialService: { standingOf: async () => 'active' },
  });
  const draw = generator(1, VOCABULARY, NOW, WEEKS);
  const jobs = Math.round(EVENTS / 3);
  const started = performance.now();
  await forEachLimited(
    Array.from({ length: EVENTS }, (_, i) => i),
    16,
    async (i) => {
      if (i < jobs) await repositories.jobs.create(`emp-${i % 50}`, jobInput(draw.job(), i), { jobId: `job-${i}` });
      else await repositories.profiles.update(`grad-${i}`, () => profileInput(draw.graduate(), i));
    },
  );
  out(
    `\nPart 1, counter upkeep: wrote ${jobs} jobs and ${EVENTS - jobs} profiles in ${seconds(started)} s (${load()})`,
  );
  const event = (i: number, id: string): DomainEvent =>
    i < jobs
      ? {
          id,
          type: 'JobPosted',
          source: 'skillpass',
          occurredAt: NOW.toISOString(),
          detail: { jobId: `job-${i}`, employerId: `emp-${i % 50}`, version: 1, skills: [], partition: '320000' },
        }
      : {
          id,
          type: 'ProfileSubmitted',
          source: 'skillpass',
          occurredAt: NOW.toISOString(),
          detail: { graduateId: `grad-${i}`, version: 1, discoverable: false, personalisedMatching: true },
        };
  const deliver = async (ids: readonly number[], idOf: (i: number) => string) => {
    const runs: Array<{ job: boolean; ms: number; usage: Usage }> = [];
    const at = performance.now();
    await forEachLimited([...ids], CONCURRENCY, async (i) => {
      const t = performance.now();
      const usage = await metered(() => runConsumer('skillsInsights', event(i, idOf(i)), deps));
      runs.push({ job: i < jobs, ms: performance.now() - t, usage });
    });
    return { runs, seconds: (performance.now() - at) / 1000 };
  };
  const all = Array.from({ length: EVENTS }, (_, i) => i);
  const first = await deliver(all, (i) => `e-${i}`);
  out(
    `Delivered ${EVENTS} events in ${first.seconds.toFixed(1)} s (${(EVENTS / first.seconds).toFixed(0)} events/s at concurrency ${CONCURRENCY}, ${load()})`,
  );
  // A redelivery whose marker was lost (new event id): the consumer reads the row and its record, writes nothing.
  const again = await deliver(
    all.filter((i) => i % 10 === 0),
    (i) => `e-again-${i}`,
  );
  out('\n| event | n | ms p50 | ms p99 | requests | items written | write units (est.) | read units |');
  out('| --- | --- | --- | --- | --- | --- | --- | --- |');
  const row = (name: string, runs: typeof first.runs) => {
    const usages = runs.map((r) => r.usage);
    const ms = runs.map((r) => r.ms);
    out(
      `| ${name} | ${runs.length} | ${percentile(ms, 50).toFixed(1)} | ${percentile(ms, 99).toFixed(1)} | ${mean(usages, 'requests').toFixed(1)} | ${mean(usages, 'itemsWritten').toFixed(1)} | ${mean(usages, 'writeUnits').toFixed(1)} | ${mean(usages, 'readUnits').toFixed(1)} |`,
    );
  };
  row(
    'JobPosted (new job)',
    first.runs.filter((r) => r.job),
  );
  row(
    'ProfileSubmitted (new graduate)',
    first.runs.filter((r) => !r.job),
  );
  row('redelivery, marker lost (no change)', again.runs);

  // Seeding writes what the consumer would have left: the same rows' counters, computed and put in one go.
  const stored = await scanAll(table, ['Job', 'Profile', 'InsightCounter']);
  const tally = new CounterTally();
  for (const item of stored.filter((i) => i.entity === 'Job')) tally.add(jobContribution(item as unknown as JobFacts));
  for (const item of stored.filter((i) => i.entity === 'Profile'))
    tally.add(graduateContribution(item as unknown as ProfileFacts));
  const seeded = new Map([...tally.cells()].map((cell) => [cellId(cell), JSON.stringify(sorted(counterItem(cell)))]));
  const left = new Map(
    stored
      .filter((i) => i.entity === 'InsightCounter')
      .map((i) => [cellId(i as unknown as Cell), JSON.stringify(sorted(i))]),
  );
  const differing = [...new Set([...seeded.keys(), ...left.keys()])].filter((id) => seeded.get(id) !== left.get(id));
  if (differing.length > 0) throw new Error(`seeding differs from the consumer on ${differing.length} counters`);
  out(`Seeded counters equal the consumer's, item for item: ${left.size} counters.`);
}

const sorted = (item: Record<string, unknown>) => Object.fromEntries(Object.entries(item).sort());

async function scanAll(table: Table, entityNames: readonly string[]): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, AttributeValue> | undefined;
  do {
    const page = await table.raw.send(
      new ScanCommand({
        TableName: table.name,
        FilterExpression: `entity IN (${entityNames.map((_, i) => `:e${i}`).join(', ')})`,
        ExpressionAttributeValues: Object.fromEntries(entityNames.map((name, i) => [`:e${i}`, { S: name }])),
        ExclusiveStartKey: startKey,
      }),
    );
    items.push(...(page.Items ?? []).map((raw) => unmarshall(raw)));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items;
}

interface Sample {
  jobs: GeneratedJob[];
  graduates: GeneratedGraduate[];
  employerJobs: GeneratedJob[];
  taught: string[];
}

/** Part 2: the scale's counters, computed from generated jobs and graduates and put with batch writes. */
async function seedScale(table: Table): Promise<Sample> {
  const draw = generator(2, VOCABULARY, NOW, WEEKS);
  const every = Math.max(1, Math.round(1 / SCAN_SHARE));
  const sample: Sample = { jobs: [], graduates: [], employerJobs: [], taught: [] };
  const tally = new CounterTally();
  let started = performance.now();
  for (let i = 0; i < JOBS; i++) {
    const job = draw.job();
    tally.add(jobContribution(jobFacts(job)));
    if (i % every === 0) sample.jobs.push(job);
    // One employer's open jobs (its own rows are needed for its view): one in 2,500.
    if (i % 2_500 === 0) sample.employerJobs.push(job);
  }
  let graduates = 0;
  let postings = 0;
  for (; postings < POSTINGS; graduates++) {
    const graduate = draw.graduate();
    postings += graduate.skills.length;
    tally.add(graduateContribution(graduateFacts(graduate)));
    if (graduates % every === 0) sample.graduates.push(graduate);
  }
  out(
    `\nPart 2, scale: ${JOBS} jobs and ${graduates} graduates (${postings} graduate skill postings) over ${WEEKS} weeks, ${VOCABULARY.skills} skills: ${tally.size} counters computed in ${seconds(started)} s`,
  );
  started = performance.now();
  // A Query's cost depends only on the partition it reads, so by default only the partitions the measured queries
  // read are written: every place's running totals, and the queried city's and province's last 13 weeks.
  const oldest = addWeeks(isoWeekOf(NOW), -12);
  const read = (cell: Cell) =>
    cell.week === 'all' || ((cell.place === `city:${CITY}` || cell.place === 'province:320000') && cell.week >= oldest);
  const items = [...tally.cells()].filter((cell) => SEED_ALL || read(cell)).map(counterItem);
  await forEachLimited(
    Array.from({ length: Math.ceil(items.length / 500) }, (_, i) => items.slice(i * 500, (i + 1) * 500)),
    4,
    (chunk) => putItems(table, chunk),
  );
  out(
    `Seeded ${items.length} counters with batch writes in ${seconds(started)} s (${load()})${SEED_ALL ? '' : `; not written (weekly counters no measured query reads): ${tally.size - items.length}`}`,
  );

  // The organisation views read the organisation's own rows: an employer's jobs, a school's templates.
  const repositories = createRepositories(table, cursors);
  await forEachLimited(
    sample.employerJobs.map((job, i) => ({ job, i })),
    8,
    ({ job, i }) => repositories.jobs.create('employer', jobInput(job, i), { jobId: `emp-job-${i}` }).then(() => {}),
  );
  await repositories.issuers.put(
    'school',
    {
      legalName: { en: 'Suzhou Vocational Institute' },
      kind: 'school',
      country: 'CN',
      region: 'Jiangsu',
      accreditation: [{ by: 'Jiangsu HRSS', scope: 'training', validUntil: '2030-12-31' }],
    },
    ['bench-kid'],
  );
  // Ten templates teaching five skills each, among the 200 most asked for.
  for (let t = 0; t < 10; t++) {
    const outcomes = Array.from({ length: 5 }, (_, k) => draw.skillUri((t * 17 + k * 41) % 200));
    sample.taught.push(...outcomes);
    await repositories.issuers.createTemplate(
      'school',
      credentialTemplateInputSchema().parse({
        title: { en: `Course ${t}` },
        description: 'A course.',
        learningOutcomes: outcomes,
        workload: { hours: 40 },
        eqfLevel: 4,
        assessmentType: 'practical exam',
        participationForm: 'onsite',
        qualityAssurance: 'provincial audit',
      }),
      `tpl-${t}`,
    );
  }
  return sample;
}

/** The rows a scan-based recount reads, at SCAN_SHARE of the scale, written through the repositories. */
async function writeRowsForScan(table: Table, sample: Sample): Promise<void> {
  const repositories = createRepositories(table, cursors);
  const started = performance.now();
  await forEachLimited(
    sample.jobs.map((job, i) => ({ job, i })),
    16,
    ({ job, i }) => repositories.jobs.create(`emp-${i % 200}`, jobInput(job, i), { jobId: `job-${i}` }).then(() => {}),
  );
  await forEachLimited(
    sample.graduates.map((graduate, i) => ({ graduate, i })),
    16,
    ({ graduate, i }) => repositories.profiles.update(`grad-${i}`, () => profileInput(graduate, i)).then(() => {}),
  );
  out(
    `Rows for the scan-based recount: ${sample.jobs.length} jobs and ${sample.graduates.length} profiles (1:${Math.round(1 / SCAN_SHARE)} of the scale) written in ${seconds(started)} s (${load()})`,
  );
}

/** Part 3: each query the API serves, timed with its reads, beside the scan-based recount. */
async function timeQueries(scale: Table, rows: Table): Promise<void> {
  const deps = { ...createRepositories(scale, cursors), clock: () => NOW };
  const week = isoWeekOf(NOW);
  const top = generator(2, VOCABULARY, NOW, WEEKS).skillUri(0);
  const queries: Array<[string, () => Promise<unknown>]> = [
    [
      'shortages of a city, this week (/insights)',
      () => shortagesAt(deps, { place: `city:${CITY}`, week, kind: 'skill', limit: 20 }),
    ],
    [
      'what employers in my city ask for (top 5)',
      () => shortagesAt(deps, { place: `city:${CITY}`, week, kind: 'skill', limit: 5 }),
    ],
    [
      'shortages of a province, this week',
      () => shortagesAt(deps, { place: 'province:320000', week, kind: 'skill', limit: 20 }),
    ],
    [
      'shortages of a city, 8 weeks ago',
      () => shortagesAt(deps, { place: `city:${CITY}`, week: addWeeks(week, -8), kind: 'skill', limit: 20 }),
    ],
    [
      'occupations of a city, this week',
      () => shortagesAt(deps, { place: `city:${CITY}`, week, kind: 'occupation', limit: 20 }),
    ],
    [
      'demand vs supply of a skill, 12 weeks',
      () => conceptSeries(deps, { place: `city:${CITY}`, concept: `skill:${top}`, weeks: 12 }),
    ],
    ['places overview', () => placesOverview(deps)],
    ["a school's demand view (its templates' skills)", () => issuerDemand(deps, 'school')],
    ["an employer's supply view (its jobs' skills)", () => employerSupply(deps, 'employer')],
  ];
  out(`\nPart 3, queries at scale (${QUERIES} runs each after one warm-up, ${load()})`);
  out('\n| query | p50 ms | p99 ms | requests | read units |');
  out('| --- | --- | --- | --- | --- |');
  for (const [name, run] of queries) {
    await run();
    const ms: number[] = [];
    const usages: Usage[] = [];
    for (let i = 0; i < QUERIES; i++) {
      const t = performance.now();
      usages.push(await metered(run));
      ms.push(performance.now() - t);
    }
    out(
      `| ${name} | ${percentile(ms, 50).toFixed(1)} | ${percentile(ms, 99).toFixed(1)} | ${mean(usages, 'requests').toFixed(1)} | ${mean(usages, 'readUnits').toFixed(1)} |`,
    );
  }
  // The same city's shortages answered by a scan: every job and profile read and counted on the spot.
  const recount = async () => {
    const contributions: Cell[][] = [];
    for (const item of await scanAll(rows, ['Job', 'Profile']))
      contributions.push(
        item.entity === 'Job'
          ? jobContribution(item as unknown as JobFacts)
          : graduateContribution(item as unknown as ProfileFacts),
      );
    const city = countersOf(contributions).filter(
      (c) => c.place === `city:${CITY}` && c.week === 'all' && c.concept.startsWith('skill:'),
    );
    return rankShortages(city.map((c) => ({ concept: c.concept, figures: figuresOf(c, undefined) }))).slice(0, 20);
  };
  const runs = Math.max(1, Math.min(3, QUERIES));
  const ms: number[] = [];
  const usages: Usage[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    usages.push(await metered(recount));
    ms.push(performance.now() - t);
  }
  const factor = Math.round(1 / SCAN_SHARE);
  out(
    `| scan-based recount of a city's shortages, 1:${factor} rows (${runs} runs) | ${percentile(ms, 50).toFixed(1)} | ${percentile(ms, 99).toFixed(1)} | ${mean(usages, 'requests').toFixed(1)} | ${mean(usages, 'readUnits').toFixed(1)} |`,
  );
  out(
    `| the same at full scale, estimated (× ${factor}) | ${(percentile(ms, 50) * factor).toFixed(0)} | ${(percentile(ms, 99) * factor).toFixed(0)} | ${(mean(usages, 'requests') * factor).toFixed(0)} | ${(mean(usages, 'readUnits') * factor).toFixed(0)} |`,
  );
  out(`\nDone (${load()}).`);
}

const dynamo = await startDynamoDbLocal({ inMemory: true });
try {
  const tableNamed = async (name: string) => {
    const table = connectTable({ tableName: name, endpoint: dynamo.endpoint, region: 'local' });
    await ensureTable(table);
    installMeter(table);
    return table;
  };
  out(`Skills-intelligence bench, ${NOW.toISOString()}, ${load()}`);
  await consumerCost(await tableNamed('bench-insights-events'));
  const scale = await tableNamed('bench-insights-scale');
  const rows = await tableNamed('bench-insights-rows');
  const sample = await seedScale(scale);
  await writeRowsForScan(rows, sample);
  await timeQueries(scale, rows);
} finally {
  await dynamo.stop();
}
