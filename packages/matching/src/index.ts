export * from './compact-index.ts';
export * from './graduate-index.ts';
export * from './ranking.ts';
export * from './score.ts';
export * from './summary.ts';
export type * from './types.ts';
export * from './impact-pages.ts';
