/**
 * What `@skillpass/credentials/data-integrity` exports: everything that needs the JSON-LD libraries,
 * imported dynamically by its callers so that no other path loads them (bundled on its own for Lambda).
 */
export * from './json-ld.ts';
export * from './verify-data-integrity-credential.ts';
