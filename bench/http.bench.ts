/**
 * npm run bench:http — the HTTP server under load on loopback (autocannon), each run ≤ 20 s:
 *  1. `POST /api/check` on a warm DNS cache: requests/s and latency (p50/p99), seed 004's
 *     three situations in turn;
 *  2. the rate limiter under the same load: the server answers 429 quickly instead of falling
 *     over — 2xx vs 429 counted, no errors or timeouts allowed.
 *
 * The server runs as it does in production (src/server/main.ts, JSON logs at info, drained),
 * in its own process; the DNS server too (bench/support.ts), so neither shares an event loop
 * with the load generator. Settings: BENCH_DURATION (s, default 10, at most 20),
 * BENCH_CONNECTIONS (32), BENCH_LOG_LEVEL (info).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import autocannon from 'autocannon';
import { zoneFromText } from '../src/dns/zone.ts';
import { fmt, freePort, startDnsServerProcess, table } from './support.ts';

const DURATION = Math.min(Number(process.env.BENCH_DURATION ?? 10), 20);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const RATE_RUN_SECONDS = 5;
const RATE_MAX = 200;
/** The server's log level (production: info); BENCH_LOG_LEVEL=warn shows what logging costs. */
const LOG_LEVEL = process.env.BENCH_LOG_LEVEL ?? 'info';

// Seed 004: smtp1.blueinkt.com (5.255.64.53) sending for three customers' domains.
const ZONE = zoneFromText(`
zone:
  klant.nl: [{A: "192.0.2.80"}]
  example.com: [{TXT: "v=spf1 include:spf.protection.outlook.com -all"}]
  spf.protection.outlook.com: [{TXT: "v=spf1 ip4:40.92.0.0/15 ip4:40.107.0.0/16 ip4:52.100.0.0/14 ip4:104.47.0.0/17 ip6:2a01:111:f400::/48 -all"}]
  eneco.com: [{TXT: "v=spf1 include:spf.protection.outlook.com a:smtp1.blueinkt.com -all"}]
  smtp1.blueinkt.com: [{A: "5.255.64.53"}]
  53.64.255.5.in-addr.arpa: [{PTR: "smtp1.blueinkt.com"}]
`);

const CHECKS = ['info@klant.nl', 'info@example.com', 'fm_eib_verkoop_midden@eneco.com'].map((sender) => ({
  method: 'POST' as const,
  path: '/api/check',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ ip: '5.255.64.53', sender }),
}));

interface RunningServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts the built server (dist/server/main.js, what `npm start` runs) in a child process and resolves once /healthz answers. Its log
 * (JSON lines) is drained and dropped, so the server never blocks on a full pipe.
 */
async function startServer(env: Record<string, string>): Promise<RunningServer> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['dist/server/main.js'], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`server exited with ${code}`))));
  const stop = (): Promise<void> =>
    new Promise((done) => {
      if (child.exitCode !== null || child.signalCode !== null) return done();
      child.once('exit', () => done());
      child.kill('SIGTERM');
    });
  const url = `http://127.0.0.1:${port}`;
  const ready = (async (): Promise<void> => {
    for (const started = performance.now(); performance.now() - started < 20_000; ) {
      try {
        if ((await fetch(`${url}/healthz`)).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('server did not answer /healthz within 20 s');
  })();
  try {
    await Promise.race([ready, exited]);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, stop };
}

function run(url: string, seconds: number): Promise<autocannon.Result> {
  return autocannon({ url, connections: CONNECTIONS, duration: seconds, requests: CHECKS, timeout: 10 });
}

function count(result: autocannon.Result, status: number): number {
  return result.statusCodeStats?.[`${status}`]?.count ?? 0;
}

async function main(): Promise<void> {
  const dns = await startDnsServerProcess(ZONE);
  const servers: RunningServer[] = [];
  let failed = false;
  try {
    // 1. Throughput on a warm cache (the rate limit set out of reach).
    const open = await startServer({ DNS_SERVERS: dns.address, RATE_MAX: '1000000', LOG_LEVEL });
    servers.push(open);
    await run(open.url, 2); // warm-up: fills the DNS cache and the JIT
    const warm = await run(open.url, DURATION);
    const warmOk = warm['2xx'] === warm.requests.total && warm.errors === 0 && warm.timeouts === 0;
    failed ||= !warmOk;

    // 2. The rate limiter under the same load: one client (127.0.0.1), RATE_MAX per minute.
    const limited = await startServer({ DNS_SERVERS: dns.address, RATE_MAX: String(RATE_MAX), LOG_LEVEL });
    servers.push(limited);
    const flood = await run(limited.url, RATE_RUN_SECONDS);
    const ok = count(flood, 200);
    const refused = count(flood, 429);
    const other = flood.requests.total - ok - refused;
    const floodOk = ok === RATE_MAX && refused > 0 && other === 0 && flood.errors === 0 && flood.timeouts === 0;
    failed ||= !floodOk;

    console.log(`spfkit HTTP load test — ${CONNECTIONS} connections, loopback, server (log level ${LOG_LEVEL}) and DNS in their own processes\n`);
    console.log(
      table([
        ['run', 'seconds', 'requests', 'req/s', 'p50 ms', 'p99 ms', 'max ms', '2xx', '429', 'other', 'errors', 'timeouts'],
        [
          'POST /api/check, warm cache',
          String(DURATION),
          fmt(warm.requests.total),
          fmt(warm.requests.average),
          warm.latency.p50.toFixed(1),
          warm.latency.p99.toFixed(1),
          warm.latency.max.toFixed(1),
          fmt(warm['2xx']),
          fmt(count(warm, 429)),
          fmt(warm.requests.total - warm['2xx'] - count(warm, 429)),
          fmt(warm.errors),
          fmt(warm.timeouts),
        ],
        [
          `rate limit ${RATE_MAX}/min, one client`,
          String(RATE_RUN_SECONDS),
          fmt(flood.requests.total),
          fmt(flood.requests.average),
          flood.latency.p50.toFixed(1),
          flood.latency.p99.toFixed(1),
          flood.latency.max.toFixed(1),
          fmt(ok),
          fmt(refused),
          fmt(other),
          fmt(flood.errors),
          fmt(flood.timeouts),
        ],
      ]),
    );
    console.log(`\nwarm cache: ${warmOk ? 'every request answered 200' : 'FAILED: not every request answered 200'}`);
    console.log(`rate limit: ${floodOk ? `exactly ${RATE_MAX} answered 200, the rest 429; no errors or timeouts` : 'FAILED: expected exactly the allowance as 200 and the rest 429'}`);
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    dns.stop();
  }
  if (failed) process.exitCode = 1;
}

await main();
