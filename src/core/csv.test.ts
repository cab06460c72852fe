import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, csvLine, parseCsv } from './csv.ts';

describe('parseCsv', () => {
  it('reads quoted fields, doubled quotes, CRLF and LF, and keeps each record’s first line', () => {
    const text = '\ufeffa,b,c\r\n1,"two, three","say ""hi"""\n\n"multi\nline",x,\r\n4,5,6';
    expect(parseCsv(text)).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['1', 'two, three', 'say "hi"'] },
      { line: 4, fields: ['multi\nline', 'x', ''] },
      { line: 6, fields: ['4', '5', '6'] },
    ]);
  });

  it('names the line of a quote left open or text after a closing quote', () => {
    expect(() => parseCsv('a\n"open\nstill')).toThrow(new CsvSyntaxError(2, 'a quoted field is not closed'));
    expect(() => parseCsv('a,b\n"x"y,z')).toThrow(/line 2: text after a closing quote/);
  });

  it('reads back what csvLine writes', () => {
    const fields = ['plain', 'a, b', 'say "yes"', 'two\nlines', ''];
    expect(parseCsv(csvLine(fields))[0].fields).toEqual(fields);
    expect(csvLine(['=1+1', -3])).toBe(`'=1+1,-3\r\n`);
  });
});
