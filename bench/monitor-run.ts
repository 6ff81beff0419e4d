/**
 * The measured part of `npm run bench:monitor`, in a process of its own so its memory is its own:
 * `node bench/.build/bench/monitor-run.mjs <dir> <dns-server> <domains> <concurrency>`.
 *
 * Watches the first <domains> generated customer domains (`c<N>.example`, service: the
 * Coachview catalogue entry) in a new embedded store (SQLite file in <dir>), then checks them
 * all twice with `checkMany` (what `monitor check` runs): the first check, and a re-check
 * against that history as the daily schedule makes it (a fresh DNS cache, as a day's TTLs
 * have run out). The store is closed after each pass (SQLite folds the WAL into the file), so
 * the file size is the database's. Then the dashboard's query — `listDomains` with a situation
 * filter and a page, and `countDomains` for the pager — on the full table. Prints one JSON line.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BULK_RECORD_CACHE } from '../src/bulk/check.ts';
import { cachingResolver } from '../src/dns/cache.ts';
import type { Resolver } from '../src/dns/resolver.ts';
import { systemResolver } from '../src/dns/system.ts';
import { checkMany } from '../src/monitor/run.ts';
import { openSqliteStore } from '../src/monitor/sqlite-store.ts';
import type { MonitorStore } from '../src/monitor/store.ts';
import type { MonitorSituation } from '../src/monitor/types.ts';
import { parseProviderCatalogue } from '../src/record/providers.ts';
import { recordCache } from '../src/spf/record-cache.ts';

const [dir, server, countText, concurrencyText] = process.argv.slice(2);
if (dir === undefined || server === undefined || countText === undefined) {
  console.error('usage: monitor-run.mjs <dir> <dns-server> <domains> [concurrency]');
  process.exit(2);
}
const count = Number(countText);
const concurrency = Number(concurrencyText ?? 32);
const file = join(dir, 'monitor.sqlite');
const parsed = parseProviderCatalogue(JSON.parse(readFileSync('data/providers.json', 'utf8')));
if (!parsed.ok) throw new Error('the provider catalogue does not load');
const catalogue = parsed.catalogue;

let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 50);

const size = (): number => ['', '-wal', '-shm'].reduce((sum, ext) => sum + (statSync(file + ext, { throwIfNoEntry: false })?.size ?? 0), 0);

interface Pass {
  seconds: number;
  checks: number;
  /** Queries that went to the DNS server (after the in-process cache). */
  queries: number;
  events: number;
  situations: Partial<Record<MonitorSituation, number>>;
  /** Database size after the pass, store closed. */
  bytes: number;
  peakRss: number;
}

async function pass(): Promise<Pass> {
  const store = await openSqliteStore({ file });
  peakRss = process.memoryUsage().rss;
  let queries = 0;
  const wire = systemResolver({ servers: [server as string], timeout: 2000 });
  const counted: Resolver = {
    query: (name, type) => {
      queries++;
      return wire.query(name, type);
    },
  };
  const resolver = cachingResolver(counted);
  const records = recordCache(BULK_RECORD_CACHE);
  const situations: Partial<Record<MonitorSituation, number>> = {};
  let checks = 0;
  let events = 0;
  const started = performance.now();
  for await (const outcome of checkMany(store, undefined, { resolver, catalogue, now: () => new Date(), records, concurrency })) {
    checks++;
    events += outcome.events.length;
    situations[outcome.check.situation] = (situations[outcome.check.situation] ?? 0) + 1;
  }
  const seconds = (performance.now() - started) / 1000;
  await store.close();
  return { seconds, checks, queries, events, situations, bytes: size(), peakRss: Math.max(peakRss, process.memoryUsage().rss) };
}

/** Median milliseconds of `runs` runs of `fn` (after one warm-up). */
async function median(runs: number, fn: () => Promise<unknown>): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

async function dashboard(store: MonitorStore): Promise<Record<string, number>> {
  const situation: MonitorSituation = 'not-authorised';
  const total = await store.countDomains({ situation });
  const page = 50;
  const deep = Math.max(0, Math.floor(total / 2 / page) * page);
  return {
    rows: await store.countDomains(),
    matching: total,
    firstPageMs: await median(11, async () => Promise.all([store.listDomains({ situation, offset: 0, limit: page }), store.countDomains({ situation })])),
    deepPageMs: await median(11, async () => Promise.all([store.listDomains({ situation, offset: deep, limit: page }), store.countDomains({ situation })])),
    deepOffset: deep,
    searchPageMs: await median(11, async () => Promise.all([store.listDomains({ situation, search: 'c12', offset: 0, limit: page }), store.countDomains({ situation, search: 'c12' })])),
    // The Customers view's sorts over every row (no filter), a deep page, as the table asks: worst first, latest check first.
    sortSituationMs: await median(11, async () => Promise.all([store.listDomains({ sort: 'situation', offset: deep, limit: page }), store.countDomains()])),
    sortCheckedMs: await median(11, async () => Promise.all([store.listDomains({ sort: 'checked', order: 'desc', offset: deep, limit: page }), store.countDomains()])),
  };
}

const setupStarted = performance.now();
const store = await openSqliteStore({ file });
const at = new Date().toISOString();
for (let i = 0; i < count; i++) await store.watch({ domain: `c${i}.example`, services: [{ provider: 'coachview' }], customerId: `K${i}`, label: `Klant ${i} BV` }, at);
await store.close();
const watchSeconds = (performance.now() - setupStarted) / 1000;
const watchedBytes = size();

const first = await pass();
const again = await pass();
const reopened = await openSqliteStore({ file });
const query = await dashboard(reopened);
await reopened.close();
clearInterval(sampler);
// resourceUsage().maxRSS is in kilobytes.
console.log(JSON.stringify({ count, concurrency, watchSeconds, watchedBytes, first, again, query, maxRss: process.resourceUsage().maxRSS * 1024 }));
