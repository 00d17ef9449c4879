import { PICKS_BEFORE_LIST_IS_FULL, STATUS_LIST_SIZE } from '@skillpass/credentials';
import { type CredentialTemplate, DomainError, type IssuedCredential, type Issuer } from '@skillpass/domain';
import { nextStatusListId } from '@skillpass/store';
import type { CredentialServiceDeps, IssueRequest } from './deps.ts';
import { type PreparedIssue, prepareIssue, signedCredentialRecord } from './issuance.ts';

/** One row of a block: the credential id it is issued under (derived from batch and row) and what it asks for. */
export interface BlockRow {
  credentialId: string;
  request: IssueRequest;
}

/** A row's outcome before anything is written: a signed record to store, a credential already stored, or why not. */
export type SignedRow = { record: IssuedCredential } | { existing: IssuedCredential } | { error: DomainError };

/** DynamoDB takes at most 100 writes in one transaction. */
const CLAIMS_PER_TRANSACTION = 100;

/**
 * Random free entries for many credentials, claimed 100 to a transaction instead of one write each.
 * A transaction claims all of its picks or none; picks found taken are drawn again, the rest kept,
 * and when picks keep colliding the next list becomes current, as for a single issuance.
 */
export async function allocateStatusEntries(
  { credentials, random = Math.random }: Pick<CredentialServiceDeps, 'credentials' | 'random'>,
  credentialIds: readonly string[],
): Promise<Array<{ listId: string; index: number }>> {
  const entries: Array<{ listId: string; index: number }> = [];
  for (let start = 0; start < credentialIds.length; start += CLAIMS_PER_TRANSACTION) {
    const ids = credentialIds.slice(start, start + CLAIMS_PER_TRANSACTION);
    entries.push(...(await claimBlock(credentials, random, ids)));
  }
  return entries;
}

async function claimBlock(
  credentials: CredentialServiceDeps['credentials'],
  random: () => number,
  ids: readonly string[],
): Promise<Array<{ listId: string; index: number }>> {
  for (let moves = 0; moves < 3; moves++) {
    const listId = await credentials.currentStatusList();
    const picks = new Map<number, string>();
    const draw = (credentialId: string) => {
      let index: number;
      do index = Math.floor(random() * STATUS_LIST_SIZE);
      while (picks.has(index));
      picks.set(index, credentialId);
    };
    for (const id of ids) draw(id);
    for (let attempt = 0; attempt < PICKS_BEFORE_LIST_IS_FULL; attempt++) {
      const taken = await credentials.claimStatusIndexes(
        listId,
        [...picks].map(([index, credentialId]) => ({ index, credentialId })),
      );
      if (taken.length === 0) {
        const indexOf = new Map([...picks].map(([index, credentialId]) => [credentialId, index]));
        return ids.map((id) => ({ listId, index: indexOf.get(id)! }));
      }
      for (const index of taken) {
        const credentialId = picks.get(index)!;
        picks.delete(index);
        draw(credentialId);
      }
    }
    await credentials.advanceStatusList(listId, nextStatusListId(listId));
  }
  throw new Error('no free status-list entries even in a new list');
}

/**
 * Prepares, claims status entries for and signs a block of rows, writing nothing but the claims:
 * the caller stores the records together with the rows' settlement. Reads credentials already
 * issued under the rows' ids in one batch (unless the caller read them: `issuedBefore`), claims entries
 * in blocks, and signs with no write in flight.
 */
export async function signBlock(
  deps: CredentialServiceDeps,
  now: Date,
  issuerId: string,
  rows: readonly BlockRow[],
  preloaded?: { issuer: Issuer; template: CredentialTemplate },
  issuedBefore?: readonly IssuedCredential[],
): Promise<SignedRow[]> {
  const existing = new Map(
    (issuedBefore ?? (await deps.credentials.getMany(rows.map((r) => r.credentialId)))).map((c) => [c.credentialId, c]),
  );
  const prepared = await Promise.all(
    rows.map(async (row): Promise<PreparedIssue | DomainError | undefined> => {
      if (existing.has(row.credentialId)) return undefined;
      try {
        return await prepareIssue(deps, now, issuerId, row.request, preloaded);
      } catch (error) {
        if (error instanceof DomainError) return error;
        throw error;
      }
    }),
  );
  const toSign = rows.flatMap((row, i) => {
    const ready = prepared[i];
    return ready && !(ready instanceof DomainError) ? [{ row, ready, i }] : [];
  });
  const entries = await allocateStatusEntries(
    deps,
    toSign.map((s) => s.row.credentialId),
  );
  const signed = new Map<number, IssuedCredential>();
  for (const [n, { row, ready, i }] of toSign.entries())
    signed.set(i, await signedCredentialRecord(deps, now, row.request, row.credentialId, ready, entries[n]!));
  return rows.map((row, i): SignedRow => {
    const found = existing.get(row.credentialId);
    if (found) return { existing: found };
    const ready = prepared[i];
    if (ready instanceof DomainError) return { error: ready };
    return { record: signed.get(i)! };
  });
}
