/**
 * The cold-cache bulk row (issue 15.2): 20 000 distinct customer domains whose records share a
 * few provider includes, each checked once, every cache empty at the start — the realistic
 * bulk run. spfkit (caching resolver + parsed-record cache, 64 checks in flight) against
 * libspf2 with its own DNS cache (SPF_DNS_CACHE; bench/libspf2/check-rate.c, sequential: the
 * library's API blocks) on the same checks and the same NSD in the same run. Both sides count
 * the queries that reach the server, so the row shows work per check beside the rate.
 */
import { spawnSync } from 'node:child_process';
import { promises as dnsPromises } from 'node:dns';
import { type Resolver, cachingResolver, checkHost, recordCache, systemResolver } from 'spfkit';
import { PROVIDERS, generateData, prng } from './data.ts';
import { startNsd } from './nsd.ts';
import { fmt, pool, rate, table } from './support.ts';

const COLD_DOMAINS = Number(process.env.BENCH_COLD_DOMAINS ?? 20_000);
const CONCURRENCY = 64;
const GOAL = 2;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

interface Libspf2Run {
  checks: number;
  seconds: number;
  perSecond: number;
  queries: number;
  results: Record<string, number>;
}

/** One check per domain, in a shuffled order: half from a provider's address, half from elsewhere. */
function coldChecks(domains: readonly string[]): Array<{ ip: string; sender: string; helo: string }> {
  const rand = prng(15);
  const usable = PROVIDERS.filter((p) => p.ip !== '');
  const order = [...domains];
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [order[i], order[j]] = [order[j] as string, order[i] as string];
  }
  return order.map((domain) => ({
    ip: rand() < 0.5 ? (usable[Math.floor(rand() * usable.length)] as (typeof usable)[number]).ip : `198.51.100.${1 + Math.floor(rand() * 250)}`,
    sender: `info@${domain}`,
    helo: `mail.${domain}`,
  }));
}

export async function coldCacheSection(): Promise<void> {
  const nsd = process.env.SPFKIT_BENCH_NSD;
  const libspf2 = process.env.SPFKIT_BENCH_LIBSPF2_CHECK;
  console.log(`\ncold cache: ${fmt(COLD_DOMAINS)} distinct customer domains, each checked once, every cache empty at the start; best of ${ROUNDS} rounds, the two sides interleaved`);
  if (!nsd) {
    console.log(`not measured: NSD unavailable (${process.env.SPFKIT_BENCH_NSD_UNAVAILABLE ?? 'run the benchmark with npm run bench'})`);
    return;
  }
  const data = generateData(COLD_DOMAINS, 4242);
  const checks = coldChecks(data.domains);
  const server = await startNsd(nsd, data.zone);
  try {
    const [host, port] = server.address.split(':') as [string, string];
    // The ceiling: node:dns alone, TXT for the same names at the same concurrency.
    const bareResolver = new dnsPromises.Resolver({ timeout: 2000, tries: 2 });
    bareResolver.setServers([server.address]);
    const bare = await rate(checks.length, () => pool(data.domains, CONCURRENCY, (name) => bareResolver.resolveTxt(name).catch(() => undefined)));

    // Best of ROUNDS, the two sides interleaved so both meet the same machine load; each round
    // starts with every cache empty (a new resolver cache and record cache; a new libspf2 process).
    let results = new Map<string, number>();
    let asked = 0;
    let spfkit = 0;
    let peer: Libspf2Run | string = process.env.SPFKIT_BENCH_LIBSPF2_UNAVAILABLE ?? 'not built (run the benchmark with npm run bench)';
    const input = checks.map((c) => `${c.ip} ${c.sender} ${c.helo}`).join('\n') + '\n';
    for (let round = 0; round < ROUNDS; round++) {
      const seen = new Map<string, number>();
      let queries = 0;
      const system = systemResolver({ servers: [server.address], timeout: 2000, tries: 2 });
      const counted: Resolver = { query: (name, type) => (queries++, system.query(name, type)) };
      const resolver = cachingResolver(counted, { maxEntries: 200_000 });
      const records = recordCache();
      const perSecond = await rate(checks.length, () =>
        pool(checks, CONCURRENCY, async (c) => {
          const { result } = await checkHost(c, { resolver, records });
          seen.set(result, (seen.get(result) ?? 0) + 1);
        }),
      );
      if (perSecond > spfkit) [spfkit, results, asked] = [perSecond, seen, queries];
      if (!libspf2) continue;
      const run = spawnSync(libspf2, [host, port], { input, encoding: 'utf8', maxBuffer: 1 << 20 });
      if (run.status !== 0) {
        peer = `${libspf2} failed: ${(run.stderr || run.error?.message || '').trim()}`;
        break;
      }
      const out = JSON.parse(run.stdout) as Libspf2Run;
      if (typeof peer === 'string' || out.perSecond > peer.perSecond) peer = out;
    }
    const rows = [
      ['cold-cache bulk check', 'checks/s', 'DNS queries/check', 'vs libspf2'],
      [`spfkit (cachingResolver + recordCache, ${CONCURRENCY} in flight)`, fmt(spfkit), (asked / checks.length).toFixed(2), ''],
    ];
    if (typeof peer === 'string') {
      console.log(table(rows));
      console.log(`libspf2 peer not measured: ${peer}`);
    } else {
      rows[1]![3] = `${(spfkit / peer.perSecond).toFixed(2)}×`;
      rows.push(['libspf2 SPF_DNS_CACHE (C, sequential: its API blocks)', fmt(peer.perSecond), (peer.queries / peer.checks).toFixed(2), '1.00×']);
      console.log(table(rows));
      const ours = Object.fromEntries([...results].sort());
      const theirs = Object.fromEntries(Object.entries(peer.results).sort());
      console.log(`results: spfkit ${JSON.stringify(ours)}; libspf2 ${JSON.stringify(theirs)}`);
      console.log(`cold-cache goal ≥ ${GOAL}× libspf2: ${spfkit / peer.perSecond >= GOAL ? 'met' : 'NOT met'} (${(spfkit / peer.perSecond).toFixed(2)}×)`);
    }
    console.log(`cold-cache ceiling: node:dns alone answers ${fmt(bare)} TXT queries/s here (${CONCURRENCY} in flight); spfkit sent ${fmt((spfkit * asked) / checks.length)} queries/s = ${((100 * spfkit * asked) / checks.length / bare).toFixed(0)}% of that`);
  } finally {
    server.stop();
  }
}
