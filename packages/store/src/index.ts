export * from './client.ts';
export * from './cursor.ts';
export * from './ids.ts';
export * from './items.ts';
export * from './keys.ts';
export * from './store.ts';
export * from './table-definition.ts';
