import {
  CONSUMERS,
  type ConsumerName,
  consumersFor,
  type DomainEvent,
  handles,
  parseDomainEvent,
} from '@skillpass/events';
import { CONSUMER_HANDLERS, type ConsumerDeps } from './consumers.ts';
import { runConsumer } from './dispatch.ts';

/** How often a consumer is tried on one event before the delivery is dead-lettered, and the first wait between tries. */
export interface RetryPolicy {
  attempts: number;
  /** Doubled after every failed attempt. */
  backoffMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { attempts: 5, backoffMs: 200 };

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Delivers events one by one, in order, to every consumer the routing table names: the fallback for
 * a batch that failed, so that one poison event holds back neither the others nor the checkpoint. A
 * consumer that still fails after `attempts` tries (with backoff, for what is only transient) has
 * that delivery recorded as a dead letter and settled; the rest go on. If the dead letter itself
 * cannot be written (the table is unreachable), this throws and the batch is read again later.
 * Returns the deliveries dead-lettered. `consumers` limits the delivery to those consumers.
 */
export async function deliverOneByOne(
  events: readonly DomainEvent[],
  deps: ConsumerDeps,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
  consumers: readonly ConsumerName[] = CONSUMERS,
): Promise<Array<{ consumer: ConsumerName; eventId: string }>> {
  const deadLettered: Array<{ consumer: ConsumerName; eventId: string }> = [];
  for (const event of events) {
    for (const consumer of consumersFor(event.type).filter((c) => consumers.includes(c))) {
      let error: unknown;
      for (let attempt = 1; attempt <= policy.attempts; attempt++) {
        try {
          await runConsumer(consumer, event, deps);
          error = undefined;
          break;
        } catch (caught) {
          error = caught;
          if (attempt < policy.attempts) await new Promise((r) => setTimeout(r, policy.backoffMs * 2 ** (attempt - 1)));
        }
      }
      if (error === undefined) continue;
      await deps.eventLog.recordDeadLetter({ consumer, event, error: messageOf(error), attempts: policy.attempts });
      deadLettered.push({ consumer, eventId: event.id });
    }
  }
  return deadLettered;
}

/**
 * An operator's replay of a dead letter, once the cause is fixed: runs its consumer on the stored
 * event (consumers are idempotent, so a partly applied first try is harmless) and removes the letter.
 * A failure leaves the letter in place, with the new error, for another try.
 */
export async function replayDeadLetter(
  deps: ConsumerDeps,
  consumer: string,
  eventId: string,
): Promise<'replayed' | 'not-found'> {
  const letter = await deps.eventLog.getDeadLetter(consumer, eventId);
  const name = CONSUMERS.find((c) => c === letter?.consumer);
  if (!letter || !name) return 'not-found';
  try {
    await runHandler(name, parseDomainEvent(letter.event), deps);
  } catch (error) {
    await deps.eventLog.recordDeadLetter({ ...letter, error: messageOf(error), attempts: letter.attempts + 1 });
    throw error;
  }
  await deps.eventLog.removeDeadLetter(consumer, eventId);
  return 'replayed';
}

async function runHandler<N extends ConsumerName>(consumer: N, event: DomainEvent, deps: ConsumerDeps): Promise<void> {
  if (handles(consumer, event)) await CONSUMER_HANDLERS[consumer](event, deps);
}
