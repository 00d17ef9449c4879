/** Where batch work goes: SQS in AWS, an in-process queue locally. Delivery is at least once. */
export interface CredentialBatchQueue {
  enqueue(batchId: string): Promise<void>;
}

/** The local queue: runs batches in this process, retrying a batch whose worker threw. */
export function inProcessBatchQueue(
  work: (batchId: string) => Promise<void>,
  onError: (error: unknown) => void = () => {},
): CredentialBatchQueue & { idle(): Promise<void> } {
  const running = new Set<Promise<void>>();
  const run = (batchId: string, attempt: number): Promise<void> =>
    work(batchId).catch(async (error) => {
      onError(error);
      if (attempt < 3) await run(batchId, attempt + 1);
    });
  return {
    async enqueue(batchId) {
      const job = new Promise<void>((resolve) => setImmediate(resolve)).then(() => run(batchId, 1));
      running.add(job);
      void job.finally(() => running.delete(job));
    },
    async idle() {
      while (running.size > 0) await Promise.all([...running]);
    },
  };
}
