import { type ConsumerName, consumersFor, type DomainEvent, handles } from '@skillpass/events';
import { CONSUMER_HANDLERS, type ConsumerDeps } from './consumers.ts';

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
