/**
 * Reading a customer list: CSV with a header naming the value column (`email`, `address`,
 * `domain`, `sender` …), or one value per line. Line by line, so memory stays flat and a bad
 * line spoils only itself.
 *
 * RFC 4180 fields (quotes, doubled quotes), with what spreadsheets export tolerated: a BOM,
 * CRLF, `;` or tab as delimiter (Dutch Excel writes `;`), blank lines, trailing empty fields
 * and `#` comment lines. Deliberate deviation from RFC 4180 §2.6: a quoted field cannot span
 * lines — an address never contains a line break, and reading on past an unclosed quote
 * would swallow every following customer into one field.
 */

/** One customer row as read: `input` is the value cell, or the raw line when `problem` is set. */
export interface Row {
  /** 1-based physical line of the input file. */
  line: number;
  input: string;
  problem?: RowProblem;
}

/** Why a line could not be read as a row. */
export type RowProblem = 'unclosed-quote' | 'text-after-quote' | 'missing-column' | 'extra-columns';

/** The file has a header with several columns, none of which names the customer. */
export class CsvHeaderError extends Error {
  override name = 'CsvHeaderError';
  readonly columns: string[];
  constructor(columns: string[]) {
    super(`the first line has ${columns.length} columns (${columns.map((c) => JSON.stringify(c)).join(', ')}) but none is named ${VALUE_COLUMNS.slice(0, 4).join(', ')} …`);
    this.columns = columns;
  }
}

/** Column names taken as the customer, most specific first (English and Dutch). */
export const VALUE_COLUMNS: readonly string[] = ['email', 'address', 'sender', 'domain', 'e-mail', 'email address', 'emailaddress', 'mail', 'e-mailadres', 'emailadres', 'afzender', 'domein'];

const DELIMITERS = [',', ';', '\t'] as const;
type Delimiter = (typeof DELIMITERS)[number];

export type SplitResult = { ok: true; fields: string[] } | { ok: false; problem: 'unclosed-quote' | 'text-after-quote' };

/**
 * Splits one CSV line into fields (RFC 4180 §2 within a line). Spaces around a quoted field
 * are allowed; unquoted fields are returned as written.
 *
 * @example
 * splitCsvLine('"Klant, BV","say ""hi""",x', ','); // { ok: true, fields: ['Klant, BV', 'say "hi"', 'x'] }
 * splitCsvLine('"open', ','); // { ok: false, problem: 'unclosed-quote' }
 */
export function splitCsvLine(text: string, delimiter: string): SplitResult {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    let start = i;
    while (text[start] === ' ') start++;
    if (text[start] === '"') {
      let value = '';
      let j = start + 1;
      for (;;) {
        const close = text.indexOf('"', j);
        if (close === -1) return { ok: false, problem: 'unclosed-quote' };
        value += text.slice(j, close);
        if (text[close + 1] === '"') {
          value += '"';
          j = close + 2;
          continue;
        }
        i = close + 1;
        break;
      }
      while (text[i] === ' ') i++;
      fields.push(value);
      if (i >= text.length) return { ok: true, fields };
      if (text.startsWith(delimiter, i)) {
        i += delimiter.length;
        continue;
      }
      return { ok: false, problem: 'text-after-quote' };
    }
    const end = text.indexOf(delimiter, i);
    if (end === -1) {
      fields.push(text.slice(i));
      return { ok: true, fields };
    }
    fields.push(text.slice(i, end));
    i = end + delimiter.length;
  }
}

/**
 * Splits a stream of text chunks into lines, without the line ends (LF or CRLF). Memory is
 * one chunk plus one line.
 *
 * @example
 * for await (const line of splitLines(createReadStream(path, 'utf8'))) …
 */
export async function* splitLines(chunks: AsyncIterable<string | Buffer> | Iterable<string>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  let rest = '';
  for await (const chunk of chunks) {
    rest += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    let start = 0;
    for (let nl = rest.indexOf('\n'); nl !== -1; nl = rest.indexOf('\n', start)) {
      yield stripCr(rest.slice(start, nl));
      start = nl + 1;
    }
    rest = rest.slice(start);
  }
  rest += decoder.decode();
  if (rest !== '') yield stripCr(rest);
}

function stripCr(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}

function isSkipped(line: string): boolean {
  const trimmed = line.trim();
  return trimmed === '' || trimmed.startsWith('#');
}

/** The delimiter and value column named by a header line, if it is one. */
function findHeader(line: string): { delimiter: Delimiter; column: number } | undefined {
  for (const delimiter of DELIMITERS) {
    const split = splitCsvLine(line, delimiter);
    if (!split.ok) continue;
    const names = split.fields.map((f) => f.trim().toLowerCase());
    for (const wanted of VALUE_COLUMNS) {
      const column = names.indexOf(wanted);
      if (column !== -1) return { delimiter, column };
    }
  }
  return undefined;
}

/**
 * Reads customer rows from lines: a header naming the value column, or one value per line.
 * Blank lines, comment lines and lines whose fields are all empty are skipped; a line that
 * cannot be read becomes a row with a `problem`. Throws `CsvHeaderError` (at the first
 * line) for a header with several columns none of which names the customer.
 *
 * @example
 * for await (const row of readCustomerRows(splitLines(stream))) row; // { line: 2, input: 'info@klant.nl' }
 */
export async function* readCustomerRows(lines: AsyncIterable<string> | Iterable<string>): AsyncGenerator<Row> {
  let line = 0;
  /** Undefined until the first content line decides; `column` -1 = one value per line. */
  let layout: { delimiter: Delimiter; column: number } | undefined;
  for await (const raw of lines) {
    line++;
    const text = line === 1 && raw.startsWith('\uFEFF') ? raw.slice(1) : raw;
    if (isSkipped(text)) continue;
    if (layout === undefined) {
      const header = findHeader(text);
      if (header) {
        layout = header;
        continue;
      }
      const split = splitCsvLine(text, ',');
      const filled = split.ok ? split.fields.filter((f) => f.trim() !== '') : [];
      // Several filled fields and no column we know: guessing the customer column could check the wrong thing.
      if (filled.length > 1 && split.ok) throw new CsvHeaderError(split.fields.map((f) => f.trim()));
      layout = { delimiter: ',', column: -1 };
    }
    const row = rowOf(text, line, layout);
    if (row) yield row;
  }
}

/** The row of a content line; undefined for a line of empty fields (`,,,` from a spreadsheet). */
function rowOf(text: string, line: number, layout: { delimiter: Delimiter; column: number }): Row | undefined {
  const split = splitCsvLine(text, layout.delimiter);
  if (!split.ok) return { line, input: text.trim(), problem: split.problem };
  const fields = split.fields.map((f) => f.trim());
  if (fields.every((f) => f === '')) return undefined;
  if (layout.column === -1) {
    const filled = fields.filter((f) => f !== '');
    if (filled.length > 1) return { line, input: text.trim(), problem: 'extra-columns' };
    return { line, input: filled[0] ?? '' };
  }
  const value = fields[layout.column];
  if (value === undefined) return { line, input: text.trim(), problem: 'missing-column' };
  return { line, input: value };
}
