/**
 * The static policy tree: a domain's SPF record and the records its `include:` and
 * `redirect=` terms lead to, read from DNS without a message in hand. The ONE place that
 * fetches and follows those terms outside the evaluator; lookup counting
 * (src/record/lookups.ts), pass-range resolution (src/record/ranges.ts) and the audit's tree
 * (src/audit/spf-tree.ts) are passes over it.
 *
 * One rule for how far it goes, checked in this order for every include/redirect target:
 * - a target already on the path from the root is a loop (evaluation would never end under
 *   the limit);
 * - a record deeper than `MAX_DEPTH - 1` is not read: the chain to it alone is over the
 *   RFC 7208 §4.6.4 limit of 10 lookups;
 * - at most `MAX_NODES` records are read for one tree, so a hostile or broken tree (wide
 *   fan-outs that meet again below) stays bounded in queries and in time.
 * A target whose domain-spec holds macros (§7) is known only per message and is not followed.
 */
import { assertNever } from '../common/assert-never.ts';
import type { Resolver } from '../dns/resolver.ts';
import { canonicalDomain } from './domain.ts';
import { type FetchedRecord, type RecordOverrides, fetchSpfRecord } from './fetch.ts';
import { reachableTerms } from './lookup-rules.ts';
import { parseRecord } from './parse.ts';
import { renderTerm } from './render.ts';
import { RFC_LIMITS, type Modifier, type Mechanism, type ParseIssue, type SpfRecord } from './types.ts';

/** Chains this deep are over the limit of 10 lookups whatever they hold: records at this depth are not read. */
export const MAX_DEPTH = RFC_LIMITS.dnsTerms + 1;
/** At most this many records are read for one tree. */
export const MAX_NODES = 100;

/** Why an include or redirect target was not read (see the module comment). */
export type PolicyStop = 'loop' | 'too-deep' | 'budget';

/** Why part of the tree could not be read. */
export type PolicyProblem =
  /** §5.2/§6.1: the target has no SPF record (permerror when reached). */
  | { code: 'no-record'; domain: string; dns: 'nxdomain' | 'nodata' | 'no-spf' }
  /** §4.5: several v=spf1 records (permerror). */
  | { code: 'multiple-records'; domain: string; count: number }
  /** §2.6.6: a query failed now (temperror); `name` is the name asked. */
  | { code: 'dns-error'; domain: string; name: string; answer: 'timeout' | 'servfail' }
  /** §4.6: the record does not parse (permerror). */
  | { code: 'syntax'; domain: string; issues: ParseIssue[] }
  /** The target was not read (`PolicyStop`). */
  | { code: PolicyStop; domain: string };

/** Where a term stands: a record of the tree, or the record of a domain a term is about to be written into. */
export interface PolicyPlace {
  domain: string;
  /** Include/redirect steps from the root (0 for the root). */
  depth: number;
  /** The include/redirect terms from the root down to here, as written (empty for the root). */
  path: readonly string[];
  /** The domains from the root down to here: a target among them is a loop. */
  ancestors: ReadonlySet<string>;
}

/** One record of the tree. */
export interface PolicyNode extends PolicyPlace {
  via: 'root' | 'include' | 'redirect';
  /** The RFC 7208 §4.5 selection (src/spf/fetch.ts); absent for a root given as text. */
  fetch?: FetchedRecord;
  /** The record text, when there is one. */
  text?: string;
  /** The parsed record; for one with syntax errors, the terms that did parse. */
  record?: SpfRecord;
  /** Why the record cannot be read in full: no record, several, a DNS failure, a syntax error. */
  problem?: PolicyProblem;
  /** The include/redirect terms evaluation can reach, in record order (filled by `expandPolicy`). */
  branches: PolicyBranch[];
}

/** An include or redirect term, as the tree follows it. */
export type PolicyTarget = Extract<Mechanism, { kind: 'include' }> | Extract<Modifier, { kind: 'redirect' }>;

/** Where following a term led. */
export type PolicyStep =
  /** The domain-spec holds macros (§7): the target is known only per message. */
  | { kind: 'dynamic' }
  | { kind: 'stop'; target: string; problem: { code: PolicyStop; domain: string } }
  | { kind: 'node'; target: string; node: PolicyNode };

export interface PolicyBranch {
  /** Index in the record's `terms`. */
  index: number;
  term: PolicyTarget;
  step: PolicyStep;
}

/** One tree being read: its fetch memo and its node count. */
export interface PolicyTree {
  /** The record `domain` publishes, as the root. */
  root(domain: string): Promise<PolicyNode>;
  /** A record not (yet) in DNS as the root; `domain` ('' when unknown) is where it would stand. */
  rootText(text: string, domain: string): PolicyNode;
  /** The record an include or redirect at `from` leads to, or why it is not read. */
  follow(from: PolicyPlace, term: PolicyTarget): Promise<PolicyStep>;
}

export interface PolicyTreeOptions {
  /** Records used instead of DNS (a sub-record not published yet). */
  overrides?: RecordOverrides;
}

/**
 * Starts reading a tree. Each tree has its own fetch memo (a domain met twice is fetched
 * once) and its own count towards `MAX_NODES`.
 *
 * @example
 * const tree = policyTree(resolver);
 * const root = await expandPolicy(tree, await tree.root('example.nl'));
 * root.branches[0]?.step.kind; // 'node' for include:_spf.example.nl
 */
export function policyTree(resolver: Resolver, options: PolicyTreeOptions = {}): PolicyTree {
  const fetched = new Map<string, Promise<FetchedRecord>>();
  let nodes = 0;

  const fetch = (domain: string): Promise<FetchedRecord> => {
    let pending = fetched.get(domain);
    if (pending === undefined) {
      pending = fetchSpfRecord(resolver, domain, options.overrides);
      fetched.set(domain, pending);
    }
    return pending;
  };

  const read = async (place: PolicyPlace, via: PolicyNode['via']): Promise<PolicyNode> => {
    nodes++;
    const found = await fetch(place.domain);
    const node: PolicyNode = { ...place, via, fetch: found, branches: [] };
    switch (found.kind) {
      case 'record':
        parseInto(node, found.text);
        break;
      case 'none':
        node.problem = { code: 'no-record', domain: place.domain, dns: found.dns };
        break;
      case 'multiple':
        node.problem = { code: 'multiple-records', domain: place.domain, count: found.count };
        break;
      case 'dns-error':
        node.problem = { code: 'dns-error', domain: place.domain, name: place.domain, answer: found.answer };
        break;
      default:
        assertNever(found);
    }
    return node;
  };

  return {
    root(domain) {
      const name = canonicalDomain(domain);
      return read({ domain: name, depth: 0, path: [], ancestors: new Set([name]) }, 'root');
    },
    rootText(text, domain) {
      nodes++;
      const name = canonicalDomain(domain);
      const node: PolicyNode = { domain: name, depth: 0, path: [], ancestors: new Set(name === '' ? [] : [name]), via: 'root', branches: [] };
      parseInto(node, text);
      return node;
    },
    async follow(from, term) {
      const spec = term.domainSpec;
      if (spec.hasMacros) return { kind: 'dynamic' };
      const target = canonicalDomain(spec.text);
      const stop: PolicyStop | undefined = from.ancestors.has(target) ? 'loop' : from.depth + 1 >= MAX_DEPTH ? 'too-deep' : nodes >= MAX_NODES ? 'budget' : undefined;
      if (stop !== undefined) return { kind: 'stop', target, problem: { code: stop, domain: target } };
      const place: PolicyPlace = { domain: target, depth: from.depth + 1, path: [...from.path, writtenTerm(from, term)], ancestors: new Set([...from.ancestors, target]) };
      return { kind: 'node', target, node: await read(place, term.kind) };
    },
  };
}

/**
 * Follows every include and redirect that evaluation can reach (§4.6.2, §6.1), all the way
 * down, branches of one record at the same time. A record with syntax errors is followed
 * through the terms that did parse only when `broken` is set (the audit shows them; a count
 * of a record that is a permerror anyway is not exact).
 *
 * @example
 * const root = await expandPolicy(tree, tree.rootText('v=spf1 include:a.example -all', 'example.nl'));
 */
export async function expandPolicy(tree: PolicyTree, node: PolicyNode, options: { broken?: boolean } = {}): Promise<PolicyNode> {
  const record = node.record;
  if (record === undefined || (node.problem !== undefined && options.broken !== true)) return node;
  const targets = reachableTerms(record).filter((term): term is PolicyTarget => term.kind === 'include' || term.kind === 'redirect');
  node.branches = await Promise.all(
    targets.map(async (term): Promise<PolicyBranch> => {
      const step = await tree.follow(node, term);
      if (step.kind === 'node') await expandPolicy(tree, step.node, options);
      return { index: record.terms.indexOf(term), term, step };
    }),
  );
  return node;
}

function parseInto(node: PolicyNode, text: string): void {
  node.text = text;
  const parsed = parseRecord(text);
  if (parsed.ok) {
    node.record = parsed.record;
    return;
  }
  if (parsed.partial !== undefined) node.record = parsed.partial;
  node.problem = { code: 'syntax', domain: node.domain, issues: parsed.issues };
}

/** The term as written in the record it stands in (canonical text outside a record). */
function writtenTerm(from: PolicyPlace, term: PolicyTarget): string {
  const text = (from as Partial<PolicyNode>).record?.text;
  return text === undefined ? renderTerm(term) : text.slice(term.span.start, term.span.end);
}

