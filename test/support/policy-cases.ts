/**
 * Zones that exercise the static include/redirect tree (src/spf/policy-tree.ts) from every
 * side its three passes care about: nesting and diamonds, loops, a chain of exactly the
 * deepest allowed depth and one deeper, redirects, macro targets, DNS failures, broken and
 * duplicate records, and a tree of more than 100 records. `summarise` runs the three passes
 * (lookup counting, pass ranges, the audit's tree) over one case and keeps what they count.
 */
import { zoneFromObject, zoneResolver } from '../../src/dns/zone.ts';
import { spfLookupTree, treeNodes, voidLookups } from '../../src/audit/spf-tree.ts';
import { countLookups } from '../../src/record/lookups.ts';
import { resolvePassRanges } from '../../src/record/ranges.ts';
import { cidrText } from '../../src/spf/cidr.ts';

export interface PolicyCase {
  name: string;
  root: string;
  zone: Record<string, unknown[]>;
}

/** A chain `${prefix}0 → ${prefix}1 → … → ${prefix}${last}` of includes, the last with an ip4. */
function chain(prefix: string, last: number): Record<string, unknown[]> {
  const zone: Record<string, unknown[]> = {};
  for (let i = 0; i < last; i++) zone[`${prefix}${i}.nl`] = [{ TXT: `v=spf1 ip4:192.0.2.${i} include:${prefix}${i + 1}.nl -all` }];
  zone[`${prefix}${last}.nl`] = [{ TXT: `v=spf1 ip4:192.0.2.${last} -all` }];
  return zone;
}

/** root.nl includes 12 records, each of which includes 12 more (1 + 12 + 144 records). */
function fan(): Record<string, unknown[]> {
  const zone: Record<string, unknown[]> = {};
  const level1 = Array.from({ length: 12 }, (_, i) => `l${i}.fan.nl`);
  zone['fan.nl'] = [{ TXT: `v=spf1 ${level1.map((l) => `include:${l}`).join(' ')} -all` }];
  level1.forEach((l, i) => {
    const level2 = Array.from({ length: 12 }, (_, j) => `m${j}.${l}`);
    const text = `v=spf1 ip4:198.51.${i}.0/24 ${level2.map((m) => `include:${m}`).join(' ')} -all`;
    // RFC 7208 §3.3: a record over 255 octets is published as several character-strings.
    zone[l] = [{ TXT: [text.slice(0, 200), text.slice(200)] }];
    level2.forEach((m, j) => (zone[m] = [{ TXT: j % 3 === 0 ? 'v=spf1 a -all' : `v=spf1 ip4:203.0.${i}.${j} -all` }, { A: `192.0.2.${j}` }]));
  });
  return zone;
}

export const POLICY_CASES: PolicyCase[] = [
  {
    name: 'nesting with a diamond, a and mx',
    root: 'n.nl',
    zone: {
      'n.nl': [{ TXT: 'v=spf1 mx a include:_s1.n.nl include:_s2.n.nl ~all', ttl: 600 }, { MX: [10, 'mx.n.nl'] }, { A: '192.0.2.1' }],
      'mx.n.nl': [{ A: '192.0.2.25', ttl: 120 }],
      '_s1.n.nl': [{ TXT: 'v=spf1 include:_a.n.nl include:_b.n.nl ip4:198.51.100.0/24 -all' }],
      '_a.n.nl': [{ TXT: 'v=spf1 ip4:203.0.113.0/25 a:out.n.nl -all' }],
      'out.n.nl': [{ A: '203.0.113.200' }, { AAAA: '2001:db8::200' }],
      '_b.n.nl': [{ TXT: 'v=spf1 ip6:2001:db8::/32 -all' }],
      '_s2.n.nl': [{ TXT: 'v=spf1 include:_a.n.nl -all' }],
    },
  },
  {
    name: 'a loop of three',
    root: 'a.nl',
    zone: {
      'a.nl': [{ TXT: 'v=spf1 ip4:192.0.2.1 include:b.nl -all' }],
      'b.nl': [{ TXT: 'v=spf1 include:c.nl -all' }],
      'c.nl': [{ TXT: 'v=spf1 mx include:a.nl -all' }],
    },
  },
  { name: 'a record that includes itself', root: 's.nl', zone: { 's.nl': [{ TXT: 'v=spf1 include:S.nl. -all' }] } },
  { name: 'a chain down to depth 10', root: 'k0.nl', zone: chain('k', 10) },
  { name: 'a chain down to depth 11', root: 'c0.nl', zone: chain('c', 11) },
  {
    name: 'a redirect chain, and a redirect next to all',
    root: 'r.nl',
    zone: {
      'r.nl': [{ TXT: 'v=spf1 ip4:192.0.2.5 redirect=_r1.r.nl' }],
      '_r1.r.nl': [{ TXT: 'v=spf1 redirect=_r2.r.nl a:h.r.nl' }],
      'h.r.nl': [{ A: '192.0.2.6' }],
      '_r2.r.nl': [{ TXT: 'v=spf1 include:ra.nl ip6:2001:db8:5::/48 -all' }],
      'ra.nl': [{ TXT: 'v=spf1 ip4:192.0.2.7 -all redirect=gone.nl' }],
    },
  },
  {
    name: 'macro targets',
    root: 'dyn.nl',
    zone: {
      'dyn.nl': [{ TXT: 'v=spf1 include:%{d}.x.dyn.nl a:%{i}.y.dyn.nl include:fixed.dyn.nl redirect=%{d}.r.dyn.nl' }],
      'fixed.dyn.nl': [{ TXT: 'v=spf1 ip4:192.0.2.8 ?exists:%{i}.e.dyn.nl -all' }],
    },
  },
  { name: 'a trailing non-pass macro term', root: 'fixed.dyn.nl', zone: { 'fixed.dyn.nl': [{ TXT: 'v=spf1 ip4:192.0.2.8 ?exists:%{i}.e.dyn.nl -all' }] } },
  {
    name: 'DNS errors, missing, duplicate and broken records',
    root: 'err.nl',
    zone: {
      'err.nl': [{ TXT: 'v=spf1 include:ok.nl include:slow.nl include:fail.nl include:gone.nl include:twice.nl include:bad.nl include:words.nl a:slowhost.nl mx:nomx.nl -all' }],
      'ok.nl': [{ TXT: 'v=spf1 ip4:192.0.2.9 -all' }],
      'slow.nl': ['TIMEOUT'],
      'fail.nl': ['SERVFAIL'],
      'twice.nl': [{ TXT: 'v=spf1 -all' }, { TXT: 'v=spf1 ~all' }],
      'bad.nl': [{ TXT: 'v=spf1 include:ok.nl ip4:999.1.1.1 -all' }],
      'words.nl': [{ TXT: 'not spf' }],
      'slowhost.nl': ['TIMEOUT'],
      'nomx.nl': [{ A: '192.0.2.10' }],
    },
  },
  { name: 'a timeout first', root: 'first.nl', zone: { 'first.nl': [{ TXT: 'v=spf1 include:slow.nl ip4:192.0.2.1 -all' }], 'slow.nl': ['TIMEOUT'] } },
  {
    name: 'a non-pass include before and after pass terms',
    root: 'np.nl',
    zone: {
      'np.nl': [{ TXT: 'v=spf1 ip4:192.0.2.9 ?include:maybe.nl -all' }],
      'maybe.nl': [{ TXT: 'v=spf1 include:deep.maybe.nl -all' }],
      'deep.maybe.nl': [{ TXT: 'v=spf1 a -all' }, { A: '192.0.2.77' }],
    },
  },
  { name: 'ptr and +all', root: 'pa.nl', zone: { 'pa.nl': [{ TXT: 'v=spf1 ptr +all' }] } },
  {
    name: 'an mx with 11 names',
    root: 'mx11.nl',
    zone: {
      'mx11.nl': [{ TXT: 'v=spf1 mx -all' }, ...Array.from({ length: 11 }, (_, i) => ({ MX: [i, `mx${i}.mx11.nl`] }))],
      ...Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`mx${i}.mx11.nl`, [{ A: `192.0.2.${100 + i}` }]])),
    },
  },
  { name: 'more than 100 records', root: 'fan.nl', zone: fan() },
];

/** A long list as its length, first and last items. */
function brief(items: string[]): string[] {
  return items.length <= 12 ? items : [`${items.length} items`, ...items.slice(0, 3), '…', ...items.slice(-3)];
}

/** What the three passes count for one case, as plain data. */
export async function summarise(policy: PolicyCase): Promise<unknown> {
  const resolver = zoneResolver(zoneFromObject(policy.zone));
  const rootEntry = policy.zone[policy.root]?.find((rr): rr is { TXT: string } => typeof rr === 'object' && rr !== null && 'TXT' in rr);
  const counted = await countLookups(rootEntry?.TXT ?? '', resolver, { domain: policy.root });
  const ranges = await resolvePassRanges(policy.root, resolver);
  const audit = await spfLookupTree(resolver, policy.root);
  return {
    countLookups: {
      total: counted.total,
      terms: counted.root.terms.map((t) => `${t.text}=${t.total}`),
      withinLimit: counted.withinLimit,
      complete: counted.complete,
      problems: counted.problems.map((p) => `${p.code}@${p.domain}`),
    },
    resolvePassRanges: ranges.ok
      ? { cidrs: brief(ranges.cidrs.map(cidrText)), records: brief(ranges.records), ttl: ranges.ttl ?? null }
      : { problem: `${ranges.problem.code}@${ranges.problem.domain}${'term' in ranges.problem ? ` ${ranges.problem.term}` : ''}` },
    spfLookupTree: {
      total: audit.total,
      nodes: treeNodes(audit).length,
      records: brief(treeNodes(audit).map((node) => `${node.domain} ${node.own}/${node.total} ${node.fetch.kind}`)),
      stops: treeNodes(audit).flatMap((node) => node.terms.filter((t) => t.stop !== undefined && t.stop !== 'budget').map((t) => `${node.domain} ${t.text}: ${t.stop}`)),
      budgetStops: treeNodes(audit).flatMap((node) => node.terms.filter((t) => t.stop === 'budget')).length,
      lookups: audit.terms.map((t) => `${t.text}: ${t.lookup}`),
      voids: voidLookups(audit),
    },
  };
}
