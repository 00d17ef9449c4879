export * from './catalogue.ts';
export * from './routes.ts';
