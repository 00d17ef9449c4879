import './zod-messages.ts';
export * from './errors.ts';
export * from './entities.ts';
export * from './places.ts';
export * from './refs.ts';
export * from './rules.ts';
export * from './first-use.ts';
export * from './notifications.ts';
