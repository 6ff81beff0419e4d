/**
 * The include/redirect tree of one evaluation, rebuilt from the flat trace. Shells draw it
 * (CLI text tree, the web page's picture); it holds data, no prose.
 */
import type { MechanismKind, SpfCause, SpfResult, Span, TraceStep, Via } from './types.ts';

export interface TreeTerm {
  index: number;
  text: string;
  span: Span;
  kind: MechanismKind | 'redirect';
  outcome: 'match' | 'no-match' | 'error';
  /** Counted against the 10 DNS-querying terms. */
  counted: boolean;
  target?: string;
  /** The nested check of an include or redirect. */
  child?: TreeNode;
}

export interface TreeNode {
  domain: string;
  via: Via;
  depth: number;
  record?: string;
  source?: 'dns' | 'override';
  result?: SpfResult;
  cause?: SpfCause;
  terms: TreeTerm[];
  /** DNS-querying terms evaluated in this record itself (not its children). */
  lookups: number;
}

/**
 * Builds the tree of checks from a trace. Returns undefined for a trace without a check
 * (e.g. an invalid domain that ended before any DNS query).
 *
 * @example
 * const root = evaluationTree(check.trace);
 * root?.terms.find((t) => t.child)?.child?.domain; // 'spf.coachview.net'
 */
export function evaluationTree(trace: readonly TraceStep[]): TreeNode | undefined {
  let root: TreeNode | undefined;
  const stack: TreeNode[] = [];
  let pendingTerm: TreeTerm | undefined;
  const lastTermAt: Array<TreeTerm | undefined> = [];
  for (const step of trace) {
    switch (step.type) {
      case 'check': {
        const node: TreeNode = { domain: step.domain, via: step.via, depth: step.depth, terms: [], lookups: 0 };
        stack.length = step.depth;
        const parent = stack[step.depth - 1];
        if (!parent) root = node;
        const owner = lastTermAt[step.depth - 1];
        if (parent && owner) owner.child = node;
        pendingTerm = undefined;
        stack[step.depth] = node;
        break;
      }
      case 'record': {
        const node = stack[step.depth];
        if (node) {
          node.record = step.record;
          node.source = step.source;
        }
        break;
      }
      case 'term': {
        const node = stack[step.depth];
        if (!node) break;
        // Term steps are completed in place when the term finishes; the trace is final here.
        pendingTerm = {
          index: step.index,
          text: step.text,
          span: step.span,
          kind: step.kind,
          outcome: step.outcome,
          counted: step.counted,
          ...(step.target !== undefined ? { target: step.target } : {}),
        };
        node.terms.push(pendingTerm);
        if (step.counted) node.lookups++;
        lastTermAt[step.depth] = pendingTerm;
        break;
      }
      case 'result': {
        const node = stack[step.depth];
        if (node && node.domain === step.domain && node.result === undefined) {
          node.result = step.result;
          node.cause = step.cause;
        }
        break;
      }
      case 'query':
      case 'explanation':
        break;
      default: {
        const never: never = step;
        throw new Error(`unhandled trace step ${String(never)}`);
      }
    }
  }
  return root;
}

/** DNS-querying terms of a node and everything below it (the §4.6.4 count of a branch). */
export function branchLookups(node: TreeNode): number {
  let total = node.lookups;
  for (const term of node.terms) if (term.child) total += branchLookups(term.child);
  return total;
}
