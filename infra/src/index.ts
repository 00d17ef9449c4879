export * from './app.ts';
export * from './bundling.ts';
export * from './stack-props.ts';
export * from './stack.ts';
