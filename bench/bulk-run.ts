/**
 * One measured bulk run, in a process of its own so its memory is its own:
 * `node bench/.build/bench/bulk-run.mjs <customers.csv> <report.jsonl> <dns-server> <provider> <concurrency>`.
 * Runs `bulkCheckFile` (what `spfkit bulk` calls) with the resolver `spfkit bulk --dns` builds,
 * samples RSS every 50 ms, and prints one JSON line: rows, seconds, peak RSS, maxRSS.
 */
import { readFileSync } from 'node:fs';
import { bulkCheckFile } from '../src/bulk/file.ts';
import { BULK_RECORD_CACHE } from '../src/bulk/check.ts';
import { resolverFromOptions } from '../src/cli/dns-options.ts';
import { findProvider, parseProviderCatalogue } from '../src/record/providers.ts';
import { recordCache } from '../src/spf/record-cache.ts';

const [input, out, server, providerId, concurrencyText] = process.argv.slice(2);
if (input === undefined || out === undefined || server === undefined || providerId === undefined) {
  console.error('usage: bulk-run.ts <customers.csv> <report.jsonl> <dns-server> <provider> [concurrency]');
  process.exit(2);
}
const catalogue = parseProviderCatalogue(JSON.parse(readFileSync('data/providers.json', 'utf8')));
if (!catalogue.ok) throw new Error('the provider catalogue does not load');
const provider = findProvider(catalogue.catalogue, providerId);
if (!provider) throw new Error(`unknown provider ${providerId}`);

let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 50);

const dns = await resolverFromOptions({ dns: [server] });
const start = performance.now();
const summary = await bulkCheckFile({ input, out, provider, resolver: dns.resolver, records: recordCache(BULK_RECORD_CACHE), concurrency: Number(concurrencyText ?? 16) });
const seconds = (performance.now() - start) / 1000;
clearInterval(sampler);
peakRss = Math.max(peakRss, process.memoryUsage().rss);
// resourceUsage().maxRSS is in kilobytes.
console.log(JSON.stringify({ rows: summary.checked, seconds, peakRss, maxRss: process.resourceUsage().maxRSS * 1024, situations: summary.situations }));
