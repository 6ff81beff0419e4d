/**
 * Reading a customer list: CSV with a header naming the value column (`email`, `address`,
 * `domain`, `sender` …), or one value per line. Streamed record by record, so memory stays
 * flat and a bad line spoils only itself.
 *
 * RFC 4180 fields (quotes, doubled quotes, and line breaks inside a quoted field, §2.6: a
 * spreadsheet's notes column), with what spreadsheets export tolerated: a BOM, CRLF, `;` or
 * tab as delimiter (Dutch Excel writes `;`), blank lines, trailing empty fields and `#`
 * comment lines. A quote left open must not swallow the customers after it, so a record may
 * span at most `MAX_RECORD_LINES` lines and `MAX_RECORD_CHARS` characters and must read
 * cleanly; otherwise its first line alone is an unclosed quote and reading goes on at the
 * line after it.
 */

/** One customer row as read: `input` is the value cell, or the raw line when `problem` is set. */
export interface Row {
  /** 1-based physical line of the input file where the row starts. */
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
export type Delimiter = (typeof DELIMITERS)[number];

export type SplitResult = { ok: true; fields: string[] } | { ok: false; problem: 'unclosed-quote' | 'text-after-quote' };

/**
 * Splits one CSV record into fields (RFC 4180 §2; a quoted field may hold line breaks, see
 * `readCsvRecords`). Spaces around a quoted field are allowed; unquoted fields are returned
 * as written.
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

/** A record may span this many lines (a notes cell with line breaks) … */
export const MAX_RECORD_LINES = 100;
/** … and this many characters, line ends included. */
export const MAX_RECORD_CHARS = 65_536;

/** One CSV record: the 1-based line it starts on and its text (line breaks inside quotes kept as LF). */
export interface CsvRecord {
  line: number;
  text: string;
}

/** Where a scan of a record's text stands at a line end. */
type QuoteState = 'field-start' | 'unquoted' | 'quoted' | 'closed' | 'broken';

/**
 * The state after scanning `text` from `state` (RFC 4180 §2.5–2.7; spaces around a quoted
 * field allowed, as in `splitCsvLine`). Only `quoted` at a line end continues the record.
 */
function scanQuotes(text: string, delimiter: string, from: QuoteState): QuoteState {
  let state = from;
  for (let i = 0; i < text.length && state !== 'broken'; i++) {
    const c = text[i];
    switch (state) {
      case 'field-start':
        if (c === '"') state = 'quoted';
        else if (c !== ' ' && c !== delimiter) state = 'unquoted';
        break;
      case 'unquoted':
        if (c === delimiter) state = 'field-start';
        break;
      case 'quoted':
        // A doubled quote closes and reopens: `closed` followed by `"` goes back to `quoted`.
        if (c === '"') state = 'closed';
        break;
      case 'closed':
        if (c === '"' && text[i - 1] === '"') state = 'quoted';
        else if (c === delimiter) state = 'field-start';
        else if (c !== ' ') state = 'broken';
        break;
      default: {
        const never: never = state;
        throw new Error(`unhandled state ${String(never)}`);
      }
    }
  }
  return state;
}

/**
 * Joins physical lines into CSV records: a line that ends inside a quoted field continues on
 * the next (RFC 4180 §2.6). Blank and `#` comment lines outside a record are passed over.
 * A record that does not close within the caps, or that does not read cleanly once closed,
 * gives its first line alone, and the lines after it are read again as records of their
 * own — so one stray quote costs one row. `delimiterOf` is asked at the start of each record
 * (the header decides it).
 *
 * @example
 * for await (const r of readCsvRecords(splitLines(['email,note\n"a@b.nl","two\nlines"\n']), () => ',')) r;
 * // { line: 1, text: 'email,note' }, { line: 2, text: '"a@b.nl","two\nlines"' }
 */
export async function* readCsvRecords(lines: AsyncIterable<string> | Iterable<string>, delimiterOf: () => string): AsyncGenerator<CsvRecord> {
  const source = (async function* () {
    yield* lines;
  })();
  let read = 0;
  /** Lines read ahead for a record that did not hold, to be read again. */
  const again: CsvRecord[] = [];
  const take = async (): Promise<CsvRecord | undefined> => {
    const back = again.shift();
    if (back) return back;
    const next = await source.next();
    if (next.done === true) return undefined;
    read++;
    return { line: read, text: read === 1 && next.value.startsWith('\uFEFF') ? next.value.slice(1) : next.value };
  };
  for (let first = await take(); first !== undefined; first = await take()) {
    if (isSkipped(first.text)) continue;
    // Most lines hold no quote at all: no scan needed.
    let state: QuoteState = first.text.includes('"') ? scanQuotes(first.text, delimiterOf(), 'field-start') : 'unquoted';
    if (state !== 'quoted') {
      yield first;
      continue;
    }
    const parts = [first];
    let length = first.text.length;
    while (state === 'quoted' && parts.length < MAX_RECORD_LINES && length <= MAX_RECORD_CHARS) {
      const next = await take();
      if (next === undefined) break;
      parts.push(next);
      length += 1 + next.text.length;
      state = scanQuotes(next.text, delimiterOf(), 'quoted');
    }
    if (state === 'quoted' || state === 'broken' || length > MAX_RECORD_CHARS) {
      again.unshift(...parts.slice(1));
      yield first;
      continue;
    }
    yield { line: first.line, text: parts.map((p) => p.text).join('\n') };
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

/**
 * A header line read with the first delimiter (`,` `;` tab) under which one of `wanted`
 * names a column: the delimiter and every column's name, trimmed and in lower case.
 *
 * @example
 * readHeader('Domein;Klant', ['domain', 'domein']); // { delimiter: ';', names: ['domein', 'klant'] }
 */
export function readHeader(line: string, wanted: readonly string[]): { delimiter: Delimiter; names: string[] } | undefined {
  for (const delimiter of DELIMITERS) {
    const split = splitCsvLine(line, delimiter);
    if (!split.ok) continue;
    const names = split.fields.map((f) => f.trim().toLowerCase());
    if (wanted.some((name) => names.includes(name))) return { delimiter, names };
  }
  return undefined;
}

/** The delimiter and value column named by a header line, if it is one. */
function findHeader(line: string): { delimiter: Delimiter; column: number } | undefined {
  const header = readHeader(line, VALUE_COLUMNS);
  if (!header) return undefined;
  const column = VALUE_COLUMNS.map((wanted) => header.names.indexOf(wanted)).find((i) => i !== -1) ?? -1;
  return { delimiter: header.delimiter, column };
}

/**
 * Reads customer rows from lines: a header naming the value column, or one value per line.
 * Blank lines, comment lines and lines whose fields are all empty are skipped; a record that
 * cannot be read becomes a row with a `problem`. Throws `CsvHeaderError` (at the first
 * line) for a header with several columns none of which names the customer.
 *
 * @example
 * for await (const row of readCustomerRows(splitLines(stream))) row; // { line: 2, input: 'info@klant.nl' }
 */
export async function* readCustomerRows(lines: AsyncIterable<string> | Iterable<string>): AsyncGenerator<Row> {
  /** Undefined until the first content line decides; `column` -1 = one value per line. */
  let layout: { delimiter: Delimiter; column: number } | undefined;
  for await (const { line, text } of readCsvRecords(lines, () => layout?.delimiter ?? ',')) {
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
