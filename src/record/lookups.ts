/**
 * The static DNS-lookup count of a record (RFC 7208 §4.6.4): every term that queries DNS
 * — include, a, mx, ptr, exists, redirect — across the whole include/redirect tree, as it
 * costs when no term matches early (the worst case a receiver meets). The one place the
 * record editor and the audit count lookups.
 */
import type { Resolver } from '../dns/resolver.ts';
import { canonicalDomain } from '../spf/domain.ts';
import { parseRecord } from '../spf/parse.ts';
import { renderTerm } from '../spf/render.ts';
import { type LookupKind, lookupKind, reachableTerms } from '../spf/lookup-rules.ts';
import { type ParseIssue, RFC_LIMITS, type SpfRecord } from '../spf/types.ts';
import { type FetchedRecord, type RecordOverrides, fetchSpfRecord } from '../spf/fetch.ts';

/** Why part of the tree could not be counted exactly. */
export type LookupProblem =
  /** §5.2/§6.1: the include or redirect target has no SPF record (permerror when reached). */
  | { code: 'no-record'; domain: string; dns: 'nxdomain' | 'nodata' | 'no-spf' }
  /** §4.5: several v=spf1 records (permerror). */
  | { code: 'multiple-records'; domain: string; count: number }
  /** §2.6.6: the record could not be fetched now (temperror). */
  | { code: 'dns-error'; domain: string; answer: 'timeout' | 'servfail' }
  /** §4.6: the record does not parse (permerror). */
  | { code: 'syntax'; domain: string; issues: ParseIssue[] }
  /** The include/redirect chain comes back to a record it passed: evaluation always ends over the limit. */
  | { code: 'loop'; domain: string }
  /** The chain is deeper than the lookup limit allows, so the count stopped. */
  | { code: 'too-deep'; domain: string }
  /** §7: the target holds macros, so what it costs is known only per message. */
  | { code: 'dynamic'; domain: string; term: string };

export type LookupTermKind = LookupKind;

/** One DNS-querying term and what it costs with everything below it. */
export interface LookupTerm {
  /** Index in the record's `terms`. */
  index: number;
  /** Canonical text (`renderTerm`). */
  text: string;
  kind: LookupTermKind;
  /** The target domain when it is a literal (no macros). */
  target?: string;
  /** The domain-spec holds macros; the target is known only at evaluation. */
  dynamic: boolean;
  /** 1 for the term itself plus the total of its child. */
  total: number;
  /** The record an include or redirect leads to. */
  child?: LookupNode;
}

/** One record in the tree. */
export interface LookupNode {
  domain: string;
  via: 'root' | 'include' | 'redirect';
  record?: string;
  problem?: LookupProblem;
  terms: LookupTerm[];
  /** DNS-querying terms in this record itself. */
  own: number;
  /** `own` plus the totals of all children: the §4.6.4 cost of this branch. */
  total: number;
}

/** The counted tree and the verdict against the limit. */
export interface LookupTree {
  root: LookupNode;
  /** The §4.6.4 count of the whole tree (worst case). */
  total: number;
  limit: number;
  /** `total <= limit` and no loop. */
  withinLimit: boolean;
  /** False when a part could not be counted exactly (see `problems`). */
  complete: boolean;
  problems: LookupProblem[];
}

export interface CountLookupsOptions {
  /** The domain the record belongs to (root label; loop detection). */
  domain?: string;
  /** Records used instead of DNS, e.g. a sub-record not published yet. */
  overrides?: RecordOverrides;
  /** Default 10 (RFC 7208 §4.6.4). */
  limit?: number;
}

interface Walk {
  resolver: Resolver;
  overrides: RecordOverrides | undefined;
  limit: number;
  problems: LookupProblem[];
  loop: boolean;
  fetched: Map<string, Promise<FetchedRecord>>;
}

/**
 * Counts the DNS-querying terms of `record` and of every record it includes or redirects
 * to, per branch. Terms after `all` are never evaluated (§5.1) and a redirect next to `all`
 * is ignored (§6.1), so neither is counted — as in `evaluateSpf`.
 *
 * @example
 * const tree = await countLookups('v=spf1 include:_spf.google.com mx ~all', resolver, { domain: 'example.nl' });
 * tree.total;                      // e.g. 5: include (1) + its 3 nested includes + mx (1)
 * tree.root.terms[0]?.total;       // 4: the cost of the include branch
 */
export async function countLookups(record: string, resolver: Resolver, options: CountLookupsOptions = {}): Promise<LookupTree> {
  const walk: Walk = {
    resolver,
    overrides: options.overrides,
    limit: options.limit ?? RFC_LIMITS.dnsTerms,
    problems: [],
    loop: false,
    fetched: new Map(),
  };
  const domain = options.domain === undefined ? '' : canonicalDomain(options.domain);
  const parsed = parseRecord(record);
  const root: LookupNode = { domain, via: 'root', record, terms: [], own: 0, total: 0 };
  if (!parsed.ok) {
    setProblem(walk, root, { code: 'syntax', domain, issues: parsed.issues });
  } else {
    await countRecord(walk, root, parsed.record, domain === '' ? [] : [domain], 0);
  }
  return {
    root,
    total: root.total,
    limit: walk.limit,
    withinLimit: root.total <= walk.limit && !walk.loop,
    complete: walk.problems.length === 0,
    problems: walk.problems,
  };
}

function setProblem(walk: Walk, node: LookupNode, problem: LookupProblem): void {
  node.problem = problem;
  walk.problems.push(problem);
}

async function countRecord(walk: Walk, node: LookupNode, record: SpfRecord, path: readonly string[], depth: number): Promise<void> {
  // Only reachable terms cost anything (src/spf/lookup-rules.ts); redirect= is evaluated
  // after the mechanisms (§6.1), so it is counted last.
  const reachable = reachableTerms(record);
  const ordered = [...reachable.filter((t) => t.kind !== 'redirect'), ...reachable.filter((t) => t.kind === 'redirect')];
  for (const term of ordered) {
    const kind = lookupKind(term);
    if (kind === undefined) continue;
    const spec = 'domainSpec' in term ? term.domainSpec : undefined;
    const entry: LookupTerm = { index: record.terms.indexOf(term), text: renderTerm(term), kind, dynamic: spec?.hasMacros ?? false, total: 1 };
    if (spec && !spec.hasMacros) entry.target = canonicalDomain(spec.text);
    node.terms.push(entry);
    node.own++;
    if (kind === 'include' || kind === 'redirect') await countChild(walk, node, entry, kind, path, depth);
  }
  node.total = node.own + node.terms.reduce((sum, t) => sum + (t.child?.total ?? 0), 0);
}

async function countChild(walk: Walk, parent: LookupNode, entry: LookupTerm, via: 'include' | 'redirect', path: readonly string[], depth: number): Promise<void> {
  if (entry.target === undefined) {
    walk.problems.push({ code: 'dynamic', domain: parent.domain, term: entry.text });
    return;
  }
  const target = entry.target;
  const child: LookupNode = { domain: target, via, terms: [], own: 0, total: 0 };
  entry.child = child;
  if (path.includes(target)) {
    walk.loop = true;
    setProblem(walk, child, { code: 'loop', domain: target });
    return;
  }
  if (depth >= walk.limit) {
    setProblem(walk, child, { code: 'too-deep', domain: target });
    return;
  }
  let pending = walk.fetched.get(target);
  if (!pending) {
    pending = fetchSpfRecord(walk.resolver, target, walk.overrides);
    walk.fetched.set(target, pending);
  }
  const found = await pending;
  switch (found.kind) {
    case 'none':
      setProblem(walk, child, { code: 'no-record', domain: target, dns: found.dns });
      break;
    case 'multiple':
      setProblem(walk, child, { code: 'multiple-records', domain: target, count: found.count });
      break;
    case 'dns-error':
      setProblem(walk, child, { code: 'dns-error', domain: target, answer: found.answer });
      break;
    case 'record': {
      child.record = found.text;
      const parsed = parseRecord(found.text);
      if (!parsed.ok) setProblem(walk, child, { code: 'syntax', domain: target, issues: parsed.issues });
      else await countRecord(walk, child, parsed.record, [...path, target], depth + 1);
      break;
    }
    default: {
      const never: never = found;
      throw new Error(`unhandled fetch ${String(never)}`);
    }
  }
  entry.total = 1 + child.total;
}
