/**
 * `spfkit bulk`: a sending service's customer list in, one report row per customer out —
 * seed 004's three situations (plus broken and invalid) — with a progress line on a
 * terminal and a summary at the end.
 */
import { createReadStream } from 'node:fs';
import { parseArgs } from 'node:util';
import { BULK_RECORD_CACHE, type BulkProgress, type BulkSender, BulkSenderError, SITUATIONS } from '../bulk/check.ts';
import { CsvHeaderError } from '../bulk/csv.ts';
import { BulkFileError, type BulkSummary, bulkCheckFile } from '../bulk/file.ts';
import { reportFormat } from '../bulk/report.ts';
import { t } from '../i18n/catalog.ts';
import type { Lang } from '../i18n/lang.ts';
import { recordCache } from '../spf/record-cache.ts';
import { COMMAND_OPTIONS, DEADLINE_OPTION, deadlineExit, resolverFromOptions } from './dns-options.ts';
import { langOption } from './explain.ts';
import { type CliIo, EXIT, UsageError, helpText, usage } from './io.ts';
import { SENDER_OPTIONS, chooseSender } from './sender-options.ts';

const DEFAULT_CONCURRENCY = 16;
const MAX_CONCURRENCY = 256;
/** Redraw the progress line at most this often, milliseconds. */
const PROGRESS_EVERY_MS = 100;

export async function bulkCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      ...SENDER_OPTIONS,
      concurrency: { type: 'string' },
      out: { type: 'string' },
      resume: { type: 'boolean', default: false },
      ...COMMAND_OPTIONS,
      ...DEADLINE_OPTION,
    },
    strict: true,
    allowPositionals: true,
  });
  if (values.help) {
    io.stdout(helpText('help.bulk', values.lang, io.env));
    return EXIT.ok;
  }
  if (positionals.length !== 1) throw positionals.length === 0 ? usage('usage.bulk.file-required') : usage('usage.bulk.one-file', { text: positionals.join(' ') });
  const input = positionals[0] as string;
  const lang = langOption(values.lang, io.env);

  const chosen = await chooseSender(values);
  let concurrency = DEFAULT_CONCURRENCY;
  if (values.concurrency !== undefined) {
    concurrency = Number(values.concurrency);
    if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > MAX_CONCURRENCY) throw usage('usage.bulk.concurrency', { text: values.concurrency, limit: MAX_CONCURRENCY });
  }
  if (values.out !== undefined && reportFormat(values.out) === undefined) throw usage('usage.bulk.out-format', { text: values.out });
  if (values.resume && values.out === undefined) throw usage('usage.bulk.resume-needs-out');

  const testIps = values['test-ip'];
  let sender: BulkSender;
  if (chosen.provider !== undefined) {
    sender = testIps === undefined ? { provider: chosen.provider } : { provider: chosen.provider, testIps };
  } else {
    sender = testIps === undefined ? { mechanism: chosen.mechanism } : { mechanism: chosen.mechanism, testIps };
  }

  // A bulk run is as long as its input: a deadline only when --deadline gives one.
  const dns = await resolverFromOptions(values, { deadline: values.deadline });
  // Progress only when a person watches and the report goes elsewhere (on stdout, the rows are the progress).
  const progress = io.isTty && values.out !== undefined && !values.json ? progressLine(io, await countLines(input), lang) : undefined;
  const started = performance.now();
  let summary: BulkSummary;
  try {
    summary = await bulkCheckFile({
      ...sender,
      input,
      ...(values.out !== undefined ? { out: values.out } : {}),
      resume: values.resume,
      stdout: io.stdout,
      resolver: dns.resolver,
      records: recordCache(BULK_RECORD_CACHE),
      concurrency,
      lang,
      ...(progress ? { onProgress: progress.update } : {}),
    });
  } catch (error) {
    if (error instanceof BulkFileError || error instanceof CsvHeaderError || error instanceof BulkSenderError) {
      const detail = error.message;
      throw new UsageError(() => detail);
    }
    throw error;
  } finally {
    progress?.clear();
  }
  await dns.finish();
  const seconds = (performance.now() - started) / 1000;

  if (values.json) {
    const text = JSON.stringify({ ...summary, seconds: Math.round(seconds * 1000) / 1000 }) + '\n';
    if (values.out !== undefined) io.stdout(text);
    else io.stderr(text);
  } else {
    io.stderr(summaryTable(summary, seconds, values.out, lang));
  }
  return deadlineExit(dns, io, lang, EXIT.ok);
}

/** Lines in the file, for the progress bar (0 when it cannot be read: the run says why). */
async function countLines(path: string): Promise<number> {
  let lines = 0;
  let last = 0x0a;
  try {
    for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
      for (let i = chunk.indexOf(0x0a); i !== -1; i = chunk.indexOf(0x0a, i + 1)) lines++;
      if (chunk.length > 0) last = chunk[chunk.length - 1] ?? last;
    }
  } catch {
    return 0;
  }
  return last === 0x0a ? lines : lines + 1;
}

const BAR_WIDTH = 24;

/** A `\r` progress line on stderr: bar by input line reached, rows done, rate. */
function progressLine(io: CliIo, totalLines: number, lang: Lang): { update: (p: BulkProgress) => void; clear: () => void } {
  const start = performance.now();
  let lastDraw = 0;
  let furthest = 0;
  let drawn = false;
  return {
    update(p) {
      furthest = Math.max(furthest, p.line);
      const now = performance.now();
      if (now - lastDraw < PROGRESS_EVERY_MS) return;
      lastDraw = now;
      const share = totalLines > 0 ? Math.min(1, furthest / totalLines) : 0;
      const filled = Math.round(share * BAR_WIDTH);
      const rate = p.done / Math.max(0.001, (now - start) / 1000);
      const left = share > 0 && share < 1 ? formatDuration(((now - start) / 1000) * ((1 - share) / share)) : undefined;
      const words = t(lang, 'bulk.progress', { percent: Math.floor(share * 100), count: p.done, rate, ...(left ? { left } : {}) });
      io.stderr(`\r[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${words}\x1b[K`);
      drawn = true;
    },
    clear() {
      if (drawn) io.stderr('\r\x1b[K');
    },
  };
}

function formatDuration(seconds: number): string {
  const s = Math.round(seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

function summaryTable(summary: BulkSummary, seconds: number, out: string | undefined, lang: Lang): string {
  const rows: Array<[string, string]> = SITUATIONS.map((s) => [t(lang, `bulk.summary.${s}`), String(summary.situations[s])]);
  rows.push([t(lang, 'bulk.summary.total'), String(summary.checked)]);
  if (summary.skipped > 0) rows.push([t(lang, 'bulk.summary.skipped'), String(summary.skipped)]);
  const width = Math.max(...rows.map(([label]) => label.length));
  const numbers = Math.max(...rows.map(([, n]) => n.length));
  const lines = rows.map(([label, n]) => `  ${label.padEnd(width)}  ${n.padStart(numbers)}`);
  const rate = summary.checked / Math.max(0.001, seconds);
  const head = t(lang, 'bulk.summary.checked', { count: summary.checked, seconds, rate, ...(out ? { out } : {}) });
  return [head, ...lines, ''].join('\n');
}
