import { describe, expect, it } from 'vitest';
import { parseCsvWithHeader } from './csv.ts';

describe('CSV with a header row', () => {
  it('reads quoted commas, doubled quotes, line breaks in quotes, CRLF, a BOM, blank lines and padding', () => {
    const text = '\uFEFFgraduateId, name ,note\r\ng1,"Li, Wei","said ""hi"""\r\n\r\n  g2  ,Ana,"two\nlines"\n';
    expect(parseCsvWithHeader(text)).toEqual([
      { graduateId: 'g1', name: 'Li, Wei', note: 'said "hi"' },
      { graduateId: 'g2', name: 'Ana', note: 'two\nlines' },
    ]);
  });

  it('keeps empty fields and a last line without a line break', () => {
    expect(parseCsvWithHeader('a,b,c\n1,,""')).toEqual([{ a: '1', b: '', c: '' }]);
    expect(parseCsvWithHeader('')).toEqual([]);
    expect(parseCsvWithHeader('a,b\n')).toEqual([]);
  });

  it('names the line of a malformed record', () => {
    expect(() => parseCsvWithHeader('a,b\n1,2\n3')).toThrow('line 3: 1 fields where the header has 2');
    expect(() => parseCsvWithHeader('a,b\n1,"open\n2,3')).toThrow('line 2: a quoted field is not closed');
    expect(() => parseCsvWithHeader('a,b\n1,x"y"')).toThrow('line 2: a quote inside an unquoted field');
    expect(() => parseCsvWithHeader('a,b\n"1"x,2')).toThrow('line 2: text after a closing quote');
    expect(() => parseCsvWithHeader('a,a\n1,2')).toThrow('line 1: column "a" appears twice');
    expect(() => parseCsvWithHeader('a,"x\ny",b\n1,2,3\n4,5')).toThrow('line 4: 2 fields where the header has 3');
  });
});
