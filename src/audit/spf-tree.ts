/**
 * The SPF lookup tree of a domain: its record, every record its `include:` and `redirect=`
 * terms lead to, and what each DNS-querying term finds — counted the way RFC 7208 §4.6.4
 * counts them when no term matches early (the worst case a receiver meets). A pass over the
 * one policy tree (src/spf/policy-tree.ts, which also owns the loop, depth and size rule);
 * the findings in spf.ts are read off it.
 *
 * Counting rules (RFC 7208 §4.6.4, §5, §6.1):
 * - include, a, mx, ptr, exists and redirect cost one lookup each; all, ip4, ip6, exp and
 *   unknown modifiers cost none;
 * - evaluation stops at `all`, so terms after it cost nothing, and `redirect=` is ignored
 *   (not counted, not followed) in a record with `all` (§6.1);
 * - a term's "void" lookups are the names it asks that answer NXDOMAIN or no records:
 *   an a/exists name without any address (either family), an mx name without MX records
 *   or each of its exchanges without an address, an include/redirect target that does not
 *   exist or has no TXT records;
 * - terms whose name holds macros (§7) are counted but not followed: what they ask is known
 *   only when a message arrives.
 */
import type { DnsAnswer, Resolver } from '../dns/resolver.ts';
import { canonicalDomain } from '../spf/domain.ts';
import type { FetchedRecord } from '../spf/fetch.ts';
import { type LookupKind, lookupKind, reachableTerms } from '../spf/lookup-rules.ts';
import { MAX_DEPTH, MAX_NODES, type PolicyNode, type PolicyStep, type PolicyStop, expandPolicy, policyTree } from '../spf/policy-tree.ts';
import { RFC_LIMITS, type ParseIssue, type SpfRecord, type Term } from '../spf/types.ts';
import type { Evidence } from './types.ts';

/** Terms that query DNS (RFC 7208 §4.6.4). */
export type SpfLookupKind = LookupKind;

/**
 * Why an include or redirect was not followed: the target is on the path from the root
 * (`loop`), at `MAX_DEPTH` (`too-deep`), or the tree already has `MAX_NODES` records (`budget`).
 */
export type SpfStop = PolicyStop;

/** One DNS-querying term of a record and what it found. */
export interface SpfLookupTerm {
  /** Index in the record's `terms`. */
  index: number;
  /** The term as written. */
  text: string;
  kind: SpfLookupKind;
  /** The name it asks (lower case), when it is literal; absent for macros. */
  target?: string;
  /** The name holds macros (RFC 7208 §7): not followed, counted as one lookup. */
  dynamic: boolean;
  /**
   * What its own query found: `found`; `void` (NXDOMAIN or no records); `unavailable`
   * (timeout or SERVFAIL); `skipped` (ptr, whose name depends on the client; macros;
   * include/redirect not followed).
   */
  lookup: 'found' | 'void' | 'unavailable' | 'skipped';
  /** For a and mx: the hosts without any A/AAAA record (mx: its exchanges). */
  hostsWithoutAddress: string[];
  /** The names that answered NXDOMAIN or nothing, as `name (TYPE)`: its void lookups. */
  voids: string[];
  stop?: SpfStop;
  /** The record an include or redirect leads to. */
  child?: SpfNode;
  /** This term (1) plus the total of its child: what the branch costs. */
  total: number;
}

/** One record in the tree. */
export interface SpfNode {
  domain: string;
  via: 'root' | 'include' | 'redirect';
  /** The include/redirect terms from the root record down to this one (empty for the root). */
  path: readonly string[];
  /** The RFC 7208 §4.5 selection of the domain's SPF record (src/spf/fetch.ts). */
  fetch: FetchedRecord;
  /** Every TXT record at the name as its character-strings (for the size checks). */
  txt: readonly (readonly string[])[];
  /** The parsed record; for one with syntax errors, the terms that did parse. */
  record?: SpfRecord;
  /** Syntax issues of the record (RFC 7208 §4.6: any of them is a permerror). */
  issues: ParseIssue[];
  /** The DNS-querying terms that evaluation can reach, in record order. */
  terms: SpfLookupTerm[];
  /** Lookups of this record itself. */
  own: number;
  /** `own` plus the totals of everything below: the §4.6.4 count of this record. */
  total: number;
}

export { MAX_DEPTH, MAX_NODES };

function isVoidAnswer(answer: DnsAnswer<unknown>): boolean {
  return answer.kind === 'nxdomain' || answer.kind === 'nodata' || (answer.kind === 'answer' && answer.records.length === 0);
}

function isFailure(answer: DnsAnswer<unknown>): boolean {
  return answer.kind === 'timeout' || answer.kind === 'servfail';
}

/** Whether a host has an address: `found`, `void` (neither A nor AAAA) or `unavailable`. */
async function hostAddress(resolver: Resolver, host: string): Promise<'found' | 'void' | 'unavailable'> {
  const [a, aaaa] = await Promise.all([resolver.query(host, 'A'), resolver.query(host, 'AAAA')]);
  if (a.kind === 'answer' && a.records.length > 0) return 'found';
  if (aaaa.kind === 'answer' && aaaa.records.length > 0) return 'found';
  if (isFailure(a) || isFailure(aaaa)) return 'unavailable';
  return 'void';
}

/** RFC 7505: an MX whose exchange is the root name means "no mail". */
function isNullExchange(exchange: string): boolean {
  return exchange === '' || exchange === '.';
}

async function probeA(term: SpfLookupTerm, resolver: Resolver, host: string): Promise<void> {
  const found = await hostAddress(resolver, host);
  term.lookup = found;
  if (found === 'void') {
    term.hostsWithoutAddress.push(host);
    term.voids.push(`${host} (A/AAAA)`);
  }
}

async function probeMx(term: SpfLookupTerm, resolver: Resolver, host: string): Promise<void> {
  const answer = await resolver.query(host, 'MX');
  if (isFailure(answer)) {
    term.lookup = 'unavailable';
    return;
  }
  if (answer.kind !== 'answer' || isVoidAnswer(answer)) {
    term.lookup = 'void';
    term.voids.push(`${host} (MX)`);
    return;
  }
  term.lookup = 'found';
  // RFC 7208 §4.6.4: at most 10 exchanges are looked at per mx term.
  const exchanges = [...answer.records]
    .sort((x, y) => x.preference - y.preference)
    .map((mx) => canonicalDomain(mx.exchange))
    .filter((exchange) => !isNullExchange(exchange))
    .slice(0, RFC_LIMITS.mxNames);
  const found = await Promise.all(exchanges.map((exchange) => hostAddress(resolver, exchange)));
  exchanges.forEach((exchange, i) => {
    if (found[i] === 'void') {
      term.hostsWithoutAddress.push(exchange);
      term.voids.push(`${exchange} (A/AAAA)`);
    }
  });
}

async function probeExists(term: SpfLookupTerm, resolver: Resolver, host: string): Promise<void> {
  const answer = await resolver.query(host, 'A');
  if (isFailure(answer)) term.lookup = 'unavailable';
  else if (isVoidAnswer(answer)) {
    term.lookup = 'void';
    term.voids.push(`${host} (A)`);
  } else term.lookup = 'found';
}

/** What an include's or redirect's own query found: its target's TXT answer (§4.6.4). */
async function followTarget(term: SpfLookupTerm, resolver: Resolver, step: PolicyStep): Promise<void> {
  switch (step.kind) {
    case 'dynamic':
      return;
    case 'stop':
      term.stop = step.problem.code;
      return;
    case 'node':
      break;
    default: {
      const never: never = step;
      throw new Error(`unhandled step ${String(never)}`);
    }
  }
  const child = await auditNode(resolver, step.node);
  term.child = child;
  term.total = 1 + child.total;
  switch (child.fetch.kind) {
    case 'record':
    case 'multiple':
      term.lookup = 'found';
      break;
    case 'none':
      // §4.6.4: NXDOMAIN and an empty answer are void; TXT records without SPF are not.
      if (child.fetch.dns === 'no-spf') term.lookup = 'found';
      else {
        term.lookup = 'void';
        term.voids.push(`${step.target} (TXT)`);
      }
      break;
    case 'dns-error':
      term.lookup = 'unavailable';
      break;
    default: {
      const never: never = child.fetch;
      throw new Error(`unhandled fetch ${String(never)}`);
    }
  }
}

async function probeTerm(term: Term, kind: SpfLookupKind, index: number, resolver: Resolver, node: PolicyNode, record: SpfRecord): Promise<SpfLookupTerm> {
  const spec = 'domainSpec' in term ? term.domainSpec : undefined;
  const dynamic = spec?.hasMacros ?? false;
  const out: SpfLookupTerm = { index, text: record.text.slice(term.span.start, term.span.end), kind, dynamic, lookup: 'skipped', hostsWithoutAddress: [], voids: [], total: 1 };
  if (dynamic) return out;
  // a, mx and ptr without a domain-spec mean the current domain (§5.3, §5.4, §5.5).
  const target = spec === undefined ? node.domain : canonicalDomain(spec.text);
  out.target = target;
  switch (kind) {
    case 'include':
    case 'redirect': {
      const step = node.branches.find((branch) => branch.term === term)?.step;
      if (step) await followTarget(out, resolver, step);
      break;
    }
    case 'a':
      await probeA(out, resolver, target);
      break;
    case 'mx':
      await probeMx(out, resolver, target);
      break;
    case 'exists':
      await probeExists(out, resolver, target);
      break;
    case 'ptr':
      // The PTR name depends on the client's address: nothing to ask without one.
      break;
    default: {
      const never: never = kind;
      throw new Error(`unhandled kind ${String(never)}`);
    }
  }
  return out;
}

/** One record of the policy tree with what its terms find; `fetch` is always there for a tree read from DNS. */
async function auditNode(resolver: Resolver, policy: PolicyNode): Promise<SpfNode> {
  const fetch = policy.fetch as FetchedRecord;
  const answer = await resolver.query(policy.domain, 'TXT');
  const txt = answer.kind === 'answer' ? answer.records : [];
  const node: SpfNode = { domain: policy.domain, via: policy.via, path: policy.path, fetch, txt, issues: [], terms: [], own: 0, total: 0 };
  if (policy.problem?.code === 'syntax') node.issues = policy.problem.issues;
  const record = policy.record;
  if (fetch.kind !== 'record' || record === undefined) return node;
  node.record = record;
  const probes: Array<Promise<SpfLookupTerm>> = [];
  for (const term of reachableTerms(record)) {
    const kind = lookupKind(term);
    if (kind !== undefined) probes.push(probeTerm(term, kind, record.terms.indexOf(term), resolver, policy, record));
  }
  node.terms = await Promise.all(probes);
  node.own = node.terms.length;
  node.total = node.terms.reduce((sum, term) => sum + term.total, 0);
  return node;
}

/**
 * Fetches `domain`'s SPF record and everything it leads to, and counts the lookups of every
 * branch. DNS failures are kept in the tree (`lookup: 'unavailable'`, `fetch.kind:
 * 'dns-error'`); the resolver should be the audit's memoising one (see dns.ts).
 *
 * @example
 * const tree = await spfLookupTree(resolver, 'prezentklant.nl');
 * tree.total;                       // 4: mx, a, include, and the include's own terms
 * tree.terms[2]?.child?.domain;     // 'spf.dmrmail.nl'
 */
export async function spfLookupTree(resolver: Resolver, domain: string): Promise<SpfNode> {
  const tree = policyTree(resolver);
  // The audit shows what a broken record's parsed terms lead to, so it follows them too.
  return auditNode(resolver, await expandPolicy(tree, await tree.root(domain), { broken: true }));
}

/**
 * Every node of the tree, depth first, the root first.
 *
 * @example
 * treeNodes(tree).map((node) => node.domain); // ['prezentklant.nl', 'spf.dmrmail.nl']
 */
export function treeNodes(root: SpfNode): SpfNode[] {
  const out: SpfNode[] = [];
  const visit = (node: SpfNode): void => {
    out.push(node);
    for (const term of node.terms) if (term.child) visit(term.child);
  };
  visit(root);
  return out;
}

/**
 * The root and the records its redirect chain leads to: the policy the domain itself controls.
 *
 * @example
 * ownNodes(tree).map((node) => node.domain); // ['d.nl', '_spf.d.nl'] for v=spf1 redirect=_spf.d.nl
 */
export function ownNodes(root: SpfNode): SpfNode[] {
  const out: SpfNode[] = [root];
  let node: SpfNode | undefined = root;
  while (node) {
    node = node.terms.find((term) => term.kind === 'redirect')?.child;
    if (node) out.push(node);
  }
  return out;
}

/**
 * The void lookups of the whole tree (RFC 7208 §4.6.4), as `name (TYPE)`.
 *
 * @example
 * voidLookups(tree); // ['geen.d.nl (A/AAAA)', 'weg.d.nl (TXT)']
 */
export function voidLookups(root: SpfNode): string[] {
  return treeNodes(root).flatMap((node) => node.terms.flatMap((term) => term.voids));
}

/**
 * The tree as evidence: each record with its own count and its total, each include or
 * redirect branch with what it costs the record above it (`total` = 1 for the term + the
 * total of the record it leads to).
 *
 * @example
 * lookupTreeEvidence(tree);
 * // { domain: 'example.com', own: 3, total: 12, branches: [
 * //   { term: 'include:spf.a.example', domain: 'spf.a.example', own: 2, total: 5, branches: [ … ] }, … ] }
 */
export function lookupTreeEvidence(node: SpfNode): Evidence {
  return { domain: node.domain, own: node.own, total: node.total, branches: branchesOf(node) };
}

function branchesOf(node: SpfNode): Evidence[] {
  const out: Evidence[] = [];
  for (const term of node.terms) {
    if (term.kind !== 'include' && term.kind !== 'redirect') continue;
    const branch: Record<string, Evidence[keyof Evidence]> = { term: term.text, domain: term.target ?? null, own: term.child?.own ?? 0, total: term.total };
    if (term.child) branch.branches = branchesOf(term.child);
    if (term.stop) branch.stop = term.stop;
    if (term.dynamic) branch.dynamic = true;
    out.push(branch);
  }
  return out;
}
