export * from './credential.ts';
export * from './jws.ts';
export * from './signer.ts';
export * from './status-list.ts';
export * from './remote-status.ts';
export * from './did-web.ts';
export * from './trust-list.ts';
export * from './verify.ts';
