/** One row of a batch as the API reports it. */
export interface BatchRow {
  row: number;
  status: 'pending' | 'issued' | 'failed';
  credentialId?: string;
  error?: string;
}

/** A CSV cell: quoted when it holds a comma, quote or line break, quotes doubled (RFC 4180). */
function cell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * The results a school keeps or fixes its spreadsheet from: one line per uploaded row, in row order, with the
 * credential number of an issued row and the reason of a failed one.
 */
export function resultsCsv(rows: readonly BatchRow[]): string {
  const lines = [['row', 'status', 'credentialId', 'reason']];
  for (const r of [...rows].sort((a, b) => a.row - b.row))
    lines.push([String(r.row), r.status, r.credentialId ?? '', r.error ?? '']);
  return `${lines.map((line) => line.map(cell).join(',')).join('\r\n')}\r\n`;
}

/** Done as a whole percentage: 100 only when nothing is pending. */
export function percentDone(total: number, done: number): number {
  if (total <= 0) return 100;
  return done >= total ? 100 : Math.floor((done / total) * 100);
}
