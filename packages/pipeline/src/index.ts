export * from './consumers.ts';
export * from './dispatch.ts';
export * from './local-dispatcher.ts';
export * from './stream-mapping.ts';
export * from './compose.ts';
export * from './matching-batch.ts';
export * from './dead-letters.ts';
export * from './platform-counters.ts';
