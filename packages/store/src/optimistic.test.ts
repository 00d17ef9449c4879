import { DomainError } from '@skillpass/domain';
import { describe, expect, it } from 'vitest';
import { ConditionalWriteFailed } from './items.ts';
import { withOptimisticRetry } from './optimistic.ts';

describe('withOptimisticRetry', () => {
  it('runs the step again on fresh data after a lost race, and returns what the winning run returns', async () => {
    let runs = 0;
    const result = await withOptimisticRetry(async () => {
      runs++;
      if (runs < 3) throw new ConditionalWriteFailed('precondition-failed', 'changed');
      return `run ${runs}`;
    });
    expect(result).toBe('run 3');
  });

  it('does not retry a rule the change breaks, even one reported as a conflict', async () => {
    let runs = 0;
    const broken = withOptimisticRetry(async () => {
      runs++;
      throw new DomainError('conflict', 'an application cannot move from offer to viewed');
    });
    await expect(broken).rejects.toThrow('cannot move');
    expect(runs).toBe(1);
  });

  it('gives up after a bounded number of lost races and reports the last one', async () => {
    let runs = 0;
    const hopeless = withOptimisticRetry(async () => {
      runs++;
      throw new ConditionalWriteFailed('precondition-failed', `lost ${runs}`);
    });
    await expect(hopeless).rejects.toBeInstanceOf(ConditionalWriteFailed);
    expect(runs).toBe(6);
  });
});
