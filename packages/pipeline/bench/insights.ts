/**
 * npm run bench:insights — skills intelligence on DynamoDB Local: what keeping the counters costs per event, and
 * how fast the insight queries answer, side by side with answering the same question by scanning the table.
 *
 * Writes BENCH_INSIGHT_JOBS jobs and BENCH_INSIGHT_PROFILES profiles through the repositories (as the API does),
 * then delivers one event per job and profile to the skillsInsights consumer (BENCH_INSIGHT_CONCURRENCY at a time)
 * and times each; then times the queries (shortages of a city and a province, one skill's 12-week series, the
 * places overview; BENCH_INSIGHT_QUERIES runs each) against a scan-based recount of the same shortages.
 * The figure is 100,000 jobs and 1,000,000 graduate postings; the defaults (2,000 jobs and 10,000
 * profiles, about 45,000 graduate skill postings) are that scaled down to run in minutes on a shared machine.
 */
import { type DeltaCityCode, graduateProfileInputSchema, jobPostingInputSchema } from '@skillpass/domain';
import type { DomainEvent } from '@skillpass/events';
import {
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
import { conceptSeries, forEachLimited, placesOverview, shortagesAt } from '@skillpass/services';
import { connectTable, CursorCodec, createRepositories, ensureTable } from '@skillpass/store';
import { type AttributeValue, ScanCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { runConsumer } from '../src/dispatch.ts';
import { getTaxonomy } from '@skillpass/taxonomy';
import { composeConsumerDeps } from '../src/compose.ts';

const JOBS = Number(process.env.BENCH_INSIGHT_JOBS ?? 2_000);
const PROFILES = Number(process.env.BENCH_INSIGHT_PROFILES ?? 10_000);
const CONCURRENCY = Number(process.env.BENCH_INSIGHT_CONCURRENCY ?? 8);
const QUERIES = Number(process.env.BENCH_INSIGHT_QUERIES ?? 20);

const CITIES: DeltaCityCode[] = ['310000', '320100', '320200', '320500', '330100', '330200', '340100', '340200'];
const SKILLS = Array.from(
  { length: 400 },
  (_, i) => `http://data.europa.eu/esco/skill/00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
);

/** mulberry32: the same data every run. */
function seededRandom(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = seededRandom(20261202);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
// Skewed towards the first skills, as real demand is: a few skills are asked for everywhere.
const skills = (n: number) => [
  ...new Set(Array.from({ length: n }, () => SKILLS[Math.floor(random() ** 2 * SKILLS.length)]!)),
];
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
};
const ms = (values: number[]) =>
  `p50 ${percentile(values, 50).toFixed(1)} ms, p99 ${percentile(values, 99).toFixed(1)} ms`;

const dynamo = await startDynamoDbLocal({ inMemory: true });
try {
  const table = connectTable({ tableName: 'bench-insights', endpoint: dynamo.endpoint, region: 'local' });
  await ensureTable(table);
  const cursors = new CursorCodec('bench-insights-cursor-secret-0123456789');
  const repositories = createRepositories(table, cursors);
  // The skillsInsights consumer reads no credential: a status reader that is never asked is enough.
  const deps = composeConsumerDeps({
    table,
    cursors,
    taxonomy: getTaxonomy(),
    credentialService: { standingOf: async () => 'active' },
  });

  const started = performance.now();
  await forEachLimited(
    Array.from({ length: JOBS }, (_, i) => i),
    16,
    async (i) => {
      await repositories.jobs.create(
        `emp-${i % 200}`,
        jobPostingInputSchema().parse({
          title: { en: `Job ${i}` },
          description: 'A job',
          requiredSkills: skills(3 + Math.floor(random() * 4)).map((uri) => ({ uri, importance: 'essential' })),
          place: { kind: 'delta', cityCode: pick(CITIES) },
          closingDate: '2999-12-31',
        }),
        { jobId: `job-${i}` },
      );
    },
  );
  let postings = 0;
  await forEachLimited(
    Array.from({ length: PROFILES }, (_, i) => i),
    16,
    async (i) => {
      const held = skills(2 + Math.floor(random() * 6));
      postings += held.length;
      await repositories.profiles.update(`grad-${i}`, () =>
        graduateProfileInputSchema().parse({
          displayName: `Graduate ${i}`,
          contactEmail: `g${i}@example.com`,
          skills: held.map((uri) => ({ uri, proficiency: 2 })),
          preferredPlaces: [{ kind: 'delta', cityCode: pick(CITIES) }],
        }),
      );
    },
  );
  process.stdout.write(
    `Wrote ${JOBS} jobs and ${PROFILES} profiles (${postings} graduate skill postings) in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
  );

  // Counter maintenance: one event per job and profile, as the pipeline delivers them.
  const eventOf = (i: number): DomainEvent =>
    i < JOBS
      ? {
          id: `e-job-${i}`,
          type: 'JobPosted',
          source: 'skillpass',
          occurredAt: new Date().toISOString(),
          detail: { jobId: `job-${i}`, employerId: 'e', version: 1, skills: [], partition: '310000' },
        }
      : {
          id: `e-grad-${i}`,
          type: 'ProfileSubmitted',
          source: 'skillpass',
          occurredAt: new Date().toISOString(),
          detail: { graduateId: `grad-${i - JOBS}`, version: 1, discoverable: false, personalisedMatching: true },
        };
  const perEvent: number[] = [];
  const applyStarted = performance.now();
  await forEachLimited(
    Array.from({ length: JOBS + PROFILES }, (_, i) => i),
    CONCURRENCY,
    async (i) => {
      const t = performance.now();
      await runConsumer('skillsInsights', eventOf(i), deps);
      perEvent.push(performance.now() - t);
    },
  );
  const applySeconds = (performance.now() - applyStarted) / 1000;
  process.stdout.write(
    `Counter updates: ${perEvent.length} events in ${applySeconds.toFixed(1)} s (${(perEvent.length / applySeconds).toFixed(0)} events/s at concurrency ${CONCURRENCY}); per event ${ms(perEvent)}\n`,
  );

  const time = async (run: () => Promise<unknown>) => {
    const runs: number[] = [];
    for (let i = 0; i < QUERIES; i++) {
      const t = performance.now();
      await run();
      runs.push(performance.now() - t);
    }
    return runs;
  };
  const week = isoWeekOf(new Date());
  const queryDeps = { ...repositories, clock: () => new Date() };
  const rows: Array<[string, number[]]> = [
    [
      'shortages, one city (counters)',
      await time(() => shortagesAt(queryDeps, { place: 'city:320500', week, kind: 'skill', limit: 20 })),
    ],
    [
      'shortages, one province (counters)',
      await time(() => shortagesAt(queryDeps, { place: 'province:320000', week, kind: 'skill', limit: 20 })),
    ],
    [
      'one skill, 12 weeks (counters)',
      await time(() => conceptSeries(queryDeps, { place: 'city:320500', concept: `skill:${SKILLS[0]}`, weeks: 12 })),
    ],
    ['places overview (counters)', await time(() => placesOverview(queryDeps))],
  ];
  // The same city's shortages answered by a scan: every job and profile read and counted on the spot.
  const scanRecount = async () => {
    const contributions = [];
    let startKey: Record<string, AttributeValue> | undefined;
    do {
      const out = await table.raw.send(
        new ScanCommand({
          TableName: table.name,
          FilterExpression: 'entity IN (:j, :p)',
          ExpressionAttributeValues: { ':j': { S: 'Job' }, ':p': { S: 'Profile' } },
          ExclusiveStartKey: startKey,
        }),
      );
      for (const item of (out.Items ?? []).map((raw) => unmarshall(raw))) {
        contributions.push(
          item.entity === 'Job'
            ? jobContribution(item as unknown as JobFacts)
            : graduateContribution(item as unknown as ProfileFacts),
        );
      }
      startKey = out.LastEvaluatedKey;
    } while (startKey);
    const city = countersOf(contributions).filter(
      (c) => c.place === 'city:320500' && c.week === 'all' && c.concept.startsWith('skill:'),
    );
    return rankShortages(city.map((c) => ({ concept: c.concept, figures: figuresOf(c, undefined) }))).slice(0, 20);
  };
  rows.push(['shortages, one city (scan-based recount)', await time(scanRecount)]);
  process.stdout.write('\n| query | latency |\n| --- | --- |\n');
  for (const [name, runs] of rows) process.stdout.write(`| ${name} | ${ms(runs)} |\n`);
} finally {
  await dynamo.stop();
}
