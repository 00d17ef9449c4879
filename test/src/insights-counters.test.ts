import type { DeltaCityCode, GraduateProfileInput, JobPostingInput } from '@skillpass/domain';
import { type Cell, cellId, countersOf, graduateContribution, jobContribution } from '@skillpass/insights';
import { runConsumer } from '@skillpass/pipeline';
import { DynamoInsightsRepository, type Table } from '@skillpass/store';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanTable, skillUri, startTestRuntime, type TestRuntime } from './harness.ts';

let rt: TestRuntime;
beforeAll(async () => {
  rt = await startTestRuntime();
});
afterAll(async () => rt.close());

const CITIES: DeltaCityCode[] = ['310000', '320500', '330100'];
const SKILLS = [1, 2, 3, 4].map(skillUri);

/** The insight counters in the table, zeros left out (a counter taken back to zero stays as an item). */
async function storedCounters(table: Table): Promise<Map<string, Cell>> {
  const cells = (await scanTable(table))
    .filter((item) => item.entity === 'InsightCounter')
    .map((item) => ({
      place: item.place,
      week: item.week,
      concept: item.concept,
      jobs: Number(item.jobs),
      declared: Number(item.declared),
      verified: Number(item.verified),
    }))
    .filter((c) => c.jobs !== 0 || c.declared !== 0 || c.verified !== 0) as Cell[];
  return new Map(cells.map((c) => [cellId(c), c]));
}

/** An event as the pipeline delivers it (the catalogue's type, through the consumer runner's signature). */
type DomainEvent = Parameters<typeof runConsumer>[1];

const asMap = (cells: readonly Cell[]) => new Map(cells.map((c) => [cellId(c), c]));

/** A brute-force recount: every job and profile read again, counted from scratch. */
async function recount(jobIds: readonly string[], graduateIds: readonly string[]): Promise<Map<string, Cell>> {
  const jobs = await Promise.all(jobIds.map((id) => rt.deps.jobs.get(id)));
  const profiles = await Promise.all(graduateIds.map((id) => rt.deps.profiles.get(id)));
  return asMap(countersOf([...jobs.map(jobContribution), ...profiles.map(graduateContribution)]));
}

const jobInput = (skills: string[], cityCode: DeltaCityCode): JobPostingInput => ({
  title: { en: 'Technician' },
  description: 'Keeps the line running.',
  requiredSkills: skills.map((uri) => ({ uri, importance: 'essential', minProficiency: 1 })),
  place: { kind: 'delta', cityCode },
  openings: 1,
  closingDate: '2999-01-01',
});
const profileInput = (skills: string[], cities: DeltaCityCode[]): GraduateProfileInput => ({
  displayName: 'Graduate',
  contactEmail: 'g@example.com',
  education: [],
  skills: skills.map((uri) => ({ uri, proficiency: 2 })),
  languages: [],
  preferredPlaces: cities.map((cityCode) => ({ kind: 'delta', cityCode })),
  openToRemote: false,
  desiredOccupations: [],
  consents: { discoverable: false, personalisedMatching: true },
});

const event = (id: string, detail: { jobId: string } | { graduateId: string }): DomainEvent => ({
  id,
  type: 'jobId' in detail ? 'JobUpdated' : 'ProfileSubmitted',
  source: 'skillpass',
  occurredAt: new Date().toISOString(),
  detail: detail as DomainEvent['detail'],
});

const skillsArb = fc.uniqueArray(fc.constantFrom(...SKILLS), { minLength: 1, maxLength: 3 });
const opArb = fc.oneof(
  fc.record({ op: fc.constant('job' as const), n: fc.nat(2), skills: skillsArb, city: fc.constantFrom(...CITIES) }),
  fc.record({ op: fc.constant('close' as const), n: fc.nat(2) }),
  fc.record({
    op: fc.constant('profile' as const),
    n: fc.nat(2),
    skills: skillsArb,
    verified: fc.uniqueArray(fc.constantFrom(...SKILLS), { maxLength: 2 }),
    cities: fc.uniqueArray(fc.constantFrom(...CITIES), { maxLength: 2 }),
  }),
  fc.record({ op: fc.constant('erase' as const), n: fc.nat(2) }),
);
// How each change reaches the consumer: once, twice with one id (the marker skips it), again under a new id (the
// marker lost: the recount itself must not count twice), or only at the end (late, after later changes).
const deliveryArb = fc.constantFrom('once', 'duplicate', 'redelivered', 'late');

describe('insight counters in DynamoDB Local', () => {
  it('equal a brute-force recount, and what the rebuild writes, after random changes delivered with duplicates and late', async () => {
    let run = 0;
    // Every job and graduate of every run stays in the table, so the recount covers them all.
    const jobIds: string[] = [];
    const graduateIds: string[] = [];
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(opArb, deliveryArb), { minLength: 1, maxLength: 10 }), async (steps) => {
        run++;
        const graduatesOfRun = [0, 1, 2].map((n) => `g${run}-${n}`);
        graduateIds.push(...graduatesOfRun);
        const late: DomainEvent[] = [];
        let eventNo = 0;
        const deliver = async (detail: { jobId: string } | { graduateId: string }, how: string) => {
          const e = event(`e${run}-${eventNo++}`, detail);
          if (how === 'late') return void late.push(e);
          await runConsumer('skillsInsights', e, rt.deps);
          if (how === 'duplicate') await runConsumer('skillsInsights', e, rt.deps);
          if (how === 'redelivered') await runConsumer('skillsInsights', { ...e, id: `${e.id}-again` }, rt.deps);
        };
        for (const [step, how] of steps) {
          if (step.op === 'job') {
            const id = `j${run}-${step.n}`;
            const existing = await rt.deps.jobs.get(id);
            if (existing?.status === 'open') {
              await rt.deps.jobs.replace({ ...existing, ...jobInput(step.skills, step.city) }, existing.version);
            } else if (!existing) {
              await rt.deps.jobs.create('emp-prop', jobInput(step.skills, step.city), { jobId: id });
              jobIds.push(id);
            }
            await deliver({ jobId: id }, how);
          } else if (step.op === 'close') {
            const id = `j${run}-${step.n}`;
            if ((await rt.deps.jobs.get(id))?.status === 'open') await rt.deps.jobs.close(id);
            await deliver({ jobId: id }, how);
          } else if (step.op === 'profile') {
            const id = graduatesOfRun[step.n]!;
            await rt.deps.profiles.update(id, () => profileInput(step.skills, step.cities));
            await rt.deps.profiles.setVerifiedSkills(
              id,
              step.verified.map((uri) => ({ uri, credentialId: 'cred' })).sort((a, b) => a.uri.localeCompare(b.uri)),
            );
            await deliver({ graduateId: id }, how);
          } else {
            const id = graduatesOfRun[step.n]!;
            if (await rt.deps.profiles.get(id)) await rt.deps.profiles.erase(id);
            await deliver({ graduateId: id }, how);
          }
        }
        for (const e of late) await runConsumer('skillsInsights', e, rt.deps);
        const incremental = await storedCounters(rt.table);
        expect(incremental).toEqual(await recount(jobIds, graduateIds));
        // The recovery path gives the same counters (and the next run goes on from what it wrote).
        await rt.deps.insights.rebuild();
        expect(await storedCounters(rt.table)).toEqual(incremental);
      }),
      { numRuns: 6 },
    );
    // Six runs of up to ten changes, each several requests: at load 35 this took over the default 120 s, and a run
    // cut short leaves counters behind for the next test of the file. Only a hang should fail it.
  }, 900_000);
});

describe('a recount too big for one transaction', () => {
  it('is finished exactly once by the next call after a crash between its transactions', async () => {
    // 20 skills in 12 cities (and their 4 provinces): about 700 counter changes, 8 transactions.
    const cities: DeltaCityCode[] = [
      '310000',
      '320100',
      '320200',
      '320500',
      '330100',
      '330200',
      '330300',
      '340100',
      '340200',
      '320600',
      '330400',
      '340300',
    ];
    const id = 'g-many';
    await rt.deps.profiles.update(id, () =>
      profileInput(
        Array.from({ length: 20 }, (_, i) => skillUri(100 + i)),
        cities,
      ),
    );
    const cells = graduateContribution(await rt.deps.profiles.get(id));
    const before = await storedCounters(rt.table);
    let transactions = 0;
    // A table whose third transaction never happens: the process "crashes" there.
    const crashing: Table = {
      ...rt.table,
      doc: new Proxy(rt.table.doc, {
        get(target, name, receiver) {
          if (name !== 'send') return Reflect.get(target, name, receiver);
          return (command: { constructor: { name: string } }) => {
            if (command.constructor.name === 'TransactWriteCommand' && ++transactions === 3) {
              return Promise.reject(new Error('crashed'));
            }
            return target.send(command as never);
          };
        },
      }),
    };
    await expect(
      new DynamoInsightsRepository(crashing, () => new Date()).recount(`graduate#${id}`, cells),
    ).rejects.toThrow('crashed');
    expect(transactions).toBe(3);
    // The redelivery (a fresh process) finishes the pending chunks and counts nothing twice.
    await rt.deps.insights.recount(`graduate#${id}`, cells);
    await rt.deps.insights.recount(`graduate#${id}`, cells);
    // What the table held before (other tests' counters) plus this graduate, once.
    const expected = new Map(before);
    for (const cell of countersOf([cells])) {
      const was = expected.get(cellId(cell));
      expected.set(
        cellId(cell),
        was
          ? { ...cell, declared: was.declared + cell.declared, verified: was.verified + cell.verified, jobs: was.jobs }
          : cell,
      );
    }
    expect(await storedCounters(rt.table)).toEqual(expected);
    // Erased: every one of those counters goes back to what it was, and the contribution record goes too.
    await rt.deps.profiles.erase(id);
    await rt.deps.insights.recount(`graduate#${id}`, graduateContribution(await rt.deps.profiles.get(id)));
    expect(await storedCounters(rt.table)).toEqual(before);
    const left = (await scanTable(rt.table)).filter((item) => item.PK === `INSIGHTSRC#graduate#${id}`);
    expect(left).toEqual([]);
    // About 25 transactions of up to 100 items and three scans: over 120 s at load 35. Only a hang should fail it.
  }, 600_000);
});

describe('the recounts of a whole pipeline batch at once', () => {
  let own: TestRuntime;
  beforeAll(async () => {
    // A table of its own: the brute-force recount below covers every job and graduate in it.
    own = await startTestRuntime();
  });
  afterAll(async () => own.close());

  it('equal a brute-force recount however the sources are grouped, and a redelivery adds nothing', async () => {
    const jobIds = Array.from({ length: 40 }, (_, i) => `bj${i}`);
    const graduateIds = Array.from({ length: 40 }, (_, i) => `bg${i}`);
    const skillsOf = (i: number) => SKILLS.filter((_, s) => (i >> s) % 2 === 1 || s === i % SKILLS.length);
    for (const [i, id] of jobIds.entries())
      await own.deps.jobs.create('emp-batch', jobInput(skillsOf(i), CITIES[i % CITIES.length]!), { jobId: id });
    for (const [i, id] of graduateIds.entries())
      await own.deps.profiles.update(id, () => profileInput(skillsOf(i + 3), [CITIES[i % CITIES.length]!]));
    const recountAll = async () => {
      const jobs = await Promise.all(jobIds.map((id) => own.deps.jobs.get(id)));
      const profiles = await Promise.all(graduateIds.map((id) => own.deps.profiles.get(id)));
      await own.deps.insights.recountMany([
        ...jobIds.map((id, i) => ({ source: `job#${id}` as const, cells: jobContribution(jobs[i]) })),
        ...graduateIds.map((id, i) => ({
          source: `graduate#${id}` as const,
          cells: graduateContribution(profiles[i]),
        })),
      ]);
    };
    const bruteForce = async () => {
      const jobs = await Promise.all(jobIds.map((id) => own.deps.jobs.get(id)));
      const profiles = await Promise.all(graduateIds.map((id) => own.deps.profiles.get(id)));
      return asMap(countersOf([...jobs.map(jobContribution), ...profiles.map(graduateContribution)]));
    };

    await recountAll();
    const first = await storedCounters(own.table);
    expect(first.size).toBeGreaterThan(0);
    expect(first).toEqual(await bruteForce());
    // Delivered again: nothing changes.
    await recountAll();
    expect(await storedCounters(own.table)).toEqual(first);

    // Some jobs closed, some graduates erased or changed: the counters follow, and the rows gone leave nothing.
    for (const id of jobIds.filter((_, i) => i % 3 === 0)) await own.deps.jobs.close(id);
    for (const id of graduateIds.filter((_, i) => i % 4 === 0)) await own.deps.profiles.erase(id);
    for (const id of graduateIds.filter((_, i) => i % 4 === 1))
      await own.deps.profiles.update(id, () => profileInput([SKILLS[0]!], [CITIES[0]!]));
    await recountAll();
    expect(await storedCounters(own.table)).toEqual(await bruteForce());
    const records = (await scanTable(own.table)).filter((item) => item.entity === 'InsightContribution');
    expect(records).toHaveLength(jobIds.length - 14 + graduateIds.length - 10);
  }, 600_000);
});
