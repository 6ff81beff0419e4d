/**
 * The latency section of `npm run bench`: wall time of ONE check against a loopback DNS server
 * that holds every answer back by a fixed delay (a simulated network round trip), for three
 * record shapes, with spfkit's look-ahead on and off and mailauth in the same process against
 * the same server. Beside them the depth bound: the round trips the shape needs at least (its
 * include tree's depth, counted by hand below) × the delay.
 */
import { promises as dnsPromises } from 'node:dns';
import { type Resolver, checkHost, systemResolver } from 'spfkit';
import type { Zone } from '../src/dns/zone.ts';
import { zoneFromText } from '../src/dns/zone.ts';
import { startDnsServerProcess, table } from './support.ts';

type MailauthSpf = (opts: { sender: string; ip: string; helo: string; mta: string; resolver: (name: string, type: string) => Promise<unknown> }) => Promise<{ status: { result: string } }>;

const DELAYS = [0, 5, 20, 50];
const REPEATS = Number(process.env.BENCH_LATENCY_REPEATS ?? 5);
/** An address in no record: the check walks the whole tree (the slowest case). */
const IP = '203.0.113.9';

interface Shape {
  name: string;
  sender: string;
  /** Round trips at least: each level of the tree needs the answers of the level above. */
  rounds: number;
}

const chain = (level: number): unknown[] =>
  level < 4
    ? [{ TXT: `v=spf1 mx include:chain${level + 1}.example -all` }, { MX: [10, `mx.chain${level}.example`] }]
    : [{ TXT: 'v=spf1 mx -all' }, { MX: [10, `mx.chain${level}.example`] }];

const ZONE: Zone = zoneFromText(
  JSON.stringify({
    zone: {
      // The issue's record with the providers' real nesting: outlook → 1 include, google → 3.
      'klant.example': [{ TXT: 'v=spf1 include:spf.protection.outlook.com include:_spf.google.com include:spf.byte.nl mx -all' }, { MX: [10, 'mx.klant.example'] }],
      'mx.klant.example': [{ A: '198.51.100.25' }],
      'spf.protection.outlook.com': [{ TXT: 'v=spf1 ip4:40.92.0.0/15 ip4:40.107.0.0/16 ip4:52.100.0.0/15 ip4:104.47.0.0/17 ip6:2a01:111:f400::/48 include:spfd.protection.outlook.com -all' }],
      'spfd.protection.outlook.com': [{ TXT: 'v=spf1 ip4:51.4.72.0/24 ip4:51.5.72.0/24 -all' }],
      '_spf.google.com': [{ TXT: 'v=spf1 include:_netblocks.google.com include:_netblocks2.google.com include:_netblocks3.google.com ~all' }],
      '_netblocks.google.com': [{ TXT: 'v=spf1 ip4:35.190.247.0/24 ip4:64.233.160.0/19 ip4:66.102.0.0/20 ip4:74.125.0.0/16 ~all' }],
      '_netblocks2.google.com': [{ TXT: 'v=spf1 ip6:2001:4860:4000::/36 ip6:2404:6800:4000::/36 ~all' }],
      '_netblocks3.google.com': [{ TXT: 'v=spf1 ip4:172.217.0.0/19 ip4:108.177.96.0/19 ~all' }],
      'spf.byte.nl': [{ TXT: 'v=spf1 ip4:82.94.214.0/24 ip4:46.21.235.240/28 ~all' }],
      // A deep chain: 5 levels, each with an mx.
      ...Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`chain${i}.example`, chain(i)])),
      ...Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`mx.chain${i}.example`, [{ A: `198.51.100.${40 + i}` }]])),
      // An mx with 5 exchanges.
      'mx5.example': [{ TXT: 'v=spf1 mx -all' }, ...['a', 'b', 'c', 'd', 'e'].map((x, i) => ({ MX: [10 * (i + 1), `${x}.mx5.example`] }))],
      ...Object.fromEntries(['a', 'b', 'c', 'd', 'e'].map((x, i) => [`${x}.mx5.example`, [{ A: `198.51.100.${i + 1}` }]])),
    },
  }),
);

const SHAPES: Shape[] = [
  // TXT; the 3 includes' TXT + MX; their includes' TXT + the exchange's A.
  { name: 'issue record (outlook, google, byte, mx)', sender: 'info@klant.example', rounds: 3 },
  // One TXT per level (5), then the last level's MX, then its exchange's A.
  { name: 'deep chain (5 includes, an mx each)', sender: 'info@chain0.example', rounds: 7 },
  // TXT, MX, the 5 exchanges' A together.
  { name: 'mx with 5 exchanges', sender: 'info@mx5.example', rounds: 3 },
];

/** Median wall time of `REPEATS` sequential runs, in ms (after one warm-up run). */
async function median(run: () => Promise<unknown>): Promise<number> {
  await run();
  const times: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

/** Runs the section and returns its printed table, plus whether the goal held at 20 ms. */
export async function latencyBench(mailauthSpf: MailauthSpf): Promise<{ text: string; goalMet: boolean }> {
  const rows: string[][] = [['one check, uncached (median of ' + REPEATS + ')', 'delay', 'bound', 'look-ahead', 'sequential', 'mailauth', 'look-ahead/bound']];
  let goalMet = true;
  for (const delay of DELAYS) {
    const server = await startDnsServerProcess(ZONE, delay);
    try {
      // No cache anywhere: every check asks the server again.
      const resolver: Resolver = systemResolver({ servers: [server.address], timeout: 2000, tries: 2 });
      const node = new dnsPromises.Resolver({ timeout: 2000, tries: 2 });
      node.setServers([server.address]);
      const viaNode = (name: string, type: string): Promise<unknown> => node.resolve(name, type);
      for (const shape of SHAPES) {
        const input = { ip: IP, sender: shape.sender, helo: 'mail.example.org' };
        const results = new Set<string>();
        const on = await median(async () => results.add((await checkHost(input, { resolver })).result));
        const off = await median(async () => results.add((await checkHost(input, { resolver, lookAhead: false })).result));
        const peer = await median(async () => results.add((await mailauthSpf({ ...input, mta: 'bench.example.org', resolver: viaNode })).status.result));
        if (results.size !== 1) throw new Error(`${shape.name}: results differ (${[...results].join(', ')})`);
        const bound = shape.rounds * delay;
        const ratio = bound > 0 ? on / bound : undefined;
        if (delay === 20 && ratio !== undefined && ratio > 1.25) goalMet = false;
        rows.push([shape.name, `${delay} ms`, `${shape.rounds} × ${delay} = ${bound} ms`, ms(on), ms(off), ms(peer), ratio === undefined ? '' : `${ratio.toFixed(2)}×`]);
      }
    } finally {
      server.stop();
    }
  }
  return { text: table(rows), goalMet };
}

function ms(value: number): string {
  return `${value.toFixed(1)} ms`;
}
