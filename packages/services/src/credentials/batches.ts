import { DomainError, type FieldIssue, type IssuedCredential } from '@skillpass/domain';
import {
  type BatchOutcome,
  type BatchRecipient,
  type CredentialBatch,
  deterministicId,
  newId,
  type Repositories,
} from '@skillpass/store';
import { type BatchRecipientInput, batchRecipientSchema, MAX_BATCH_RECIPIENTS } from './batch-input.ts';
import type { CredentialBatchQueue } from './batch-queue.ts';
import type { IssueRequest, Viewer } from './deps.ts';
import { recipientAddresses } from './issuance.ts';
import type { CredentialService } from './service.ts';

/** A retried request with the same Idempotency-Key names the same batch, so it is recorded once. */
export const batchIdFor = (issuerId: string, idempotencyKey: string | undefined, now: Date) =>
  idempotencyKey ? deterministicId('batch', issuerId, idempotencyKey) : newId('batch', now);

/**
 * Records a batch: every row is checked now, and a bad row fails alone with its row number; the
 * good ones wait as `pending` for the worker.
 */
export async function createCredentialBatch(
  { batches, issuers }: Pick<Repositories, 'batches' | 'issuers'>,
  queue: CredentialBatchQueue,
  input: { batchId: string; issuerId: string; templateId: string; rows: unknown[]; now: Date },
): Promise<CredentialBatch & { failed: number }> {
  if (input.rows.length === 0 || input.rows.length > MAX_BATCH_RECIPIENTS) {
    const issues: FieldIssue[] = [{ path: 'recipients', message: `between 1 and ${MAX_BATCH_RECIPIENTS} recipients` }];
    throw new DomainError('validation', `A batch holds 1 to ${MAX_BATCH_RECIPIENTS} recipients.`, issues);
  }
  const template = await issuers.getTemplate(input.templateId);
  if (!template)
    throw new DomainError('validation', 'No such credential template.', [{ path: 'templateId', message: 'not found' }]);
  if (template.issuerId !== input.issuerId)
    throw new DomainError('forbidden', 'That template belongs to another issuer.');
  const recipients: Array<BatchRecipient<BatchRecipientInput>> = input.rows.map((row, i) => {
    const parsed = batchRecipientSchema().safeParse(row);
    return parsed.success
      ? { row: i + 1, input: parsed.data, status: 'pending' }
      : {
          row: i + 1,
          input: {},
          status: 'failed',
          error: parsed.error.issues.map((issue) => `${issue.path.join('.') || 'row'}: ${issue.message}`).join('; '),
        };
  });
  const failed = recipients.filter((r) => r.status === 'failed').length;
  const batch: CredentialBatch = {
    batchId: input.batchId,
    issuerId: input.issuerId,
    templateId: input.templateId,
    total: recipients.length,
    createdAt: input.now.toISOString(),
  };
  await batches.create(batch, recipients);
  await queue.enqueue(batch.batchId);
  return { ...batch, failed };
}

/**
 * Works through a batch's pending rows. Safe to run twice or to resume after a crash: a row's
 * credential id is derived from batch and row, a credential is created only if absent and in the
 * same transaction as its row leaves `pending`, so every recipient ends issued exactly once.
 *
 * A page of 100 rows costs a handful of requests instead of several per row: one read of the
 * credentials already there, status entries claimed in one transaction (the recipients' addresses
 * written meanwhile), every row signed with no write in flight, then two transactions storing
 * credentials and settling rows. The next page is read and signed while the previous one is written.
 */
export async function processCredentialBatch(
  { batches, credentials, issuers, outbox }: Pick<Repositories, 'batches' | 'credentials' | 'issuers' | 'outbox'>,
  service: CredentialService,
  batchId: string,
): Promise<void> {
  const batch = await batches.get(batchId);
  if (!batch) return;
  const [issuer, template] = await Promise.all([issuers.get(batch.issuerId), issuers.getTemplate(batch.templateId)]);
  const preloaded = issuer && template ? { issuer, template } : undefined;
  const requestOf = ({ input }: BatchRecipient<BatchRecipientInput>): IssueRequest => {
    const { graduateId, subjectId, email, name, grade, validUntil } = input;
    return {
      templateId: batch.templateId,
      holder: graduateId ? { graduateId } : { subjectId: subjectId!, email: email!, ...(name ? { name } : {}) },
      ...(grade ? { grade } : {}),
      ...(validUntil ? { validUntil } : {}),
    };
  };
  const credentialIdOf = (row: number) => deterministicId('cred', batchId, String(row));
  const failedOutcome = (error: DomainError): BatchOutcome => ({
    status: 'failed',
    error: error.fieldIssues.map((f) => `${f.path}: ${f.message}`).join('; ') || error.message,
  });
  // One row on its own, as a single issuance: for rows whose block lost a race to another worker.
  const issueAlone = async (recipient: BatchRecipient<BatchRecipientInput>) => {
    const credentialId = credentialIdOf(recipient.row);
    try {
      await service.issue(batch.issuerId, requestOf(recipient), credentialId, preloaded);
      await batches.settleRecipient(batchId, recipient.row, { status: 'issued', credentialId });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      await batches.settleRecipient(batchId, recipient.row, failedOutcome(error));
    }
  };
  const work = async (pending: Array<BatchRecipient<BatchRecipientInput>>) => {
    // The addresses of rows not yet issued are written while the block claims its entries and signs
    // (they must be there before the credentials, which is all their order requires).
    const existing = await credentials.getMany(pending.map((r) => credentialIdOf(r.row)));
    const issuedBefore = new Set(existing.map((c) => c.credentialId));
    const remembering = outbox.rememberAddresses(
      recipientAddresses(
        pending
          .map((r) => ({ credentialId: credentialIdOf(r.row), request: requestOf(r) }))
          .filter((r) => !issuedBefore.has(r.credentialId)),
      ),
    );
    remembering.catch(() => undefined); // awaited below; until then a failure must not count as unhandled
    const signed = await service.signBlock(
      batch.issuerId,
      pending.map((r) => ({ credentialId: credentialIdOf(r.row), request: requestOf(r) })),
      preloaded,
      existing,
    );
    const toStore: Array<{ row: number; credential: IssuedCredential }> = [];
    const settled: Array<Promise<boolean>> = [];
    for (const [i, outcome] of signed.entries()) {
      const row = pending[i]!.row;
      if ('record' in outcome) toStore.push({ row, credential: outcome.record });
      else if ('existing' in outcome)
        settled.push(
          batches.settleRecipient(batchId, row, { status: 'issued', credentialId: outcome.existing.credentialId }),
        );
      else settled.push(batches.settleRecipient(batchId, row, failedOutcome(outcome.error)));
    }
    await remembering;
    const [lost] = await Promise.all([batches.recordIssued(batchId, toStore), Promise.all(settled)]);
    const redo = new Set(lost);
    await Promise.all(pending.filter((r) => redo.has(r.row)).map(issueAlone));
  };
  let cursor: string | undefined;
  let writing: Promise<void> | undefined;
  do {
    const page = await batches.listRecipients<BatchRecipientInput>(batchId, { limit: 100, cursor });
    const next = work(page.items.filter((r) => r.status === 'pending'));
    // Awaited below (or after the loop); until then a failure must not count as unhandled.
    next.catch(() => undefined);
    // At most two pages in flight: this one signing while the previous one is written.
    if (writing) await writing;
    writing = next;
    cursor = page.nextCursor;
  } while (cursor);
  if (writing) await writing;
  if ((await batches.progress(batchId)).pending === 0) await batches.markFinished(batch);
}

/** Queues every batch that still has pending rows: the in-process queue dies with its process, the rows do not. */
export async function resumeOpenBatches(
  { batches }: Pick<Repositories, 'batches'>,
  queue: CredentialBatchQueue,
): Promise<number> {
  const open = await batches.listOpen();
  for (const batchId of open) await queue.enqueue(batchId);
  return open.length;
}

/** A batch's progress and one page of its per-recipient results, for its issuer or an administrator only. */
export async function batchReport(
  { batches }: Pick<Repositories, 'batches'>,
  batchId: string,
  viewer: Viewer,
  page: { limit: number; cursor?: string },
) {
  const batch = await batches.get(batchId);
  if (!batch || (batch.issuerId !== viewer.id && !viewer.admin)) return undefined;
  const [recipients, progress] = await Promise.all([
    batches.listRecipients(batch.batchId, page),
    batches.progress(batch.batchId),
  ]);
  return { batch, progress, recipients };
}
