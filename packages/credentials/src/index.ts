export * from './credential.ts';
export * from './jws.ts';
export * from './signer.ts';
export * from './status-list.ts';
export * from './remote-status.ts';
export * from './verify.ts';
export * from './service.ts';
export * from './batches.ts';
