export * from './matching/maintenance.ts';
export * from './matching/queries.ts';
export * from './matching/skill-gaps.ts';
