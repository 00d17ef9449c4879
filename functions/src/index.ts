/** Lambda entry points, one file each; the CDK app bundles every file listed here. */
export const FUNCTION_ENTRIES = {
  api: 'api.ts',
  streamPublisher: 'stream-publisher.ts',
  consumer: 'consumer.ts',
  credentialBatchWorker: 'credential-batch-worker.ts',
  graduateSignUp: 'graduate-sign-up.ts',
  pushWorker: 'push-worker.ts',
} as const;
