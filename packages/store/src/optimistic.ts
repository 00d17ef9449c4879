import { ConditionalWriteFailed } from './items.ts';

/** How often a read-modify-write runs before a lost race reaches the caller. */
const MAX_ATTEMPTS = 6;

/**
 * Runs a read-modify-write until its conditional write wins. `attempt` reads the current state and
 * writes conditionally on it; when another writer got there first the write throws
 * `ConditionalWriteFailed` and the whole attempt runs again on fresh data. Any other error (a rule
 * the change breaks, a missing record), or a race lost too often, reaches the caller.
 */
export async function withOptimisticRetry<T>(attempt: () => Promise<T>): Promise<T> {
  for (let tries = 1; ; tries++) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof ConditionalWriteFailed) || tries >= MAX_ATTEMPTS) throw error;
    }
  }
}
