export * from './contributions.ts';
export * from './places.ts';
export * from './shortage.ts';
export * from './weeks.ts';
export * from './views.ts';
