/** A CSV the platform cannot read, with the line it stopped at. */
export class CsvError extends Error {
  constructor(message: string, line: number) {
    super(`line ${line}: ${message}`);
  }
}

interface CsvRow {
  fields: string[];
  line: number;
}

/**
 * RFC 4180 records: comma-separated, `"`-quoted fields that may hold commas, doubled quotes and
 * line breaks; CRLF or LF line ends; a leading byte-order mark ignored. Unquoted fields are
 * trimmed and blank lines skipped, since spreadsheets export both.
 */
function csvRows(text: string): CsvRow[] {
  const rows: CsvRow[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  const endField = () => {
    fields.push(quoted ? field : field.trim());
    field = '';
    quoted = false;
  };
  const endRow = () => {
    endField();
    if (fields.length > 1 || fields[0] !== '' || quoted) rows.push({ fields, line: rowLine });
    fields = [];
  };
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (i < text.length) {
    const char = text[i]!;
    if (char === '"') {
      if (field.trim() !== '') throw new CsvError('a quote inside an unquoted field', line);
      field = '';
      const opened = line;
      for (i++; ; i++) {
        if (i >= text.length) throw new CsvError('a quoted field is not closed', opened);
        if (text[i] === '"') {
          if (text[i + 1] !== '"') break;
          i++;
        } else if (text[i] === '\n') line++;
        field += text[i];
      }
      i++;
      while (text[i] === ' ' || text[i] === '\t') i++;
      if (i < text.length && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r')
        throw new CsvError('text after a closing quote', line);
      quoted = true;
    } else if (char === ',') {
      endField();
      i++;
    } else if (char === '\n' || char === '\r') {
      endRow();
      i += char === '\r' && text[i + 1] === '\n' ? 2 : 1;
      rowLine = ++line;
    } else {
      field += char;
      i++;
    }
  }
  if (field !== '' || fields.length > 0 || quoted) endRow();
  return rows;
}

/** A CSV with a header row, as one object per record keyed by the header's column names. */
export function parseCsvWithHeader(text: string): Array<Record<string, string>> {
  const [header, ...records] = csvRows(text);
  if (!header) return [];
  const seen = new Set<string>();
  for (const name of header.fields) {
    if (name === '') throw new CsvError('a column has no name', header.line);
    if (seen.has(name)) throw new CsvError(`column "${name}" appears twice`, header.line);
    seen.add(name);
  }
  return records.map(({ fields, line }) => {
    if (fields.length !== header.fields.length) {
      throw new CsvError(`${fields.length} fields where the header has ${header.fields.length}`, line);
    }
    return Object.fromEntries(header.fields.map((name, column) => [name, fields[column]!]));
  });
}
