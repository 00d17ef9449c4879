/**
 * npm run bench:matching — a synthetic Yangtze River Delta: 100,000 open jobs whose requirements are
 * sampled from ESCO's real occupation→skill relations, and 10,000 graduates. Prints, in one run,
 * top-20 latency through the index next to brute force, their agreement, and the DynamoDB path
 * (10,000 jobs on DynamoDB Local): latency and items read per recompute.
 */
import { cpus } from 'node:os';
import { getTaxonomy } from '@skillpass/taxonomy';
import { sampleOf, seededRandom } from './random.ts';
import type { DeltaCityCode, Place } from '@skillpass/domain';
import {
  bruteForceTopJobs,
  InMemoryJobIndex,
  type MatchJob,
  type MatchProfile,
  topJobsForProfile,
} from '../src/index.ts';

const JOBS = Number(process.env.BENCH_JOBS ?? 100_000);
const GRADUATES = Number(process.env.BENCH_GRADUATES ?? 10_000);
const INDEX_SAMPLE = 1_000;
const BRUTE_SAMPLE = Number(process.env.BENCH_BRUTE_SAMPLE ?? 50);
const DYNAMO_JOBS = Number(process.env.BENCH_DYNAMO_JOBS ?? 10_000);
const DYNAMO_SAMPLE = 100;
const K = 20;

const CITIES: DeltaCityCode[] = [
  '310000',
  '320100',
  '320200',
  '320400',
  '320500',
  '320600',
  '330100',
  '330200',
  '330400',
  '330600',
  '340100',
  '340200',
];

const random = seededRandom(20261124);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const sample = <T>(items: readonly T[], n: number): T[] => sampleOf(random, items, n);

const taxonomy = getTaxonomy();
const occupations = taxonomy
  .allOccupationUris()
  .map((uri) => ({ uri, ...taxonomy.occupationSkills(uri) }))
  .filter((o) => o.essential.length >= 3);

const randomPlace = (): MatchJob['place'] => {
  const roll = random();
  if (roll < 0.08) return { kind: 'remote' };
  if (roll < 0.15) return { kind: 'elsewhere', country: 'DE', city: 'Berlin' };
  return { kind: 'delta', cityCode: pick(CITIES) };
};

export function syntheticJob(i: number): MatchJob {
  const occupation = pick(occupations);
  const essential = sample(occupation.essential, 3 + Math.floor(random() * 4));
  const optional = sample(occupation.optional, Math.floor(random() * 3));
  return {
    id: `job-${String(i).padStart(6, '0')}`,
    version: 1,
    requiredSkills: [
      ...essential.map((uri) => ({
        uri,
        importance: 'essential' as const,
        minProficiency: (1 + Math.floor(random() * 3)) as 1 | 2 | 3,
      })),
      ...optional.map((uri) => ({ uri, importance: 'optional' as const, minProficiency: 1 as const })),
    ],
    place: randomPlace(),
    ...(random() < 0.3 ? { minEqfLevel: 3 + Math.floor(random() * 4) } : {}),
    postedAt: new Date(Date.UTC(2026, 8, 1) + Math.floor(random() * 90) * 86_400_000).toISOString(),
  };
}

export function syntheticGraduate(i: number): MatchProfile {
  const occupation = pick(occupations);
  const skills = sample(occupation.essential, 2 + Math.floor(random() * 6)).concat(
    sample(occupation.optional, Math.floor(random() * 3)),
  );
  const places: Place[] = sample(CITIES, 1 + Math.floor(random() * 2)).map((cityCode) => ({ kind: 'delta', cityCode }));
  return {
    id: `grad-${String(i).padStart(5, '0')}`,
    version: 1,
    skills: [...new Set(skills)].map((uri) => ({
      uri,
      proficiency: (1 + Math.floor(random() * 4)) as 1 | 2 | 3 | 4,
      verified: random() < 0.2,
    })),
    preferredPlaces: places,
    openToRemote: random() < 0.5,
    ...(random() < 0.7 ? { eqfLevel: 3 + Math.floor(random() * 5) } : {}),
  };
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};
const ms = (n: number) => `${n.toFixed(2)} ms`;

async function inProcess() {
  let started = performance.now();
  const jobs = Array.from({ length: JOBS }, (_, i) => syntheticJob(i));
  const graduates = Array.from({ length: GRADUATES }, (_, i) => syntheticGraduate(i));
  const generated = performance.now() - started;
  const heapBefore = process.memoryUsage().heapUsed;
  started = performance.now();
  const index = new InMemoryJobIndex();
  for (const job of jobs) index.put(job);
  const built = performance.now() - started;
  const heapIndex = process.memoryUsage().heapUsed - heapBefore;
  const load = (ids: readonly string[]) => index.loadJobs(ids);

  const indexTimes: number[] = [];
  const scoredCounts: number[] = [];
  const topByIndex = new Map<string, string[]>();
  for (const graduate of graduates.slice(0, INDEX_SAMPLE)) {
    const t = performance.now();
    const result = await topJobsForProfile(graduate, index, load, taxonomy, K);
    indexTimes.push(performance.now() - t);
    scoredCounts.push(result.stats.scored);
    topByIndex.set(
      graduate.id,
      result.matches.map((m) => m.jobId),
    );
  }
  const bruteTimes: number[] = [];
  let agreeing = 0;
  const bruteSample = graduates.slice(0, BRUTE_SAMPLE);
  for (const graduate of bruteSample) {
    const t = performance.now();
    const top = bruteForceTopJobs(graduate, jobs, taxonomy, K).map((m) => m.jobId);
    bruteTimes.push(performance.now() - t);
    if (JSON.stringify(top) === JSON.stringify(topByIndex.get(graduate.id))) agreeing++;
  }
  return {
    generated,
    built,
    heapIndex,
    indexTimes,
    bruteTimes,
    agreeing,
    bruteSample: bruteSample.length,
    scoredCounts,
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
    let started = performance.now();
    const items = jobs.flatMap((job) => [
      itemOf(entities.Job, entities.Job.key(job.id), {
        jobId: job.id,
        employerId: 'bench',
        status: 'open',
        title: { en: job.id },
        description: 'bench',
        requiredSkills: job.requiredSkills,
        place: job.place,
        openings: 1,
        closingDate: '2999-01-01',
        postedAt: job.postedAt,
        version: 1,
        createdAt: job.postedAt,
        updatedAt: job.postedAt,
      }),
      ...postingsOfJob(job).map(({ skillUri, posting }) =>
        itemOf(entities.JobSkillPosting, entities.JobSkillPosting.key(skillUri, partitionOfJob(job), job.id), posting),
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
    const times: number[] = [];
    const reads: number[] = [];
    for (const graduate of Array.from({ length: DYNAMO_SAMPLE }, (_, i) => syntheticGraduate(GRADUATES + i))) {
      const before = itemsRead;
      started = performance.now();
      await topJobsForProfile(
        graduate,
        { postings: (skill, partition) => counted(matchingIndex.jobPostings(skill, partition as never)) },
        async (ids) =>
          (await counted(matchingIndex.getJobs(ids))).map((j) => ({ ...j, id: j.jobId }) as unknown as MatchJob),
        taxonomy,
        K,
      );
      times.push(performance.now() - started);
      reads.push(itemsRead - before);
    }
    return { loaded, items: items.length, times, reads };
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
const p = await inProcess();
console.log(
  `generated in ${ms(p.generated)}; index built in ${ms(p.built)}, heap +${(p.heapIndex / 1e6).toFixed(0)} MB`,
);
console.table({
  'top-20 via index': {
    profiles: p.indexTimes.length,
    p50: ms(percentile(p.indexTimes, 50)),
    p99: ms(percentile(p.indexTimes, 99)),
    'jobs scored (p50)': percentile(p.scoredCounts, 50),
  },
  'top-20 brute force (baseline)': {
    profiles: p.bruteTimes.length,
    p50: ms(percentile(p.bruteTimes, 50)),
    p99: ms(percentile(p.bruteTimes, 99)),
    'jobs scored (p50)': JOBS,
  },
});
console.log(
  `speed-up at p50: ${(percentile(p.bruteTimes, 50) / percentile(p.indexTimes, 50)).toFixed(1)}×, at p99: ${(percentile(p.bruteTimes, 99) / percentile(p.indexTimes, 99)).toFixed(1)}×`,
);
console.log(
  `top-20 agreement with brute force: ${p.agreeing}/${p.bruteSample} profiles (${((100 * p.agreeing) / p.bruteSample).toFixed(1)}%)\n`,
);
if (process.env.BENCH_SKIP_DYNAMO !== '1') {
  const d = await dynamoPath();
  console.log(
    `DynamoDB Local: ${DYNAMO_JOBS.toLocaleString()} jobs (${d.items.toLocaleString()} items with postings) loaded in ${ms(d.loaded)}`,
  );
  console.table({
    'recompute via DynamoDB index': {
      recomputes: d.times.length,
      p50: ms(percentile(d.times, 50)),
      p99: ms(percentile(d.times, 99)),
      'items read p50': percentile(d.reads, 50),
      'items read p99': percentile(d.reads, 99),
      'items in table': d.items,
    },
  });
}
