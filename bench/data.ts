/**
 * Deterministic benchmark data: realistic SPF records and a zone of customer domains that
 * include a handful of provider records, as an ESP's customer base looks.
 */
import type { Zone, ZoneItem } from '../src/dns/zone.ts';

/** Mulberry32: a small seeded PRNG, so every run measures the same data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const PROVIDERS: Array<{ name: string; record: string; ip: string }> = [
  { name: 'spf.coachview.net', record: 'v=spf1 ip4:212.83.209.0/24 -all', ip: '212.83.209.204' },
  { name: 'spf.byte.nl', record: 'v=spf1 ip4:82.94.214.0/24 ip4:46.21.235.240/28 ~all', ip: '82.94.214.5' },
  { name: 'spf.dmrmail.nl', record: 'v=spf1 ip4:185.56.144.0/24 ip4:185.56.145.0/25 -all', ip: '185.56.144.10' },
  { name: '_spf.google.com', record: 'v=spf1 include:_netblocks.google.com include:_netblocks2.google.com ~all', ip: '209.85.220.41' },
  { name: '_netblocks.google.com', record: 'v=spf1 ip4:35.190.247.0/24 ip4:64.233.160.0/19 ip4:66.102.0.0/20 ip4:66.249.80.0/20 ip4:72.14.192.0/18 ip4:74.125.0.0/16 ip4:108.177.8.0/21 ip4:173.194.0.0/16 ip4:209.85.128.0/17 ip4:216.58.192.0/19 ip4:216.239.32.0/19 ~all', ip: '' },
  { name: '_netblocks2.google.com', record: 'v=spf1 ip6:2001:4860:4000::/36 ip6:2404:6800:4000::/36 ip6:2607:f8b0:4000::/36 ~all', ip: '' },
  { name: 'spf.protection.outlook.com', record: 'v=spf1 ip4:40.92.0.0/15 ip4:40.107.0.0/16 ip4:52.100.0.0/15 ip4:104.47.0.0/17 ip6:2a01:111:f400::/48 ip6:2a01:111:f403::/49 include:spfd.protection.outlook.com -all', ip: '40.92.4.1' },
  { name: 'spfd.protection.outlook.com', record: 'v=spf1 ip4:51.4.72.0/24 ip4:51.5.72.0/24 ip6:2a01:4180:4051:0800::/64 -all', ip: '' },
  { name: 'servers.mcsv.net', record: 'v=spf1 ip4:205.201.128.0/20 ip4:198.2.128.0/18 ip4:148.105.8.0/21 -all', ip: '198.2.130.1' },
  { name: 'sendgrid.net', record: 'v=spf1 ip4:167.89.0.0/17 ip4:208.117.48.0/20 ip4:50.31.32.0/19 ip4:198.37.144.0/20 ~all', ip: '167.89.1.1' },
];

export interface BenchData {
  zone: Zone;
  domains: string[];
  records: string[];
}

function ip4(rand: () => number): string {
  return `${1 + Math.floor(rand() * 222)}.${Math.floor(rand() * 256)}.${Math.floor(rand() * 256)}.${Math.floor(rand() * 256)}`;
}

/** One realistic customer record: a few includes, own ranges, mx/a, an all. */
export function customerRecord(rand: () => number, domain: string): string {
  const terms: string[] = [];
  if (rand() < 0.35) terms.push('mx');
  if (rand() < 0.2) terms.push('a');
  const own = Math.floor(rand() * 3);
  for (let i = 0; i < own; i++) terms.push(`ip4:${ip4(rand)}${rand() < 0.5 ? '/' + (24 + Math.floor(rand() * 8)) : ''}`);
  if (rand() < 0.1) terms.push('ip6:2001:db8:' + Math.floor(rand() * 65535).toString(16) + '::/48');
  const includes = 1 + Math.floor(rand() * 3);
  const picked = new Set<string>();
  const usable = PROVIDERS.filter((p) => p.ip !== '');
  for (let i = 0; i < includes; i++) picked.add((usable[Math.floor(rand() * usable.length)] as (typeof usable)[number]).name);
  for (const name of picked) terms.push(`include:${name}`);
  if (rand() < 0.03) terms.push(`exists:%{i}._spf.${domain}`);
  const all = rand();
  terms.push(all < 0.55 ? '~all' : all < 0.9 ? '-all' : '?all');
  return ['v=spf1', ...terms].join(' ');
}

/** `count` customer domains `c<N>.example`, each with a record, MX and A. */
export function generateData(count: number, seed = 42): BenchData {
  const rand = prng(seed);
  const zone: Zone = new Map();
  for (const p of PROVIDERS) zone.set(p.name, [{ type: 'TXT', value: [p.record] }]);
  const domains: string[] = [];
  const records: string[] = [];
  for (let i = 0; i < count; i++) {
    const domain = `c${i}.example`;
    const record = customerRecord(rand, domain);
    domains.push(domain);
    records.push(record);
    const items: ZoneItem[] = [];
    const r = rand();
    if (r < 0.9) items.push({ type: 'TXT', value: chunk(record) });
    if (r > 0.97) items.push({ type: 'TXT', value: ['google-site-verification=abc123'] });
    items.push({ type: 'MX', value: { preference: 10, exchange: `mx.${domain}` } });
    items.push({ type: 'A', value: ip4(rand) });
    zone.set(domain, items);
    zone.set(`mx.${domain}`, [{ type: 'A', value: ip4(rand) }]);
  }
  return { zone, domains, records };
}

function chunk(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += 255) out.push(text.slice(i, i + 255));
  return out;
}

/** Checks: half from a provider's IP (mostly pass), half from a random IP (fail/softfail). */
export function generateChecks(data: BenchData, count: number, seed = 7): Array<{ ip: string; sender: string; helo: string }> {
  const rand = prng(seed);
  const usable = PROVIDERS.filter((p) => p.ip !== '');
  const out: Array<{ ip: string; sender: string; helo: string }> = [];
  for (let i = 0; i < count; i++) {
    const domain = data.domains[Math.floor(rand() * data.domains.length)] as string;
    const ip = rand() < 0.5 ? (usable[Math.floor(rand() * usable.length)] as (typeof usable)[number]).ip : ip4(rand);
    out.push({ ip, sender: `info@${domain}`, helo: `mail.${domain}` });
  }
  return out;
}

/**
 * Bulk-check data: `generateData`'s customer domains, with about 2 % of them given a broken
 * record (an include of a name that does not exist: permerror), as real customer bases have.
 */
export function generateBulkData(count: number, seed = 42): BenchData {
  const data = generateData(count, seed);
  const rand = prng(seed + 1);
  for (const domain of data.domains) {
    if (rand() >= 0.02) continue;
    const items: ZoneItem[] = (data.zone.get(domain) ?? []).filter((item) => item.type !== 'TXT');
    items.push({ type: 'TXT', value: ['v=spf1 include:gone.invalid -all'] });
    data.zone.set(domain, items);
  }
  return data;
}

/**
 * The lines of a customer CSV over the first `rows` domains (a header `customer,email`, then
 * `Klant N,<local>@cN.example`), with about 1 % unusable rows (empty, "n/a", a name without
 * domain) and a comment line, as exported from a CRM.
 */
export function customerCsvLines(data: BenchData, rows: number, seed = 11): string[] {
  const rand = prng(seed);
  const locals = ['info', 'noreply', 'facturen', 'nieuwsbrief', 'sales'];
  const lines = ['# customers of the service, exported from the CRM', 'customer,email'];
  for (let i = 0; i < rows; i++) {
    const domain = data.domains[i % data.domains.length] as string;
    const r = rand();
    const value = r < 0.004 ? '' : r < 0.008 ? 'n/a' : r < 0.01 ? 'Jan de Vries' : `${locals[Math.floor(rand() * locals.length)] as string}@${domain}`;
    lines.push(`"Klant ${i}, BV",${value}`);
  }
  return lines;
}

/**
 * The parse mix of issue 15.3: customer records of about 80 characters on average, mostly
 * include-led with 0–12 `ip4:` terms, some `ip6:` /64s, `a`/`mx`, a few
 * `exists:%{i}._spf.%{d}` and `redirect=`, and about 1 % invalid (a typo, a bad range, a
 * stray character) — what a provider's customer base publishes.
 */
export function mixRecord(rand: () => number): string {
  const usable = PROVIDERS.filter((p) => p.ip !== '');
  const provider = (): string => (usable[Math.floor(rand() * usable.length)] as (typeof usable)[number]).name;
  const terms: string[] = [];
  if (rand() < 0.85) terms.push(`include:${provider()}`);
  if (rand() < 0.3) terms.push(`include:${provider()}`);
  if (rand() < 0.3) terms.push('mx');
  if (rand() < 0.15) terms.push('a');
  const r = rand();
  const ip4s = r < 0.55 ? 0 : r < 0.85 ? 1 + Math.floor(rand() * 3) : 4 + Math.floor(rand() * 9);
  for (let i = 0; i < ip4s; i++) terms.push(`ip4:${ip4(rand)}${rand() < 0.4 ? '/' + (22 + Math.floor(rand() * 10)) : ''}`);
  if (rand() < 0.08) terms.push(`ip6:2a02:${Math.floor(rand() * 65535).toString(16)}:${Math.floor(rand() * 65535).toString(16)}:${Math.floor(rand() * 65535).toString(16)}::/64`);
  if (rand() < 0.03) terms.push('exists:%{i}._spf.%{d}');
  if (rand() < 0.04) {
    terms.push(`redirect=_spf.${provider()}`);
  } else {
    const all = rand();
    terms.push(all < 0.55 ? '~all' : all < 0.92 ? '-all' : '?all');
  }
  if (rand() < 0.01) {
    // The invalid 1 %: one term broken the way people break them.
    const i = Math.floor(rand() * terms.length);
    const broken = ['ip4:300.1.2.3', 'inlcude:spf.example.net', 'ip4:10.0.0.0/33', '-al', 'a:exa mple.com', '%{z}'];
    terms[i] = broken[Math.floor(rand() * broken.length)] as string;
  }
  return ['v=spf1', ...terms].join(' ');
}
