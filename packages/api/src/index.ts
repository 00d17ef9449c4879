export * from './app.ts';
export * from './deps.ts';
export * from './auth.ts';
export * from './problem.ts';
export * from './openapi-document.ts';
export * from './compose.ts';
export type { RouteSpec } from './routing.ts';
export * from './security-headers.ts';
export * from './sign-in.ts';
