import { type CredentialTemplate, DomainError, type IssuedCredential, type Issuer } from '@skillpass/domain';
import type { CredentialServiceDeps, IssueRequest } from './deps.ts';
import { type PreparedIssue, prepareIssue, signedCredentialRecord } from './issuance.ts';

/** One row of a chunk: the credential id it is issued under (derived from batch and row), what it asks for, its entry. */
export interface ChunkRow {
  credentialId: string;
  request: IssueRequest;
  entry: { listId: string; index: number };
}

/** A row's outcome before anything is written: a signed record to store, or why it cannot be issued. */
export type SignedRow = { record: IssuedCredential } | { error: DomainError };

/**
 * Prepares and signs a chunk's rows with the status entries the chunk claimed, writing nothing: the caller stores
 * the records in the transaction that settles the chunk, so signing holds no write open.
 */
export async function signRows(
  deps: CredentialServiceDeps,
  now: Date,
  issuerId: string,
  rows: readonly ChunkRow[],
  preloaded?: { issuer: Issuer; template: CredentialTemplate },
): Promise<SignedRow[]> {
  const prepared = await Promise.all(
    rows.map(
      (row): Promise<PreparedIssue | DomainError> =>
        prepareIssue(deps, now, issuerId, row.request, preloaded).catch((error: unknown) => {
          if (error instanceof DomainError) return error;
          throw error;
        }),
    ),
  );
  const signed: SignedRow[] = [];
  for (const [i, row] of rows.entries()) {
    const ready = prepared[i]!;
    signed.push(
      ready instanceof DomainError
        ? { error: ready }
        : { record: await signedCredentialRecord(deps, now, row.request, row.credentialId, ready, row.entry) },
    );
  }
  return signed;
}
