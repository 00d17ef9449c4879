import { type AnyDomainEvent, type ConsumerName, consumersFor } from '@skillpass/events';
import { CONSUMER_HANDLERS, type ConsumerDeps } from './consumers.ts';

/**
 * Runs one consumer for one event at most once in effect: a marker written after success makes
 * redeliveries no-ops, and the handlers' own writes are idempotent should the marker be lost.
 */
export async function runConsumer(consumer: ConsumerName, event: AnyDomainEvent, deps: ConsumerDeps): Promise<void> {
  if (await deps.eventLog.wasConsumed(consumer, event.id)) return;
  await CONSUMER_HANDLERS[consumer](event, deps);
  await deps.eventLog.markConsumed(consumer, event.id);
}

/** Delivers an event to every consumer the routing table names for its type. */
export async function dispatchEvent(event: AnyDomainEvent, deps: ConsumerDeps): Promise<void> {
  for (const consumer of consumersFor(event.type)) await runConsumer(consumer, event, deps);
}
