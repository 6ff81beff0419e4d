/**
 * The report file: one line per customer, JSON Lines or CSV, and reading back which input
 * lines a report already has (for `--resume`).
 */
import type { ReportRow } from './check.ts';
import { readCsvRecords, splitCsvLine } from './csv.ts';

export type ReportFormat = 'jsonl' | 'csv';

/** The CSV columns, in order: every field of `ReportRow`. */
export const REPORT_COLUMNS = ['line', 'input', 'domain', 'situation', 'reason', 'by', 'recordToPublish', 'result', 'cause'] as const satisfies ReadonlyArray<keyof ReportRow>;

/**
 * The format a report path asks for by its extension, or undefined.
 *
 * @example
 * reportFormat('report.csv'); // 'csv'
 */
export function reportFormat(path: string): ReportFormat | undefined {
  const lower = path.toLowerCase();
  if (lower.endsWith('.jsonl') || lower.endsWith('.ndjson')) return 'jsonl';
  if (lower.endsWith('.csv')) return 'csv';
  return undefined;
}

/** The CSV header line (with its line end). */
export function csvHeader(): string {
  return REPORT_COLUMNS.join(',') + '\r\n';
}

/**
 * A CSV cell (RFC 4180: quoted when it holds a delimiter, quote or line end). A cell that a
 * spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR first) gets a leading `'`
 * (OWASP "CSV injection"): the customer list is someone else's input. So `-all` reads `'-all`.
 */
export function csvCell(value: string | number | undefined): string {
  if (value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * One report line (with its line end) in the given format.
 *
 * @example
 * formatReportRow({ line: 2, input: 'info@klant.nl', domain: 'klant.nl', situation: 'none', reason: '…' }, 'jsonl');
 * // '{"line":2,"input":"info@klant.nl","domain":"klant.nl","situation":"none","reason":"…"}\n'
 */
export function formatReportRow(row: ReportRow, format: ReportFormat): string {
  switch (format) {
    case 'jsonl': {
      // A fixed key order, whatever order the row was built in.
      const ordered: Record<string, unknown> = {};
      for (const key of REPORT_COLUMNS) if (row[key] !== undefined) ordered[key] = row[key];
      return JSON.stringify(ordered) + '\n';
    }
    case 'csv':
      return REPORT_COLUMNS.map((key) => csvCell(row[key])).join(',') + '\r\n';
    default: {
      const never: never = format;
      throw new Error(`unhandled format ${String(never)}`);
    }
  }
}

/**
 * Reads the input line numbers a report already holds, line by line: keeps only a Set of
 * numbers. Lines that do not read (a header, a torn last line) are passed over.
 *
 * @example
 * const done = await reportedLines(splitLines(createReadStream('report.jsonl')), 'jsonl'); // Set { 2, 3, 5 }
 */
export async function reportedLines(lines: AsyncIterable<string>, format: ReportFormat): Promise<Set<number>> {
  const done = new Set<number>();
  switch (format) {
    case 'jsonl':
      for await (const text of lines) {
        if (text.trim() === '') continue;
        try {
          add(done, (JSON.parse(text) as { line?: unknown }).line);
        } catch {
          continue;
        }
      }
      break;
    case 'csv': {
      // A cell with a line break (an input that had one) is quoted over several lines.
      let column = -1;
      for await (const { text } of readCsvRecords(lines, () => ',')) {
        const split = splitCsvLine(text, ',');
        if (!split.ok) continue;
        if (column === -1) column = split.fields.indexOf('line');
        else add(done, Number(split.fields[column]));
      }
      break;
    }
    default: {
      const never: never = format;
      throw new Error(`unhandled format ${String(never)}`);
    }
  }
  return done;
}

function add(done: Set<number>, value: unknown): void {
  if (typeof value === 'number' && Number.isInteger(value) && value > 0) done.add(value);
}
