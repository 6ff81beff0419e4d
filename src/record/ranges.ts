/**
 * The addresses a policy authorises, worked out statically: the ip4/ip6 networks for which
 * `check_host()` at a domain returns "pass" — what an `include:` of that domain matches
 * (RFC 7208 §5.2). Used to flatten includes and to pick test addresses for a mechanism.
 *
 * Only policies whose pass set does not depend on the message can be resolved: macros
 * (§7), `exists` (§5.7) and `ptr` (§5.5) depend on the client or the sender, and a non-pass
 * term followed by a pass term makes the set order-dependent; those give a problem instead.
 */
import type { DnsAnswer, Resolver } from '../dns/resolver.ts';
import { canonicalDomain } from '../spf/domain.ts';
import { renderTerm } from '../spf/render.ts';
import { type Mechanism, RFC_LIMITS } from '../spf/types.ts';
import { type Cidr, addressValue, makeCidr, mergeCidrs } from '../spf/cidr.ts';
import { termCidr } from './terms.ts';
import type { RecordOverrides } from '../spf/fetch.ts';
import { type PolicyNode, type PolicyPlace, type PolicyProblem, type PolicyTarget, type PolicyTree, policyTree } from '../spf/policy-tree.ts';

/** Why a policy's pass set cannot be resolved statically. */
export type StaticProblem =
  /** The tree's own problems (src/spf/policy-tree.ts); `dns-error` also for an a/mx host's addresses. */
  | PolicyProblem
  | { code: 'macro'; domain: string; term: string }
  | { code: 'exists'; domain: string; term: string }
  | { code: 'ptr'; domain: string; term: string }
  /** `+all` inside: everything passes; flattening would not change that and is pointless. */
  | { code: 'pass-all'; domain: string; term: string }
  /** A non-pass term before a pass term: the pass set is not a plain union (§4.6.2 order). */
  | { code: 'order-dependent'; domain: string; term: string }
  /** §4.6.4: more than 10 MX names: the mx term is a permerror. */
  | { code: 'mx-limit'; domain: string; term: string; count: number };

export type StaticProblemCode = StaticProblem['code'];

/** The resolved pass set of a policy or mechanism. */
export type PassRanges =
  | {
      ok: true;
      /** Merged, deduplicated networks (IPv4 first). */
      cidrs: Cidr[];
      /** The smallest TTL of the DNS answers used, when known: how soon the set may change. */
      ttl?: number;
      /** The domains whose SPF records were read. */
      records: string[];
    }
  | { ok: false; problem: StaticProblem };

export interface RangeOptions {
  overrides?: RecordOverrides;
}

interface Walk {
  resolver: Resolver;
  /** The policy tree, read only as far as the pass set needs. */
  tree: PolicyTree;
  ttl: number | undefined;
  records: string[];
}

class Unresolvable {
  constructor(readonly problem: StaticProblem) {}
}

/**
 * The networks for which the SPF policy of `domain` gives "pass" (what `include:<domain>`
 * matches), following nested includes, redirects, and a/mx host addresses.
 *
 * @example
 * const r = await resolvePassRanges('spf.byte.nl', resolver);
 * if (r.ok) r.cidrs.map(cidrText); // ['46.21.235.240/28', '82.94.214.0/24']
 */
export async function resolvePassRanges(domain: string, resolver: Resolver, options: RangeOptions = {}): Promise<PassRanges> {
  const walk = startWalk(resolver, options);
  try {
    const cidrs = await policyRanges(walk, await walk.tree.root(domain));
    return finish(walk, cidrs);
  } catch (error) {
    if (error instanceof Unresolvable) return { ok: false, problem: error.problem };
    throw error;
  }
}

/**
 * The networks one mechanism matches when written in the record of `domain`: an ip range
 * itself, the addresses of an `a`/`mx` host, or the pass set of an `include` target.
 *
 * @example
 * await mechanismRanges(parsed.mechanism, 'klant.nl', resolver); // a:smtp1.blueinkt.com → 5.255.64.53
 */
export async function mechanismRanges(mechanism: Mechanism, domain: string, resolver: Resolver, options: RangeOptions = {}): Promise<PassRanges> {
  const walk = startWalk(resolver, options);
  // The mechanism is not in a record of the tree yet: it stands at the top, with no path.
  const place: PolicyPlace = { domain: canonicalDomain(domain), depth: 0, path: [], ancestors: new Set() };
  try {
    const cidrs = await termRanges(walk, mechanism, place);
    return finish(walk, cidrs);
  } catch (error) {
    if (error instanceof Unresolvable) return { ok: false, problem: error.problem };
    throw error;
  }
}

function startWalk(resolver: Resolver, options: RangeOptions): Walk {
  return { resolver, tree: policyTree(resolver, options.overrides ? { overrides: options.overrides } : {}), ttl: undefined, records: [] };
}

function finish(walk: Walk, cidrs: Cidr[]): PassRanges {
  const out: PassRanges = { ok: true, cidrs: mergeCidrs(cidrs), records: walk.records };
  if (walk.ttl !== undefined) out.ttl = walk.ttl;
  return out;
}

function noteTtl(walk: Walk, ttl: number | undefined): void {
  if (ttl !== undefined && (walk.ttl === undefined || ttl < walk.ttl)) walk.ttl = ttl;
}

async function policyRanges(walk: Walk, node: PolicyNode): Promise<Cidr[]> {
  if (node.problem !== undefined) throw new Unresolvable(node.problem);
  noteTtl(walk, node.fetch?.kind === 'record' ? node.fetch.ttl : undefined);
  walk.records.push(node.domain);
  return recordRanges(walk, node);
}

/** The pass set of the record an include or redirect leads to. */
async function targetRanges(walk: Walk, from: PolicyPlace, term: PolicyTarget): Promise<Cidr[]> {
  const step = await walk.tree.follow(from, term);
  switch (step.kind) {
    case 'dynamic':
      throw new Unresolvable({ code: 'macro', domain: from.domain, term: renderTerm(term) });
    case 'stop':
      throw new Unresolvable(step.problem);
    case 'node':
      return policyRanges(walk, step.node);
    default: {
      const never: never = step;
      throw new Error(`unhandled step ${String(never)}`);
    }
  }
}

async function recordRanges(walk: Walk, node: PolicyNode): Promise<Cidr[]> {
  const { record, domain } = node;
  if (record === undefined) return [];
  const out: Cidr[] = [];
  const mechanisms = record.mechanisms;
  // Index of the last pass mechanism: non-pass terms after it cannot remove anything from
  // the pass set (inside an include every non-pass result is "no match", §5.2).
  let lastPass = -1;
  mechanisms.forEach((m, i) => {
    if (m.qualifier === '+') lastPass = i;
  });
  let hasAll = false;
  for (let i = 0; i < mechanisms.length; i++) {
    const m = mechanisms[i] as Mechanism;
    if (m.kind === 'all') {
      if (m.qualifier === '+') throw new Unresolvable({ code: 'pass-all', domain, term: renderTerm(m) });
      // RFC 7208 §5.1: nothing after "all" is evaluated.
      hasAll = true;
      break;
    }
    if (m.qualifier !== '+') {
      if (i < lastPass) throw new Unresolvable({ code: 'order-dependent', domain, term: renderTerm(m) });
      continue;
    }
    out.push(...(await termRanges(walk, m, node)));
  }
  // RFC 7208 §6.1: the redirect target decides when nothing matched and there is no "all".
  if (record.redirect && !hasAll) out.push(...(await targetRanges(walk, node, record.redirect)));
  return out;
}

async function termRanges(walk: Walk, m: Mechanism, place: PolicyPlace): Promise<Cidr[]> {
  const domain = place.domain;
  switch (m.kind) {
    case 'ip4':
    case 'ip6': {
      const cidr = termCidr(m);
      return cidr ? [cidr] : [];
    }
    case 'all':
      return [];
    case 'exists':
      throw new Unresolvable({ code: 'exists', domain, term: renderTerm(m) });
    case 'ptr':
      throw new Unresolvable({ code: 'ptr', domain, term: renderTerm(m) });
    case 'include':
      return targetRanges(walk, place, m);
    case 'a': {
      if (m.domainSpec?.hasMacros) throw new Unresolvable({ code: 'macro', domain, term: renderTerm(m) });
      const host = m.domainSpec ? canonicalDomain(m.domainSpec.text) : domain;
      return hostRanges(walk, host, domain, m.cidr.ip4 ?? 32, m.cidr.ip6 ?? 128);
    }
    case 'mx': {
      if (m.domainSpec?.hasMacros) throw new Unresolvable({ code: 'macro', domain, term: renderTerm(m) });
      const host = m.domainSpec ? canonicalDomain(m.domainSpec.text) : domain;
      const answer = await walk.resolver.query(host, 'MX');
      const records = answerRecords(answer, domain, host);
      noteTtl(walk, answer.kind === 'answer' ? answer.ttl : undefined);
      // RFC 7208 §4.6.4: more than 10 MX names is a permerror.
      if (records.length > RFC_LIMITS.mxNames) throw new Unresolvable({ code: 'mx-limit', domain, term: renderTerm(m), count: records.length });
      const out: Cidr[] = [];
      for (const mx of records) {
        const exchange = canonicalDomain(mx.exchange);
        if (exchange === '') continue; // RFC 7505 null MX
        out.push(...(await hostRanges(walk, exchange, domain, m.cidr.ip4 ?? 32, m.cidr.ip6 ?? 128)));
      }
      return out;
    }
    default: {
      const never: never = m;
      throw new Error(`unhandled mechanism ${String(never)}`);
    }
  }
}

function answerRecords<T>(answer: DnsAnswer<T>, domain: string, name: string): T[] {
  switch (answer.kind) {
    case 'answer':
      return answer.records;
    case 'nxdomain':
    case 'nodata':
      return [];
    case 'timeout':
    case 'servfail':
      throw new Unresolvable({ code: 'dns-error', domain, name, answer: answer.kind });
    default: {
      const never: never = answer;
      throw new Error(`unhandled answer ${String(never)}`);
    }
  }
}

/** RFC 7208 §5.3: both families, each with its own CIDR length. */
async function hostRanges(walk: Walk, host: string, domain: string, prefix4: number, prefix6: number): Promise<Cidr[]> {
  const out: Cidr[] = [];
  const a = await walk.resolver.query(host, 'A');
  for (const address of answerRecords(a, domain, host)) {
    const value = addressValue(address);
    if (value?.family === 4) out.push(makeCidr(4, value.value, prefix4));
  }
  if (a.kind === 'answer') noteTtl(walk, a.ttl);
  const aaaa = await walk.resolver.query(host, 'AAAA');
  for (const address of answerRecords(aaaa, domain, host)) {
    const value = addressValue(address);
    if (value?.family === 6) out.push(makeCidr(6, value.value, prefix6));
  }
  if (aaaa.kind === 'answer') noteTtl(walk, aaaa.ttl);
  return out;
}
