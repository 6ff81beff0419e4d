/**
 * The file side of a bulk run (what `spfkit bulk` and the benchmark call): stream the
 * customer file, check every row, write the report as rows finish, and resume a run that
 * stopped half-way. Memory stays flat in the number of rows; `--resume` keeps a Set of the
 * line numbers already reported and nothing else.
 */
import { once } from 'node:events';
import { type FileHandle, open } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import { type CheckCustomersOptions, type ReportRow, SITUATIONS, type SituationKind, checkCustomers, BulkSenderError, senderProblems } from './check.ts';
import { type Row, readCustomerRows, splitLines } from './csv.ts';
import { type ReportFormat, csvHeader, formatReportRow, reportFormat, reportedLines } from './report.ts';

/** A file could not be read or written, or the report path has no known extension. */
export class BulkFileError extends Error {
  override name = 'BulkFileError';
}

export type BulkFileOptions = CheckCustomersOptions & {
  /** The customer file (CSV, or one value per line). */
  input: string;
  /** The report file; `.jsonl`/`.ndjson` or `.csv`. Without it, JSON Lines go to `stdout`. */
  out?: string;
  /** Keep the rows `out` already has, check only the others, and append. */
  resume?: boolean;
  /** Where JSON Lines go without `out`. */
  stdout?: (text: string) => void;
};

export interface BulkSummary {
  /** Rows checked in this run. */
  checked: number;
  /** Rows skipped because the report already had them (`resume`). */
  skipped: number;
  /** Rows checked in this run, per situation. */
  situations: Record<SituationKind, number>;
  /** The report format written. */
  format: ReportFormat;
}

function describe(error: unknown): string {
  return (error as NodeJS.ErrnoException | undefined)?.code ?? (error instanceof Error ? error.message : String(error));
}

/**
 * Checks every customer in `input` for one service and writes the report.
 *
 * @example
 * const summary = await bulkCheckFile({ input: 'customers.csv', out: 'report.csv', provider: blueinkt, resolver: cachingResolver(systemResolver()) });
 * summary.situations['not-authorised']; // customers to ask to change their record
 */
export async function bulkCheckFile(options: BulkFileOptions): Promise<BulkSummary> {
  const format = options.out === undefined ? 'jsonl' : reportFormat(options.out);
  if (format === undefined) throw new BulkFileError(`the report must end in .jsonl, .ndjson or .csv, got ${options.out ?? ''}`);
  const problems = senderProblems(options);
  if (problems.length > 0) throw new BulkSenderError(problems.join('; '));

  let input: FileHandle;
  try {
    input = await open(options.input, 'r');
  } catch (error) {
    throw new BulkFileError(`cannot read ${options.input}: ${describe(error)}`);
  }
  try {
    const rows = readCustomerRows(splitLines(input.createReadStream({ autoClose: false })));
    // The header decides before any report is opened: a file we cannot read leaves nothing behind.
    const first = await rows.next();
    const report = await openReport(options, format);
    const summary: BulkSummary = { checked: 0, skipped: 0, situations: Object.fromEntries(SITUATIONS.map((s) => [s, 0])) as Record<SituationKind, number>, format };
    try {
      const pending = async function* (): AsyncGenerator<Row> {
        if (first.done === true) return;
        for (let next: IteratorResult<Row> = first; next.done !== true; next = await rows.next()) {
          if (report.done.has(next.value.line)) summary.skipped++;
          else yield next.value;
        }
      };
      for await (const row of checkCustomers(pending(), options)) {
        await report.write(row);
        summary.checked++;
        summary.situations[row.situation]++;
      }
    } finally {
      await report.close();
    }
    return summary;
  } finally {
    await input.close();
  }
}

interface ReportSink {
  /** Input lines the report had before this run. */
  done: ReadonlySet<number>;
  write(row: ReportRow): Promise<void>;
  close(): Promise<void>;
}

async function openReport(options: BulkFileOptions, format: ReportFormat): Promise<ReportSink> {
  const path = options.out;
  if (path === undefined) {
    const stdout = options.stdout ?? (() => {});
    return { done: new Set(), write: async (row) => stdout(formatReportRow(row, format)), close: async () => {} };
  }
  let done = new Set<number>();
  if (options.resume) done = await readDone(path, format);
  let handle: FileHandle;
  try {
    handle = await open(path, options.resume ? 'a' : 'w');
  } catch (error) {
    throw new BulkFileError(`cannot write ${path}: ${describe(error)}`);
  }
  const stream: Writable = handle.createWriteStream();
  const failed = new Promise<never>((_, reject) => stream.once('error', (error) => reject(new BulkFileError(`cannot write ${path}: ${describe(error)}`))));
  failed.catch(() => {});
  const write = async (text: string): Promise<void> => {
    // Back-pressure: a slow disk slows the checks down instead of filling memory.
    if (!stream.write(text)) await Promise.race([once(stream, 'drain'), failed]);
  };
  if (format === 'csv' && (await handle.stat()).size === 0) await write(csvHeader());
  return {
    done,
    write: (row) => write(formatReportRow(row, format)),
    close: async () => {
      stream.end();
      await Promise.race([once(stream, 'close'), failed]);
    },
  };
}

/** The lines a report has, after cutting off a torn last line (a run killed mid-write). */
async function readDone(path: string, format: ReportFormat): Promise<Set<number>> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'r+');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Set();
    throw new BulkFileError(`cannot resume from ${path}: ${describe(error)}`);
  }
  try {
    await dropTornLine(handle);
    return await reportedLines(splitLines(handle.createReadStream({ start: 0, autoClose: false })), format);
  } finally {
    await handle.close();
  }
}

/** Truncates the file after its last line end, so appended rows start on a line of their own. */
async function dropTornLine(handle: FileHandle): Promise<void> {
  const { size } = await handle.stat();
  const chunk = Buffer.alloc(Math.min(size, 65536));
  let end = size;
  while (end > 0) {
    const length = Math.min(chunk.length, end);
    await handle.read(chunk, 0, length, end - length);
    const nl = chunk.subarray(0, length).lastIndexOf(0x0a);
    if (nl !== -1) {
      const keep = end - length + nl + 1;
      if (keep < size) await handle.truncate(keep);
      return;
    }
    end -= length;
  }
  if (size > 0) await handle.truncate(0);
}
