import { builtOnFirstUse, DomainError, type FieldIssue } from '@skillpass/domain';
import { type BatchRecipient, type CredentialBatch, deterministicId, type Repositories } from '@skillpass/store';
import * as z from 'zod/mini';
import type { CredentialService, IssueRequest } from './service.ts';
import { parseCsvWithHeader } from './csv.ts';

export const MAX_BATCH_RECIPIENTS = 10_000;

export const batchRecipientSchema = builtOnFirstUse(() =>
  z
    .strictObject({
      graduateId: z.optional(z.string().check(z.minLength(1), z.maxLength(128))),
      subjectId: z.optional(z.string().check(z.minLength(1), z.maxLength(500))),
      email: z.optional(z.email()),
      name: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
      grade: z.optional(z.string().check(z.minLength(1), z.maxLength(100))),
      validUntil: z.optional(z.iso.datetime({ offset: true })),
    })
    .check(
      z.refine((r) => r.graduateId !== undefined || (r.subjectId !== undefined && r.email !== undefined), {
        message: 'give graduateId, or subjectId and email',
      }),
    ),
);
export type BatchRecipientInput = z.infer<ReturnType<typeof batchRecipientSchema>>;

/** Where batch work goes: SQS in AWS, an in-process queue locally. Delivery is at least once. */
export interface CredentialBatchQueue {
  enqueue(batchId: string): Promise<void>;
}

/** Rows from CSV (header row; empty cells are absent) or JSON, numbered from 1 as a person counts them. */
export function recipientRowsFrom(body: string, contentType: string): unknown[] {
  if (/^text\/csv/i.test(contentType)) {
    try {
      const rows = parseCsvWithHeader(body);
      return rows.map((row) => Object.fromEntries(Object.entries(row).filter(([, value]) => value !== '')));
    } catch (error) {
      throw new DomainError('validation', `The CSV cannot be read: ${(error as Error).message}`, [
        { path: 'body', message: 'malformed CSV' },
      ]);
    }
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new DomainError('validation', 'Malformed JSON in request body.', [{ path: 'body', message: 'malformed JSON' }]);
  }
  if (!parsed || typeof parsed !== 'object' || !Array.isArray((parsed as { recipients?: unknown }).recipients)) {
    throw new DomainError('validation', 'Send {"templateId": …, "recipients": [ … ]}.', [
      { path: 'recipients', message: 'required array' },
    ]);
  }
  return (parsed as { recipients: unknown[] }).recipients;
}

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
  if (template.issuerId !== input.issuerId) throw new DomainError('forbidden', 'That template belongs to another issuer.');
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
 * credential id is derived from batch and row, issuing is idempotent on that id, and a row is
 * settled only from `pending`, so every recipient ends issued exactly once.
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
  let cursor: string | undefined;
  do {
    const page = await batches.listRecipients<BatchRecipientInput>(batchId, { limit: 100, cursor });
    // Rows are independent, so a page is worked on concurrently.
    await Promise.all(
      page.items
        .filter((r) => r.status === 'pending')
        .map(async (recipient) => {
          const { graduateId, subjectId, email, name, grade, validUntil } = recipient.input;
          const request: IssueRequest = {
            templateId: batch.templateId,
            holder: graduateId ? { graduateId } : { subjectId: subjectId!, email: email!, ...(name ? { name } : {}) },
            ...(grade ? { grade } : {}),
            ...(validUntil ? { validUntil } : {}),
          };
          const credentialId = deterministicId('cred', batchId, String(recipient.row));
          try {
            await service.issue(batch.issuerId, request, credentialId, preloaded);
            await batches.settleRecipient(batchId, recipient.row, { status: 'issued', credentialId });
          } catch (error) {
            if (!(error instanceof DomainError)) throw error;
            await batches.settleRecipient(batchId, recipient.row, {
              status: 'failed',
              error: error.fieldIssues.map((f) => `${f.path}: ${f.message}`).join('; ') || error.message,
            });
          }
        }),
    );
    cursor = page.nextCursor;
  } while (cursor);
}

/** The local queue: runs batches in this process, retrying a batch whose worker threw. */
export function inProcessBatchQueue(
  work: (batchId: string) => Promise<void>,
  onError: (error: unknown) => void = () => {},
): CredentialBatchQueue & { idle(): Promise<void> } {
  const running = new Set<Promise<void>>();
  const run = (batchId: string, attempt: number): Promise<void> =>
    work(batchId).catch(async (error) => {
      onError(error);
      if (attempt < 3) await run(batchId, attempt + 1);
    });
  return {
    async enqueue(batchId) {
      const job = new Promise<void>((resolve) => setImmediate(resolve)).then(() => run(batchId, 1));
      running.add(job);
      void job.finally(() => running.delete(job));
    },
    async idle() {
      while (running.size > 0) await Promise.all([...running]);
    },
  };
}
