/**
 * Embedded multi-core mode (issue 12.3): one machine, every core, no Redis. The rows of a
 * bulk run go in batches to `workers` worker threads (src/scale/thread-worker.ts), each
 * running the same `checkCustomers` with its own DNS cache; the rows come back in input
 * order, so the report is the one the single-thread run writes. `concurrency` stays the
 * bound on DNS checks in flight: it is split across the threads.
 *
 * Works from dist (`.js` next to this file) and under tsx (the `.ts` file; workers inherit
 * the `--import tsx` of the parent).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { type BulkSender, type ReportRow, BulkSenderError, senderProblems } from '../bulk/check.ts';
import type { Row } from '../bulk/csv.ts';
import type { SystemResolverOptions } from '../dns/system.ts';
import type { Lang } from '../i18n/lang.ts';

/** Rows per message to a thread: big enough that messaging costs little, small enough to share work. */
export const THREAD_BATCH = 64;

/** What each thread is started with (structured-cloneable). */
export interface ThreadInit {
  sender: BulkSender;
  dns: SystemResolverOptions;
  concurrency: number;
  lang: Lang;
}

/** A thread's answer to one batch. */
export interface ThreadReply {
  id: number;
  rows: ReportRow[];
  error?: string;
}

export type ThreadedOptions = BulkSender & {
  /** The DNS servers each thread asks (each thread has its own resolver and cache). */
  dns: SystemResolverOptions;
  /** Worker threads (default `os.availableParallelism()`). */
  workers?: number;
  /** Checks in flight over all threads (default 16), split across them. */
  concurrency?: number;
  lang?: Lang;
  /** Rows per batch (default `THREAD_BATCH`). */
  batch?: number;
};

/** The default number of threads: the cores this process may use. */
export function defaultWorkers(): number {
  return availableParallelism();
}

/** The thread's file: the built `.js` in dist, or the `.ts` under tsx (then loaded through tsx too). */
function startThread(init: ThreadInit): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./thread-worker.js', import.meta.url), { workerData: init });
  // A .ts entry is not run through loader hooks of --import in every Node version: register tsx first, then import it.
  const api = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const entry = JSON.stringify(new URL('./thread-worker.ts', import.meta.url).href);
  return new Worker(`import(${api}).then((tsx) => { tsx.register(); return import(${entry}); })`, { eval: true, workerData: init });
}

/**
 * Checks `rows` on `workers` threads and yields the report rows in input order, the same
 * rows `checkCustomers` yields with `order: 'input'`. At most `2 × workers` batches are out at
 * once (back-pressure on the input). Throws `BulkSenderError` at once for an unusable service.
 *
 * @example
 * for await (const row of checkCustomersThreaded(rows, { provider, dns: { servers: ['127.0.0.1:5353'] }, workers: 2 })) write(row);
 */
export async function* checkCustomersThreaded(rows: AsyncIterable<Row> | Iterable<Row>, options: ThreadedOptions): AsyncGenerator<ReportRow> {
  const problems = senderProblems(options);
  if (problems.length > 0) throw new BulkSenderError(problems.join('; '));
  const workers = options.workers ?? defaultWorkers();
  if (!Number.isInteger(workers) || workers < 1) throw new RangeError(`workers must be a whole number ≥ 1, got ${String(workers)}`);
  const concurrency = options.concurrency ?? 16;
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new RangeError(`concurrency must be a whole number ≥ 1, got ${String(concurrency)}`);
  const batchSize = options.batch ?? THREAD_BATCH;
  const base = 'provider' in options ? { provider: options.provider } : { mechanism: options.mechanism };
  const sender: BulkSender = options.testIps === undefined ? base : { ...base, testIps: options.testIps };
  const lang = options.lang ?? 'en';
  const perThread = Math.max(1, Math.ceil(concurrency / workers));
  const init: ThreadInit = { sender, dns: options.dns, concurrency: perThread, lang };

  const threads = Array.from({ length: workers }, () => startThread(init));
  const busy = threads.map(() => 0);
  const results = new Map<number, ThreadReply>();
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const poke = (): void => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  threads.forEach((thread, index) => {
    thread.on('message', (reply: ThreadReply) => {
      busy[index] = (busy[index] ?? 1) - 1;
      results.set(reply.id, reply);
      poke();
    });
    thread.on('error', (error) => {
      failure ??= error;
      poke();
    });
    thread.on('exit', (code) => {
      if (code !== 0) failure ??= new Error(`worker thread ${String(index)} stopped with code ${String(code)}`);
      poke();
    });
  });

  const iterator = Symbol.asyncIterator in rows ? rows[Symbol.asyncIterator]() : rows[Symbol.iterator]();
  let sent = 0;
  let handed = 0;
  let exhausted = false;
  try {
    for (;;) {
      // Fill: each thread keeps two batches, so it never waits for the main thread.
      while (!exhausted && failure === undefined && sent - handed < 2 * workers) {
        const batch: Row[] = [];
        while (batch.length < batchSize) {
          const next = await iterator.next();
          if (next.done === true) {
            exhausted = true;
            break;
          }
          batch.push(next.value);
        }
        if (batch.length === 0) break;
        let pick = 0;
        for (let i = 1; i < workers; i++) if ((busy[i] ?? 0) < (busy[pick] ?? 0)) pick = i;
        busy[pick] = (busy[pick] ?? 0) + 1;
        threads[pick]?.postMessage({ id: sent, rows: batch });
        sent++;
      }
      if (failure !== undefined) throw failure;
      while (results.has(handed)) {
        const reply = results.get(handed) as ThreadReply;
        results.delete(handed);
        handed++;
        if (reply.error !== undefined) throw new Error(reply.error);
        for (const row of reply.rows) yield row;
      }
      if (exhausted && handed === sent) return;
      if (!results.has(handed) && failure === undefined) await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    await iterator.return?.();
    await Promise.all(threads.map(async (thread) => {
      thread.postMessage('stop');
      await thread.terminate();
    }));
  }
}
