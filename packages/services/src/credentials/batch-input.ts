import { builtOnFirstUse, DomainError } from '@skillpass/domain';
import * as z from 'zod/mini';
import { parseCsvWithHeader } from './csv.ts';

/** What a batch request carries: the recipient rows, from CSV or JSON, each checked on its own. */

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
    throw new DomainError('validation', 'Malformed JSON in request body.', [
      { path: 'body', message: 'malformed JSON' },
    ]);
  }
  if (!parsed || typeof parsed !== 'object' || !Array.isArray((parsed as { recipients?: unknown }).recipients)) {
    throw new DomainError('validation', 'Send {"templateId": …, "recipients": [ … ]}.', [
      { path: 'recipients', message: 'required array' },
    ]);
  }
  return (parsed as { recipients: unknown[] }).recipients;
}
