import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CsvHeaderError, readCustomerRows, splitCsvLine, splitLines } from '../../src/bulk/csv.ts';
import type { Row } from '../../src/bulk/csv.ts';
import { CUSTOMERS_CSV } from './fixtures.ts';

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

const rowsOf = (text: string): Promise<Row[]> => collect(readCustomerRows(splitLines([text])));

describe('splitCsvLine (RFC 4180 §2 within one line)', () => {
  const cases: Array<[string, string, ReturnType<typeof splitCsvLine>]> = [
    ['a,b,c', ',', { ok: true, fields: ['a', 'b', 'c'] }],
    ['"Klant, BV",x', ',', { ok: true, fields: ['Klant, BV', 'x'] }],
    ['"say ""hi""",', ',', { ok: true, fields: ['say "hi"', ''] }],
    ['  "spaced"  ;b', ';', { ok: true, fields: ['spaced', 'b'] }],
    ['', ',', { ok: true, fields: [''] }],
    ['a\tb', '\t', { ok: true, fields: ['a', 'b'] }],
    ['"open,x', ',', { ok: false, problem: 'unclosed-quote' }],
    ['"closed"junk,x', ',', { ok: false, problem: 'text-after-quote' }],
  ];
  for (const [line, delimiter, expected] of cases) {
    it(`${JSON.stringify(line)} with ${JSON.stringify(delimiter)}`, () => assert.deepEqual(splitCsvLine(line, delimiter), expected));
  }
});

describe('splitLines', () => {
  it('splits LF and CRLF, keeps a last line without line end, and drops nothing', async () => {
    assert.deepEqual(await collect(splitLines(['a\r\nb\n', '\nc'])), ['a', 'b', '', 'c']);
  });

  it('joins lines and UTF-8 characters cut across chunks', async () => {
    const bytes = Buffer.from('info@bücher.de\r\nx@y.nl\n');
    const cut = bytes.indexOf(0xc3) + 1; // inside the two bytes of "ü"
    const chunks = [bytes.subarray(0, cut), bytes.subarray(cut, cut + 9), bytes.subarray(cut + 9)];
    assert.deepEqual(await collect(splitLines((async function* () { yield* chunks; })())), ['info@bücher.de', 'x@y.nl']);
  });
});

describe('readCustomerRows', () => {
  it('reads the value column of a header, keeps line numbers, and marks bad lines', async () => {
    const rows = await rowsOf(CUSTOMERS_CSV);
    assert.deepEqual(rows, [
      { line: 3, input: 'info@klant.nl' },
      { line: 4, input: 'info@example.com' },
      { line: 6, input: 'fm_eib_verkoop_midden@eneco.com' },
      { line: 7, input: 'info@broken.nl' },
      { line: 8, input: 'Bad quote;"open;x', problem: 'unclosed-quote' },
      { line: 9, input: '' },
      { line: 10, input: 'hello world' },
      { line: 12, input: 'Too short', problem: 'missing-column' },
      { line: 13, input: 'localhost' },
    ]);
  });

  const headers: Array<[string, string, string]> = [
    ['comma, quoted header', '"Naam","E-mail"\n"Jan","jan@klant.nl"\n', 'jan@klant.nl'],
    ['tab', 'id\tdomain\n7\tklant.nl\n', 'klant.nl'],
    ['Dutch column name', 'klant;emailadres\nX;x@klant.nl\n', 'x@klant.nl'],
    ['email before domain', 'domain,email\nklant.nl,info@klant.nl\n', 'info@klant.nl'],
    ['upper case', 'EMAIL\ninfo@klant.nl\n', 'info@klant.nl'],
  ];
  for (const [name, text, value] of headers) {
    it(`header: ${name}`, async () => assert.deepEqual((await rowsOf(text)).map((r) => r.input), [value]));
  }

  it('one value per line: no header, quotes and a trailing empty field tolerated', async () => {
    const rows = await rowsOf('info@klant.nl\n# comment\n"eneco.com",\n\n  example.com  \nx@a.nl,y@b.nl\n');
    assert.deepEqual(rows, [
      { line: 1, input: 'info@klant.nl' },
      { line: 3, input: 'eneco.com' },
      { line: 5, input: 'example.com' },
      { line: 6, input: 'x@a.nl,y@b.nl', problem: 'extra-columns' },
    ]);
  });

  it('refuses a header with several columns none of which names the customer', async () => {
    await assert.rejects(rowsOf('name,phone\nJan,06\n'), (error: unknown) => error instanceof CsvHeaderError && /none is named email/.test(error.message));
  });

  it('an empty file or one of comments gives no rows', async () => {
    assert.deepEqual(await rowsOf(''), []);
    assert.deepEqual(await rowsOf('\uFEFF# nothing\r\n\r\n'), []);
  });
});
