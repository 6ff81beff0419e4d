/**
 * Flattening: replacing includes by the ip4/ip6 networks they authorise, to bring a record
 * back under the RFC 7208 §4.6.4 limit of 10 DNS-querying terms. Replaces the FEWEST
 * includes needed, the costliest first; keeps includes that cannot be resolved statically
 * (macros, exists, ptr, DNS errors). Flattened ranges are a snapshot: the result says
 * which includes must be watched for changes.
 */
import type { Resolver } from '../dns/resolver.ts';
import { parseRecord } from '../spf/parse.ts';
import { renderRecord } from '../spf/render.ts';
import { RFC_LIMITS, type Term } from '../spf/types.ts';
import { type Cidr, cidrContains, cidrText } from '../spf/cidr.ts';
import type { RecordOverrides } from '../spf/fetch.ts';
import { countLookups } from './lookups.ts';
import { type StaticProblem, resolvePassRanges } from './ranges.ts';
import { ipTerm, termCidr, termKey } from './terms.ts';

export interface FlattenOptions {
  /** The domain the record is published at. */
  domain: string;
  /** Lookups allowed in the result; default 10 (§4.6.4). Lower it to leave room, e.g. for a sub-record include. */
  limit?: number;
  /** Terms (canonical text) to flatten only when nothing else is enough — e.g. the sender just added. */
  protect?: readonly string[];
  overrides?: RecordOverrides;
}

/** An include replaced by its networks. */
export interface FlattenedInclude {
  /** The include as it was written (canonical). */
  term: string;
  domain: string;
  /** Lookups saved: the include and everything below it. */
  cost: number;
  /** The networks written in its place (after deduplication against earlier ranges). */
  ranges: string[];
  /** The smallest TTL seen while resolving, in seconds: re-check at least this often. */
  ttl?: number;
}

/** An include left in place, and why. */
export interface KeptInclude {
  term: string;
  cost: number;
  reason: { code: 'not-needed' } | { code: 'not-static'; problem: StaticProblem };
}

/** What must be watched after flattening: the ranges go stale when a provider changes its record. */
export interface FlattenWatch {
  code: 'flattened-ranges-go-stale';
  /** The include targets to re-resolve (e.g. daily) and compare with the published ranges. */
  includes: string[];
  /** The smallest TTL among them, when known. */
  ttl?: number;
}

export type FlattenResult =
  | { status: 'not-needed'; record: string; lookups: number }
  | {
      /** `insufficient`: every flattenable include was flattened and the record is still over the limit. */
      status: 'flattened' | 'insufficient';
      record: string;
      lookups: { before: number; after: number; limit: number };
      flattened: FlattenedInclude[];
      kept: KeptInclude[];
      watch: FlattenWatch;
    }
  /** The record does not parse; nothing can be flattened. */
  | { status: 'invalid'; record: string };

interface Candidate {
  index: number;
  term: string;
  target: string;
  cost: number;
  protected: boolean;
  ranges?: { cidrs: Cidr[]; ttl?: number };
  problem?: StaticProblem;
}

/**
 * Flattens the fewest includes of `record` needed to get within `limit` lookups.
 *
 * @example
 * const result = await flattenRecord(record, resolver, { domain: 'example.nl' });
 * if (result.status === 'flattened') {
 *   result.record;           // 'v=spf1 ip4:… include:spf.coachview.net ~all'
 *   result.watch.includes;   // ['_spf.google.com']
 * }
 */
export async function flattenRecord(record: string, resolver: Resolver, options: FlattenOptions): Promise<FlattenResult> {
  const limit = options.limit ?? RFC_LIMITS.dnsTerms;
  const parsed = parseRecord(record);
  if (!parsed.ok) return { status: 'invalid', record };
  const countOptions = { domain: options.domain, limit, ...(options.overrides ? { overrides: options.overrides } : {}) };
  const tree = await countLookups(record, resolver, countOptions);
  if (tree.withinLimit) return { status: 'not-needed', record, lookups: tree.total };

  const protect = new Set(options.protect ?? []);
  const candidates: Candidate[] = [];
  for (const entry of tree.root.terms) {
    if (entry.kind !== 'include') continue;
    const term = parsed.record.terms[entry.index] as Term;
    const candidate: Candidate = { index: entry.index, term: entry.text, target: entry.target ?? '', cost: entry.total, protected: protect.has(termKey(term)) };
    if (entry.target === undefined) {
      candidate.problem = { code: 'macro', domain: options.domain, term: entry.text };
    } else {
      const resolved = await resolvePassRanges(entry.target, resolver, options.overrides ? { overrides: options.overrides } : {});
      if (resolved.ok) candidate.ranges = resolved.ttl === undefined ? { cidrs: resolved.cidrs } : { cidrs: resolved.cidrs, ttl: resolved.ttl };
      else candidate.problem = resolved.problem;
    }
    candidates.push(candidate);
  }

  // Taking the costliest first flattens the fewest includes for any saving needed; among
  // equal costs, unprotected before protected, then in record order.
  const order = candidates
    .filter((c) => c.ranges !== undefined)
    .sort((a, b) => b.cost - a.cost || Number(a.protected) - Number(b.protected) || a.index - b.index);
  const chosen = new Set<number>();
  let remaining = tree.total;
  for (const c of order) {
    if (remaining <= limit) break;
    chosen.add(c.index);
    remaining -= c.cost;
  }

  const flattened: FlattenedInclude[] = [];
  const terms: Term[] = [];
  // Networks already passed by earlier "+" terms: a later "+" range inside one of them adds
  // nothing (an earlier match decides first, §4.6.2), so it is left out.
  const covered: Cidr[] = [];
  parsed.record.terms.forEach((term, index) => {
    const candidate = candidates.find((c) => c.index === index);
    if (candidate && chosen.has(index) && candidate.ranges && term.kind === 'include') {
      const ranges: string[] = [];
      for (const cidr of candidate.ranges.cidrs) {
        if (term.qualifier === '+') {
          if (covered.some((c) => cidrContains(c, cidr))) continue;
          covered.push(cidr);
        }
        terms.push(ipTerm(cidr, term.qualifier));
        ranges.push(cidrText(cidr));
      }
      const item: FlattenedInclude = { term: candidate.term, domain: candidate.target, cost: candidate.cost, ranges };
      if (candidate.ranges.ttl !== undefined) item.ttl = candidate.ranges.ttl;
      flattened.push(item);
      return;
    }
    if ((term.kind === 'ip4' || term.kind === 'ip6') && term.qualifier === '+') {
      const cidr = termCidr(term);
      if (cidr) covered.push(cidr);
    }
    terms.push(term);
  });

  const text = renderRecord({ terms });
  const after = await countLookups(text, resolver, countOptions);
  const kept: KeptInclude[] = candidates
    .filter((c) => !chosen.has(c.index))
    .map((c) => ({ term: c.term, cost: c.cost, reason: c.problem ? { code: 'not-static', problem: c.problem } : { code: 'not-needed' } }));
  const ttls = flattened.map((f) => f.ttl).filter((t): t is number => t !== undefined);
  const watch: FlattenWatch = { code: 'flattened-ranges-go-stale', includes: flattened.map((f) => f.domain) };
  if (ttls.length > 0) watch.ttl = Math.min(...ttls);
  return {
    status: after.withinLimit ? 'flattened' : 'insufficient',
    record: text,
    lookups: { before: tree.total, after: after.total, limit },
    flattened,
    kept,
    watch,
  };
}
