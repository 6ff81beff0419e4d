/**
 * npm run bench:monitor — the monitor's full re-check of N watched domains (BENCH_DOMAINS,
 * default 100 000) on the embedded SQLite store, against a loopback NSD serving their zone
 * (generated: bench/data.ts's customer domains, ~2 % broken, 60 % with a DMARC record).
 * bench/monitor-run.ts does the work in a process of its own; this prints:
 *  - checks/s of the first check and of the re-check (history present, events compared);
 *  - peak RSS of each pass;
 *  - database size, and its growth per 100 000 checks;
 *  - the dashboard's query on the full table: situation filter + a page of 50 (+ the count
 *    for the pager), first page, a deep page, and with a search;
 *  - the ceiling beside it: NSD's own rate (UDP, 64 in flight) ÷ the DNS queries a check made.
 * BENCH_MONITOR_CONCURRENCY (default 32) checks in flight.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ZoneItem } from '../src/dns/zone.ts';
import { generateBulkData } from './data.ts';
import { startNsd, udpQueryRate } from './nsd.ts';
import { BENCH_BUILD, type ServerProcess, fmt, startDnsServerProcess, table } from './support.ts';

const DOMAINS = Number(process.env.BENCH_DOMAINS ?? 100_000);
const CONCURRENCY = Number(process.env.BENCH_MONITOR_CONCURRENCY ?? 32);
/** The run is killed after this long: the benchmark is bounded in time. */
const RUN_LIMIT_MS = Number(process.env.BENCH_MONITOR_LIMIT_MS ?? 1_800_000);

interface Pass {
  seconds: number;
  checks: number;
  queries: number;
  events: number;
  situations: Record<string, number>;
  bytes: number;
  peakRss: number;
}

interface RunResult {
  count: number;
  watchSeconds: number;
  watchedBytes: number;
  first: Pass;
  again: Pass;
  query: { rows: number; matching: number; firstPageMs: number; deepPageMs: number; deepOffset: number; searchPageMs: number; sortSituationMs: number; sortCheckedMs: number };
  maxRss: number;
}

function runChild(args: string[]): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [`${BENCH_BUILD}/bench/monitor-run.mjs`, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`monitor run did not finish within ${RUN_LIMIT_MS / 1000} s`));
    }, RUN_LIMIT_MS);
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (code !== 0) return reject(new Error(`monitor run exited with ${code}`));
      try {
        resolve(JSON.parse(out.trim().split('\n').pop() ?? '') as RunResult);
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  });
}

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function main(): Promise<void> {
  const data = generateBulkData(DOMAINS);
  for (const [i, domain] of data.domains.entries()) {
    if (i % 5 < 3) data.zone.set(`_dmarc.${domain}`, [{ type: 'TXT', value: [`v=DMARC1; p=${['none', 'quarantine', 'reject'][i % 3] as string}; rua=mailto:dmarc@${domain}`] } satisfies ZoneItem]);
  }
  const nsdBinary = process.env.SPFKIT_BENCH_NSD;
  let dns: ServerProcess;
  let served: string;
  if (nsdBinary) {
    dns = await startNsd(nsdBinary, data.zone);
    served = 'NSD';
  } else {
    console.error(`bench: NSD unavailable (${process.env.SPFKIT_BENCH_NSD_UNAVAILABLE ?? 'not found'}); serving the zone from test/support/dns-server.ts`);
    dns = await startDnsServerProcess(data.zone);
    served = 'the JavaScript test DNS server';
  }
  const dir = mkdtempSync(join(tmpdir(), 'spfkit-bench-monitor-'));
  try {
    const [host, port] = dns.address.split(':') as [string, string];
    const queriesPerSecond = await udpQueryRate(host, Number(port), (i) => data.domains[i % data.domains.length] as string);
    const r = await runChild([dir, dns.address, String(DOMAINS), String(CONCURRENCY)]);
    console.log(
      `spfkit monitor benchmark — node ${process.version}, ${fmt(DOMAINS)} watched domains (service: coachview) on ${served} at ${dns.address}, embedded SQLite store, ${CONCURRENCY} checks in flight, load average ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} CPUs (shared)\n`,
    );
    console.log(`watching ${fmt(r.count)} domains: ${r.watchSeconds.toFixed(1)} s (${fmt(r.count / r.watchSeconds)}/s), database ${mb(r.watchedBytes)}\n`);
    const rows = [['pass', 'checks', 'seconds', 'checks/s', 'DNS queries/check', 'DNS ceiling checks/s', 'of ceiling', 'events', 'peak RSS', 'database after', 'growth per 100 000 checks', 'situations']];
    let before = r.watchedBytes;
    for (const [name, p] of [['first check', r.first], ['re-check (history)', r.again]] as const) {
      const perCheck = p.queries / p.checks;
      const ceiling = queriesPerSecond / perCheck;
      const rate = p.checks / p.seconds;
      rows.push([
        name,
        fmt(p.checks),
        p.seconds.toFixed(1),
        fmt(rate),
        perCheck.toFixed(2),
        fmt(ceiling),
        `${((100 * rate) / ceiling).toFixed(0)} %`,
        fmt(p.events),
        mb(p.peakRss),
        mb(p.bytes),
        mb(((p.bytes - before) * 100_000) / p.checks),
        Object.entries(p.situations)
          .map(([s, n]) => `${s} ${fmt(n)}`)
          .join(', '),
      ]);
      before = p.bytes;
    }
    console.log(table(rows));
    console.log(`\nceiling: ${served} answers ${fmt(queriesPerSecond)} TXT queries/s (one UDP socket, 64 in flight); ceiling checks/s = that ÷ the queries a check sent to it`);
    const q = r.query;
    console.log(
      `dashboard query on ${fmt(q.rows)} rows (situation not-authorised: ${fmt(q.matching)} match; a page of 50 + the count), median of 11: first page ${q.firstPageMs.toFixed(1)} ms, page at offset ${fmt(q.deepOffset)} ${q.deepPageMs.toFixed(1)} ms, with search "c12" ${q.searchPageMs.toFixed(1)} ms; all rows sorted by situation ${q.sortSituationMs.toFixed(1)} ms, by last check (newest first) ${q.sortCheckedMs.toFixed(1)} ms, at offset ${fmt(q.deepOffset)}`,
    );
    console.log(`maxRSS of the run process: ${mb(r.maxRss)}`);
    const lost = r.first.checks !== DOMAINS || r.again.checks !== DOMAINS;
    if (lost) {
      console.log(`\nFAILED: ${fmt(r.first.checks)} and ${fmt(r.again.checks)} checks for ${fmt(DOMAINS)} domains`);
      process.exitCode = 1;
    }
  } finally {
    dns.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
