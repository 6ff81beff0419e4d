/**
 * The RFC 7208 §4.6.4 counting rules, in one place: which terms query DNS, and which terms
 * evaluation can reach. The evaluator, the record explainer, record editing and the audit
 * all count with these.
 */
import { RFC_LIMITS, type SpfLimits, type SpfRecord, type Term } from './types.ts';

/** Terms that cause DNS queries and count against the limit of 10 (RFC 7208 §4.6.4). */
export type LookupKind = 'include' | 'a' | 'mx' | 'ptr' | 'exists' | 'redirect';

/**
 * The lookup kind of a term, or undefined for terms that query nothing (all, ip4, ip6 —
 * and exp=, whose lookup happens only after the result and does not count).
 */
export function lookupKind(term: Term): LookupKind | undefined {
  switch (term.kind) {
    case 'include':
    case 'a':
    case 'mx':
    case 'ptr':
    case 'exists':
    case 'redirect':
      return term.kind;
    case 'all':
    case 'ip4':
    case 'ip6':
    case 'exp':
    case 'unknown-modifier':
      return undefined;
    default: {
      const never: never = term;
      throw new Error(`unhandled term ${String(never)}`);
    }
  }
}

/**
 * What a term costs against the limit.
 *
 * @example
 * lookupCost(parsed.record.terms[0]) // 1 for include:spf.byte.nl
 */
export function lookupCost(term: Term): 0 | 1 {
  return lookupKind(term) === undefined ? 0 : 1;
}

/**
 * The terms that evaluation reaches, in order: everything up to and including the first
 * `all` (RFC 7208 §4.6.2: evaluation stops at the first match, and `all` always matches),
 * and `redirect=` only when there is no `all` (§6.1). `exp=` and unknown modifiers are kept
 * (they cost nothing).
 *
 * @example
 * reachableTerms(parseRecord('v=spf1 a -all mx').record).map((t) => t.kind); // ['a', 'all']
 */
export function reachableTerms(record: SpfRecord): Term[] {
  const hasAll = record.mechanisms.some((m) => m.kind === 'all');
  const out: Term[] = [];
  for (const term of record.terms) {
    if (term.kind === 'redirect' && hasAll) continue;
    out.push(term);
    if (term.kind === 'all') break;
  }
  return out;
}

/**
 * The most DNS queries one check_host() can send within RFC 7208 §4.6.4's limits — the size
 * a caller's query budget needs so that no RFC-valid record is cut short by it (issue 17.8):
 * the record's own TXT; `dnsTerms` terms of which the costliest is `mx` (the MX query and the
 * addresses of up to `mxNames` exchanges); the client's validated PTR names, looked up once per
 * check and shared by `ptr` and `%{p}` (the PTR query and one forward query per name); and the `exp=` TXT after a fail. An address
 * lookup of an `a`/`mx` target is one query, or two when a nodata answer for the client's
 * family is retried in the other (`voidOtherFamily: false`).
 *
 * @example
 * maxCheckQueries() // 123: 1 + 10 × (1 + 10) + (1 + 10) + 1
 */
export function maxCheckQueries(limits: SpfLimits = RFC_LIMITS): number {
  const address = limits.voidOtherFamily ? 1 : 2;
  const costliestTerm = 1 + limits.mxNames * address;
  const ptrNames = 1 + limits.ptrNames;
  return 1 + limits.dnsTerms * costliestTerm + ptrNames + 1;
}
