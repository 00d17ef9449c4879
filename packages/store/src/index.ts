export * from './client.ts';
export * from './cursor.ts';
export * from './entities.ts';
export * from './ids.ts';
export * from './items.ts';
export * from './optimistic.ts';
export * from './repositories/index.ts';
export * from './table-definition.ts';
