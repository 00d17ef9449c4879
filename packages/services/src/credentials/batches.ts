import { DomainError, type FieldIssue, type IssuedCredential } from '@skillpass/domain';
import {
  type BatchChunk,
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

/** Chunks worked on at once: one claiming and signing while others are written. */
const CHUNKS_IN_FLIGHT = 2;

/**
 * Works through a batch's pending chunks. Safe to run twice or to resume after a crash: a chunk claims its status
 * entries once (recorded on the chunk, so a retry signs with the same ones), and its credentials, whose ids derive
 * from batch and row, are stored only if absent and in the same transaction that settles every row of the chunk, so
 * every recipient ends issued exactly once with one status entry.
 *
 * A chunk of 96 rows costs four requests: the claim of its entries (a transaction of four items), no write while its
 * rows are signed, then one transaction storing 96 credentials and settling the chunk. About one item write a
 * credential, where a row of its own cost five (row, address, entry claim, credential, settlement).
 */
export async function processCredentialBatch(
  { batches, issuers }: Pick<Repositories, 'batches' | 'issuers'>,
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
  const work = async (chunk: BatchChunk<BatchRecipientInput>) => {
    const entries = await service.chunkStatusEntries(batches, batchId, chunk);
    if (!entries) return; // settled by another run meanwhile
    const pending = chunk.rows.filter((r) => r.status === 'pending');
    const signed = await service.signRows(
      batch.issuerId,
      pending.map((r) => ({
        credentialId: deterministicId('cred', batchId, String(r.row)),
        request: requestOf(r),
        entry: entries.get(r.row)!,
      })),
      preloaded,
    );
    const outcomes = new Map<number, BatchOutcome>();
    const toStore: Array<{ row: number; credential: IssuedCredential }> = [];
    for (const [i, outcome] of signed.entries()) {
      const row = pending[i]!.row;
      if ('error' in outcome) {
        const { fieldIssues, message } = outcome.error;
        const error = fieldIssues.map((f) => `${f.path}: ${f.message}`).join('; ') || message;
        outcomes.set(row, { status: 'failed', error });
      } else {
        toStore.push({ row, credential: outcome.record });
        outcomes.set(row, { status: 'issued', credentialId: outcome.record.credentialId });
      }
    }
    await batches.settleChunk(batchId, chunk, outcomes, toStore);
  };
  const inFlight = new Set<Promise<void>>();
  for await (const page of batches.pendingChunks<BatchRecipientInput>(batchId)) {
    for (const chunk of page) {
      if (inFlight.size >= CHUNKS_IN_FLIGHT) await Promise.race(inFlight);
      const next = work(chunk);
      inFlight.add(next);
      // A failure is rethrown below (Promise.all); until then it must not count as unhandled.
      next.then(
        () => inFlight.delete(next),
        () => undefined,
      );
    }
  }
  await Promise.all(inFlight);
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
