/**
 * One worker thread of the embedded multi-core mode (src/scale/threads.ts): the same
 * `checkCustomers` as the single-thread run, with its own DNS cache, over the batches of
 * rows the main thread posts. Answers each batch with its rows in input order.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { cachingResolver } from '../dns/cache.ts';
import { systemResolver } from '../dns/system.ts';
import { BULK_RECORD_CACHE, checkCustomers } from '../bulk/check.ts';
import type { Row } from '../bulk/csv.ts';
import { recordCache } from '../spf/record-cache.ts';
import type { ThreadInit, ThreadReply } from './threads.ts';

const init = workerData as ThreadInit;
const system = systemResolver(init.dns);
const resolver = cachingResolver(system);
const records = recordCache(BULK_RECORD_CACHE);
const port = parentPort;
if (port === null) throw new Error('thread-worker.ts runs only as a worker thread');

port.on('message', (message: { id: number; rows: Row[] } | 'stop') => {
  if (message === 'stop') {
    system.cancel();
    port.close();
    return;
  }
  void (async () => {
    const reply: ThreadReply = { id: message.id, rows: [] };
    try {
      for await (const row of checkCustomers(message.rows, { ...init.sender, resolver, records, concurrency: init.concurrency, lang: init.lang, order: 'input' })) reply.rows.push(row);
    } catch (error) {
      reply.error = error instanceof Error ? error.message : String(error);
    }
    port.postMessage(reply);
  })();
});
