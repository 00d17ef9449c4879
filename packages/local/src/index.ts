export * from './dynamodb-local.ts';
export * from './identity.ts';
export * from './paths.ts';
export * from './runtime.ts';
export * from './seed.ts';
export * from './http-server.ts';
export * from './dev-sign-in.ts';
export * from './web.ts';
