import {
  CONSUMERS,
  type ConsumerEvent,
  type ConsumerName,
  consumersFor,
  type DomainEvent,
  handles,
} from '@skillpass/events';
import { graduateContribution, jobContribution } from '@skillpass/insights';
import { forEachLimited } from '@skillpass/services';
import type { InsightSource } from '@skillpass/store';
import { CONSUMER_HANDLERS, type ConsumerDeps } from './consumers.ts';
import { applyMatchingEvents, type MatchingBatchStats } from './matching-batch.ts';
import { counterChangesOf } from './platform-counters.ts';

/**
 * Runs one consumer for one event at most once in effect: a marker written after success makes
 * redeliveries no-ops, and the handlers' own writes are idempotent should the marker be lost.
 * The event is taken as one `DomainEvent` rather than the union of all, so `handles` narrows it to
 * exactly the types the consumer declares, which is what its handler accepts.
 */
export async function runConsumer<N extends ConsumerName>(
  consumer: N,
  event: DomainEvent,
  deps: ConsumerDeps,
): Promise<void> {
  if (await deps.eventLog.wasConsumed(consumer, event.id)) return;
  // Routing delivers only declared types; an event of another type is marked without effect, as before.
  if (handles(consumer, event)) await CONSUMER_HANDLERS[consumer](event, deps);
  await deps.eventLog.markConsumed(consumer, event.id);
}

/** Delivers an event to every consumer the routing table names for its type. */
export async function dispatchEvent(event: DomainEvent, deps: ConsumerDeps): Promise<void> {
  for (const consumer of consumersFor(event.type)) await runConsumer(consumer, event, deps);
}

/** The events of a batch one consumer has not yet consumed, narrowed to the types it declares. */
function eventsFor<N extends ConsumerName>(
  consumer: N,
  events: readonly DomainEvent[],
  done: ReadonlySet<string>,
): ConsumerEvent<N>[] {
  return events.filter(
    (event): event is ConsumerEvent<N> => handles(consumer, event) && !done.has(`${consumer} ${event.id}`),
  );
}

/** Matching applies a batch coalesced; every other consumer runs per event. Derived, so a new consumer is never skipped. */
const MATCHING_CONSUMERS: readonly ConsumerName[] = ['jobMatching', 'graduateMatching'];
const KEYED_CONSUMERS = CONSUMERS.filter((consumer) => !MATCHING_CONSUMERS.includes(consumer));

/**
 * Who an event is about, so that one graduate's (or employer's) events run in order. An event about
 * neither (a credential held outside skillpass, an email to send) is its own key: such events run in
 * parallel, not queued behind one another.
 */
const keyOf = (event: DomainEvent): string => {
  const detail = event.detail as { graduateId?: string; employerId?: string };
  return detail.graduateId ?? detail.employerId ?? `event ${event.id}`;
};

/** The job or graduate an event is about. */
const sourceOf = (event: DomainEvent): InsightSource => {
  const detail = event.detail as { jobId?: string; graduateId?: string };
  return detail.jobId ? `job#${detail.jobId}` : `graduate#${detail.graduateId}`;
};

/**
 * The skills-insights consumer for a whole batch: each job and graduate counted from its current row (read in
 * batch reads), every recount applied together (`recountMany`) rather than a transaction each on hot counters.
 */
async function recountInsights(deps: ConsumerDeps, sources: readonly InsightSource[]): Promise<void> {
  if (sources.length === 0) return;
  const idsOf = (prefix: string) => sources.filter((s) => s.startsWith(prefix)).map((s) => s.slice(prefix.length));
  const [jobs, profiles] = await Promise.all([
    deps.matchingIndex.getJobs(idsOf('job#')),
    deps.matchingIndex.getProfiles(idsOf('graduate#')),
  ]);
  const jobById = new Map(jobs.map((job) => [job.jobId, job]));
  const profileById = new Map(profiles.map((profile) => [profile.graduateId, profile]));
  await deps.insights.recountMany(
    sources.map((source) => ({
      source,
      cells: source.startsWith('job#')
        ? jobContribution(jobById.get(source.slice('job#'.length)))
        : graduateContribution(profileById.get(source.slice('graduate#'.length))),
    })),
  );
}

/** What a batch did: matching's figures, and the time of the other consumers and of the consumed markers. */
export type BatchStats = MatchingBatchStats & {
  phases: MatchingBatchStats['phases'] & { others: number; insights: number; markers: number };
};

/**
 * Delivers a batch of events (in stream order) to every consumer the routing table names, at most
 * once in effect per consumer and event, as `dispatchEvent` does one by one: markers are read and
 * written in batches, matching applies the batch coalesced (`applyMatchingEvents`) while the other
 * consumers run beside it, in parallel across graduates and in order for one graduate; `credentialSkills`, which
 * recomputes a graduate's verified skills from their credentials, runs once per graduate, and
 * `platformCounters` once per batch (its counts summed, each event still counted exactly once). A failure
 * leaves the batch unmarked, so it is delivered again and converges (every consumer is idempotent).
 * `consumers` limits the delivery to those consumers (the local dispatcher's foreground and background lanes).
 */
export async function dispatchBatch(
  events: readonly DomainEvent[],
  deps: ConsumerDeps,
  options: { concurrency?: number; consumers?: readonly ConsumerName[] } = {},
): Promise<BatchStats> {
  const concurrency = options.concurrency ?? 8;
  const t0 = performance.now();
  const only = options.consumers ?? CONSUMERS;
  const deliveries = events.flatMap((event) =>
    consumersFor(event.type)
      .filter((consumer) => only.includes(consumer))
      .map((consumer) => ({ consumer, eventId: event.id })),
  );
  const done = await deps.eventLog.consumedAmong(deliveries);
  // A consumer left out of this batch gets none of its events.
  const pending = <N extends ConsumerName>(consumer: N): ConsumerEvent<N>[] =>
    only.includes(consumer) ? eventsFor(consumer, events, done) : [];
  const t1 = performance.now();
  const byGraduate = new Map<string, Array<() => Promise<void>>>();
  const insightSources = new Set<InsightSource>();
  const queue = (graduateId: string, run: () => Promise<void>) =>
    byGraduate.set(graduateId, [...(byGraduate.get(graduateId) ?? []), run]);
  for (const consumer of KEYED_CONSUMERS) {
    const mine = pending(consumer);
    if (consumer === 'platformCounters') {
      // Coalesced: the batch's counts in a few transactions, not one per event on the same hot items.
      const counted = mine as ConsumerEvent<'platformCounters'>[];
      queue('platformCounters', () =>
        deps.counters.applyManyOnce(counted.map((event) => ({ eventId: event.id, changes: counterChangesOf(event) }))),
      );
    } else if (consumer === 'credentialSkills') {
      const last = new Map(mine.map((event) => [keyOf(event), event]));
      for (const [graduateId, event] of last) {
        queue(graduateId, () => CONSUMER_HANDLERS.credentialSkills(event as ConsumerEvent<'credentialSkills'>, deps));
      }
    } else if (consumer === 'skillsInsights') {
      // It recounts a job or graduate from its current row: once per job or graduate per batch is enough,
      // and all of the batch's recounts together (below).
      for (const event of mine) insightSources.add(sourceOf(event));
    } else {
      for (const event of mine) queue(keyOf(event), () => runHandler(consumer, event, deps));
    }
  }
  const timed = async (work: () => Promise<void>) => {
    const start = performance.now();
    await work();
    return performance.now() - start;
  };
  // Matching, the other consumers and the insights recount side by side: none reads what another writes in the
  // same batch (each reads current rows, and a row one of them changes comes back as its own event), and the
  // recount is a chain of transactions on hot counters that would otherwise hold the batch up on its own.
  // Settled, not raced: a failed batch is redelivered one by one only once nothing of it is still running.
  const settled = await Promise.allSettled([
    applyMatchingEvents(deps, pending('jobMatching'), pending('graduateMatching'), {
      concurrency,
    }),
    timed(() =>
      forEachLimited([...byGraduate.values()], concurrency, async (runs) => {
        for (const run of runs) await run();
      }),
    ),
    timed(() => recountInsights(deps, [...insightSources])),
  ]);
  const [matching, others, insights] = settled;
  if (matching.status === 'rejected') throw matching.reason;
  if (others.status === 'rejected') throw others.reason;
  if (insights.status === 'rejected') throw insights.reason;
  const stats = matching.value;
  const t2 = performance.now();
  await deps.eventLog.markConsumedMany(deliveries.filter((d) => !done.has(`${d.consumer} ${d.eventId}`)));
  const markers = t1 - t0 + (performance.now() - t2);
  return { ...stats, phases: { ...stats.phases, others: others.value, insights: insights.value, markers } };
}

function runHandler<N extends ConsumerName>(consumer: N, event: ConsumerEvent<N>, deps: ConsumerDeps): Promise<void> {
  return CONSUMER_HANDLERS[consumer](event, deps);
}
