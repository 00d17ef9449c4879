export * from './app.ts';
export * from './bundling.ts';
export * from './stack.ts';
