/**
 * The static DNS-lookup count of a record (RFC 7208 §4.6.4): every term that queries DNS
 * — include, a, mx, ptr, exists, redirect — across the whole include/redirect tree, as it
 * costs when no term matches early (the worst case a receiver meets). A pass over the one
 * policy tree (src/spf/policy-tree.ts); the record editor counts lookups here.
 */
import type { Resolver } from '../dns/resolver.ts';
import { canonicalDomain } from '../spf/domain.ts';
import { renderTerm } from '../spf/render.ts';
import { type LookupKind, lookupKind, reachableTerms } from '../spf/lookup-rules.ts';
import { type PolicyNode, type PolicyProblem, expandPolicy, policyTree } from '../spf/policy-tree.ts';
import { RFC_LIMITS } from '../spf/types.ts';
import type { RecordOverrides } from '../spf/fetch.ts';

/** Why part of the tree could not be counted exactly. */
export type LookupProblem =
  /** The tree's own problems: no record, several, DNS failure, syntax, loop, too deep, too many records. */
  | PolicyProblem
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
  const limit = options.limit ?? RFC_LIMITS.dnsTerms;
  const tree = policyTree(resolver, options.overrides ? { overrides: options.overrides } : {});
  const policy = await expandPolicy(tree, tree.rootText(record, options.domain === undefined ? '' : canonicalDomain(options.domain)));
  const problems: LookupProblem[] = [];
  const root = countNode(policy, 'root', policy.problem, problems);
  const loop = problems.some((p) => p.code === 'loop');
  return { root, total: root.total, limit, withinLimit: root.total <= limit && !loop, complete: problems.length === 0, problems };
}

/** The count of one record; `problems` gets the tree's problems depth first, in evaluation order. */
function countNode(policy: PolicyNode | undefined, via: LookupNode['via'], problem: PolicyProblem | undefined, problems: LookupProblem[], domain = policy?.domain ?? ''): LookupNode {
  const node: LookupNode = { domain, via, terms: [], own: 0, total: 0 };
  if (policy?.text !== undefined) node.record = policy.text;
  if (problem !== undefined) {
    node.problem = problem;
    // One "too many records" is enough: every record after the first one not read is not read either.
    if (problem.code !== 'budget' || !problems.some((p) => p.code === 'budget')) problems.push(problem);
  }
  // A record that is not read in full (no record, syntax, loop, …) counts nothing of its own.
  const record = problem === undefined ? policy?.record : undefined;
  if (policy === undefined || record === undefined) return node;
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
    const step = policy.branches.find((b) => b.term === term)?.step;
    if (step === undefined) continue;
    switch (step.kind) {
      case 'dynamic':
        problems.push({ code: 'dynamic', domain: node.domain, term: entry.text });
        break;
      case 'stop':
        entry.child = countNode(undefined, term.kind === 'redirect' ? 'redirect' : 'include', step.problem, problems, step.target);
        break;
      case 'node':
        entry.child = countNode(step.node, step.node.via, step.node.problem, problems);
        break;
      default: {
        const never: never = step;
        throw new Error(`unhandled step ${String(never)}`);
      }
    }
    entry.total = 1 + (entry.child?.total ?? 0);
  }
  node.total = node.own + node.terms.reduce((sum, t) => sum + (t.child?.total ?? 0), 0);
  return node;
}
