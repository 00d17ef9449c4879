import { describe, expect, it } from 'vitest';
import { percentDone, resultsCsv } from './batch-results.ts';

describe('batch results', () => {
  it('lists every row in order, with the credential number or the reason, quoting what needs quoting', () => {
    const csv = resultsCsv([
      { row: 2, status: 'failed', error: 'email: Invalid email address, "x"' },
      { row: 1, status: 'issued', credentialId: 'cred_1' },
    ]);
    expect(csv).toBe(
      'row,status,credentialId,reason\r\n1,issued,cred_1,\r\n2,failed,,"email: Invalid email address, ""x"""\r\n',
    );
  });

  it('reaches 100 % only when every row is done', () => {
    expect(percentDone(200, 199)).toBe(99);
    expect(percentDone(200, 200)).toBe(100);
    expect(percentDone(3, 1)).toBe(33);
    expect(percentDone(0, 0)).toBe(100);
  });
});
