/** Failures the domain reports; the HTTP layer maps each to one RFC 9457 problem type. */
export type FieldIssue = { path: string; message: string };

export class DomainError extends Error {
  constructor(
    readonly kind:
      | 'validation'
      | 'not-found'
      | 'conflict'
      | 'precondition-failed'
      | 'precondition-required'
      | 'forbidden'
      | 'unprocessable',
    message: string,
    readonly fieldIssues: readonly FieldIssue[] = [],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (what: string): DomainError => new DomainError('not-found', `${what} was not found`);
export const conflict = (message: string): DomainError => new DomainError('conflict', message);
export const invalid = (message: string, fieldIssues: readonly FieldIssue[]): DomainError =>
  new DomainError('validation', message, fieldIssues);
