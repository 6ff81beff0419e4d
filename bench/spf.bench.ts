/**
 * npm run bench — spfkit side by side with mailauth's SPF (4.x), same data, same concurrency:
 *  1. parse throughput on 100 000 realistic records, side by side with libspf2's record
 *     compiler (C) on the same records in the same run (the target, 1 250 000
 *     records/s, is libspf2's rate on its reference machine);
 *  2. checkHost throughput on 10 000 checks: in-memory zone; loopback DNS served by NSD (or the
 *     JavaScript test server when NSD cannot be installed), uncached; loopback
 *     DNS through one shared cache, 64 checks in flight (target ≥ 30 000 checks/s);
 *  3. a cold-cache bulk row: 20 000 distinct domains, every cache empty, beside libspf2 with
 *     SPF_DNS_CACHE on the same NSD (bench/cold.ts; BENCH_ONLY=cold runs it alone);
 *  4. latency of one check against a server with a per-answer delay (bench/latency.ts).
 */
import { createRequire } from 'node:module';
import { promises as dnsPromises } from 'node:dns';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// The shipped build (dist/, through the package's own name), as users run it: scripts/bench.mjs
// bundles this file and runs it with plain node, without loader hooks.
import { type RecordCache, type Resolver, type RrType, cachingResolver, checkHost, parseRecord, recordCache, systemResolver, zoneResolver } from 'spfkit';
import { customerRecord, generateChecks, generateData, mixRecord, prng } from './data.ts';
import { coldCacheSection } from './cold.ts';
import { latencyBench } from './latency.ts';
import { startNsd } from './nsd.ts';
import { fmt, pool, rate, startDnsServerProcess, table } from './support.ts';

type MailauthSpf = (opts: { sender: string; ip: string; helo: string; mta: string; resolver: (name: string, type: string) => Promise<unknown> }) => Promise<{ status: { result: string } }>;
const { spf: mailauthSpf } = createRequire(import.meta.url)('mailauth/lib/spf') as { spf: MailauthSpf };

const PARSE_RECORDS = 100_000;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CHECKS = Number(process.env.BENCH_CHECKS ?? 10_000);
const DOMAINS = 5_000;
const CONCURRENCY = 64;
const PARSE_TARGET = 1_250_000;
const CACHED_TARGET = 30_000;

/** mailauth wants node:dns-style answers and error codes; adapt any spfkit Resolver. */
function mailauthResolver(resolver: Resolver) {
  return async (name: string, type: string): Promise<unknown> => {
    const answer = await resolver.query(name, type as RrType);
    switch (answer.kind) {
      case 'answer':
        return type === 'MX' ? (answer.records as Array<{ preference: number; exchange: string }>).map((r) => ({ exchange: r.exchange, priority: r.preference })) : answer.records;
      case 'nxdomain':
        throw Object.assign(new Error('ENOTFOUND'), { code: 'ENOTFOUND' });
      case 'nodata':
        throw Object.assign(new Error('ENODATA'), { code: 'ENODATA' });
      case 'timeout':
        throw Object.assign(new Error('ETIMEOUT'), { code: 'ETIMEOUT' });
      case 'servfail':
        throw Object.assign(new Error('ESERVFAIL'), { code: 'ESERVFAIL' });
    }
  };
}

/** Best of ROUNDS timed runs (the first also warms the JIT). */
async function best(count: number, run: () => Promise<void>): Promise<number> {
  let top = 0;
  for (let i = 0; i < ROUNDS; i++) top = Math.max(top, await rate(count, run));
  return top;
}

function parseBench(records: readonly string[], expectValid = records.length): number {
  let best = 0;
  for (let round = 0; round < 5; round++) {
    const start = performance.now();
    let ok = 0;
    for (const r of records) if (parseRecord(r).ok) ok++;
    const perSec = records.length / ((performance.now() - start) / 1000);
    if (ok !== expectValid) throw new Error(`${ok} of ${records.length} records parsed, expected ${expectValid}`);
    best = Math.max(best, perSec);
  }
  return best;
}

/**
 * libspf2's SPF_record_compile() over the same records (bench/libspf2/compile-rate.c, built by
 * scripts/bench.mjs): records/s, or why the peer could not run.
 */
function libspf2Bench(records: readonly string[]): { perSecond: number; ok: number } | string {
  const binary = process.env.SPFKIT_BENCH_LIBSPF2;
  if (!binary) return process.env.SPFKIT_BENCH_LIBSPF2_UNAVAILABLE ?? 'not built (run the benchmark with npm run bench)';
  const dir = mkdtempSync(join(tmpdir(), 'spfkit-bench-'));
  try {
    const file = join(dir, 'records.txt');
    writeFileSync(file, records.join('\n') + '\n');
    const run = spawnSync('sh', ['-c', `"$0" 5 < "$1"`, binary, file], { encoding: 'utf8' });
    if (run.status !== 0) return `${binary} failed: ${(run.stderr || run.error?.message || '').trim()}`;
    const out = JSON.parse(run.stdout) as { records: number; ok: number; perSecond: number };
    if (out.records !== records.length) return `libspf2 read ${out.records} of ${records.length} records`;
    return { perSecond: out.perSecond, ok: out.ok };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** 1. Parse throughput beside libspf2's record compiler, on two record sets. */
function parseSection(): { parseRate: number; libspf2: number | string } {
  const rand = prng(1);
  const parseRecords = Array.from({ length: PARSE_RECORDS }, (_, i) => customerRecord(rand, `d${i}.example`));
  const parseRate = parseBench(parseRecords);
  const libspf2Run = libspf2Bench(parseRecords);
  const libspf2 = typeof libspf2Run === 'string' ? libspf2Run : libspf2Run.ok === parseRecords.length ? libspf2Run.perSecond : `libspf2 compiled ${libspf2Run.ok} of ${parseRecords.length} records`;
  // The realistic mix (bench/data.ts mixRecord): ~80 characters, 0–12 ip4, ~1 % invalid.
  const mixRand = prng(3);
  const mixRecords = Array.from({ length: PARSE_RECORDS }, () => mixRecord(mixRand));
  const mixValid = mixRecords.filter((r) => parseRecord(r).ok).length;
  const mixRate = parseBench(mixRecords, mixValid);
  const mixLibspf2 = libspf2Bench(mixRecords);
  const avg = mixRecords.reduce((n, r) => n + r.length, 0) / mixRecords.length;
  const parseRows = [
    ['parse, best of 5', 'records/s', 'ratio', 'valid'],
    ['100 000 customer records: spfkit parseRecord', fmt(parseRate), typeof libspf2 === 'number' ? `${(parseRate / libspf2).toFixed(2)}× libspf2` : '', fmt(parseRecords.length)],
  ];
  if (typeof libspf2 === 'number') parseRows.push(['  libspf2 SPF_record_compile (C, same records)', fmt(libspf2), '1.00×', fmt(parseRecords.length)]);
  parseRows.push([`100 000 mixed records (${avg.toFixed(0)} chars avg, ~1 % invalid): spfkit`, fmt(mixRate), typeof mixLibspf2 === 'string' ? '' : `${(mixRate / mixLibspf2.perSecond).toFixed(2)}× libspf2`, fmt(mixValid)]);
  if (typeof mixLibspf2 !== 'string') parseRows.push(['  libspf2 SPF_record_compile (C, same records)', fmt(mixLibspf2.perSecond), '1.00×', fmt(mixLibspf2.ok)]);
  console.log(table(parseRows));
  if (typeof libspf2 === 'string') console.log(`libspf2 peer not measured: ${libspf2}`);
  if (typeof mixLibspf2 !== 'string') console.log(`parse goal on the mix ≥ 1.0× libspf2: ${mixRate >= mixLibspf2.perSecond ? 'met' : 'NOT met'} (${(mixRate / mixLibspf2.perSecond).toFixed(2)}×)`);
  return { parseRate, libspf2 };
}

async function main(): Promise<void> {
  // BENCH_ONLY=latency runs the latency section alone.
  if (process.env.BENCH_ONLY === 'latency') return latencySection();
  if (process.env.BENCH_ONLY === 'cold') return coldCacheSection();
  if (process.env.BENCH_ONLY === 'parse') return void parseSection();

  console.log(`spfkit benchmark — node ${process.version}, ${CONCURRENCY} checks in flight; in-memory and cached runs: best of ${ROUNDS} after a warm-up\n`);
  const { parseRate, libspf2 } = parseSection();
  console.log('(mailauth interleaves parsing with evaluation and has no parse-only API; its checks are compared below)\n');

  const data = generateData(DOMAINS);
  const checks = generateChecks(data, CHECKS);
  const rows: string[][] = [['checkHost, 10 000 checks', 'spfkit/s', 'mailauth/s', 'ratio']];
  const mta = 'bench.example.org';
  const runSpfkit = (resolver: Resolver, records?: RecordCache) => () => pool(checks, CONCURRENCY, (c) => checkHost(c, records ? { resolver, records } : { resolver }));
  const runMailauth = (resolver: (name: string, type: string) => Promise<unknown>) => () =>
    pool(checks, CONCURRENCY, (c) => mailauthSpf({ ...c, mta, resolver }));

  // Sanity: both agree on results for the first 500 checks of the zone run.
  const zone = zoneResolver(data.zone, { log: false });
  let disagree = 0;
  for (const c of checks.slice(0, 500)) {
    const a = await checkHost(c, { resolver: zone });
    const b = await mailauthSpf({ ...c, mta, resolver: mailauthResolver(zone) });
    if (a.result !== b.status.result) disagree++;
  }

  // 1. In-memory zone (pure engine speed).
  await runSpfkit(zone)();
  await runMailauth(mailauthResolver(zone))();
  const zoneSpfkit = await best(CHECKS, runSpfkit(zone));
  const zoneMailauth = await best(CHECKS, runMailauth(mailauthResolver(zone)));
  rows.push(['in-memory zone resolver', fmt(zoneSpfkit), fmt(zoneMailauth), `${(zoneSpfkit / zoneMailauth).toFixed(1)}×`]);

  // 2./3. A real DNS server on loopback, in its own process: NSD (C) when it is installed.
  const nsd = process.env.SPFKIT_BENCH_NSD;
  let dnsCeiling = '';
  const server = nsd ? await startNsd(nsd, data.zone) : await startDnsServerProcess(data.zone);
  const serverName = nsd ? 'NSD' : 'JS test server';
  if (!nsd) console.log(`NSD not used (${process.env.SPFKIT_BENCH_NSD_UNAVAILABLE ?? 'run the benchmark with npm run bench'}): the loopback rows use test/support/dns-server.ts\n`);
  try {
    const system = systemResolver({ servers: [server.address], timeout: 2000, tries: 2 });
    const nodeResolver = new dnsPromises.Resolver({ timeout: 2000, tries: 2 });
    nodeResolver.setServers([server.address]);
    const viaNode = (name: string, type: string) => nodeResolver.resolve(name, type);
    // Count spfkit's queries, to set the uncached rate against what node:dns itself can do.
    let asked = 0;
    const counted: Resolver = { query: (name, type) => (asked++, system.query(name, type)) };
    const uncachedSpfkit = await rate(CHECKS, runSpfkit(counted));
    const uncachedMailauth = await rate(CHECKS, runMailauth(viaNode));
    rows.push([`loopback DNS (${serverName}), no cache`, fmt(uncachedSpfkit), fmt(uncachedMailauth), `${(uncachedSpfkit / uncachedMailauth).toFixed(1)}×`]);
    // The ceiling both share: node:dns (c-ares) alone, TXT queries for the same names, same concurrency.
    const names = Array.from({ length: 4 * CHECKS }, (_, i) => data.domains[i % data.domains.length] as string);
    const bare = await rate(names.length, () => pool(names, CONCURRENCY, (name) => nodeResolver.resolveTxt(name).catch(() => undefined)));
    const perCheck = asked / CHECKS;
    dnsCeiling = `uncached ceiling: node:dns alone answers ${fmt(bare)} queries/s here (${CONCURRENCY} in flight); spfkit asked ${perCheck.toFixed(2)} queries per check, ${fmt(uncachedSpfkit * perCheck)} queries/s = ${((100 * uncachedSpfkit * perCheck) / bare).toFixed(0)}% of that`;

    // One cache per side, sized for the data (every name fits); spfkit also keeps parsed
    // records (recordCache), as a bulk run or the server does.
    const cacheA = cachingResolver(systemResolver({ servers: [server.address], timeout: 2000, tries: 2 }), { maxEntries: 100_000 });
    const cacheB = cachingResolver(systemResolver({ servers: [server.address], timeout: 2000, tries: 2 }), { maxEntries: 100_000 });
    const records = recordCache();
    await runSpfkit(cacheA, records)();
    await runMailauth(mailauthResolver(cacheB))();
    const cachedSpfkit = await best(CHECKS, runSpfkit(cacheA, records));
    const cachedMailauth = await best(CHECKS, runMailauth(mailauthResolver(cacheB)));
    rows.push([`loopback DNS (${serverName}), shared cache (warm)`, fmt(cachedSpfkit), fmt(cachedMailauth), `${(cachedSpfkit / cachedMailauth).toFixed(1)}×`]);
    console.log(table(rows));
    console.log(`\ncached loopback target ≥ ${fmt(CACHED_TARGET)} checks/s: ${cachedSpfkit >= CACHED_TARGET ? 'met' : 'NOT met'} (${(cachedSpfkit / CACHED_TARGET).toFixed(2)}×)`);
    console.log(`engine target ≥ 10× mailauth (in-memory zone): ${zoneSpfkit / zoneMailauth >= 10 ? 'met' : 'NOT met'}`);
    console.log(dnsCeiling);
    console.log(`parse target ≥ ${fmt(PARSE_TARGET)} records/s (libspf2 on the issue's reference machine): ${parseRate >= PARSE_TARGET ? 'met' : 'NOT met'} (${(parseRate / PARSE_TARGET).toFixed(2)}×)`);
    if (typeof libspf2 === 'number') console.log(`parse vs libspf2 on this machine, same run: ${(parseRate / libspf2).toFixed(2)}× (${parseRate >= libspf2 ? 'faster' : 'slower'})`);
    console.log(`results differing from mailauth on 500 sample checks (spfkit with look-ahead): ${disagree}`);
  } finally {
    server.stop();
  }
  await coldCacheSection();
  await latencySection();
}

/** 4. Latency: one check against a server that answers after a delay (a simulated round trip). */
async function latencySection(): Promise<void> {
  console.log('\nlatency: one check against the JS test DNS server answering after a fixed delay; bound = the round trips the record tree needs × delay');
  const latency = await latencyBench(mailauthSpf);
  console.log(latency.text);
  console.log(`latency goal ≤ 1.25× the depth bound at 20 ms (look-ahead): ${latency.goalMet ? 'met' : 'NOT met'}`);
}

await main();
